/**
 * The Socket Mode connection's state, for the health endpoint: `connected`, or `disconnected` since when. The
 * Socket Mode client reconnects by itself (see SOCKET_RECONNECT_RETRY); this only watches, so an orchestrator can
 * tell a bot that has been unable to reach Slack for a while from one that is serving.
 */
export class ConnectionState {
  private state: 'connecting' | 'connected' | 'disconnected' = 'connecting';
  private since: number;
  private reconnects = 0;

  /** `graceMs`: how long a reconnection may last before the bot reports itself unhealthy. */
  constructor(
    private readonly graceMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.since = now();
  }

  /** Follows a SocketModeClient's events (`connected`; `close`, `reconnecting`, `disconnected`). */
  watch(client: { on: (event: string, listener: () => void) => unknown }): void {
    client.on('connected', () => this.set('connected'));
    for (const lost of ['close', 'reconnecting', 'disconnected']) client.on(lost, () => this.set('disconnected'));
  }

  private set(state: 'connected' | 'disconnected'): void {
    if (state === this.state) return;
    if (state === 'connected' && this.state === 'disconnected') this.reconnects++;
    this.state = state;
    this.since = this.now();
  }

  /** Healthy while connected, or while a reconnection has been going on for less than the grace period. */
  report(): { ok: boolean; state: string; sinceMs: number; reconnects: number } {
    const sinceMs = this.now() - this.since;
    return { ok: this.state === 'connected' || sinceMs < this.graceMs, state: this.state, sinceMs, reconnects: this.reconnects };
  }
}
