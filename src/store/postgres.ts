import pg from 'pg';
import { withoutPassword } from './config.js';
import type { SqlDriver, SqlExecutor } from './sql.js';

/** How long connecting and one statement may take before the store gives up (the answer never waits on either). */
export const PG_CONNECT_TIMEOUT_MS = 3_000;
export const PG_STATEMENT_TIMEOUT_MS = 5_000;

/** BIGINT columns (epoch milliseconds) as numbers: they stay far below 2^53. */
const INT8_OID = 20;
const types = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser };

/** An advisory lock key for migrations, so replicas starting together migrate one after another. */
const MIGRATION_LOCK = 1_317_013;

/**
 * PostgreSQL through node-postgres (`pg`): a small pool, bounded connect and statement times, and idle-client errors
 * (the server restarting) logged by the caller instead of crashing the process.
 */
export function openPostgres(url: string, onError: (error: Error) => void): SqlDriver {
  const pool = new pg.Pool({
    connectionString: url,
    // Records, dedupe claims and reads share the pool; claims are batched, so a few connections serve many events.
    max: 8,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    query_timeout: PG_STATEMENT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    types,
  });
  pool.on('error', onError);
  const query: SqlExecutor['query'] = async (sql, params = []) => {
    const result = await pool.query(sql, params as unknown[]);
    return { rows: result.rows, changes: result.rowCount ?? 0 };
  };
  return {
    engine: 'postgres',
    where: withoutPassword(url),
    query,
    async transaction(work, options = {}) {
      const client = await pool.connect();
      const tx: SqlExecutor = {
        query: async (sql, params = []) => {
          const result = await client.query(sql, params as unknown[]);
          return { rows: result.rows, changes: result.rowCount ?? 0 };
        },
      };
      try {
        await client.query('BEGIN');
        if (options.exclusive) await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        const result = await work(tx);
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release(error as Error);
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
