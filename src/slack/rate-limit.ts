/**
 * Slack's posting limits are per channel (about one message per second), but the WebClient, when it meets a
 * `429 Retry-After`, pauses its whole request queue: one busy channel delayed every other channel's answers (20 s
 * in the outside trial). The WebClient is therefore told to reject rate-limited calls (`rejectRateLimitedCalls`),
 * and this waits out Retry-After for that channel only: later posts to the same channel wait their turn, other
 * channels go on at once.
 */
export class ChannelRateLimits {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly options: { attempts: number; maxWaitMs: number } = { attempts: 3, maxWaitMs: 60_000 },
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Runs `call` for the channel, waiting while the channel is rate limited; a 429 is waited out and retried. */
  async send<T>(channel: string | undefined, call: () => Promise<T>): Promise<T> {
    const key = channel ?? '';
    for (let attempt = 1; ; attempt++) {
      const wait = (this.until.get(key) ?? 0) - this.now();
      if (wait > 0) await this.sleep(wait);
      else this.until.delete(key);
      try {
        return await call();
      } catch (error) {
        const retryAfterMs = rateLimitedFor(error);
        if (retryAfterMs === undefined || attempt >= this.options.attempts || retryAfterMs > this.options.maxWaitMs) throw error;
        this.until.set(key, Math.max(this.until.get(key) ?? 0, this.now() + retryAfterMs));
        if (this.until.size > 10_000) this.prune();
      }
    }
  }

  private prune(): void {
    const now = this.now();
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
  }
}

/** Milliseconds Slack asked to wait, when the error is a WebClient rate-limit rejection. */
function rateLimitedFor(error: unknown): number | undefined {
  const e = error as { code?: unknown; retryAfter?: unknown };
  return e?.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number' ? e.retryAfter * 1000 : undefined;
}
