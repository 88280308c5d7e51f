import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Slack's side of Socket Mode on 127.0.0.1: accepts the app's WebSocket, says `hello`, sends envelopes
 * (`events_api`, `slash_commands`, `interactive`) and collects the acknowledgements the app sends back.
 */
export class FakeSocketModeServer {
  readonly acks: Array<{ envelope_id: string; payload?: Record<string, unknown> }> = [];
  private server?: WebSocketServer;
  private socket?: WebSocket;
  private connected?: Promise<WebSocket>;
  /** How many times the app has connected (a reconnection adds one). */
  connections = 0;
  url = '';

  async start(): Promise<this> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.server!.once('listening', () => resolve()));
    this.url = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=test`;
    this.connected = new Promise((resolve) => {
      this.server!.on('connection', (socket) => {
        this.socket = socket;
        this.connections++;
        socket.on('message', (data) => this.acks.push(JSON.parse(String(data))));
        socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0001' } }));
        resolve(socket);
      });
    });
    return this;
  }

  /** Resolves once the app has connected. */
  async connection(): Promise<WebSocket> {
    return this.connected!;
  }

  /** Resolves once the app has connected `count` times in all (or rejects after `timeoutMs`). */
  async waitForConnections(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.connections < count) {
      if (Date.now() > deadline) throw new Error(`the app connected ${this.connections} time(s), not ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Slack's side goes away: every open connection is cut (the app must reconnect through apps.connections.open). */
  dropConnections(): void {
    for (const client of this.server?.clients ?? []) client.terminate();
  }

  send(envelope: { envelope_id: string; type: string; payload: unknown; accepts_response_payload: boolean }): void {
    this.socket!.send(JSON.stringify(envelope));
  }

  async waitForAck(envelopeId: string, timeoutMs = 5_000): Promise<{ envelope_id: string; payload?: Record<string, unknown> }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ack = this.acks.find((a) => a.envelope_id === envelopeId);
      if (ack) return ack;
      if (Date.now() > deadline) throw new Error(`no ack for ${envelopeId}; acks: ${JSON.stringify(this.acks)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
