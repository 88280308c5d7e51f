import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../support/bot.js';
import { type RunningBot } from '../../src/main.js';
import { capturedLogger } from '../fakes/log-capture.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { mentionEvent } from '../fakes/slack-requests.js';
import { FakeSocketModeServer } from '../fakes/socket-mode-server.js';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.js';

/**
 * Slack's side of Socket Mode goes away for longer than a few retries (the WebSocket is cut and apps.connections.open
 * fails again and again), then comes back: the bot reconnects by itself and answers again, and /healthz reports the
 * connection meanwhile. Waits are shortened by injection (production backs off up to 30 s), not by sleeping.
 */
let fake: FakeSlackApi;
let socket: FakeSocketModeServer;
let bot: RunningBot;
const logs = capturedLogger('info');
const healthz = async () => {
  const response = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
  return { status: response.status, body: (await response.json()) as { ok: boolean; connection: { state: string; reconnects: number } } };
};

/** The Dockerfile's HEALTHCHECK command, run as Docker would (exit status 0 = healthy). */
const HEALTHCHECK = /^HEALTHCHECK .*? CMD (.+)$/m.exec(readFileSync(resolve(import.meta.dirname, '..', '..', 'Dockerfile'), 'utf8'))![1]!;
const dockerHealthcheck = () =>
  new Promise<number | null>((done) => {
    // Asynchronously: the bot answering it runs in this process.
    execFile('sh', ['-c', HEALTHCHECK], { env: { PATH: process.env.PATH!, PORT: String(bot.port), SLACK_APP_TOKEN: 'xapp-1-A0001-123-abcdef' }, timeout: 30_000 }, (error) => done(error ? (typeof error.code === 'number' ? error.code : null) : 0));
  });

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  socket = await new FakeSocketModeServer().start();
  fake.socketUrl = socket.url;
  bot = await startBot({ SLACK_BOT_TOKEN: 'xoxb-1-2-reconnect', SLACK_APP_TOKEN: 'xapp-1-A0001-123-abcdef', SLACK_API_URL: fake.apiUrl, PORT: '0', HOST: '127.0.0.1', KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE }, logs.logger, {
    receiver: { clientPingTimeoutMs: 200, socketRetry: { forever: true, retries: 3, factor: 1, minTimeout: 20, maxTimeout: 20 }, healthGraceMs: 0 },
  });
  await socket.connection();
});
afterAll(async () => {
  await bot?.stop(200);
  await socket?.stop();
  await fake?.stop();
});

describe('Socket Mode after Slack goes away and comes back', () => {
  it('reports the connection on /healthz, reconnects without a retry limit, and answers again', async () => {
    expect(await healthz()).toMatchObject({ status: 200, body: { ok: true, connection: { state: 'connected', reconnects: 0 } } });

    // The outage lasts until the test ends it: apps.connections.open fails again and again (bolt's client used to
    // give up after four failures in a row and stay disconnected for good).
    const opensBefore = fake.callsTo('apps.connections.open').length;
    fake.fail('apps.connections.open', { status: 0, times: 100_000 });
    socket.dropConnections();
    await fake.waitFor('apps.connections.open', opensBefore + 8, 20_000);
    // Meanwhile the bot says it cannot serve (grace 0 here; 2 minutes in production), and Docker's check agrees.
    expect(await healthz()).toMatchObject({ status: 503, body: { ok: false, connection: { state: 'disconnected' } } });
    expect(await dockerHealthcheck()).toBe(1);
    fake.clearFaults('apps.connections.open');

    await socket.waitForConnections(2, 20_000);
    const event = mentionEvent("what's our RPO?");
    socket.send({ envelope_id: 'env-back', type: 'events_api', accepts_response_payload: false, payload: { token: 'legacy', team_id: 'T0001', api_app_id: 'A0001', type: 'event_callback', event_id: 'EvBACK1', event_time: 1, event } });
    await socket.waitForAck('env-back');
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post!.body).toMatchObject({ channel: 'C0CHAN', text: 'No.29 Backup timing (RPO): 24 hours' });
    expect(await healthz()).toMatchObject({ status: 200, body: { ok: true, connection: { state: 'connected', reconnects: 1 } } });
    expect(await dockerHealthcheck()).toBe(0);
  }, 90_000);
});
