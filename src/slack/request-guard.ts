import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, isRawBodyError, isValidSlackRequest } from '@slack/bolt';

/** Slack signs each request with its time; one more than this far from now, either way, is refused (a replay). */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Checks a request to the events endpoint before bolt sees it, answering at once what bolt gets wrong: a timestamp in
 * the future (bolt refuses only old ones), and signed bodies that are not a Slack payload — `null` (bolt throws and
 * never answers), an array, a number, an object without `type` (bolt answers 404 after 3 s). Returns true when the
 * request may go on to bolt, with its body buffered (bolt reads the buffer and checks the signature again).
 */
export async function screenSlackRequest(req: IncomingMessage, res: ServerResponse, options: { signingSecret: string; bodyLimit: number; now?: () => number }): Promise<boolean> {
  let body: string;
  try {
    body = (await HTTPModuleFunctions.bufferIncomingMessage(req, options.bodyLimit)).rawBody.toString();
  } catch (error) {
    const tooLarge = isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413);
    return refuse(res, tooLarge ? 413 : 400);
  }
  const contentType = req.headers['content-type'];
  const form = contentType === 'application/x-www-form-urlencoded' ? new URLSearchParams(body) : undefined;
  if (form?.get('ssl_check') === '1') return true; // Slack's unsigned SSL check: bolt answers it

  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  const signature = req.headers['x-slack-signature'];
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  if (!Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > MAX_CLOCK_SKEW_SECONDS || typeof signature !== 'string') return refuse(res, 401);
  if (!isValidSlackRequest({ signingSecret: options.signingSecret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } })) return refuse(res, 401);

  return isSlackPayload(body, form) ? true : refuse(res, 400);
}

/** A JSON object with a `type` (events, interactivity), or a slash command's form (`command`). */
function isSlackPayload(body: string, form: URLSearchParams | undefined): boolean {
  if (form && !form.has('payload')) return (form.get('command') ?? '') !== '';
  try {
    const parsed: unknown = JSON.parse(form ? form.get('payload')! : body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && typeof (parsed as { type?: unknown }).type === 'string';
  } catch {
    return false;
  }
}

function refuse(res: ServerResponse, status: number): false {
  res.writeHead(status).end();
  return false;
}
