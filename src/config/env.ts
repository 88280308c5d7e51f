import { existsSync } from 'node:fs';
import { z } from 'zod';

const token = (prefix: string, what: string, where: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^${prefix}-[A-Za-z0-9-]+$`), `must look like ${prefix}-… (${what}; ${where})`);

/** How long one Slack Web API call may take (SLACK_API_TIMEOUT_MS); the WebClient's own default is no limit. */
export const DEFAULT_SLACK_API_TIMEOUT_MS = 10_000;

const csv = z
  .string()
  .trim()
  .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean));

/**
 * The bot's configuration, from the environment (and `.env` when present). Every variable is documented in
 * `.env.example`. Socket Mode when SLACK_APP_TOKEN is set; otherwise HTTP mode, which needs SLACK_SIGNING_SECRET.
 */
export const EnvSchema = z
  .object({
    SLACK_BOT_TOKEN: token('xoxb', 'the Bot User OAuth Token', 'Slack app settings → OAuth & Permissions'),
    SLACK_APP_TOKEN: token('xapp', 'an app-level token with connections:write', 'Slack app settings → Basic Information → App-Level Tokens').optional(),
    SLACK_SIGNING_SECRET: z
      .string()
      .trim()
      .regex(/^[0-9a-f]{16,}$/i, 'must be the hex Signing Secret (Slack app settings → Basic Information → App Credentials)')
      .optional(),
    PORT: z.coerce.number({ error: 'must be a port number (0–65535)' }).int('must be a port number (0–65535)').min(0, 'must be a port number (0–65535)').max(65535, 'must be a port number (0–65535)').default(3000),
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    SLACK_API_URL: z.url('must be a URL such as https://slack.com/api/').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    KNOWLEDGE_DIR: z.string().trim().min(1).optional(),
    ANSWER_CACHE_SIZE: z.coerce.number({ error: 'must be a whole number (0 turns the cache off)' }).int('must be a whole number (0 turns the cache off)').min(0, 'must be 0 or more').default(2000),
    SLACK_API_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int('must be a whole number of milliseconds').min(100, 'must be at least 100 ms').max(120_000, 'must be at most 120000 ms').default(DEFAULT_SLACK_API_TIMEOUT_MS),
    ALLOWED_TEAM_IDS: csv.optional(),
    ALLOWED_CHANNEL_IDS: csv.optional(),
    /** Slack user IDs allowed /checklist report and the review of learned examples. */
    MAINTAINER_USER_IDS: csv.optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
  });

export type Config = z.infer<typeof EnvSchema> & { mode: 'socket' | 'http' };

/** Either the config, or one line saying what is missing or malformed and how to fix it. */
export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string };

export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  // Empty values count as unset: `SLACK_APP_TOKEN=` in a .env file should not be a malformed token.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  if (!present.SLACK_BOT_TOKEN && !present.SLACK_APP_TOKEN) {
    return { ok: false, error: 'SLACK_BOT_TOKEN is not set: the bot needs Slack tokens (see .env.example). To try the answers without Slack, run: npm run ask -- "what\'s our RPO?"' };
  }
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'configuration');
    const message = issue.code === 'invalid_type' && present[name] === undefined ? 'is not set (see .env.example)' : issue.message;
    return { ok: false, error: `${name} ${message}` };
  }
  return { ok: true, config: { ...result.data, mode: result.data.SLACK_APP_TOKEN ? 'socket' : 'http' } };
}

/** Loads `.env` from the working directory into process.env when the file exists (values already set win). */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
