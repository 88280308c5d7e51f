import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBot } from '../support/bot.js';
import { type RunningBot } from '../../src/main.js';
import { capturedLogger } from '../fakes/log-capture.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { commandBody, eventEnvelope, mentionEvent, signedPost, sign } from '../fakes/slack-requests.js';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.js';

const SECRET = 'f00dfeedcafe0123456789abcdef0123';
const BOT_TOKEN = 'xoxb-2222222222-3333333333-ZyXwVuTsRqPoNmLkJiHgFeDc';
let fake: FakeSlackApi;
let bot: RunningBot;
let url = '';
const logs = capturedLogger();

const mention = (text: string, extra: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}) => {
  const event = mentionEvent(text, extra);
  const { body } = eventEnvelope(event);
  const merged = JSON.stringify({ ...JSON.parse(body), ...envelope });
  return { event, send: () => signedPost(url, merged, { secret: SECRET, contentType: 'application/json' }) };
};

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  bot = await startBot({ KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'debug' }, logs.logger);
  url = `http://127.0.0.1:${bot.port}/slack/events`;
});
afterAll(async () => {
  await bot?.stop(100);
  await fake?.stop();
});
beforeEach(() => {
  fake.calls.length = 0;
});

describe('Slack Web API faults', () => {
  it('waits out a 429 with Retry-After and delivers the reply', async () => {
    fake.fail('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const { event, send } = mention("what's our RPO?");
    await send();
    const calls = await fake.waitFor('chat.postMessage', 2, 8_000);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(900);
    expect(calls[1]!.body).toMatchObject({ thread_ts: event.ts, text: 'No.29 Backup timing (RPO): 24 hours' });
  });

  it('logs a 500 with context, stays up, and answers the next question', async () => {
    fake.fail('chat.postMessage', { status: 500, times: 10 });
    await mention('backup retention?').send();
    await expect.poll(() => logs.records().find((r) => r.event === 'reply_failed' && r.question === 'backup retention?'), { timeout: 10_000 }).toMatchObject({
      source: 'mention',
      channel: 'C0CHAN',
      user: 'U0USER',
    });
    fake.calls.length = 0;
    (fake as unknown as { faults: Map<string, unknown> }).faults.clear();
    await mention('which TLS version?').send();
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post!.body.text).toBe('No.42 Encryption level of communications: Yes. TLS 1.2');
  });

  it('logs a dropped connection with context and answers the next question', async () => {
    fake.fail('chat.postMessage', { status: 0, times: 10 });
    await mention('how many backup generations?').send();
    await expect.poll(() => logs.records().find((r) => r.event === 'reply_failed' && r.question === 'how many backup generations?'), { timeout: 10_000 }).toBeDefined();
    (fake as unknown as { faults: Map<string, unknown> }).faults.clear();
    fake.calls.length = 0;
    await mention('No.5').send();
    const [post] = await fake.waitFor('chat.postMessage');
    expect(String(post!.body.text)).toMatch(/^No\.5 /);
  });
});

describe('bad requests', () => {
  it('refuses a malformed body, a wrong content type, a missing timestamp and an unsigned command with 4xx and no reply', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const broken = '{"type":"event_callback", "event": {';
    const malformed = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(SECRET, ts, broken) }, body: broken });
    const form = commandBody('29', fake.responseUrl('x'));
    const wrongType = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(SECRET, ts, form) }, body: form });
    const noTimestamp = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-signature': sign(SECRET, ts, '{}') }, body: '{}' });
    const unsigned = await signedPost(url, form, { secret: SECRET, contentType: 'application/x-www-form-urlencoded', signature: null });
    for (const response of [malformed, wrongType, noTimestamp]) expect(response.status).toBeGreaterThanOrEqual(400);
    for (const response of [malformed, wrongType, noTimestamp]) expect(response.status).toBeLessThan(500);
    expect(unsigned.status).toBe(401);
    expect(await bot.idle()).toBe(true); // every request's work is over: nothing more can be sent
    expect(fake.calls).toHaveLength(0);
  });
});

describe('Slack Connect', () => {
  it('answers a mention in a channel shared with another organisation only to the asker', async () => {
    const { event, send } = mention("what's our RPO?", { channel: 'C0SHARED' }, { is_ext_shared_channel: true });
    await send();
    const [post] = await fake.waitFor('chat.postEphemeral');
    expect(post!.body).toMatchObject({ channel: 'C0SHARED', user: 'U0USER', thread_ts: event.ts, text: 'No.29 Backup timing (RPO): 24 hours' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('offers no Share button there, and refuses a share click', async () => {
    const form = commandBody('29', fake.responseUrl('c'), { channel_id: 'C0SHARED' });
    const body = (await signedPost(url, form, { secret: SECRET, contentType: 'application/x-www-form-urlencoded' })).json() as { blocks: unknown[] };
    expect(JSON.stringify(body.blocks)).not.toContain('checklist_share');
  });
});

describe('secrets', () => {
  it('keeps tokens out of every log line, even when someone pastes one into a question', async () => {
    await mention(`is this token safe? ${BOT_TOKEN} xapp-1-A1-123-abc123def456 sk-proj-0123456789abcdefghij`).send();
    await fake.waitFor('chat.postMessage');
    const all = logs.lines.join('\n');
    for (const secret of [BOT_TOKEN, SECRET, 'xapp-1-A1-123-abc123def456', 'sk-proj-0123456789abcdefghij']) expect(all).not.toContain(secret);
    expect(all).toContain('[redacted]');
  });
});
