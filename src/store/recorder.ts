import type { Logger } from '../logging/logger.js';
import type { StoreRecord } from './records.js';
import type { Store } from './store.js';

/** A record as a listener hands it over; the recorder stamps the time. */
export type NewRecord = StoreRecord extends infer R ? (R extends StoreRecord ? Omit<R, 'at'> & { at?: number } : never) : never;

/**
 * What Slack listeners (and other adapters) call to keep a record. `record` only queues: it never waits, never
 * throws, and costs the reply nothing. Writing happens later, in batches.
 */
export interface Recorder {
  record(record: NewRecord): void;
}

/** Keeps nothing: the CLI and tests that need no store. */
export const NO_RECORDER: Recorder = { record: () => undefined };

/** The store's state for the health output: "degraded" while the database refuses writes. */
export interface StoreStatus {
  engine: Store['engine'];
  status: 'ok' | 'degraded';
  /** Records dropped because the database failed or the queue was full, since start. */
  dropped: number;
  queued: number;
}

export interface BatchingOptions {
  /** Records wait at most this long before being written. Default 2 s. */
  flushMs?: number;
  /** A batch this large is written at once. Default 500 (one transaction: fewer commits cost less per record). */
  batchSize?: number;
  /** Records queued beyond this (the database slow or down) are dropped and counted. Default 10,000. */
  maxQueued?: number;
  now?: () => number;
}

/** A failure is logged at most this often (with the running count), so a database outage does not flood the log. */
const WARN_EVERY_MS = 30_000;

/**
 * Queues records and writes them in batches after the replies went out. When the database fails, the batch is
 * dropped with a counted warning and the status is "degraded" until a write succeeds again; answers never wait.
 */
export class BatchingRecorder implements Recorder {
  private queue: StoreRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private dropped = 0;
  private failing = false;
  private lastWarnAt = -Infinity;
  private readonly flushMs: number;
  private readonly batchSize: number;
  private readonly maxQueued: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    options: BatchingOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 2_000;
    this.batchSize = options.batchSize ?? 500;
    this.maxQueued = options.maxQueued ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  record(record: NewRecord): void {
    if (this.queue.length >= this.maxQueued) {
      this.drop(1, new Error(`more than ${this.maxQueued} records waiting for the database`));
      return;
    }
    this.queue.push({ ...record, at: record.at ?? this.now() } as StoreRecord);
    if (this.queue.length >= this.batchSize) this.schedule(0);
    else this.schedule(this.flushMs);
  }

  status(): StoreStatus {
    return { engine: this.store.engine, status: this.failing ? 'degraded' : 'ok', dropped: this.dropped, queued: this.queue.length };
  }

  /** Another use of the store (dedupe, shared channels) failed or succeeded: the health output follows it too. */
  noteFailure(what: string, error: unknown): void {
    this.failing = true;
    this.warn(what, error);
  }

  noteSuccess(): void {
    if (this.failing) this.logger.info({ event: 'store_recovered', dropped: this.dropped }, 'the database accepts writes again');
    this.failing = false;
  }

  /** Writes what is queued now; resolves when written or dropped. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing) await this.writing;
    if (this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.batchSize);
    this.writing = this.store.write(batch).then(
      () => this.noteSuccess(),
      (error: unknown) => this.drop(batch.length, error),
    );
    await this.writing;
    this.writing = undefined;
    if (this.queue.length > 0) this.schedule(this.queue.length >= this.batchSize ? 0 : this.flushMs);
  }

  /** Writes everything still queued (at shutdown), bounded by `timeoutMs`. */
  async close(timeoutMs = 5_000): Promise<void> {
    const deadline = this.now() + timeoutMs;
    while (this.queue.length > 0 && this.now() < deadline) {
      const before = this.queue.length;
      await Promise.race([this.flush(), new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - this.now())).unref())]);
      if (this.queue.length >= before) break;
    }
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    if (this.timer && delayMs > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delayMs);
    this.timer.unref();
  }

  private drop(count: number, error: unknown): void {
    this.dropped += count;
    this.noteFailure(`dropped ${count} record(s)`, error);
  }

  private warn(what: string, error: unknown): void {
    const now = this.now();
    if (now - this.lastWarnAt < WARN_EVERY_MS) return;
    this.lastWarnAt = now;
    this.logger.warn({ event: 'store_degraded', engine: this.store.engine, dropped: this.dropped, err: error }, `the database failed (${what}); answers go on, records are dropped until it is back`);
  }
}
