import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake model does with one request. */
export type Behavior =
  | { kind: 'reply'; content: string; usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Never answers (until the client gives up or the server stops). */
  | { kind: 'hang' }
  /** Answers after a delay. */
  | { kind: 'slow'; ms: number; content: string };

export interface ModelRequest {
  body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    response_format?: { type: string };
    temperature?: number;
  };
  headers: IncomingMessage['headers'];
  /** The user message the bot sent, parsed: question, language, candidates. */
  user: { question: string; language: string; candidates: Array<{ no: number; name: string; answer: string }> };
}

/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1 that plays the model from a script. The real `openai`
 * client talks to it over HTTP. `script` decides per request; by default it answers with the first candidate.
 */
export class FakeOpenAiServer {
  readonly requests: ModelRequest[] = [];
  script: (request: ModelRequest) => Behavior = (request) => json({ items: [request.user.candidates[0]?.no ?? 1], phrasing: '' });
  private server?: Server;
  private readonly hanging = new Set<ServerResponse>();
  baseURL = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseURL = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ModelRequest['body'];
    const userMessage = body.messages.find((m) => m.role === 'user')?.content ?? '{}';
    const request: ModelRequest = { body, headers: req.headers, user: JSON.parse(userMessage) };
    this.requests.push(request);
    const behavior = this.script(request);
    switch (behavior.kind) {
      case 'hang':
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
      case 'status':
        res.writeHead(behavior.status, { 'content-type': 'application/json', ...behavior.headers });
        res.end(JSON.stringify(behavior.body ?? { error: { message: `status ${behavior.status}`, type: 'server_error' } }));
        return;
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, behavior.ms));
        this.complete(res, body.model, behavior.content);
        return;
      case 'reply':
        this.complete(res, body.model, behavior.content, behavior.usage);
    }
  }

  private complete(res: ServerResponse, model: string, content: string, usage = { prompt_tokens: 812, completion_tokens: 24, total_tokens: 836 }): void {
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage,
      }),
    );
  }
}

/** A reply whose content is the given object as JSON. */
export const json = (value: unknown): Behavior => ({ kind: 'reply', content: JSON.stringify(value) });
