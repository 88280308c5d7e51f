/** Whether an event was already delivered: a port with an in-memory and a shared (store-backed) implementation. */
export interface Deduper {
  /** True when the key was already seen (by this process, or by any replica sharing the store). */
  isDuplicate(key: string): boolean | Promise<boolean>;
}

/** How long an event is remembered: Slack retries for about 5 minutes. */
export const DEDUPE_TTL_MS = 10 * 60_000;

/**
 * Remembers Slack event IDs for a while, so an event Slack delivers again (a retry after a slow acknowledgement, or a
 * duplicate in Socket Mode) is answered once. Entries expire after `ttlMs`. One process only.
 */
export class EventDeduper implements Deduper {
  private readonly seenAt = new Map<string, number>();

  constructor(
    private readonly ttlMs = DEDUPE_TTL_MS,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 100_000,
  ) {}

  /** True when the key was already seen within the TTL; otherwise records it and returns false. */
  isDuplicate(key: string): boolean {
    const now = this.now();
    const seen = this.seenAt.get(key);
    if (seen !== undefined && now - seen < this.ttlMs) return true;
    this.seenAt.set(key, now);
    if (this.seenAt.size > this.maxEntries) this.prune(now);
    return false;
  }

  get size(): number {
    return this.seenAt.size;
  }

  private prune(now: number): void {
    for (const [key, at] of this.seenAt) {
      if (now - at >= this.ttlMs || this.seenAt.size > this.maxEntries) this.seenAt.delete(key);
    }
  }
}

/** How long the shared check may take before the event is answered anyway (a duplicate beats silence). */
export const SHARED_DEDUPE_TIMEOUT_MS = 2_000;

/** Claims keys in the shared store; resolves with the keys this process won (first seen within the TTL). */
export type ClaimEvents = (keys: readonly string[], ttlMs: number) => Promise<Set<string>>;

/**
 * Dedupe across replicas: this process's memory first (a retry to the same replica costs no round trip), then a
 * claim in the shared store, which exactly one replica wins. Events arriving together are claimed in one query.
 * When the store fails or is slow, the event is answered: principle 3 (every question gets a reply) outranks a rare
 * double answer during an outage.
 */
export class SharedDeduper implements Deduper {
  private waiting: Array<{ key: string; resolve: (won: boolean) => void }> = [];

  constructor(
    private readonly claim: ClaimEvents,
    private readonly onError: (error: unknown) => void,
    private readonly local = new EventDeduper(),
    private readonly timeoutMs = SHARED_DEDUPE_TIMEOUT_MS,
  ) {}

  async isDuplicate(key: string): Promise<boolean> {
    if (this.local.isDuplicate(key)) return true;
    return !(await new Promise<boolean>((resolve) => {
      if (this.waiting.push({ key, resolve }) === 1) setImmediate(() => this.claimWaiting());
    }));
  }

  /** Claims every key that arrived in this turn of the event loop with one query, bounded by the timeout. */
  private claimWaiting(): void {
    const batch = this.waiting;
    this.waiting = [];
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the shared dedupe check took over ${this.timeoutMs} ms`)), this.timeoutMs)));
    Promise.race([this.claim(batch.map((entry) => entry.key), DEDUPE_TTL_MS), timeout])
      .then(
        (won) => batch.forEach((entry) => entry.resolve(won.has(entry.key))),
        (error: unknown) => {
          this.onError(error);
          batch.forEach((entry) => entry.resolve(true));
        },
      )
      .finally(() => clearTimeout(timer));
  }
}

/**
 * True the first time a message (channel + ts) reaches a listener that answers it. Slack can deliver one message as
 * several events with different event IDs: a DM that mentions the bot comes as both `message` (im) and
 * `app_mention`. Called after a listener's own filters, so an event the listener ignores never hides another.
 * With replicas the two events may reach different processes, so this asks the same (shared) deduper.
 */
export async function firstDeliveryOf(dedupe: Deduper, channel: string, ts: string | undefined): Promise<boolean> {
  return ts === undefined || !(await dedupe.isDuplicate(`message:${channel}:${ts}`));
}
