import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import type { SqlDriver, SqlExecutor, SqlValue } from './sql.js';

/** The embedded database's file name inside DATA_DIR. */
export const EMBEDDED_FILE = 'checklist.db';

/**
 * node-sqlite3-wasm locks a database by creating the directory `<file>.lock` for the length of a transaction (a few
 * milliseconds here). One left behind by a killed process would block every write, so a lock older than this is
 * removed (at open, and when a statement finds the database busy).
 */
const STALE_LOCK_MS = 60_000;
/** Another process (a CLI, a parallel test) holding the lock: try again for up to this long before failing. */
const BUSY_WAIT_MS = 5_000;

/**
 * The embedded engine: SQLite compiled to WebAssembly (node-sqlite3-wasm), reading and writing the file directly
 * through node:fs (no whole-database copy in memory, unlike sql.js). Calls are synchronous and short; the store
 * batches writes so the event loop is held for one transaction per batch.
 */
export function openEmbedded(file: string): SqlDriver {
  mkdirSync(dirname(file), { recursive: true });
  const lock = `${file}.lock`;
  const removeStaleLock = (): boolean => {
    try {
      if (!existsSync(lock) || Date.now() - statSync(lock).mtimeMs <= STALE_LOCK_MS) return false;
      rmSync(lock, { recursive: true, force: true });
      return true;
    } catch {
      return false;
    }
  };
  removeStaleLock();
  const db = new sqlite.Database(file);
  // Measured on a commit of 200 records: deleting and re-creating the rollback journal on every commit cost more than
  // the inserts. PERSIST keeps the journal file and zeroes its header instead; NORMAL syncs less often than FULL (a
  // power cut may lose the last batch of records, a crash of the process cannot corrupt the file).
  db.exec('PRAGMA journal_mode=PERSIST');
  db.exec('PRAGMA synchronous=NORMAL');
  // Prepared once per SQL text (the store's statements are a fixed set). Numbered placeholders: `$1` in the shared
  // SQL is `?1` for SQLite, bound by position.
  const prepared = new Map<string, { statement: sqlite.Statement; reads: boolean }>();
  const prepare = (sql: string) => {
    let entry = prepared.get(sql);
    if (!entry) prepared.set(sql, (entry = { statement: db.prepare(sql.replace(/\$(\d+)/g, '?$1')), reads: /^\s*(select|with)\b|\breturning\b/i.test(sql) }));
    return entry;
  };
  const run: SqlExecutor['query'] = async (sql, params = []) => {
    const values = params.map((value) => (value === undefined ? null : value)) as SqlValue[];
    for (let waited = 0; ; waited += 20) {
      try {
        // Statements without parameters (schema changes, BEGIN) run once: not worth keeping prepared.
        if (values.length === 0 && !/^\s*select\b/i.test(sql)) {
          db.exec(sql);
          return { rows: [], changes: 0 };
        }
        const { statement, reads } = prepare(sql);
        if (reads) return { rows: statement.all(values) as never[], changes: 0 };
        return { rows: [], changes: statement.run(values).changes };
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (removeStaleLock()) continue;
        if (waited >= BUSY_WAIT_MS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  let chain: Promise<unknown> = Promise.resolve();
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    engine: 'embedded',
    where: file,
    // One connection: statements and transactions are queued one after another so they never interleave.
    query(sql, params) {
      return queued(() => run(sql, params));
    },
    transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      return queued(async () => {
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
    },
    async close() {
      await chain;
      for (const { statement } of prepared.values()) statement.finalize();
      prepared.clear();
      if (db.isOpen) db.close();
    },
  };
}

const isBusy = (error: unknown): boolean => /locked|busy/i.test((error as Error)?.message ?? '');
