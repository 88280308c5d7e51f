import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LOGGED_STRING, REDACTED } from '../../src/logging/logger.js';
import { capturedLogger } from '../fakes/log-capture.js';
import { startHttpBot, type HttpBot } from '../fakes/http-bot.js';
import { directMessageEvent } from '../fakes/slack-requests.js';

/** What must never reach the logs: credentials of any Slack shape, and whole pasted walls of text. */
describe('log redaction', () => {
  const SECRETS = [
    'xoxe-1-My0xLTIxNjc4NjU0OTg1NjctMTIzNDU2Nzg5MDEyMy0wYWJjZGVm', // a refresh token (token rotation)
    'xoxe.xoxb-1-MS0yLTIxNjc4NjU0OTg1NjctMTIzNDU2Nzg5MA', // a rotating bot token
    'xoxe.xoxp-1-Mi0yLTIxNjc4NjU0OTg1NjctMTIzNDU2Nzg5MA', // a rotating user token
    'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', // an incoming webhook
    'https://hooks.slack.com/workflows/T00000000/A00000000/123456789/abcdefABCDEF', // a workflow trigger
    'hooks.slack.com/commands/T0001/1234567890/AbCdEfGhIjKlMnOp', // a response_url, without its scheme
    'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp', // still: a bot token
  ];

  it.each(SECRETS)('redacts %s in messages, fields, nested objects and errors', (secret) => {
    const logs = capturedLogger();
    logs.logger.info({ url: secret, nested: { deeper: [`posting to ${secret} now`] } }, `failed with ${secret}`);
    logs.logger.error({ err: new Error(`request to ${secret} failed`) }, 'x');
    const all = logs.lines.join('\n');
    expect(all).toContain(REDACTED);
    // No piece of the secret past its scheme/prefix survives.
    const tail = secret.replace(/^https?:\/\//, '').slice(-16);
    expect(all).not.toContain(tail);
  });

  it('cuts long strings to MAX_LOGGED_STRING with a note of what was left out', () => {
    const logs = capturedLogger();
    logs.logger.info({ question: 'あ'.repeat(1_000_000) }, 'q');
    const record = logs.records()[0]!;
    expect(String(record.question).length).toBeLessThan(MAX_LOGGED_STRING + 50);
    expect(String(record.question)).toContain('998000 more characters');
    expect(logs.lines[0]!.length).toBeLessThan(10_000);
  });
});

describe('the answer log record of a huge question', () => {
  let h: HttpBot;
  beforeAll(async () => {
    h = await startHttpBot();
  });
  afterAll(async () => h?.stop());

  it('keeps a bounded piece of the question and its length', async () => {
    const question = 'what is our rpo? '.repeat(20_000); // 340,000 characters
    await h.postEvent(directMessageEvent(question));
    await h.fake.waitFor('chat.postMessage');
    const record = h.logs.records().find((r) => r.event === 'answer')!;
    expect(record.questionChars).toBeGreaterThan(300_000);
    expect(String(record.question).length).toBeLessThan(MAX_LOGGED_STRING + 50);
  });
});
