import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_FILE, loadStoreConfig } from '../../src/store/config.js';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openPostgres } from '../../src/store/postgres.js';
import { openEmbedded } from '../../src/store/sqlite.js';
import { openStore, StoreUnavailableError } from '../../src/store/open.js';
import { buildReport, groupNearDuplicates } from '../../src/store/report.js';
import { Store } from '../../src/store/store.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { Analyzer } from '../../src/search/tokenize.js';
import { fixtureKnowledge } from '../support/knowledge.js';
import { ENGINES, engineSkip, freshDataDir } from './engines.js';

const DAY = 86_400_000;
const where = { sheetVersion: 'v1', team: 'T1', channel: 'C1', user: 'U1' };

for (const engine of ENGINES) {
  const { skip, title } = engineSkip(engine.name);
  describe.skipIf(skip)(`store on ${title}`, () => {
    let store: Store;
    let now = Date.UTC(2026, 10, 1);
    beforeAll(async () => {
      const config = await engine.config();
      ({ store } = await openStore(config));
      (store as unknown as { now: () => number }).now = () => now;
    });
    afterAll(() => store?.close());

    it('runs every migration once: a second start applies none', async () => {
      const again = await store.migrate();
      expect(again).toEqual([]);
      const { rows } = await store.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('brings a version-1 database forward: the older feedback rows read as votes', async () => {
      const config = await engine.config();
      const db = config.databaseUrl ? openPostgres(config.databaseUrl, () => undefined) : openEmbedded(join(config.dataDir, EMBEDDED_FILE));
      await db.transaction(async (tx) => {
        await tx.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
        for (const statement of MIGRATIONS[0]!.statements) await tx.query(statement);
        await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, $1, 0)', ['v1']);
        await tx.query("INSERT INTO feedback (id, at, vote, reason, question, items, sheet_version) VALUES ('f1', $1, 'down', NULL, 'rpo', '[29]', 'v0')", [now]);
      });
      await db.close();
      const { store: upgraded, migrated } = await openStore(config);
      expect(migrated).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
      expect(await upgraded.feedbackSince(0)).toEqual([{ step: 'vote', vote: 'down', reason: null, comment: null, items: [29], question: 'rpo' }]);
      await upgraded.close();
    });

    it('keeps answers, feedback, picks and disclosures, with tokens redacted, for the report', async () => {
      await store.write([
        { type: 'answer', at: now, question: 'Do you support SAML SSO?', status: 'no_match', kind: 'no_match', items: [], surface: 'mention', latencyMs: 0.4, ...where },
        { type: 'answer', at: now, question: 'do you support saml sso', status: 'no_match', kind: 'no_match', items: [], surface: 'dm', latencyMs: 0.3, ...where },
        { type: 'answer', at: now, question: 'is there a bug bounty programme? token xoxb-1234567890-abcdef', status: 'no_match', kind: 'no_match', items: [], surface: 'command', latencyMs: 0.3, ...where },
        { type: 'answer', at: now, question: 'good morning!', status: 'no_match', kind: 'no_match', reason: 'no_content', items: [], surface: 'dm', latencyMs: 0.1, ...where },
        { type: 'answer', at: now, question: "what's our RPO?", status: 'answered', kind: 'answered', items: [29], surface: 'mention', latencyMs: 0.2, ...where },
        { type: 'answer', at: now, question: 'RPO?', status: 'answered', kind: 'answered', items: [29], surface: 'mention', latencyMs: 0.2, ...where },
        { type: 'feedback', at: now, step: 'vote', vote: 'down', question: 'rpo', items: [29], ...where },
        { type: 'feedback', at: now, step: 'reason', vote: 'down', reason: 'wrong_item', question: 'rpo', items: [29], ...where },
        { type: 'feedback', at: now, step: 'comment', vote: 'down', reason: 'other', comment: 'asked about RTO', question: 'rpo', items: [29], ...where },
        { type: 'feedback', at: now, step: 'vote', vote: 'up', question: "what's our RPO?", items: [29], ...where },
        { type: 'disclosure', at: now, action: 'copy', items: [29, 30], external: 'no', ...where },
        { type: 'disclosure', at: now, action: 'share', items: [29], external: 'yes', question: 'RPO?', ...where, channel: 'C2' },
      ]);
      const report = await buildReport(store, fixtureKnowledge(), now - DAY, now);
      expect(report.answers).toEqual({ total: 6, answered: 2, unanswered: 4 });
      expect(report.unanswered.map((u) => u.question)).not.toContain('good morning!');
      expect(report.unanswered[0]).toMatchObject({ count: 2 });
      expect(report.unanswered[0]!.question).toMatch(/saml sso/i);
      expect(JSON.stringify(report)).not.toContain('xoxb-1234567890');
      expect(report.unanswered.map((u) => u.question).join(' ')).toContain('[redacted]');
      expect(report.unanswered[1]).toEqual({ question: 'is there a bug bounty programme? token [redacted]', count: 1, variants: [] });
      expect(report.mostAsked[0]).toMatchObject({ item: 29, count: 2 });
      expect(report.feedback[0]).toMatchObject({ item: 29, up: 1, down: 1, reasons: [{ reason: 'wrong_item', count: 1 }], comments: ['asked about RTO'] });
      expect(report.disclosures.find((d) => d.channel === 'C1')).toMatchObject({ copies: 1, shares: 0, items: [29, 30], external: 'no', sheetVersions: ['v1'] });
      expect(report.disclosures.find((d) => d.channel === 'C2')).toMatchObject({ copies: 0, shares: 1, external: 'yes' });
    });

    it('turns a pick and a 👍 into proposals once each; approval and rejection are recorded', async () => {
      await store.write([
        { type: 'pick', at: now, question: 'how long are backups kept?', item: 31, ...where },
        { type: 'pick', at: now, question: 'How long are backups kept', item: 31, ...where },
        { type: 'feedback', at: now, step: 'vote', vote: 'up', question: 'data center location', items: [40], ...where },
      ]);
      const pending = await store.proposals('pending');
      const pick = pending.find((p) => p.item === 31)!;
      expect(pending.filter((p) => p.item === 31)).toHaveLength(1);
      expect(pick).toMatchObject({ question: 'how long are backups kept?', source: 'pick', proposedBy: 'U1' });
      expect(pending.some((p) => p.item === 29 && p.source === 'thumbs_up')).toBe(true);
      expect(await store.decide(pick.id, 'approved', 'U9')).toBe(true);
      expect(await store.decide(pick.id, 'rejected', 'U9')).toBe(false); // decided already
      const other = pending.find((p) => p.item === 40)!;
      expect(await store.decide(other.id, 'rejected', 'U9')).toBe(true);
      expect(await store.approvedExamples()).toEqual([{ question: 'how long are backups kept?', item: 31 }]);
      // A rejected example proposed again stays rejected.
      await store.write([{ type: 'feedback', at: now, step: 'vote', vote: 'up', question: 'data center location', items: [40], ...where }]);
      expect((await store.proposal(other.id))?.status).toBe('rejected');
    });

    it('claims an event once within the TTL, again after it', async () => {
      expect(await store.claimEvents(['Ev1', 'Ev2'], 600_000)).toEqual(new Set(['Ev1', 'Ev2']));
      expect(await store.claimEvents(['Ev1', 'Ev3'], 600_000)).toEqual(new Set(['Ev3']));
      now += 600_001;
      expect(await store.claimEvents(['Ev1'], 600_000)).toEqual(new Set(['Ev1']));
    });

    it('claims an event for exactly one of many concurrent claimers', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => store.claimEvents(['Ev-race', 'Ev-race'], 600_000)));
      expect(results.filter((won) => won.has('Ev-race'))).toHaveLength(1);
    });

    it('remembers shared channels', async () => {
      await store.markShared('C2');
      await store.markShared('C2');
      expect(await store.sharedChannels()).toEqual(['C2']);
    });

    it('purges records older than the retention period', async () => {
      const old = now - 200 * DAY;
      await store.write([{ type: 'answer', at: old, question: 'ancient question', status: 'no_match', kind: 'no_match', items: [], surface: 'dm', latencyMs: 1, ...where }]);
      expect((await store.answersSince(0)).some((a) => a.question === 'ancient question')).toBe(true);
      const deleted = await store.purge(180, 600_000);
      expect(deleted).toBe(1);
      expect((await store.answersSince(0)).some((a) => a.question === 'ancient question')).toBe(false);
      expect((await store.answersSince(0)).length).toBeGreaterThan(0);
    });
  });
}

describe('store configuration', () => {
  it('refuses a DATABASE_URL that is not a PostgreSQL URL in one line', () => {
    const result = loadStoreConfig({ DATABASE_URL: 'mysql://x@y/z' });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^DATABASE_URL must be a PostgreSQL URL/) });
    expect(loadStoreConfig({ RETENTION_DAYS: 'soon' })).toMatchObject({ ok: false, error: expect.stringMatching(/^RETENTION_DAYS/) });
    expect(loadStoreConfig({})).toMatchObject({ ok: true, config: { retentionDays: 180 } });
  });

  it('names the server, not the password, when PostgreSQL cannot be reached', async () => {
    const error = await openStore({ dataDir: '/tmp', retentionDays: 1, databaseUrl: 'postgres://bot:s3cret@127.0.0.1:1/checklist' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/^cannot open PostgreSQL at postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/checklist: /);
    expect((error as Error).message).not.toContain('s3cret');
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('near-duplicate grouping', () => {
  it('groups the same words in other case, order or punctuation, and keeps other questions apart', () => {
    const groups = groupNearDuplicates(['Do you support SAML SSO?', 'do you support saml sso', 'SAML SSO support?', 'Is MFA required?', 'Do you support SAML SSO?'], new Analyzer(fixtureKnowledge().vocabulary));
    expect(groups).toEqual([
      { question: 'Do you support SAML SSO?', count: 4, variants: ['do you support saml sso', 'SAML SSO support?'] },
      { question: 'Is MFA required?', count: 1, variants: [] },
    ]);
  });
});

describe('the embedded engine', () => {
  it('is not locked by a process killed in the middle of a write: the next one writes at once', async () => {
    const dataDir = freshDataDir();
    await (await openStore({ dataDir, retentionDays: 180 })).store.close();
    const file = join(dataDir, EMBEDDED_FILE);
    // A child process takes the write lock, inserts, and is killed before it commits.
    const child = spawn(process.execPath, ['--input-type=module', '-e', `
      import Database from 'libsql';
      const db = new Database(${JSON.stringify(file)});
      db.exec('BEGIN IMMEDIATE');
      db.exec("INSERT INTO shared_channels (channel, at) VALUES ('CHALF', 1)");
      console.log('locked');
      setInterval(() => {}, 1000);`], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
      child.once('exit', (code) => reject(new Error(`the locking process exited with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const db = openEmbedded(file, 0);
    const store = new Store(db);
    await store.markShared('CNEXT');
    expect(await store.sharedChannels()).toEqual(['CNEXT']);
    await store.close();
  });

  it('a write that found the database locked by another process leaves no lock behind when it gives up', async () => {
    const dataDir = freshDataDir();
    await (await openStore({ dataDir, retentionDays: 180 })).store.close();
    const file = join(dataDir, EMBEDDED_FILE);
    const other = openEmbedded(file);
    const ours = new Store(openEmbedded(file, 0));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const otherWrite = other.transaction(async (tx) => {
      await tx.query('INSERT INTO shared_channels (channel, at) VALUES ($1, $2)', ['COTHER', 1]);
      locked();
      await held;
    });
    await lockTaken;
    await expect(ours.markShared('COURS')).rejects.toThrow(/locked|busy/i);
    expect(await ours.sharedChannels()).toEqual([]);
    release();
    // The other process's commit is not blocked by a read lock left by our failed write.
    await otherWrite;
    await ours.markShared('COURS');
    expect((await ours.sharedChannels()).sort()).toEqual(['COTHER', 'COURS']);
    await Promise.all([ours.close(), other.close()]);
  });
});
