/**
 * The one thing the store needs from a database engine: run a statement with `$1, $2…` parameters and get rows back.
 * Both engines (embedded SQLite, PostgreSQL) run the same SQL text: the schema and queries in this folder keep to the
 * dialect the two share (TEXT, INTEGER, BIGINT, DOUBLE PRECISION, INSERT … ON CONFLICT … RETURNING, no SERIAL).
 */
export interface SqlExecutor {
  query<Row extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<{ rows: Row[]; changes: number }>;
}

export type SqlValue = string | number | null;

export interface SqlDriver extends SqlExecutor {
  readonly engine: 'embedded' | 'postgres';
  /** Runs `work` in one transaction; with `exclusive`, one process at a time (migrations on several replicas). */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>, options?: { exclusive?: boolean }): Promise<T>;
  close(): Promise<void>;
  /** Where the data lives, for log lines (a file path, or the server without its password). */
  readonly where: string;
}
