import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/answer/knowledge-base.js';
import { AccessPolicy, SharedChannels } from '../../src/slack/access.js';
import { createSlackApp, HTTP_LIMITS, MAX_CLIENT_POOLS } from '../../src/slack/app.js';
import { EventDeduper } from '../../src/slack/dedupe.js';
import { InFlight } from '../../src/slack/in-flight.js';
import { startBot } from '../support/bot.js';
import { type RunningBot } from '../../src/main.js';
import { capturedLogger } from '../fakes/log-capture.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { eventEnvelope, mentionEvent, slackHeaders } from '../fakes/slack-requests.js';
import { TEST_SIGNING_SECRET } from '../fakes/http-bot.js';
import { FIXTURE_KNOWLEDGE, fixtureKnowledge } from '../support/knowledge.js';

/**
 * Bounded memory without the signing secret: bodies are capped well below bolt's 4 MB, slow headers and bodies are cut
 * after seconds (shortened here by injection), and bolt's per-team WebClients are bounded. RSS figures: bench/hostile-http.ts.
 */
let fake: FakeSlackApi;
let bot: RunningBot;
const SHORT = { headersTimeoutMs: 300, requestTimeoutMs: 600, checkEveryMs: 100 };
beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  bot = await startBot({ SLACK_BOT_TOKEN: 'xoxb-1-2-limits', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, PORT: '0', HOST: '127.0.0.1', SLACK_API_URL: fake.apiUrl, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE }, capturedLogger().logger, { http: SHORT });
});
afterAll(async () => {
  await bot?.stop(200);
  await fake?.stop();
});

/** Writes raw bytes to the bot and resolves with everything it answered once it closes the connection. */
function raw(chunks: string[], keepOpen = true): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(bot.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (data) => (answer += data));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => undefined);
    for (const chunk of chunks) socket.write(chunk);
    if (!keepOpen) socket.end();
  });
}
const head = (headers: Record<string, string>) => `POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;

describe('HTTP limits', () => {
  it('the body cap is well below 4 MB', () => {
    expect(HTTP_LIMITS.bodyBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(HTTP_LIMITS.requestTimeoutMs).toBeLessThanOrEqual(30_000);
    expect(HTTP_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(10_000);
  });

  it('refuses a declared 3.9 MB body with 413 before reading it', async () => {
    const response = await fetch(`http://127.0.0.1:${bot.port}/slack/events`, {
      method: 'POST',
      headers: slackHeaders('x', { secret: 'unknown', contentType: 'application/json' }),
      body: 'x'.repeat(3_900_000),
    });
    expect(response.status).toBe(413);
  });

  it('refuses a chunked body past the cap with 413', async () => {
    const chunk = 'a'.repeat(64 * 1024);
    const chunks = Array.from({ length: Math.ceil(HTTP_LIMITS.bodyBytes / chunk.length) + 2 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const answer = await raw([head({ 'content-type': 'application/json', 'transfer-encoding': 'chunked', 'x-slack-request-timestamp': '1', 'x-slack-signature': 'v0=00' }), ...chunks]);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
  });

  it('cuts a client that stalls in its headers', async () => {
    const answer = await raw(['POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n']);
    expect(answer).toMatch(/^HTTP\/1\.1 408|^$/);
  });

  it('cuts a client that stalls in its body, and keeps answering others', async () => {
    const body = eventEnvelope(mentionEvent('rpo?')).body;
    const stalled = raw([head({ ...slackHeaders(body, { secret: TEST_SIGNING_SECRET, contentType: 'application/json' }), 'content-length': String(body.length) }) + body.slice(0, 10)]);
    expect(await stalled).toMatch(/^HTTP\/1\.1 408|^$/);
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
  });
});

describe('bolt’s WebClient per team_id', () => {
  it('keeps at most MAX_CLIENT_POOLS of them, however many teams send requests', async () => {
    const deps = { base: new KnowledgeBase(fixtureKnowledge()), logger: capturedLogger('warn').logger, dedupe: new EventDeduper(), access: new AccessPolicy(), shared: new SharedChannels(), inFlight: new InFlight() };
    const { app } = createSlackApp({ mode: 'http', SLACK_BOT_TOKEN: 'xoxb-1-2-pools', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl }, deps, { botId: 'BBOT', botUserId: 'UBOT', teamId: 'T0001' });
    for (let i = 0; i < MAX_CLIENT_POOLS * 3; i++) {
      const body = JSON.parse(eventEnvelope({ type: 'app_mention', user: 'U0USER', text: '<@UBOT> help', ts: `1.${i}`, channel: 'C0CHAN' }).body) as Record<string, unknown>;
      await app.processEvent({ body: { ...body, team_id: `T${i}` }, ack: async () => undefined });
    }
    const pools = (app as unknown as { clients: Record<string, unknown> }).clients;
    expect(Object.keys(pools).length).toBeGreaterThan(0);
    expect(Object.keys(pools).length).toBeLessThanOrEqual(MAX_CLIENT_POOLS);
  });
});
