import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runLearn } from '../../src/cli/learn.js';
import { ExamplesSchema } from '../../src/knowledge/types.js';
import { runReport } from '../../src/cli/report.js';
import { startBot } from '../support/bot.js';
import { StartupError, type RunningBot } from '../../src/main.js';
import { openStore } from '../../src/store/open.js';
import { capturedLogger } from '../fakes/log-capture.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { eventEnvelope, mentionEvent, signedPost } from '../fakes/slack-requests.js';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.js';
import { freshDataDir } from './engines.js';

const SECRET = '0123456789abcdef0123456789abcdef';

async function cli(run: typeof runReport, argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run({ argv, env, out: (text) => out.push(text), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the bot on the embedded store (no configuration but DATA_DIR)', () => {
  let fake: FakeSlackApi;
  let bot: RunningBot | undefined;
  const dataDir = freshDataDir();
  const env = { DATA_DIR: dataDir, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE };
  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
  });
  afterAll(async () => {
    await bot?.stop(1_000);
    await fake.stop();
  });

  it('keeps what was asked across a restart, for npm run report', async () => {
    bot = await startBot({ SLACK_BOT_TOKEN: 'xoxb-1-2-embedded', SLACK_SIGNING_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', SLACK_API_URL: fake.apiUrl, ...env }, capturedLogger().logger);
    expect(bot.store.engine).toBe('embedded');
    const { body } = eventEnvelope(mentionEvent('is there a bug bounty programme? xoxb-99999999-secret'));
    await signedPost(`http://127.0.0.1:${bot.port}/slack/events`, body, { secret: SECRET, contentType: 'application/json' });
    await fake.waitFor('chat.postMessage');
    await bot.idle();
    await bot.stop(1_000); // flushes the queue
    bot = undefined;
    const text = await cli(runReport, ['--since', '7d'], env);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Most frequent unanswered questions:\n {2}1× is there a bug bounty programme\? \[redacted\]/);
    expect(text.out).not.toContain('xoxb-99999999');
    const json = JSON.parse((await cli(runReport, ['--json'], env)).out) as { unanswered: unknown[]; feedback: unknown[]; disclosures: unknown[] };
    expect(json.unanswered).toEqual([{ question: 'is there a bug bounty programme? [redacted]', count: 1, variants: [] }]);
    expect(json.feedback).toEqual([]);
    expect(json.disclosures).toEqual([]);
  });
});

describe('npm run learn', () => {
  const dataDir = freshDataDir();
  const env = { DATA_DIR: dataDir, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE };
  beforeAll(async () => {
    const { store } = await openStore({ dataDir, retentionDays: 180 });
    const where = { sheetVersion: 'v', team: 'T1', channel: 'C1', user: 'U1' };
    await store.write([
      { type: 'pick', at: Date.now(), question: 'how long do you keep backups?', item: 30, ...where },
      { type: 'pick', at: Date.now(), question: 'where is the data?', item: 31, ...where },
    ]);
    await store.close();
  });

  it('lists pending proposals, approves and rejects them, and exports the approved ones for review', async () => {
    const list = await cli(runLearn, ['--json'], env);
    const pending = JSON.parse(list.out) as Array<{ id: string; question: string; item: number }>;
    expect(pending.map((p) => [p.question, p.item]).sort()).toEqual([
      ['how long do you keep backups?', 30],
      ['where is the data?', 31],
    ]);
    const keep = pending.find((p) => p.item === 30)!;
    const drop = pending.find((p) => p.item === 31)!;
    const decided = await cli(runLearn, ['--approve', keep.id, '--reject', drop.id, '--by', 'reviewer'], env);
    expect(decided).toMatchObject({ code: 0 });
    expect(decided.out).toContain('approved: “how long do you keep backups?” → No.30');
    expect((await cli(runLearn, ['--approve', drop.id], env)).err).toBe(`learn: ${drop.id} was already rejected`);
    expect((await cli(runLearn, [], env)).out).toBe('No learned examples are waiting for review.');
    const file = join(dataDir, 'learned.yaml');
    expect((await cli(runLearn, ['--export', '--file', file], env)).out).toBe(`wrote 1 approved example(s) to ${file}`);
    // The shape of knowledge/examples.yaml, so a reviewer can move examples there.
    const exported = ExamplesSchema.parse(parse(readFileSync(file, 'utf8')));
    expect(exported.items).toEqual({ '30': { en: ['how long do you keep backups?'], ja: [] } });
  });
});

describe('store problems at start', () => {
  it('a DATABASE_URL that is not PostgreSQL, or a server that cannot be reached, is one line and exit 2', async () => {
    const bad = await cli(runReport, [], { DATABASE_URL: 'localhost:5432' });
    expect(bad).toMatchObject({ code: 2, err: 'report: DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/checklist' });
    const down = await cli(runReport, [], { DATABASE_URL: 'postgres://bot:pw@127.0.0.1:1/checklist' });
    expect(down.code).toBe(2);
    expect(down.err).toMatch(/^report: cannot open PostgreSQL at postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/checklist: \S/);
    const error = await startBot({ SLACK_BOT_TOKEN: 'xoxb-1-2-x', SLACK_SIGNING_SECRET: SECRET, DATABASE_URL: 'postgres://bot:pw@127.0.0.1:1/checklist' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(/^cannot open PostgreSQL at /);
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).not.toContain(':pw@');
  });
});
