import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logging/logger.js';

/** A real pino logger writing NDJSON into memory, so tests can read every record the app logged. */
export function capturedLogger(level = 'debug'): { logger: Logger; lines: string[]; records: () => Array<Record<string, unknown>> } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const logger = createLogger({ level, destination });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
