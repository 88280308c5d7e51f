import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Strings shaped like secrets: Slack bot/user/app tokens, rotating tokens and their refresh tokens (`xoxe.xoxb-…`,
 * `xoxe-…`), OpenAI-style keys, `Bearer …` headers, and Slack URLs that act as credentials (incoming webhooks,
 * workflow triggers, response_url: anyone holding one can post). Scrubbed from every log record, wherever they
 * appear (inside messages, error texts, request bodies).
 */
const SECRET_PATTERNS = [
  /\bxoxe[.-][A-Za-z0-9.-]{6,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{6,}/g,
  /\bxapp-[A-Za-z0-9-]{6,}/g,
  /\bsk-[A-Za-z0-9_-]{12,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\b(?:https?:\/\/)?hooks\.slack(?:-gov)?\.com\/[^\s"'<>|]*/gi,
];
export const REDACTED = '[redacted]';

/**
 * Longest string a log record keeps (after scrubbing); the rest is replaced by a note of its length, so a pasted
 * 1 MB question costs a line, not a megabyte, per record.
 */
export const MAX_LOGGED_STRING = 2000;

/** Keys whose values are never logged, at any depth (see scrubValue; cheaper per record than pino's path redaction). */
const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'clientSecret', 'apiKey', 'authorization', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'OPENAI_API_KEY'];

const MAYBE_SECRET = /xox|xapp|sk-|bearer|hooks\.slack/i;

export function scrubSecrets(text: string): string {
  const scrubbed = MAYBE_SECRET.test(text) ? SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, REDACTED), text) : text;
  return scrubbed.length > MAX_LOGGED_STRING ? `${scrubbed.slice(0, MAX_LOGGED_STRING)}…(${scrubbed.length - MAX_LOGGED_STRING} more characters)` : scrubbed;
}

/**
 * The value with every string scrubbed and every secret key redacted. Copies only what changes (most records hold no
 * secret and are returned as they are); bounded so a cyclic or huge object cannot stall logging.
 */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: scrubSecrets(value.message), stack: value.stack ? scrubSecrets(value.stack) : undefined };
  if (Array.isArray(value)) {
    const items = value.length > 100 ? value.slice(0, 100) : value;
    const scrubbed = items.map((item) => scrubValue(item, depth + 1));
    return scrubbed.some((item, i) => item !== items[i]) || items !== value ? scrubbed : value;
  }
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const scrubbed = SECRET_KEYS.includes(key) ? REDACTED : scrubValue(item, depth + 1);
    if (scrubbed !== item) (out ??= { ...value })[key] = scrubbed;
  }
  return out ?? value;
}

export interface LoggerOptions {
  level?: string;
  /** Where NDJSON goes; stdout by default. Tests pass a stream to read every line. */
  destination?: DestinationStream;
}

/** The one logger of the process: NDJSON on stdout, secrets redacted by key (at any depth) and by shape. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'checklist-bot' },
      formatters: { log: (object) => scrubValue(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}
