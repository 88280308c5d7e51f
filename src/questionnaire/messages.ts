import { languageOf } from '../answer/language.js';
import { answerText } from '../render/text.js';
import { escapeSlack, SLACK_LIMITS, truncate } from '../render/slack-text.js';
import { countStatuses, FILLED_TEXT, needsPerson, statusLabel, type FilledRow } from './cells.js';

/**
 * What the bot says in Slack about a questionnaire (mrkdwn), in one place. File names and questions come from users
 * and are escaped; answers are the sheet's cells or reviewed translations.
 */

/** How many rows needing a person the summary lists before pointing to the Summary sheet. */
const LISTED_ROWS = 10;

const name = (file: string): string => `*${escapeSlack(truncate(file, 120))}*`;

export const QUESTIONNAIRE_TEXT = {
  ack: (file: string) => `Filling ${name(file)} with the check sheet's answers… I'll post a summary and the filled file in this thread.`,
  progress: (file: string, done: number, total: number) => `Filling ${name(file)}: ${done} of ${total} question rows answered…`,
  refused: (file: string, why: string) => `I could not fill ${name(file)}: ${escapeSlack(why)}`,
  tooLarge: (file: string, why: string) => `I did not download ${name(file)}: ${escapeSlack(why)}`,
  loginPage: (file: string) =>
    `I could not download ${name(file)}: Slack sent its sign-in page instead of the file, which means the app is missing the files:read permission. Ask your Slack admin to add the files:read scope and reinstall the app.`,
  downloadFailed: (file: string, why: string) => `I could not download ${name(file)} from Slack (${escapeSlack(why)}). Please upload it again.`,
  failed: (file: string) => `Something went wrong while filling ${name(file)}, so no file was sent. Please try again; if it keeps failing, tell the bot's maintainers (the error is logged).`,
  uploadFailed: (file: string, why: string) => `I filled ${name(file)} but could not upload the filled file (${escapeSlack(why)}). Please try again.`,
  sharedChannel: 'This channel is shared with another organisation, so this stays private: only you see these messages, and the filled file is in your DM with me.',
  pastedIntro: (count: number) => `${count} questions, answered from the check sheet (the filled file follows):`,
} as const;

/** `*caiq.filled.xlsx*: 25 question rows — 20 answered, 1 to check, 4 not covered`, then the rows needing a person. */
export function summaryText(file: string, rows: FilledRow[]): string {
  const counts = countStatuses(rows);
  const s = FILLED_TEXT.status;
  const head = `${name(file)}: ${rows.length} question rows — ${counts.answered} ${s.answered}, ${counts.close} to check (${s.close}), ${counts.no_match} ${s.no_match}${counts.multi ? `, ${counts.multi} ${s.multi}` : ''}.`;
  const needing = needsPerson(rows);
  if (needing.length === 0) return `${head}\nEvery row is answered; the Summary sheet lists the check sheet version used.`;
  const lines = needing.slice(0, LISTED_ROWS).map((row) => `• ${row.sheet ? `${escapeSlack(row.sheet)} ` : ''}row ${row.row} (${escapeSlack(statusLabel(row))}): ${escapeSlack(truncate(row.question, 100))}`);
  if (needing.length > LISTED_ROWS) lines.push(`…and ${needing.length - LISTED_ROWS} more: see the Summary sheet in the file.`);
  return truncate([head, 'Rows that need a person:', ...lines].join('\n'), SLACK_LIMITS.text);
}

/**
 * The compact table for pasted questions: one line per question with its item No. and answer (in the question's
 * language: the sheet cell for Japanese, the reviewed translation for English), or why it is not answered.
 */
export function pastedTable(rows: FilledRow[]): string {
  const lines = rows.map((row, i) => {
    const lang = languageOf(row.question);
    const q = escapeSlack(truncate(row.question, 80));
    if (row.status === 'no_match') return `${i + 1}. ${q}\n      → ${FILLED_TEXT.status.no_match}`;
    if (row.status === 'close') return `${i + 1}. ${q}\n      → ${FILLED_TEXT.status.close}: ${row.others.map((item) => `No.${item.no}`).join(' / ')}`;
    const cited = row.cited.map((item) => `No.${item.no} ${escapeSlack(truncate(answerText(item, lang), 160))}`).join(' / ');
    const label = statusLabel(row);
    return `${i + 1}. ${q}\n      → ${cited}${label === FILLED_TEXT.status.answered ? '' : ` (${escapeSlack(label)})`}`;
  });
  return truncate([QUESTIONNAIRE_TEXT.pastedIntro(rows.length), ...lines].join('\n'), SLACK_LIMITS.text);
}
