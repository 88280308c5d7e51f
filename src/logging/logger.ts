import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Strings shaped like secrets: Slack bot/user/app tokens, OpenAI-style keys, and `Bearer …` headers. Scrubbed from
 * every log record, wherever they appear (inside messages, error texts, request bodies).
 */
const SECRET_PATTERNS = [/\bxox[abposr]-[A-Za-z0-9-]{6,}/g, /\bxapp-[A-Za-z0-9-]{6,}/g, /\bsk-[A-Za-z0-9_-]{12,}/g, /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi];
export const REDACTED = '[redacted]';

/** Keys whose values are never logged, at any depth pino's redaction reaches. */
const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'clientSecret', 'apiKey', 'authorization', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'OPENAI_API_KEY'];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `headers["${key}"]`, `*.headers["${key}"]`]);

export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, REDACTED), text);
}

/** Deep copy with every string scrubbed; bounded so a cyclic or huge object cannot stall logging. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: scrubSecrets(value.message), stack: value.stack ? scrubSecrets(value.stack) : undefined };
  if (Array.isArray(value)) return value.slice(0, 100).map((item) => scrubValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_KEYS.includes(key) ? REDACTED : scrubValue(item, depth + 1);
  return out;
}

export interface LoggerOptions {
  level?: string;
  /** Where NDJSON goes; stdout by default. Tests pass a stream to read every line. */
  destination?: DestinationStream;
}

/** The one logger of the process: NDJSON on stdout, secrets redacted by key and by shape. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'checklist-bot' },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
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
