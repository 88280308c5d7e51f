import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../support/bot.js';
import { StartupError } from '../../src/main.js';
import { capturedLogger } from '../fakes/log-capture.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { FIXTURE_KNOWLEDGE, knowledgeCopy } from '../support/knowledge.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SECRET = '0123456789abcdef0123456789abcdef';
let fake: FakeSlackApi;
beforeAll(async () => (fake = await new FakeSlackApi().start()));
afterAll(async () => fake.stop());

const start = (env: NodeJS.ProcessEnv) => startBot({ KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, PORT: '0', HOST: '127.0.0.1', SLACK_API_URL: fake.apiUrl, ...env }, capturedLogger().logger);

describe('starting the bot', () => {
  it.each([
    [{}, 'SLACK_BOT_TOKEN is not set: the bot needs Slack tokens (see .env.example). To try the answers without Slack, run: npm run ask'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1-2' }, 'SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)'],
    [{ SLACK_BOT_TOKEN: 'xoxp-1-2', SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN must look like xoxb-…'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: SECRET, PORT: 'eighty' }, 'PORT must be a port number (0–65535)'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'slack' }, 'SLACK_API_URL must be a URL'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_APP_TOKEN: 'xoxb-wrong' }, 'SLACK_APP_TOKEN must look like xapp-…'],
  ])('refuses configuration %j with one line naming the variable', async (env, message) => {
    await expect(start(env as NodeJS.ProcessEnv)).rejects.toThrow(StartupError);
    await expect(start(env as NodeJS.ProcessEnv)).rejects.toThrow(message);
  });

  it('says so when Slack refuses the token', async () => {
    fake.fail('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    await expect(start({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: SECRET })).rejects.toThrow('SLACK_BOT_TOKEN was refused by Slack (invalid_auth)');
  });

  it('names the file and line when the knowledge folder is broken', async () => {
    const copy = knowledgeCopy();
    copy.edit('security-checklist.txt', (text) => text.replace('\t時間\t72時間', '\t72時間'));
    await expect(start({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: SECRET, KNOWLEDGE_DIR: copy.dir })).rejects.toThrow('security-checklist.txt:43: item 30 has an empty 設定等 cell');
  });

  it('as a process: prints one line, no stack trace, and exits 2', async () => {
    const env = { PATH: process.env.PATH!, SLACK_BOT_TOKEN: 'xoxb-1-2' };
    const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect((result as { code: number }).code).toBe(2);
    expect((result as { stderr: string }).stderr.trim()).toBe('checklist-bot: SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  });
});
