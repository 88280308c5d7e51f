/**
 * Remembers Slack event IDs for a while, so an event Slack delivers again (a retry after a slow acknowledgement, or a
 * duplicate in Socket Mode) is answered once. Entries expire after `ttlMs` (10 minutes: Slack retries for about 5).
 */
export class EventDeduper {
  private readonly seenAt = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
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

/**
 * True the first time a message (channel + ts) reaches a listener that answers it. Slack can deliver one message as
 * several events with different event IDs: a DM that mentions the bot comes as both `message` (im) and
 * `app_mention`. Called after a listener's own filters, so an event the listener ignores never hides another.
 */
export function firstDeliveryOf(dedupe: EventDeduper, channel: string, ts: string | undefined): boolean {
  return ts === undefined || !dedupe.isDuplicate(`message:${channel}:${ts}`);
}
