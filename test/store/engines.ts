import pg from 'pg';
import { inject } from 'vitest';
import { freshDataDir } from '../support/bot.js';
import type { StoreConfig } from '../../src/store/config.js';

/** Why the PostgreSQL tests are skipped in this run, or undefined when the shared test server is up. */
export const postgresSkipped = (): string | undefined => {
  const provided = inject('postgres');
  return 'skipped' in provided ? provided.skipped : undefined;
};

/** A fresh, empty database on the shared test server; its URL. */
export async function freshPostgresDatabase(): Promise<string> {
  const provided = inject('postgres');
  if (!('url' in provided)) throw new Error(`PostgreSQL is not available: ${provided.skipped}`);
  const name = `t_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: provided.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(provided.url);
  url.pathname = `/${name}`;
  return url.toString();
}

export { freshDataDir };

/** Both engines, as store configurations on fresh, empty databases. */
export const ENGINES: Array<{ name: 'embedded' | 'postgres'; config: () => Promise<StoreConfig> }> = [
  { name: 'embedded', config: async () => ({ dataDir: freshDataDir(), retentionDays: 180 }) },
  { name: 'postgres', config: async () => ({ dataDir: freshDataDir(), retentionDays: 180, databaseUrl: await freshPostgresDatabase() }) },
];

/** `describe.skipIf` condition and title suffix for one engine. */
export const engineSkip = (name: string): { skip: boolean; title: string } => {
  const why = name === 'postgres' ? postgresSkipped() : undefined;
  return { skip: why !== undefined, title: why ? `${name} (SKIPPED: ${why})` : name };
};
