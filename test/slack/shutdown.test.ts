import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { eventEnvelope, mentionEvent, signedPost } from '../fakes/slack-requests.js';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SECRET = '0123456789abcdef0123456789abcdef';
let fake: FakeSlackApi;
beforeAll(async () => (fake = await new FakeSlackApi().start()));
afterAll(async () => fake.stop());

describe('SIGTERM', () => {
  it('stops accepting requests, finishes the one in flight, and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH!, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, SLACK_BOT_TOKEN: 'xoxb-1-2-sigterm', SLACK_SIGNING_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', SLACK_API_URL: fake.apiUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
    await expect.poll(() => output.includes('"event":"listening"'), { timeout: 15_000 }).toBe(true);
    const port = (JSON.parse(output.split('\n').find((l) => l.includes('"event":"listening"'))!) as { port: number }).port;
    const url = `http://127.0.0.1:${port}/slack/events`;

    // Slack is slow to accept the reply: the answer is still in flight when SIGTERM arrives.
    fake.fail('chat.postMessage', { status: 200, delayMs: 800 });
    const event = mentionEvent("what's our RPO?");
    expect((await signedPost(url, eventEnvelope(event).body, { secret: SECRET, contentType: 'application/json' })).status).toBe(200);
    await fake.waitFor('chat.postMessage'); // the reply has been sent, its response not yet received
    const signalledAt = Date.now();
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    await expect(signedPost(url, eventEnvelope(mentionEvent('late question')).body, { secret: SECRET, contentType: 'application/json' })).rejects.toThrow();

    expect(await exited).toBe(0);
    // It waited for Slack to accept the reply (about 800 ms) instead of dropping it, and the delivery succeeded.
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(600);
    expect(output).not.toContain('reply_failed');
    expect(output).toContain('"event":"stopping"');
    expect(output).not.toContain('shutdown_timeout');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
