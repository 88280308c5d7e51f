import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret. */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  secret: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  /** Seconds since the epoch; defaults to now. An old one is how a replay looks. */
  timestamp?: number;
  /** Override the signature (forgeries). */
  signature?: string | null;
  headers?: Record<string, string>;
}

/** The headers Slack sends with a body: content type, timestamp and signature (plus any extra ones). */
export function slackHeaders(body: string, options: SignedPostOptions): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': options.contentType,
    'x-slack-request-timestamp': String(timestamp),
    ...(options.signature === null ? {} : { 'x-slack-signature': options.signature ?? sign(options.secret, timestamp, body) }),
    ...options.headers,
  };
}

/** POSTs a body to the app the way Slack does: exact bytes, signed, with Slack's headers. */
export async function signedPost(url: string, body: string, options: SignedPostOptions): Promise<{ status: number; text: string; json: () => unknown }> {
  const response = await fetch(url, { method: 'POST', headers: slackHeaders(body, options), body });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

let counter = 0;
export const nextId = (prefix: string): string => `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}`.toUpperCase();

/** An Events API envelope (`event_callback`). */
export function eventEnvelope(event: Record<string, unknown>, eventId = nextId('Ev')): { body: string; eventId: string } {
  return {
    eventId,
    body: JSON.stringify({ token: 'legacy', team_id: 'T0001', api_app_id: 'A0001', type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000), event }),
  };
}

export function mentionEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, '0')}`;
  return { type: 'app_mention', user: 'U0USER', text: `<@UBOT> ${text}`, ts, channel: 'C0CHAN', event_ts: ts, ...extra };
}

export function directMessageEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, '0')}`;
  return { type: 'message', channel_type: 'im', user: 'U0USER', text, ts, channel: 'D0DM', event_ts: ts, ...extra };
}

/** A slash command body, form-encoded exactly as Slack sends it. */
export function commandBody(text: string, responseUrl: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T0001',
    team_domain: 'example',
    channel_id: 'C0CHAN',
    channel_name: 'sales',
    user_id: 'U0USER',
    user_name: 'sales.person',
    command: '/checklist',
    text,
    api_app_id: 'A0001',
    response_url: responseUrl,
    trigger_id: '123.456.abc',
    ...extra,
  }).toString();
}

/** A block_actions payload for one clicked button, form-encoded as `payload=…`. */
export function buttonClickBody(action: { action_id: string; value: string }, options: { responseUrl: string; message?: Record<string, unknown>; ephemeral?: boolean; channel?: string }): string {
  const channel = options.channel ?? 'C0CHAN';
  const payload = {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'example' },
    user: { id: 'U0USER', username: 'sales.person', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy',
    container: options.ephemeral
      ? { type: 'message', message_ts: '1700000000.000001', channel_id: channel, is_ephemeral: true }
      : { type: 'message', message_ts: String(options.message?.ts ?? '1700000000.000001'), channel_id: channel, is_ephemeral: false },
    trigger_id: '123.456.def',
    channel: { id: channel, name: 'sales' },
    ...(options.ephemeral ? {} : { message: { type: 'message', ts: '1700000000.000001', ...options.message } }),
    response_url: options.responseUrl,
    actions: [{ type: 'button', block_id: 'b1', action_id: action.action_id, value: action.value, text: { type: 'plain_text', text: 'x' }, action_ts: '1700000001.000001' }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A block_actions payload for a button clicked in the App Home: no channel, no message, no response_url. */
export function homeButtonClickBody(action: { action_id: string; value: string }): string {
  const params = new URLSearchParams(buttonClickBody(action, { responseUrl: '' }));
  const { channel: _channel, message: _message, response_url: _url, ...payload } = JSON.parse(params.get('payload')!) as Record<string, unknown>;
  const inHome = { ...payload, container: { type: 'view', view_id: 'V0HOME' }, view: { id: 'V0HOME', type: 'home', private_metadata: '' } };
  return new URLSearchParams({ payload: JSON.stringify(inHome) }).toString();
}

/** A message shortcut (`message_action`) on a message, form-encoded as `payload=…`, as Slack sends it. */
export function messageShortcutBody(message: Record<string, unknown>, options: { responseUrl: string; callbackId?: string; channel?: string; extShared?: boolean }): string {
  const payload = {
    type: 'message_action',
    token: 'legacy',
    action_ts: '1700000002.000001',
    team: { id: 'T0001', domain: 'example' },
    user: { id: 'U0USER', name: 'support.person', team_id: 'T0001' },
    channel: { id: options.channel ?? 'C0CHAN', name: 'customer-acme' },
    ...(options.extShared ? { is_ext_shared_channel: true } : {}),
    callback_id: options.callbackId ?? 'answer_message',
    trigger_id: '123.456.ghi',
    message_ts: String(message.ts ?? '1700000000.000005'),
    message: { type: 'message', user: 'U0CUSTOMER', ts: '1700000000.000005', ...message },
    response_url: options.responseUrl,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A modal's `view_submission`, form-encoded as `payload=…`: `values` are the view's state values. */
export function viewSubmissionBody(view: { callback_id: string; private_metadata: string; values: Record<string, Record<string, { type: string; value: string | null }>> }): string {
  const payload = {
    type: 'view_submission',
    team: { id: 'T0001', domain: 'example' },
    user: { id: 'U0USER', username: 'sales.person', name: 'sales.person', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy',
    trigger_id: '123.456.jkl',
    view: {
      id: 'V0001',
      team_id: 'T0001',
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      blocks: [],
      state: { values: view.values },
      hash: '1700000000.abcd',
      title: { type: 'plain_text', text: 'x' },
      app_id: 'A0001',
      bot_id: 'BBOT',
    },
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The `app_home_opened` event; `view` is the Home view the person already has, if any. */
export function appHomeOpenedEvent(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'app_home_opened', user: 'U0USER', channel: 'D0DM', tab: 'home', event_ts: `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, '0')}`, ...extra };
}
