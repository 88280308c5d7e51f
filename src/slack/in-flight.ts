import type { ServerResponse } from 'node:http';

/**
 * Counts what is being worked on, so a shutdown can wait for it (bounded) after it stops accepting new requests:
 * - HTTP requests from their first byte until their response is sent (a request half-received at SIGTERM is
 *   accepted work: Slack gets 200 and will not retry it, so it must be answered);
 * - the listener work of each request, which bolt starts after acknowledging (the HTTP server alone does not know it).
 */
export class InFlight {
  private work = 0;
  private requests = 0;
  private waiters: Array<() => void> = [];

  get size(): number {
    return this.work + this.requests;
  }

  async track<T>(work: Promise<T>): Promise<T> {
    this.work++;
    try {
      return await work;
    } finally {
      this.work--;
      this.wake();
    }
  }

  /** Counts one HTTP request until its response is finished or its connection closes. */
  trackRequest(res: ServerResponse): void {
    this.requests++;
    res.once('close', () => {
      this.requests--;
      this.wake();
    });
  }

  /**
   * Resolves true when nothing is in flight, or false when `timeoutMs` passes first. "Nothing" must hold across a
   * turn of the event loop: a request's response is sent a moment before bolt starts its listener work.
   */
  async idle(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(() => ((timedOut = true), resolve()), timeoutMs)));
    try {
      for (;;) {
        if (this.size === 0) {
          await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
          if (this.size === 0) return true;
        }
        if (timedOut) return false;
        await Promise.race([new Promise<void>((resolve) => this.waiters.push(resolve)), timeout]);
        if (timedOut && this.size > 0) return false;
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private wake(): void {
    if (this.size === 0) for (const wake of this.waiters.splice(0)) wake();
  }
}

/** How long "idle" must last to count: covers the gap between an acknowledgement and its listener starting. */
const SETTLE_MS = 20;
