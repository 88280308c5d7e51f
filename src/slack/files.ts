import type { webApi } from '@slack/bolt';
import { LIMITS, REFUSAL } from '../questionnaire/errors.js';

/** The part of a Slack file object (a `files[]` entry of a file_share message, or files.info) the bot uses. */
export interface SlackFile {
  id: string;
  name?: string;
  title?: string;
  size?: number;
  url_private_download?: string;
  /** Slack Connect and some large workspaces send only the ID with this marker: ask files.info for the rest. */
  file_access?: string;
}

/** Why a download failed, in words for the user; `loginPage` when Slack answered with its sign-in page. */
export class DownloadError extends Error {
  override name = 'DownloadError';
  constructor(
    message: string,
    readonly loginPage = false,
  ) {
    super(message);
  }
}

/** How long a download or an upload may take before it is given up. */
export const FILE_TRANSFER_TIMEOUT_MS = 30_000;

/**
 * Whether the bot token may be sent to this URL: Slack's own hosts, or the host of the Web API it is configured for
 * (SLACK_API_URL, e.g. a test fake). The token never goes anywhere else, whatever a file object says.
 */
export function isSlackHost(url: URL, apiUrl: string | undefined): boolean {
  if (url.protocol === 'https:' && (url.hostname === 'slack.com' || url.hostname.endsWith('.slack.com') || url.hostname.endsWith('.slack-edge.com'))) return true;
  return apiUrl !== undefined && new URL(apiUrl).host === url.host;
}

/**
 * Downloads a user's file with the bot token after checking its declared size; refuses (RefusedInput) past the
 * size limit, also while streaming in case the declared size was wrong. An HTML page where a file was expected is
 * Slack's sign-in page (the app lacks files:read): a DownloadError with `loginPage`, never a parse error later.
 */
export async function downloadSlackFile(file: SlackFile, token: string, apiUrl: string | undefined): Promise<Uint8Array> {
  if (file.size !== undefined && file.size > LIMITS.maxBytes) throw REFUSAL.tooLarge(file.size);
  if (!file.url_private_download) throw new DownloadError('Slack did not give a download link for it');
  const url = new URL(file.url_private_download);
  if (!isSlackHost(url, apiUrl)) throw new DownloadError(`its link points outside Slack (${url.host})`);
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(FILE_TRANSFER_TIMEOUT_MS) });
  } catch (error) {
    throw new DownloadError((error as Error).name === 'TimeoutError' ? 'it took too long' : (error as Error).message);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new DownloadError(`HTTP ${response.status}`);
  }
  if (/text\/html/i.test(response.headers.get('content-type') ?? '') && !/\.html?$/i.test(file.name ?? '')) {
    await response.body?.cancel();
    throw new DownloadError('Slack sent its sign-in page instead of the file', true);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += (chunk as Uint8Array).byteLength;
    if (size > LIMITS.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw REFUSAL.tooLarge(size);
    }
    chunks.push(chunk as Uint8Array);
  }
  return Buffer.concat(chunks);
}

/** Where an uploaded file is shared: a channel (and thread). */
export interface UploadTarget {
  channel_id: string;
  thread_ts?: string;
  initial_comment?: string;
}

/**
 * Uploads a file the way Slack requires since files.upload was retired: files.getUploadURLExternal, then the
 * bytes POSTed to the returned URL, then files.completeUploadExternal to share it. (WebClient's filesUploadV2 does the
 * same but also calls files.info, which would need one more scope for nothing.)
 */
export async function uploadToSlack(client: webApi.WebClient, filename: string, bytes: Uint8Array, target: UploadTarget): Promise<void> {
  const started = await client.files.getUploadURLExternal({ filename, length: bytes.byteLength });
  if (!started.upload_url || !started.file_id) throw new Error('files.getUploadURLExternal returned no upload URL');
  const posted = await fetch(started.upload_url, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
    signal: AbortSignal.timeout(FILE_TRANSFER_TIMEOUT_MS),
  });
  await posted.body?.cancel();
  if (!posted.ok) throw new Error(`the upload URL answered HTTP ${posted.status}`);
  await client.files.completeUploadExternal({ files: [{ id: started.file_id, title: filename }], ...target } as Parameters<typeof client.files.completeUploadExternal>[0]);
}
