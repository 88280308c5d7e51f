import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, type CustomRoute } from '@slack/bolt';
import type { Config } from '../config/env.js';
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

/** Builds the bolt app with every listener registered; starting it is the caller's choice (see main.ts). */
export function createSlackApp(config: SlackConfig, deps: SlackDeps): SlackApp {
  const logger = boltLogger(deps.logger);
  const clientOptions = { ...(config.SLACK_API_URL ? { slackApiUrl: ensureTrailingSlash(config.SLACK_API_URL) } : {}), retryConfig: WEB_API_RETRY };
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

  const app = new App({ token: config.SLACK_BOT_TOKEN, receiver, logger, clientOptions });

  // A Slack retry (or a Socket Mode duplicate) of an event already being answered is acknowledged and dropped.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && deps.dedupe.isDuplicate(eventId)) {
      deps.logger.info({ event: 'duplicate', eventId }, 'ignored a repeated delivery of an event');
      return;
    }
    await next();
  });

  registerListeners(app, deps);

  app.error(async (error) => {
    deps.logger.error({ err: error, code: (error as { code?: string }).code }, 'a listener failed');
  });
  return { app, mode: config.mode };
}

function health(deps: SlackDeps, _req: IncomingMessage, res: ServerResponse): void {
  const k = deps.base.knowledge;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: true, sheet: { date: k.date, version: k.version, items: k.items.length, loadedAt: k.loadedAt.toISOString() } }));
}

const ensureTrailingSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);
