import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../support/bot.js';
import { type RunningBot } from '../../src/main.js';
import { capturedLogger } from '../fakes/log-capture.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { commandBody, signedPost } from '../fakes/slack-requests.js';
import { knowledgeCopy } from '../support/knowledge.js';

const SECRET = '0123456789abcdef0123456789abcdef';
let fake: FakeSlackApi;
let bot: RunningBot;
let url = '';
const logs = capturedLogger();
const copy = knowledgeCopy();
const sheetPath = join(copy.dir, 'security-checklist.txt');
const original = readFileSync(sheetPath, 'utf8');

const lookup = async (text: string): Promise<string> =>
  String(((await signedPost(url, commandBody(text, fake.responseUrl('r')), { secret: SECRET, contentType: 'application/x-www-form-urlencoded' })).json() as { text: string }).text);

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  bot = await startBot({ SLACK_BOT_TOKEN: 'xoxb-1-2-reload', SLACK_SIGNING_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', SLACK_API_URL: fake.apiUrl, KNOWLEDGE_DIR: copy.dir }, logs.logger);
  url = `http://127.0.0.1:${bot.port}/slack/events`;
});
afterAll(async () => {
  await bot.stop(100);
  await fake.stop();
});

describe('hot reload of the knowledge folder', () => {
  it('serves an edited answer without a restart, and shows the Japanese cell (under the reviewed English name) while its translation is stale', async () => {
    const before = bot.base.knowledge.version;
    expect(await lookup('29')).toBe('No.29 Backup timing (RPO): 24 hours');
    writeFileSync(sheetPath, original.replace('\t時間\t24時間\n', '\t時間\t12時間\n'));
    await expect.poll(() => bot.base.knowledge.version, { timeout: 5_000 }).not.toBe(before);
    expect(await lookup('29')).toBe('No.29 Backup timing (RPO): 12時間');
    expect(logs.records().find((r) => r.event === 'knowledge_reloaded')).toMatchObject({ from: before, to: bot.base.knowledge.version });
    expect(await lookup('version')).toContain(bot.base.knowledge.version);
  });

  it('keeps serving the previous version when an edit breaks the sheet, logs the line, and says so in /healthz', async () => {
    const serving = bot.base.knowledge.version;
    writeFileSync(sheetPath, original.replace('\t時間\t72時間', '\t72時間'));
    await expect.poll(() => logs.records().find((r) => r.event === 'knowledge_rejected'), { timeout: 5_000 }).toMatchObject({
      serving,
      problems: ['security-checklist.txt:43: item 30 has an empty 設定等 cell'],
    });
    expect(bot.base.knowledge.version).toBe(serving);
    expect(await lookup('30')).toBe('No.30 Backup retention period: 72 hours');
    const response = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(response.status).toBe(200); // still answering; a restart would not load the broken sheet either
    expect(await response.json()).toMatchObject({
      ok: false,
      sheet: { version: serving },
      pendingEdit: { problems: ['security-checklist.txt:43: item 30 has an empty 設定等 cell'], since: expect.any(String) },
    });
  });

  it('picks up an editor-style save (write a temporary file, rename it over the sheet)', async () => {
    const serving = bot.base.knowledge.version;
    writeFileSync(`${sheetPath}.tmp`, original);
    renameSync(`${sheetPath}.tmp`, sheetPath);
    await expect.poll(() => bot.base.knowledge.version, { timeout: 5_000 }).not.toBe(serving);
    expect(await lookup('29')).toBe('No.29 Backup timing (RPO): 24 hours');
    expect(await (await fetch(`http://127.0.0.1:${bot.port}/healthz`)).json()).toMatchObject({ ok: true, sheet: { version: bot.base.knowledge.version } });
    expect(JSON.stringify(await (await fetch(`http://127.0.0.1:${bot.port}/healthz`)).json())).not.toContain('pendingEdit');
  });

  it('does not reload when nothing changed', () => {
    expect(bot.reloader.reload()).toEqual({ status: 'unchanged' });
  });
});
