import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type CustomRoute, type RespondFn } from '@slack/bolt';
import type { Config } from '../config/env.js';
import { NOT_ALLOWED_TEXT } from '../render/strings.js';
import { boltLogger } from './bolt-logger.js';
import type { SlackDeps } from './deps.js';
import { registerListeners } from './listeners/index.js';

/** Slack's endpoint for events, slash commands and interactivity in HTTP mode. */
export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

/**
 * Web API calls (posting replies) are retried a few times over seconds, not bolt's default of ten times over half
 * an hour: an answer that arrives half an hour late is worse than a logged failure. Rate limits (429) are still
 * waited out as Slack's Retry-After asks.
 */
export const WEB_API_RETRY = { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 2_000 } as const;

export type SlackConfig = Pick<Config, 'mode' | 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_API_URL'>;

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

const webClientOptions = (config: SlackConfig) => ({
  ...(config.SLACK_API_URL ? { slackApiUrl: ensureTrailingSlash(config.SLACK_API_URL) } : {}),
  retryConfig: WEB_API_RETRY,
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
export function createSlackApp(config: SlackConfig, deps: SlackDeps, identity?: BotIdentity): SlackApp {
  const logger = boltLogger(deps.logger);
  const clientOptions = webClientOptions(config);
  const customRoutes: CustomRoute[] = [{ path: HEALTH_PATH, method: ['GET'], handler: (req, res) => health(deps, req, res) }];

  const receiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN!, logger, installerOptions: { clientOptions } })
      : new HTTPReceiver({
          signingSecret: config.SLACK_SIGNING_SECRET!,
          endpoints: EVENTS_PATH,
          customRoutes,
          logger,
          // Acknowledge first, work after: holding the HTTP response until the listener ends makes Slack retry.
          processBeforeResponse: false,
        });

  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger,
    clientOptions,
    // bolt's default conversation store keeps state per conversation in memory; nothing here uses it.
    convoStore: false,
    ...(identity ? { botId: identity.botId, botUserId: identity.botUserId, tokenVerificationEnabled: false } : {}),
  });

  // Every request's work is tracked, so a shutdown can finish it before exiting.
  app.use(async ({ next }) => deps.inFlight.track(next()));

  // A Slack retry (or a Socket Mode duplicate) of an event already being answered is acknowledged and dropped.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && deps.dedupe.isDuplicate(eventId)) {
      deps.logger.info({ event: 'duplicate', eventId }, 'ignored a repeated delivery of an event');
      return;
    }
    await next();
  });

  // Allow-lists (ALLOWED_TEAM_IDS, ALLOWED_CHANNEL_IDS): outside them nothing is answered; the person is told once.
  if (deps.access.restricted) {
    app.use(async (args) => {
      const { team, channel, user } = whereFrom(args.body);
      if (deps.access.allows(team, channel)) return args.next();
      deps.logger.info({ event: 'refused_access', team, channel, user }, 'request from outside the allow-lists');
      const tell = deps.access.shouldTell(team, channel, user);
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
  }

  registerListeners(app, deps);

  app.error(async (error) => {
    deps.logger.error({ err: error, code: (error as { code?: string }).code }, 'a listener failed');
  });
  return { app, mode: config.mode };
}

/** Workspace, channel and user of any request body: events, slash commands and interactivity payloads. */
function whereFrom(body: unknown): { team?: string; channel?: string; user?: string } {
  // Three payload shapes: read them as loose records and keep only string values.
  const at = (value: unknown, ...path: string[]): string | undefined => {
    const found = path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);
    return typeof found === 'string' ? found : undefined;
  };
  const team = at(body, 'team_id') ?? at(body, 'team', 'id') ?? at(body, 'user', 'team_id') ?? at(body, 'event', 'team');
  const channel = at(body, 'event', 'channel') ?? at(body, 'channel_id') ?? at(body, 'channel', 'id') ?? at(body, 'container', 'channel_id');
  const user = at(body, 'event', 'user') ?? at(body, 'user_id') ?? at(body, 'user', 'id');
  return { ...(team ? { team } : {}), ...(channel ? { channel } : {}), ...(user ? { user } : {}) };
}

/**
 * The sheet being served, and `ok: false` with the problems while a rejected edit of the knowledge folder sits on
 * disk. The status stays 200 as long as answers are served: restarting the bot would not help (a sheet that does not
 * load stops a fresh start), fixing the file does.
 */
function health(deps: SlackDeps, _req: IncomingMessage, res: ServerResponse): void {
  const k = deps.base.knowledge;
  const pending = deps.pendingKnowledgeError?.();
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      ok: pending === undefined,
      sheet: { date: k.date, version: k.version, items: k.items.length, loadedAt: k.loadedAt.toISOString() },
      ...(pending ? { pendingEdit: { error: 'the edited knowledge folder does not load; the sheet above is still served', problems: pending.problems, since: pending.since.toISOString() } } : {}),
    }),
  );
}

const ensureTrailingSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);
