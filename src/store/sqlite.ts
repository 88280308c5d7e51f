import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'libsql';
import type { SqlDriver, SqlExecutor, SqlValue } from './sql.js';

/**
 * Another process (`npm run learn`, `npm run report`) holding the write lock: try again, without blocking the event
 * loop, for up to this long before failing. SQLite's own busy handler would sleep inside the call and hold the
 * event loop, so it is off (libsql's default timeout 0) and this loop waits instead.
 */
const BUSY_WAIT_MS = 5_000;
const BUSY_RETRY_MS = 20;

/**
 * The embedded engine: SQLite as a native Node-API addon (`libsql`, the better-sqlite3 API; its prebuilt binary for
 * the platform is an npm optional dependency, so `npm ci` installs it from the registry with no download and no
 * build). SQLite's file locks are the operating system's: a killed process leaves none behind. Calls are synchronous
 * and short; the store batches writes so the event loop is held for one transaction per batch.
 */
export function openEmbedded(file: string, busyWaitMs = BUSY_WAIT_MS): SqlDriver {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // Measured on a commit of 200 records: deleting and re-creating the rollback journal on every commit cost more than
  // the inserts. PERSIST keeps the journal file and zeroes its header instead; NORMAL syncs less often than FULL (a
  // power cut may lose the last batch of records, a crash of the process cannot corrupt the file).
  db.exec('PRAGMA journal_mode=PERSIST');
  db.exec('PRAGMA synchronous=NORMAL');
  // Prepared once per SQL text (the store's statements are a fixed set). Numbered placeholders: `$1` in the shared
  // SQL is `?1` for SQLite, bound by position.
  const prepared = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = prepared.get(sql);
    if (!statement) prepared.set(sql, (statement = db.prepare(sql.replace(/\$(\d+)/g, '?$1'))));
    return statement;
  };
  const run: SqlExecutor['query'] = async (sql, params = []) => {
    const values = params.map((value) => (value === undefined ? null : value)) as SqlValue[];
    for (let waited = 0; ; waited += BUSY_RETRY_MS) {
      try {
        // Statements without parameters (schema changes, BEGIN) run once: not worth keeping prepared.
        if (values.length === 0 && !READS.test(sql)) {
          db.exec(sql);
          return { rows: [], changes: 0 };
        }
        const statement = prepare(sql);
        if (statement.reader) return { rows: statement.all(values) as never[], changes: 0 };
        return { rows: [], changes: statement.run(values).changes };
      } catch (error) {
        if (!isBusy(error) || waited >= busyWaitMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
      }
    }
  };
  let chain: Promise<unknown> = Promise.resolve();
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };
  const transaction = <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> =>
    queued(async () => {
      await run('BEGIN IMMEDIATE');
      try {
        const result = await work({ query: run });
        await run('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });
  return {
    engine: 'embedded',
    where: file,
    // One connection: statements and transactions are queued one after another so they never interleave. A write
    // runs in its own BEGIN IMMEDIATE transaction: another process's lock then fails the BEGIN, which holds nothing,
    // and not the statement, which (not reset by libsql) would keep its read lock and so block that process's commit.
    query(sql, params) {
      return READS.test(sql) ? queued(() => run(sql, params)) : transaction((tx) => tx.query(sql, params));
    },
    transaction,
    async close() {
      await chain;
      prepared.clear();
      if (db.open) db.close();
    },
  };
}

/** A statement that only reads (the store's reads are plain SELECTs). */
const READS = /^\s*select\b/i;

const isBusy = (error: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test((error as { code?: string })?.code ?? '') || /database is locked|busy/i.test((error as Error)?.message ?? '');
