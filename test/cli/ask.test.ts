import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { askInProcess as ask } from '../support/cli.js';
import { FIXTURE_KNOWLEDGE, knowledgeCopy } from '../support/knowledge.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('npm run ask', () => {
  it('as a process, the way the README says: prints the cited answer and exits 0', async () => {
    const child = promisify(execFile)('npm', ['run', '-s', 'ask', '--', "what's our RPO?"], { cwd: ROOT, env: { ...process.env, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE } });
    child.child.stdin!.end();
    const { stdout } = await child; // rejects on a non-zero exit
    expect(stdout).toContain('No.29 Backup timing (RPO)');
    expect(stdout).toContain('24時間');
  });

  it('prints the cited answer to the README question', async () => {
    const { code, stdout } = await ask(["what's our RPO?"]);
    expect(code).toBe(0);
    expect(stdout).toContain('No.29 Backup timing (RPO)');
    expect(stdout).toContain('24 hours');
    expect(stdout).toContain('24時間');
  });

  it('answers in Japanese when asked in Japanese, or when --lang ja forces it', async () => {
    expect((await ask(['RPOは？'])).stdout).toContain('回答（チェックシート原文）：24時間');
    expect((await ask(['--lang', 'ja', 'No.29'])).stdout).toContain('No.29 バックアップデータを取得するタイミング(RPO)');
  });

  it('answers a batch from stdin, one JSON object per line, in order', async () => {
    const { code, stdout } = await ask(['--json'], { input: "what's our RPO?\nNo.99\n\nDo you support SSO for access to customer data?\n２９\n" });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.question, l.status, l.matches[0]?.no])).toEqual([
      ["what's our RPO?", 'answered', 29],
      ['No.99', 'no_match', undefined],
      ['', 'help', undefined],
      ["Do you support SSO for access to customer data?", "no_match", expect.any(Number)],
      ['２９', 'answered', 29],
    ]);
    expect(lines[0].matches[0].score).toBeGreaterThan(0);
  });

  it('exits 2 with a clear message on bad arguments', async () => {
    const { code, stderr } = await ask(['--lang', 'fr', 'rpo']);
    expect(code).toBe(2);
    expect(stderr).toContain('--lang must be en or ja');
    expect((await ask(['--nope'])).code).toBe(2);
  });

  it('exits 2 naming the file and line when the knowledge folder is broken', async () => {
    const copy = knowledgeCopy();
    copy.edit('security-checklist.txt', (text) => text.replace('\t時間\t72時間', '\t72時間'));
    const { code, stderr, stdout } = await ask(['rpo'], { env: { KNOWLEDGE_DIR: copy.dir } });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('security-checklist.txt:43: item 30 has an empty 設定等 cell');
  });

  it('shows the sheet version', async () => {
    const { stdout } = await ask(['--version', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ date: '2022/6/1', items: 49, version: expect.stringMatching(/^[0-9a-f]{12}$/) });
  });
});
