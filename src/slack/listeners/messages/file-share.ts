import type { App, webApi } from '@slack/bolt';
import type { FillLanguage } from '../../../questionnaire/cells.js';
import type { LayoutOverrides } from '../../../questionnaire/detect.js';
import { RefusedInput } from '../../../questionnaire/errors.js';
import { fillQuestionnaire, type FillResult } from '../../../questionnaire/fill.js';
import { QUESTIONNAIRE_TEXT, summaryText } from '../../../questionnaire/messages.js';
import type { SlackDeps } from '../../deps.js';
import { DownloadError, downloadSlackFile, uploadToSlack, type SlackFile, type UploadTarget } from '../../files.js';

/** Files with at least this many question rows get progress updates on the acknowledgement. */
export const PROGRESS_MIN_ROWS = 100;
/** At most one progress update per this many milliseconds (chat.update is rate limited, and people read slowly). */
export const PROGRESS_INTERVAL_MS = 2_000;

/**
 * Questionnaires filled at the same time by this process; more wait their turn (their acknowledgement is already
 * posted). A 10 MB workbook is held a few times over while it is read and written, so this bounds memory.
 */
export const MAX_CONCURRENT_FILLS = 2;
let fillsRunning = 0;
const fillQueue: Array<() => void> = [];

async function withFillSlot<T>(work: () => Promise<T>): Promise<T> {
  while (fillsRunning >= MAX_CONCURRENT_FILLS) await new Promise<void>((resolve) => fillQueue.push(resolve));
  fillsRunning++;
  try {
    return await work();
  } finally {
    fillsRunning--;
    fillQueue.shift()?.();
  }
}

/** A message carrying files: a file_share message, or an app_mention with files. */
export interface FileMessage {
  channel: string;
  user?: string | undefined;
  ts: string;
  thread_ts?: string | undefined;
  text?: string | undefined;
  files: SlackFile[];
  team?: string | undefined;
  inDm: boolean;
  /** The envelope said the channel is shared with another organisation (Slack Connect). */
  extShared: boolean;
}

/**
 * A questionnaire uploaded in a DM to the bot, or in a channel message that mentions it: acknowledged at once,
 * filled, then a summary and the filled file in the thread. A channel message without a mention is not for the bot.
 */
export function register(app: App, deps: SlackDeps): void {
  app.message(async ({ message, client, context, body }) => {
    if (message.subtype !== 'file_share') return;
    const event = message as unknown as { channel: string; channel_type?: string; user?: string; ts: string; thread_ts?: string; text?: string; files?: SlackFile[]; bot_id?: string };
    if (event.bot_id || !event.files?.length) return;
    const inDm = event.channel_type === 'im';
    if (!inDm && !(context.botUserId && (event.text ?? '').includes(`<@${context.botUserId}>`))) return;
    await fillFilesFromMessage(deps, client, context.botToken ?? '', {
      channel: event.channel,
      user: event.user,
      ts: event.ts,
      thread_ts: event.thread_ts,
      text: event.text,
      files: event.files,
      team: body.team_id,
      inDm,
      extShared: (body as { is_ext_shared_channel?: boolean }).is_ext_shared_channel === true,
    });
  });
}

/**
 * Fills every file of one message, once: a mention with a file arrives both as app_mention and as a file_share
 * message, and Slack may deliver either again; the first to arrive does the work.
 */
export async function fillFilesFromMessage(deps: SlackDeps, client: webApi.WebClient, token: string, message: FileMessage): Promise<void> {
  if (deps.dedupe.isDuplicate(`questionnaire:${message.channel}:${message.ts}`)) return;
  if (message.extShared) deps.shared.mark(message.channel);
  // In a channel shared with another organisation (or one Slack cannot tell about), everything stays private.
  const shared = !message.inDm && (message.extShared || (await deps.shared.isShared(message.channel, client)) !== false);
  for (const file of message.files) await fillOneFile(deps, client, token, message, file, shared);
}

async function fillOneFile(deps: SlackDeps, client: webApi.WebClient, token: string, message: FileMessage, partial: SlackFile, shared: boolean): Promise<void> {
  const clock = deps.clock ?? (() => performance.now());
  const started = clock();
  // Slack Connect and large workspaces may send only the file's ID: files.info has its name and download link.
  const file = partial.url_private_download && partial.file_access !== 'check_file_info' ? partial : await fileInfo(client, partial);
  const fileName = file.name ?? file.title ?? file.id;
  const thread_ts = message.thread_ts ?? message.ts;
  const where = { source: 'questionnaire', team: message.team, channel: message.channel, user: message.user, file: fileName };
  const say = async (text: string): Promise<string | undefined> => {
    try {
      if (shared) {
        // Never visible in a shared channel; without a user to show it to, it is only logged.
        if (message.user) await client.chat.postEphemeral({ channel: message.channel, user: message.user, thread_ts, text });
        return undefined;
      }
      return (await client.chat.postMessage({ channel: message.channel, thread_ts, text })).ts;
    } catch (error) {
      deps.logger.error({ event: 'reply_failed', ...where, err: error }, 'could not post a questionnaire reply to Slack');
      return undefined;
    }
  };

  const ackTs = await say(shared ? `${QUESTIONNAIRE_TEXT.ack(fileName)}\n${QUESTIONNAIRE_TEXT.sharedChannel}` : QUESTIONNAIRE_TEXT.ack(fileName));
  let progress = Promise.resolve();
  let lastUpdate = started;
  const onProgress = (done: number, total: number): void => {
    if (!ackTs || total < PROGRESS_MIN_ROWS || done >= total || clock() - lastUpdate < PROGRESS_INTERVAL_MS) return;
    lastUpdate = clock();
    const text = QUESTIONNAIRE_TEXT.progress(fileName, done, total);
    progress = progress.then(() => client.chat.update({ channel: message.channel, ts: ackTs, text })).then(
      () => undefined,
      (error: unknown) => deps.logger.warn({ event: 'progress_failed', ...where, err: error }, 'could not update questionnaire progress'),
    );
  };

  let result: FillResult;
  try {
    result = await withFillSlot(async () => {
      const bytes = await downloadSlackFile(file, token, client.slackApiUrl);
      return fillQuestionnaire({ name: fileName, bytes }, deps.base, { lang: languageFrom(message.text), overrides: overridesFrom(message.text), onProgress });
    });
  } catch (error) {
    await progress;
    if (error instanceof RefusedInput) {
      deps.logger.info({ event: 'questionnaire_refused', ...where, reason: error.reason }, 'refused a questionnaire');
      await say(error.reason === 'too_large' ? QUESTIONNAIRE_TEXT.tooLarge(fileName, error.message) : QUESTIONNAIRE_TEXT.refused(fileName, error.message));
    } else if (error instanceof DownloadError) {
      deps.logger.warn({ event: 'download_failed', ...where, loginPage: error.loginPage, reason: error.message }, 'could not download a questionnaire');
      await say(error.loginPage ? QUESTIONNAIRE_TEXT.loginPage(fileName) : QUESTIONNAIRE_TEXT.downloadFailed(fileName, error.message));
    } else {
      deps.logger.error({ event: 'questionnaire_failed', ...where, err: error }, 'filling a questionnaire failed');
      await say(QUESTIONNAIRE_TEXT.failed(fileName));
    }
    return;
  }
  await progress;
  const dot = fileName.lastIndexOf('.');
  const outName = `${dot > 0 ? fileName.slice(0, dot) : fileName}.filled${result.extension}`;
  await say(summaryText(outName, result.rows));
  if (!shared) await deliverFile(deps, client, outName, result.bytes, { channel_id: message.channel, thread_ts }, say, where);
  else if (message.user) await deliverFile(deps, client, outName, result.bytes, { dmWith: message.user }, say, where);
  deps.logger.info(
    { event: 'questionnaire_filled', ...where, format: result.format, rows: result.rows.length, statuses: countBy(result.rows.map((r) => r.status)), latencyMs: Math.round(clock() - started), sheetVersion: result.knowledge.version },
    'filled a questionnaire',
  );
}

/** Uploads the filled file to the thread, or to the person's DM with the bot (Slack Connect); says so when it fails. */
export async function deliverFile(
  deps: SlackDeps,
  client: webApi.WebClient,
  filename: string,
  bytes: Uint8Array,
  target: UploadTarget | { dmWith: string },
  say: (text: string) => Promise<unknown>,
  where: Record<string, unknown>,
): Promise<boolean> {
  try {
    const resolved = 'dmWith' in target ? { channel_id: (await client.conversations.open({ users: target.dmWith })).channel!.id! } : target;
    await uploadToSlack(client, filename, bytes, resolved);
    return true;
  } catch (error) {
    const e = error as { data?: { error?: string }; message?: string };
    deps.logger.error({ event: 'upload_failed', ...where, slackError: e.data?.error, err: error }, 'could not upload a filled questionnaire');
    await say(QUESTIONNAIRE_TEXT.uploadFailed(filename, e.data?.error ?? e.message ?? 'unknown error'));
    return false;
  }
}

async function fileInfo(client: webApi.WebClient, file: SlackFile): Promise<SlackFile> {
  try {
    return ((await client.files.info({ file: file.id })).file as SlackFile | undefined) ?? file;
  } catch {
    return file; // the download then fails with a message saying so
  }
}

const countBy = (values: string[]): Record<string, number> => values.reduce<Record<string, number>>((acc, v) => ((acc[v] = (acc[v] ?? 0) + 1), acc), {});

/** `lang ja` / `lang: en` / `both` in the message picks the answer columns; default both. */
export function languageFrom(text: string | undefined): FillLanguage {
  const match = /\b(?:lang|language)\s*[:=]?\s*(ja|en|both)\b/i.exec(text ?? '') ?? /(日本語のみ|英語のみ)/.exec(text ?? '');
  if (!match) return 'both';
  const value = match[1]!.toLowerCase();
  return value === '日本語のみ' ? 'ja' : value === '英語のみ' ? 'en' : (value as FillLanguage);
}

/**
 * Detection overrides said with the file, for when the bot picked the wrong column or header row:
 * `sheet "Security"`, `header row 3`, `question column C` (or シート「…」, ヘッダー行 3, 質問列 C).
 */
export function overridesFrom(text: string | undefined): LayoutOverrides {
  const t = (text ?? '').normalize('NFKC');
  const sheet = /\bsheet\s*[:=]?\s*(?:"([^"]+)"|“([^”]+)”|(\S+))/i.exec(t) ?? /シート\s*[「『]([^」』]+)[」』]/.exec(t);
  const headerRow = /\bheader\s*row\s*[:=]?\s*(\d+)/i.exec(t) ?? /ヘッダー?行\s*[:=]?\s*(\d+)/.exec(t);
  const column = /\bquestion\s*column\s*[:=]?\s*([A-Za-z]{1,3}|\d+)\b/i.exec(t) ?? /質問列\s*[:=]?\s*([A-Za-z]{1,3}|\d+)/.exec(t);
  const sheetName = sheet ? (sheet[1] ?? sheet[2] ?? sheet[3]) : undefined;
  return {
    ...(sheetName ? { sheet: sheetName } : {}),
    ...(headerRow ? { headerRow: Number(headerRow[1]) } : {}),
    ...(column ? { questionColumn: column[1]! } : {}),
  };
}
