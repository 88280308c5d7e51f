import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake Slack received: a Web API method (`chat.postMessage`) or a `response_url` post. */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  at: number;
}

/** A file the fake serves at its `url_private_download`, as a user's upload would be. */
export interface HostedFile {
  id: string;
  name: string;
  bytes: Uint8Array;
  /** Serve Slack's HTML login page instead of the file (what Slack does when the token lacks files:read). */
  loginPage?: boolean;
  /** Hold the answer this long (a slow download). */
  delayMs?: number;
}

/** One upload through files.getUploadURLExternal → POST to the upload URL → files.completeUploadExternal. */
export interface ExternalUpload {
  id: string;
  filename: string;
  /** The length declared to files.getUploadURLExternal. */
  length: number;
  /** The bytes POSTed to the upload URL (undefined until then). */
  bytes?: Uint8Array;
  /** The files.completeUploadExternal call that shared it (undefined until then). */
  completed?: Record<string, unknown>;
}

/** A scripted failure for the next call(s) of a method. */
export interface Fault {
  /** HTTP status to answer with; 0 destroys the connection instead (a network failure). */
  status: number;
  /** Wait this long before answering (or before failing). */
  delayMs?: number;
  retryAfterSeconds?: number;
  body?: Record<string, unknown>;
  /** How many calls it applies to. Default 1. */
  times?: number;
  /** Only calls to this channel (Slack's rate limits are per channel); default every call of the method. */
  channel?: string;
}

/**
 * A fake of Slack's Web API on 127.0.0.1, speaking its wire format: form-encoded or JSON POSTs to `/api/<method>`
 * with a Bearer token, answers `{ok: true, …}`. It also accepts `response_url` posts at `/respond/<id>`. Every call
 * is recorded for assertions; faults (429 with Retry-After, 500) can be scripted per method.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  /** Calls whose answer has been sent back in full (a delayed call is in `calls` at once, here only when answered). */
  readonly answered: RecordedCall[] = [];
  /** Messages refused as Slack would refuse them (`invalid_blocks`, `msg_too_long`), with the reasons. */
  readonly rejected: Array<RecordedCall & { problems: string[] }> = [];
  private server?: Server;
  private readonly faults = new Map<string, Fault[]>();
  private waiters: Array<() => void> = [];
  /** Called for every call as it arrives (benchmarks use it to time replies without polling). */
  onCall?: (call: RecordedCall) => void;
  /** Keep calls in `calls` (tests) or only report them through `onCall` (long benchmarks). */
  record = true;
  /** Leave `blocks` as the JSON string they arrive as: benchmarks need no parsed blocks, and the fake shares CPU with the app. */
  parseBlocks = true;
  private ts = 1_700_000_000;
  /** Channels `conversations.info` reports as shared with another organisation (Slack Connect). */
  readonly sharedChannels = new Set<string>();
  /** Channels with a Slack Connect invitation pending (`is_pending_ext_shared`). */
  readonly pendingSharedChannels = new Set<string>();
  /** Private channels the bot is not a member of: `conversations.info` answers `channel_not_found`. */
  readonly hiddenChannels = new Set<string>();
  /** Files users "uploaded", served at their url_private_download with bearer auth. */
  readonly hosted = new Map<string, HostedFile>();
  /** Uploads the app made, by file ID, in the order they were started. */
  readonly uploads = new Map<string, ExternalUpload>();
  /** Requests for hosted files: path and the Authorization header they carried. */
  readonly downloads: Array<{ path: string; authorization: string | undefined }> = [];
  /** Download starts and ends in the order they happened (file IDs), to see how many overlapped. */
  readonly downloadEvents: Array<{ event: 'start' | 'end'; id: string }> = [];
  private fileCounter = 0;
  /** What `apps.connections.open` answers (Socket Mode). */
  socketUrl = '';
  baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    // A deep accept queue: under load tests the fake shares a process with the load generator and must not drop
    // connections (a dropped SYN costs the app a one-second retransmission that is not the app's doing).
    await new Promise<void>((resolve) => this.server!.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The Web API base URL to give the app (SLACK_API_URL). */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/respond/${id}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Hosts a file as if a user had uploaded it; returns the `files[]` entry Slack puts in a file_share message. */
  hostFile(name: string, bytes: Uint8Array, options: { loginPage?: boolean; delayMs?: number } = {}): Record<string, unknown> {
    const id = `F${String(++this.fileCounter).padStart(8, '0')}`;
    this.hosted.set(id, { id, name, bytes, ...(options.loginPage ? { loginPage: true } : {}), ...(options.delayMs ? { delayMs: options.delayMs } : {}) });
    return this.fileObject(this.hosted.get(id)!);
  }

  private fileObject(file: HostedFile): Record<string, unknown> {
    const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? 'binary';
    return {
      id: file.id,
      name: file.name,
      title: file.name,
      mimetype: ext === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filetype: ext,
      size: file.bytes.byteLength,
      mode: 'hosted',
      is_external: false,
      url_private: `${this.baseUrl}/files-pri/T0001-${file.id}/${encodeURIComponent(file.name)}`,
      url_private_download: `${this.baseUrl}/files-pri/T0001-${file.id}/download/${encodeURIComponent(file.name)}`,
    };
  }

  /** Uploads that went through all three steps, in order. */
  completedUploads(): ExternalUpload[] {
    return [...this.uploads.values()].filter((upload) => upload.completed);
  }

  fail(method: string, fault: Fault): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), fault]);
  }

  /** Ends the scripted failures of a method (an outage that lasts until the test says so). */
  clearFaults(method: string): void {
    this.faults.delete(method);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves when `count` calls to the method have arrived (or rejects after `timeoutMs`). */
  async waitFor(method: string, count = 1, timeoutMs = 5_000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.callsTo(method).length < count) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} ${method} call(s); got ${this.callsTo(method).length}: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.callsTo(method);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', this.baseUrl).pathname;
    if (path.startsWith('/files-pri/')) return this.serveFile(path, req, res);
    if (path.startsWith('/upload/')) return this.receiveUpload(path, Buffer.concat(chunks), req, res);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : path.startsWith('/respond/') ? 'response_url' : path;
    const body = parseBody(raw, req.headers['content-type'] ?? '', this.parseBlocks);
    const call = { method, body, headers: req.headers, at: Date.now() };
    if (this.record) {
      this.calls.push(call);
      res.once('finish', () => this.answered.push(call));
    }
    this.onCall?.(call);
    for (const wake of this.waiters.splice(0)) wake();

    const queue = this.faults.get(method);
    const at = queue?.findIndex((candidate) => candidate.channel === undefined || candidate.channel === body.channel) ?? -1;
    const fault = at >= 0 ? queue![at] : undefined;
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) queue!.splice(at, 1);
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.status === 0) {
        req.socket.destroy();
        return;
      }
      if (fault.status === 200 && !fault.body) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(this.answer(method, body)));
        return;
      }
      res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {}) });
      res.end(JSON.stringify(fault.body ?? { ok: false, error: fault.status === 429 ? 'ratelimited' : 'internal_error' }));
      return;
    }
    if (this.parseBlocks && MESSAGE_METHODS.has(method)) {
      const problems = blockKitProblems(body);
      if (problems.length > 0) {
        this.rejected.push({ ...call, problems });
        // Slack answers a Web API call with ok:false; a response_url post with HTTP 400.
        res.writeHead(method === 'response_url' ? 400 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: problems[0]!.startsWith('text') ? 'msg_too_long' : 'invalid_blocks', errors: problems }));
        return;
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(this.answer(method, body)));
  }

  /**
   * A user's file at url_private_download. Like Slack: the bot token must come as `Authorization: Bearer xoxb-…`;
   * without it (or for a file marked `loginPage`, as when the app lacks files:read) the answer is Slack's HTML
   * sign-in page with status 200, not the file.
   */
  private async serveFile(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const authorization = req.headers.authorization;
    this.downloads.push({ path, authorization });
    const id = /^\/files-pri\/T0001-(F\w+)\/download\//.exec(path)?.[1];
    const file = id ? this.hosted.get(id) : undefined;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('file_not_found');
      return;
    }
    if (file.loginPage || !/^Bearer xox[bp]-/.test(authorization ?? '')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to Example | Slack</body></html>');
      return;
    }
    this.downloadEvents.push({ event: 'start', id: file.id });
    if (file.delayMs) await new Promise((resolve) => setTimeout(resolve, file.delayMs));
    this.downloadEvents.push({ event: 'end', id: file.id });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes.byteLength) });
    res.end(Buffer.from(file.bytes));
  }

  /** The POST of a file's bytes to the URL files.getUploadURLExternal returned; its length must match the declared one. */
  private receiveUpload(path: string, bytes: Buffer, req: IncomingMessage, res: ServerResponse): void {
    const upload = this.uploads.get(path.slice('/upload/'.length));
    const call = { method: 'upload_url', body: { path, length: bytes.byteLength }, headers: req.headers, at: Date.now() };
    if (this.record) this.calls.push(call);
    this.onCall?.(call);
    for (const wake of this.waiters.splice(0)) wake();
    if (req.method !== 'POST' || !upload || upload.bytes || bytes.byteLength !== upload.length) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(!upload ? 'unknown upload' : upload.bytes ? 'already uploaded' : `expected ${upload.length} bytes, got ${bytes.byteLength}`);
      return;
    }
    upload.bytes = new Uint8Array(bytes);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${bytes.byteLength}`);
  }

  /**
   * views.open and views.publish, validated as Slack does: a trigger_id (open) or user_id (publish), a view of the
   * right type within Slack's limits. A view that breaks them gets Slack's `invalid_arguments`, as the real API would.
   */
  private answerView(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const view = (typeof body.view === 'string' ? JSON.parse(body.view) : body.view) as Record<string, unknown> | undefined;
    const problems: string[] = [];
    if (method === 'views.open' && !body.trigger_id) problems.push('missing trigger_id');
    if (method === 'views.publish' && !body.user_id) problems.push('missing user_id');
    if (!view) problems.push('missing view');
    else {
      const wanted = method === 'views.open' ? 'modal' : 'home';
      if (view.type !== wanted) problems.push(`view.type must be ${wanted}`);
      const blocks = view.blocks as unknown[] | undefined;
      if (!Array.isArray(blocks) || blocks.length > VIEW_LIMITS.blocks) problems.push(`view.blocks must be an array of at most ${VIEW_LIMITS.blocks}`);
      const title = (view.title as { type?: string; text?: string } | undefined)?.text;
      if (wanted === 'modal' && (!title || Array.from(title).length > VIEW_LIMITS.title)) problems.push(`modal title must be 1-${VIEW_LIMITS.title} characters`);
      if (String(view.private_metadata ?? '').length > VIEW_LIMITS.privateMetadata) problems.push('private_metadata too long');
      if (String(view.callback_id ?? '').length > VIEW_LIMITS.callbackId) problems.push('callback_id too long');
    }
    if (problems.length > 0) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } };
    return { ok: true, view: { id: `V${++this.ts}`, ...view } };
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'files.getUploadURLExternal': {
        const length = Number(body.length);
        if (typeof body.filename !== 'string' || !body.filename || !Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
        const id = `F${String(++this.fileCounter).padStart(8, '0')}`;
        this.uploads.set(id, { id, filename: body.filename, length });
        return { ok: true, upload_url: `${this.baseUrl}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        let files: Array<{ id: string; title?: string }>;
        try {
          files = JSON.parse(String(body.files)) as Array<{ id: string; title?: string }>;
        } catch {
          return { ok: false, error: 'invalid_arguments' };
        }
        if (!Array.isArray(files) || files.length === 0) return { ok: false, error: 'invalid_arguments' };
        if (body.thread_ts !== undefined && body.channel_id === undefined) return { ok: false, error: 'invalid_arguments' };
        for (const file of files) {
          const upload = this.uploads.get(file.id);
          if (!upload || !upload.bytes || upload.completed) return { ok: false, error: 'file_not_found' };
        }
        for (const file of files) this.uploads.get(file.id)!.completed = body;
        return { ok: true, files: files.map((file) => ({ id: file.id, title: file.title ?? this.uploads.get(file.id)!.filename })) };
      }
      case 'files.info': {
        const file = this.hosted.get(String(body.file));
        return file ? { ok: true, file: this.fileObject(file) } : { ok: false, error: 'file_not_found' };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users ?? 'X').replace(/^U/, '')}` } };
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'auth.test':
        return { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'checklist', team_id: 'T0001', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'chat.postMessage':
        return { ok: true, channel: body.channel, ts: `${++this.ts}.000100`, message: { text: body.text } };
      case 'conversations.info': {
        const id = String(body.channel);
        if (this.hiddenChannels.has(id)) return { ok: false, error: 'channel_not_found' };
        return { ok: true, channel: { id, is_channel: true, is_ext_shared: this.sharedChannels.has(id), is_pending_ext_shared: this.pendingSharedChannels.has(id) } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${++this.ts}.000200` };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'response_url':
        return { ok: true };
      case 'views.open':
      case 'views.publish':
        return this.answerView(method, body);
      default:
        return { ok: true };
    }
  }
}

/** Slack's documented limits on views (modals at most 100 blocks, a title at most 24 characters …). */
const VIEW_LIMITS = { blocks: 100, title: 24, privateMetadata: 3000, callbackId: 255 } as const;

/** Slack's Web API clients send forms (with `blocks` as a JSON string) or JSON; both are read back into objects. */
function parseBody(raw: string, contentType: string, parseBlocks: boolean): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const json = (key === 'blocks' || key === 'attachments') && value.startsWith('[') || (key === 'view' && value.startsWith('{'));
    body[key] = parseBlocks && json ? JSON.parse(value) : value;
  }
  return body;
}

/** Methods that post a message, whose blocks Slack validates. */
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'response_url']);

/** Slack's limits on a message (Block Kit reference; `invalid_blocks` when one is broken). */
export const SLACK_MESSAGE_LIMITS = { text: 40_000, blocks: 50, sectionText: 3000, contextElements: 10, contextText: 3000, actionsElements: 25, buttonText: 75, buttonValue: 2000, actionId: 255, headerText: 150 } as const;

/**
 * Why Slack would refuse this message (chat.postMessage, chat.postEphemeral, a response_url post, a slash command's
 * acknowledgement), or [] when it would take it. Lengths are counted in UTF-16 units, the stricter count.
 */
export function blockKitProblems(message: Record<string, unknown>): string[] {
  const L = SLACK_MESSAGE_LIMITS;
  const problems: string[] = [];
  const tooLong = (where: string, text: unknown, max: number) => {
    if (typeof text !== 'string') problems.push(`${where}: not a string`);
    else if (text.length > max) problems.push(`${where}: ${text.length} characters (limit ${max})`);
  };
  if (message.text !== undefined) tooLong('text', message.text, L.text);
  let blocks = message.blocks;
  if (blocks === undefined) return problems;
  if (typeof blocks === 'string') blocks = JSON.parse(blocks) as unknown;
  if (!Array.isArray(blocks)) return [...problems, 'blocks: not an array'];
  if (blocks.length > L.blocks) problems.push(`blocks: ${blocks.length} (limit ${L.blocks})`);
  blocks.forEach((block: Record<string, unknown>, i) => {
    const where = `blocks[${i}] (${String(block.type)})`;
    const text = block.text as { text?: unknown } | undefined;
    switch (block.type) {
      case 'section':
        tooLong(`${where}.text`, text?.text, L.sectionText);
        break;
      case 'header':
        tooLong(`${where}.text`, text?.text, L.headerText);
        break;
      case 'context': {
        const elements = (block.elements as Array<{ text?: unknown }> | undefined) ?? [];
        if (elements.length === 0 || elements.length > L.contextElements) problems.push(`${where}.elements: ${elements.length} (1 to ${L.contextElements})`);
        elements.forEach((element, j) => tooLong(`${where}.elements[${j}].text`, element.text, L.contextText));
        break;
      }
      case 'actions': {
        const elements = (block.elements as Array<Record<string, unknown>> | undefined) ?? [];
        if (elements.length === 0 || elements.length > L.actionsElements) problems.push(`${where}.elements: ${elements.length} (1 to ${L.actionsElements})`);
        const ids = new Set<unknown>();
        elements.forEach((element, j) => {
          if (ids.has(element.action_id)) problems.push(`${where}.elements[${j}].action_id: repeated`);
          ids.add(element.action_id);
          tooLong(`${where}.elements[${j}].action_id`, element.action_id, L.actionId);
          if (element.type !== 'button') return;
          tooLong(`${where}.elements[${j}].text`, (element.text as { text?: unknown } | undefined)?.text, L.buttonText);
          if (element.value !== undefined) tooLong(`${where}.elements[${j}].value`, element.value, L.buttonValue);
        });
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${where}: a block type this bot does not send`);
    }
  });
  return problems;
}
