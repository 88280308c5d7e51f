import type { App } from '@slack/bolt';
import { stripSlackMarkup } from '../../../render/slack-text.js';
import { RefusedInput } from '../../../questionnaire/errors.js';
import { fillQuestionnaire } from '../../../questionnaire/fill.js';
import { pastedTable, QUESTIONNAIRE_TEXT } from '../../../questionnaire/messages.js';
import { pastedQuestions } from '../../../questionnaire/text.js';
import type { SlackDeps } from '../../deps.js';
import { deliverFile } from './file-share.js';

/** This many questions, one per line, make a DM a questionnaire rather than one question. */
export const MIN_PASTED_QUESTIONS = 3;

/** The file name of a filled list of pasted questions. */
export const PASTED_FILE_NAME = 'questions.filled.xlsx';

const LIST_MARKER = /^\s*(?:[-*•・●]|(?:Q|No\.?)?\s*\d{1,3}\s*[.)．）:：、]\s)/i;
/** Tested on a trimmed line: no trailing-space run for the regex to rescan. */
const QUESTION_END = /(?:[?？]|(?:か|ますか|ですか|ください|下さい)[。．.]?)$/;

/** Three or more lines that each look like a question (a list marker or a question ending). */
export function isPastedList(text: string): boolean {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '' && (LIST_MARKER.test(line) || QUESTION_END.test(line.trim()))).length >= MIN_PASTED_QUESTIONS;
}

/**
 * Questions pasted in a DM, one per line: a compact No./answer table, then the same answers as a filled workbook.
 * (The direct-message listener leaves such messages to this one.)
 */
export function register(app: App, deps: SlackDeps): void {
  app.message(async ({ message, client, body }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined) return;
    if ('bot_id' in message && message.bot_id) return;
    const text = message.text ?? '';
    if (!isPastedList(text)) return;
    const where = { source: 'pasted_list', team: body.team_id, channel: message.channel, user: message.user };
    const thread = message.thread_ts ? { thread_ts: message.thread_ts } : {};
    const say = async (reply: string): Promise<void> => {
      await client.chat.postMessage({ channel: message.channel, ...thread, text: reply }).catch((error: unknown) => deps.logger.error({ event: 'reply_failed', ...where, err: error }, 'could not post a reply'));
    };
    try {
      const lines = text.split(/\r?\n/).map((line) => stripSlackMarkup(line));
      const result = await fillQuestionnaire({ text: lines.join('\n') }, deps.base);
      await say(pastedTable(result.rows));
      await deliverFile(deps, client, PASTED_FILE_NAME, result.bytes, { channel_id: message.channel, ...thread }, say, where);
      deps.logger.info({ event: 'questionnaire_filled', ...where, rows: pastedQuestions(text).length, sheetVersion: result.knowledge.version }, 'answered a pasted list of questions');
    } catch (error) {
      if (error instanceof RefusedInput) return say(QUESTIONNAIRE_TEXT.refused('your list', error.message));
      deps.logger.error({ event: 'questionnaire_failed', ...where, err: error }, 'answering a pasted list failed');
      await say(QUESTIONNAIRE_TEXT.failed('your list'));
    }
  });
}
