import { resolve } from 'node:path';
import { z } from 'zod';

/** Records older than this many days are deleted (questions people typed included). */
export const DEFAULT_RETENTION_DAYS = 180;

const StoreEnvSchema = z.object({
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((value) => /^postgres(ql)?:\/\/./.test(value) && URL.canParse(value), 'must be a PostgreSQL URL such as postgres://user:password@host:5432/checklist')
    .optional(),
  RETENTION_DAYS: z.coerce.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(1, 'must be at least 1').default(DEFAULT_RETENTION_DAYS),
});

/** Where records go: PostgreSQL when DATABASE_URL is set, else the embedded file under DATA_DIR. */
export interface StoreConfig {
  databaseUrl?: string;
  dataDir: string;
  retentionDays: number;
}

/** The store's settings from the environment, or one line saying what is wrong (the bot and the CLIs share it). */
export function loadStoreConfig(env: NodeJS.ProcessEnv): { ok: true; config: StoreConfig } | { ok: false; error: string } {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const result = StoreEnvSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, error: `${String(issue.path[0])} ${issue.message}` };
  }
  const { DATA_DIR, DATABASE_URL, RETENTION_DAYS } = result.data;
  return { ok: true, config: { dataDir: resolve(DATA_DIR), retentionDays: RETENTION_DAYS, ...(DATABASE_URL ? { databaseUrl: DATABASE_URL } : {}) } };
}

/** The embedded database's file name inside DATA_DIR. */
export const EMBEDDED_FILE = 'checklist.db';

/** The URL for log lines and error messages: never the password. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
