import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logging/logger.js';

/**
 * Routes bolt's own logs through the bot's pino logger. bolt calls `logger.error('message', error)`: pino would drop
 * the second argument, so non-string arguments are collected into the record. `setLevel` is a no-op so bolt cannot
 * override the level chosen by LOG_LEVEL.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...messages: unknown[]): void => {
      // bolt logs at debug level several times per request: skip the work when the level is off.
      if (!child.isLevelEnabled(level)) return;
      const text = messages.filter((m) => typeof m === 'string').join(' ');
      const errors = messages.filter((m) => m instanceof Error);
      const details = messages.filter((m) => typeof m !== 'string' && !(m instanceof Error));
      const record: Record<string, unknown> = {};
      if (errors[0]) record.err = errors[0];
      if (details.length > 0) record.details = details;
      child[level](record, text || (errors[0] as Error | undefined)?.message || 'bolt');
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => undefined,
    getLevel: () => (child.level === 'debug' || child.level === 'trace' ? LogLevel.DEBUG : child.level === 'warn' ? LogLevel.WARN : child.level === 'error' || child.level === 'fatal' ? LogLevel.ERROR : LogLevel.INFO),
    setName: () => undefined,
  };
}
