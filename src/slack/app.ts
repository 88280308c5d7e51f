import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type CustomRoute, type RespondFn } from '@slack/bolt';
import { DEFAULT_SLACK_API_TIMEOUT_MS, type Config } from '../config/env.js';
import { NOT_ALLOWED_TEXT } from '../render/strings.js';
import { originOf } from './access.js';
import { boltLogger } from './bolt-logger.js';
import type { SlackDeps } from './deps.js';
import { registerListeners } from './listeners/index.js';
import { screenSlackRequest } from './request-guard.js';

/** Slack's endpoint for events, slash commands and interactivity in HTTP mode. */
export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

/**
 * Web API calls (posting replies) are retried a few times over seconds, not bolt's default of ten times over half
 * an hour: an answer that arrives half an hour late is worse than a logged failure. Rate limits (429) are waited out
 * per channel, as Slack's Retry-After asks (ChannelRateLimits).
 */
export const WEB_API_RETRY = { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 2_000 } as const;

/**
 * Socket Mode's own `apps.connections.open` calls retry without limit, backing off to 30 s: with a few retries (what
 * the client had before) an outage of seconds left the bot connected to nothing, forever, with the process up.
 */
export const SOCKET_RECONNECT_RETRY = { forever: true, retries: 10, factor: 2, minTimeout: 500, maxTimeout: 30_000 } as const;

/** How long /healthz stays ok in Socket Mode while reconnecting, before it reports the bot unhealthy (503). */
export const SOCKET_HEALTH_GRACE_MS = 120_000;

/**
 * bolt keeps a WebClient (~45 KB) for every team_id it has seen and never frees one; requests naming ever new teams
 * would grow memory without bound. This bot uses one token, so past this many the oldest pools are dropped (a
 * listener still holding one keeps using it; a later request of that team gets a new one).
 */
export const MAX_CLIENT_POOLS = 100;

/**
 * Limits of the HTTP server (both modes: Slack's requests in HTTP mode, /healthz in both). Slack's payloads are a few
 * kilobytes (a button click carries the bot's own message, bounded by the renderer), so 512 KB leaves a wide margin
 * while 400 stalled requests can hold at most ~200 MB; a slow client gets 5 s for its headers and 10 s for the
 * whole request (Node checks these every `connectionsCheckingInterval`, 30 s unless set).
 */
export const HTTP_LIMITS = { bodyBytes: 512 * 1024, headersTimeoutMs: 5_000, requestTimeoutMs: 10_000, keepAliveTimeoutMs: 5_000, checkEveryMs: 1_000 };
export type HttpLimits = typeof HTTP_LIMITS;

/** What the receivers take besides configuration: limits, and shorter Socket Mode waits for tests. */
export interface ReceiverTuning {
  /** HTTP mode: the largest request body read (bolt's default is 4 MB, buffered before the signature is checked). */
  bodyLimit?: number;
  /** Socket Mode: bolt's client waits clientPingTimeout × consecutive failures between reconnections. */
  clientPingTimeoutMs?: number;
  /** Socket Mode: retries of apps.connections.open (default SOCKET_RECONNECT_RETRY). */
  socketRetry?: { forever: true; retries: number; factor: number; minTimeout: number; maxTimeout: number };
  /** Socket Mode: how long /healthz stays ok while reconnecting (default SOCKET_HEALTH_GRACE_MS). */
  healthGraceMs?: number;
}

export type SlackConfig = Pick<Config, 'mode' | 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_API_URL'> & Partial<Pick<Config, 'SLACK_API_TIMEOUT_MS'>>;

export interface SlackApp {
  app: App;
  mode: Config['mode'];
}

/** Who the bot is in Slack, from `auth.test`. */
export interface BotIdentity {
  botId: string;
  botUserId: string;
  teamId?: string;
}

/** Why the bot cannot talk to Slack, in one line the person running it can act on. */
export class SlackUnavailableError extends Error {
  override name = 'SlackUnavailableError';
}

/**
 * Every Web API call gives up after `SLACK_API_TIMEOUT_MS` (WebClient's default is no timeout: a hanging
 * chat.postMessage held an answer for a minute), and a 429 is handed back rather than pausing every call (see
 * ChannelRateLimits).
 */
const webClientOptions = (config: SlackConfig) => ({
  ...(config.SLACK_API_URL ? { slackApiUrl: ensureTrailingSlash(config.SLACK_API_URL) } : {}),
  retryConfig: WEB_API_RETRY,
  timeout: config.SLACK_API_TIMEOUT_MS ?? DEFAULT_SLACK_API_TIMEOUT_MS,
  rejectRateLimitedCalls: true,
});

/**
 * Checks the bot token with `auth.test` before anything listens, so a wrong token is one clear line at start-up
 * rather than every later request failing. The identity is handed to bolt, which then skips its own check.
 */
export async function verifySlackToken(config: SlackConfig): Promise<BotIdentity> {
  const client = new webApi.WebClient(config.SLACK_BOT_TOKEN, { ...webClientOptions(config), retryConfig: { retries: 1, minTimeout: 200 }, logLevel: webApi.LogLevel.ERROR });
  try {
    const result = await client.auth.test();
    if (!result.bot_id || !result.user_id) throw new SlackUnavailableError('SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot_id): use the Bot User OAuth Token (xoxb-…)');
    return { botId: result.bot_id, botUserId: result.user_id, ...(result.team_id ? { teamId: result.team_id } : {}) };
  } catch (error) {
    if (error instanceof SlackUnavailableError) throw error;
    const code = (error as { code?: string; data?: { error?: string } }).data?.error;
    if (code) throw new SlackUnavailableError(`SLACK_BOT_TOKEN was refused by Slack (${code}): copy the Bot User OAuth Token again from OAuth & Permissions`);
    throw new SlackUnavailableError(`cannot reach the Slack Web API at ${config.SLACK_API_URL ?? 'https://slack.com/api/'}: ${(error as Error).message}`);
  }
}

/** Builds the bolt app with every listener registered; starting it is the caller's choice (see main.ts). */
export function createSlackApp(config: SlackConfig, deps: SlackDeps, identity?: BotIdentity, tuning: ReceiverTuning = {}): SlackApp {
  const logger = boltLogger(deps.logger);
  const clientOptions = webClientOptions(config);
  const customRoutes: CustomRoute[] = [{ path: HEALTH_PATH, method: ['GET'], handler: (req, res) => health(deps, req, res) }];

  const receiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.SLACK_APP_TOKEN!,
          logger,
          ...(tuning.clientPingTimeoutMs ? { clientPingTimeout: tuning.clientPingTimeoutMs } : {}),
          // installerOptions.clientOptions is what the Socket Mode client's own WebClient (apps.connections.open) uses.
          installerOptions: { clientOptions: { ...clientOptions, retryConfig: tuning.socketRetry ?? SOCKET_RECONNECT_RETRY } },
        })
      : new HTTPReceiver({
          signingSecret: config.SLACK_SIGNING_SECRET!,
          endpoints: EVENTS_PATH,
          customRoutes,
          bodyLimit: tuning.bodyLimit ?? HTTP_LIMITS.bodyBytes,
          logger,
          // Acknowledge first, work after: holding the HTTP response until the listener ends makes Slack retry.
          processBeforeResponse: false,
          // The signature is checked once, by the screen below, which every POST to the events endpoint (the only
          // requests bolt would check) passes through first; a second HMAC in bolt cost CPU on every request.
          signatureVerification: false,
        });

  if (receiver instanceof HTTPReceiver) {
    // Requests to the events endpoint are screened first (timestamps both ways, payload shape; see request-guard.ts).
    const bolt = receiver.requestListener;
    const screen = { signingSecret: config.SLACK_SIGNING_SECRET!, bodyLimit: tuning.bodyLimit ?? HTTP_LIMITS.bodyBytes };
    receiver.requestListener = (req, res) => {
      if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== EVENTS_PATH) return bolt(req, res);
      screenSlackRequest(req, res, screen).then(
        (accepted) => accepted && bolt(req, res),
        (error: unknown) => {
          deps.logger.warn({ err: error }, 'could not read a request');
          if (!res.headersSent) res.writeHead(400).end();
        },
      );
    };
  }

  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger,
    clientOptions,
    // bolt's default conversation store keeps state per conversation in memory; nothing here uses it.
    convoStore: false,
    ...(identity ? { botId: identity.botId, botUserId: identity.botUserId, tokenVerificationEnabled: false } : {}),
  });

  boundClientPools(app, MAX_CLIENT_POOLS);

  // Every request's work is tracked, so a shutdown can finish it before exiting.
  app.use(async ({ next }) => deps.inFlight.track(next()));

  // A Slack retry (or a Socket Mode duplicate) of an event already being answered is acknowledged and dropped.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && (await deps.dedupe.isDuplicate(eventId))) {
      deps.logger.info({ event: 'duplicate', eventId }, 'ignored a repeated delivery of an event');
      return;
    }
    await next();
  });

  // Who is answered (allow-lists, people of other organisations): outside the rule nothing is answered, and the
  // person is told once. Judged on the asker's own team, the same way on every path (see AccessPolicy).
  app.use(async (args) => {
    const origin = originOf(args.body);
    if (deps.access.allows(origin)) return args.next();
    const { workspace, userTeam, channel, user } = origin;
    deps.logger.info({ event: 'refused_access', team: workspace, userTeam, channel, user }, 'request from outside the allow-lists or from another organisation');
    const tell = deps.access.shouldTell(origin);
    const { ack, respond } = args as { ack?: (response?: unknown) => Promise<void>; respond?: RespondFn };
    const isCommand = (args.body as { command?: string }).command !== undefined;
    if (ack) {
      await ack(tell && isCommand ? { response_type: 'ephemeral', text: NOT_ALLOWED_TEXT } : undefined);
      // A shortcut or button has no reply of its own: the notice goes through its response_url, privately.
      if (tell && !isCommand && respond) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: NOT_ALLOWED_TEXT }).catch((error: unknown) => deps.logger.warn({ err: error, channel }, 'could not tell a refused user'));
      }
    } else if (tell && channel && user) {
      await args.client.chat.postEphemeral({ channel, user, text: NOT_ALLOWED_TEXT }).catch((error: unknown) => deps.logger.warn({ err: error, channel }, 'could not tell a refused user'));
    }
  });

  registerListeners(app, deps);

  app.error(async (error) => {
    deps.logger.error({ err: error, code: (error as { code?: string }).code }, 'a listener failed');
  });
  if (receiver instanceof SocketModeReceiver) deps.connection?.watch(receiver.client);
  return { app, mode: config.mode };
}

/** Caps bolt's per-team WebClient pools (see MAX_CLIENT_POOLS): pruned after each request, oldest first. */
function boundClientPools(app: App, max: number): void {
  // `clients` is private in bolt's types; this reads it at run time (test/slack/http-limits.e2e.test.ts checks it).
  const pools = (app as unknown as { clients?: Record<string, unknown> }).clients;
  if (!pools) return;
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    try {
      await processEvent(event);
    } finally {
      const teams = Object.keys(pools);
      for (const team of teams.slice(0, Math.max(0, teams.length - max))) delete pools[team];
    }
  };
}

/**
 * `/healthz`: the sheet served; `ok: false` with the problems while a rejected edit of the knowledge folder sits on
 * disk (status 200: answers are still served, and a restart would not help, fixing the file does); in Socket Mode the
 * connection to Slack, with status 503 once it has been down longer than SOCKET_HEALTH_GRACE_MS, so the Docker
 * HEALTHCHECK (and any orchestrator) sees a bot that cannot serve.
 */
export function health(deps: SlackDeps, _req: IncomingMessage, res: ServerResponse): void {
  const k = deps.base.knowledge;
  const pending = deps.pendingKnowledgeError?.();
  const connection = deps.connection?.report();
  // A failing database degrades the bot (records are dropped) but it still answers: that alone keeps the status 200.
  const store = deps.storeStatus?.();
  res.writeHead(connection?.ok === false ? 503 : 200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      ok: pending === undefined && connection?.ok !== false,
      ...(store ? { status: store.status, store } : {}),
      sheet: { date: k.date, version: k.version, items: k.items.length, loadedAt: k.loadedAt.toISOString() },
      ...(pending ? { pendingEdit: { error: 'the edited knowledge folder does not load; the sheet above is still served', problems: pending.problems, since: pending.since.toISOString() } } : {}),
      ...(connection ? { connection } : {}),
    }),
  );
}

const ensureTrailingSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);
