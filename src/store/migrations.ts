import type { SqlDriver } from './sql.js';

/**
 * The schema, as numbered steps. Each runs once, in order, in one transaction with the bookkeeping row; a database
 * at an older version is brought forward at start. Never edit a released step: add the next one. The SQL is the
 * dialect both engines share (see sql.ts). Times are epoch milliseconds (BIGINT); lists of item numbers are JSON text.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; statements: string[] }> = [
  {
    version: 1,
    name: 'records, proposals, dedupe, shared channels',
    statements: [
      `CREATE TABLE answers (id TEXT PRIMARY KEY, at BIGINT NOT NULL, question TEXT NOT NULL, status TEXT NOT NULL, kind TEXT NOT NULL,
        items TEXT NOT NULL, sheet_version TEXT NOT NULL, team TEXT, channel TEXT, user_id TEXT, surface TEXT NOT NULL, latency_ms DOUBLE PRECISION)`,
      `CREATE INDEX answers_at ON answers (at)`,
      `CREATE TABLE feedback (id TEXT PRIMARY KEY, at BIGINT NOT NULL, vote TEXT NOT NULL, reason TEXT, question TEXT, items TEXT NOT NULL,
        sheet_version TEXT NOT NULL, team TEXT, channel TEXT, user_id TEXT)`,
      `CREATE INDEX feedback_at ON feedback (at)`,
      `CREATE TABLE picks (id TEXT PRIMARY KEY, at BIGINT NOT NULL, question TEXT NOT NULL, item_no INTEGER NOT NULL, sheet_version TEXT NOT NULL,
        team TEXT, channel TEXT, user_id TEXT)`,
      `CREATE INDEX picks_at ON picks (at)`,
      `CREATE TABLE disclosures (id TEXT PRIMARY KEY, at BIGINT NOT NULL, action TEXT NOT NULL, items TEXT NOT NULL, sheet_version TEXT NOT NULL,
        team TEXT, channel TEXT, user_id TEXT, external TEXT NOT NULL, question TEXT)`,
      `CREATE INDEX disclosures_at ON disclosures (at)`,
      `CREATE TABLE proposals (id TEXT PRIMARY KEY, question TEXT NOT NULL, normalized TEXT NOT NULL, item_no INTEGER NOT NULL, source TEXT NOT NULL,
        status TEXT NOT NULL, proposed_at BIGINT NOT NULL, proposed_by TEXT, decided_at BIGINT, decided_by TEXT, UNIQUE (normalized, item_no))`,
      `CREATE TABLE seen_events (event_key TEXT PRIMARY KEY, at BIGINT NOT NULL)`,
      `CREATE TABLE shared_channels (channel TEXT PRIMARY KEY, at BIGINT NOT NULL)`,
    ],
  },
  {
    version: 2,
    name: 'feedback in steps (vote, reason, comment); why an answer was no_match',
    statements: [
      `ALTER TABLE feedback ADD COLUMN step TEXT NOT NULL DEFAULT 'vote'`,
      `ALTER TABLE feedback ADD COLUMN comment TEXT`,
      `ALTER TABLE feedback ADD COLUMN reply_kind TEXT`,
      `ALTER TABLE answers ADD COLUMN reason TEXT`,
    ],
  },
];

/** Brings the schema to the latest version. Returns the versions applied now (empty when already current). */
export async function migrate(db: SqlDriver, now: () => number = Date.now): Promise<number[]> {
  return db.transaction(
    async (tx) => {
      await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
      const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
      const done = new Set(rows.map((row) => Number(row.version)));
      const applied: number[] = [];
      for (const migration of MIGRATIONS) {
        if (done.has(migration.version)) continue;
        for (const statement of migration.statements) await tx.query(statement);
        await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, now()]);
        applied.push(migration.version);
      }
      return applied;
    },
    { exclusive: true },
  );
}
