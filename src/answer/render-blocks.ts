import type { Knowledge, KnowledgeItem } from '../knowledge/load.js';
import { citedItems, type AnsweredDecision, type Answer, type NoMatchDecision } from './decide.js';
import type { Language } from './language.js';
import { answerLabel, answerText, citation, customerSentence, HELP_TEXT, itemName, noMatchHeadline, notDisclosedNote, partHeading, pasteLine, phrasingLabel, renderAnswerText, sourceLine, truncatedNote, unlistedNote } from './render-text.js';
import { escapeSlack, SLACK_LIMITS, truncate } from './slack-text.js';

/**
 * Block Kit rendering of answers. Plain JSON, no Slack SDK: the Slack adapter posts what this returns.
 * Every message has a `text` fallback (notifications, screen readers) and stays within Slack's limits.
 */

export type Block = Record<string, unknown> & { type: string };
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Action IDs of the buttons; a suffix (`:29`) keeps IDs unique inside one actions block. */
export const ACTION = {
  share: 'checklist_share',
  copy: 'checklist_copy',
  show: 'checklist_show',
  feedback: 'checklist_feedback',
} as const;

/** What a button carries back to the bot. Kept small: a button value holds at most 2,000 characters. */
export interface ButtonValue {
  /** Item numbers the button refers to. */
  items?: number[];
  /** The question, for "share" (re-answered visibly) and for feedback records. */
  q?: string;
  lang: Language;
  vote?: 'up' | 'down';
}

export function encodeValue(value: ButtonValue): string {
  const encoded = JSON.stringify(value);
  if (encoded.length <= SLACK_LIMITS.buttonValue || !value.q) return encoded;
  return JSON.stringify({ ...value, q: truncate(value.q, Math.max(0, value.q.length - (encoded.length - SLACK_LIMITS.buttonValue) - 20)) });
}

export interface RenderOptions {
  lang: Language;
  /** The reply is ephemeral (slash command): add "Share in channel". */
  shareable?: boolean;
  /** Add 👍/👎 feedback buttons. Default true for answers. */
  feedback?: boolean;
}

const mrkdwn = (text: string, max: number = SLACK_LIMITS.sectionText) => ({ type: 'mrkdwn', text: truncate(text, max) });
const plain = (text: string, max: number = SLACK_LIMITS.buttonText) => ({ type: 'plain_text', text: truncate(text, max), emoji: true });
const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });
const context = (...texts: string[]): Block => ({ type: 'context', elements: texts.slice(0, 10).map((t) => mrkdwn(t, SLACK_LIMITS.contextText)) });
const button = (actionId: string, text: string, value: ButtonValue, style?: 'primary' | 'danger'): Record<string, unknown> => ({
  type: 'button',
  action_id: actionId,
  text: plain(text),
  value: encodeValue(value),
  ...(style ? { style } : {}),
});
/** A button that shows one item to the clicker (picker, see also, suggestions). */
const showButton = (item: KnowledgeItem, lang: Language): Record<string, unknown> => button(`${ACTION.show}:${item.no}`, citation(item, lang), { items: [item.no], lang });
const actions = (elements: Array<Record<string, unknown>>): Block => ({ type: 'actions', elements: elements.slice(0, SLACK_LIMITS.actions) });
/** Sheet cells are shown as quoted text; escaped too, since a sheet cell could contain `<` or `&`. */
const quote = (text: string): string => text.split('\n').map((line) => `>${escapeSlack(line)}`).join('\n');

const T = {
  en: {
    seeAlso: 'See also',
    copy: 'Copy for customer',
    share: 'Share in channel',
    helpful: '👍 Helpful',
    notHelpful: '👎 Not helpful',
    picker: 'More than one item fits your question. Which one did you mean?',
    nearest: 'Nearest items (they do not answer the question as asked):',
    category: 'Category',
    unit: 'Unit',
    definition: 'Definition',
  },
  ja: {
    seeAlso: '関連項目',
    copy: 'お客様向けにコピー',
    share: 'チャンネルに共有',
    helpful: '👍 役に立った',
    notHelpful: '👎 役に立たない',
    picker: '複数の項目が該当します。どちらの項目ですか？',
    nearest: '近い項目（質問への直接の回答ではありません）:',
    category: '区分',
    unit: '測定単位',
    definition: '規定内容',
  },
} as const;

/** The blocks showing one item: citation, answer (with the Japanese original in English), flags, context. */
export function itemBlocks(item: KnowledgeItem, lang: Language, knowledge: Knowledge): Block[] {
  const t = T[lang];
  const title = lang === 'en' && item.en ? `*${escapeSlack(citation(item, 'en'))}*\n${escapeSlack(item.name)}` : `*${escapeSlack(citation(item, lang))}*`;
  let answer = `*${answerLabel(item, lang)}*\n${quote(answerText(item, lang))}`;
  if (lang === 'en' && item.en) answer += `\n*Japanese original (設定等)*\n${quote(item.answer)}`;
  const blocks: Block[] = [section(title), section(answer)];
  if (item.notDisclosed) blocks.push(section(`:warning: *${notDisclosedNote(lang)}*`));
  const category = lang === 'en' ? `${item.sectionEn ?? item.section} › ${item.categoryEn ?? item.category}` : `${item.section} › ${item.category}`;
  const unit = lang === 'en' ? (item.en?.unit ?? item.unit) : item.unit;
  blocks.push(
    context(
      `*${t.category}:* ${escapeSlack(category)} · *${t.unit}:* ${escapeSlack(unit)}`,
      `*${t.definition}:* ${escapeSlack(lang === 'en' ? (item.en?.definition ?? item.definition) : item.definition)}`,
      escapeSlack(sourceLine(knowledge, lang)),
    ),
  );
  return blocks;
}

/** An answer to one question: the item (or a picker when two fit about equally), or "not covered" with the nearest items. */
function singleDecisionBlocks(decision: AnsweredDecision | NoMatchDecision, knowledge: Knowledge, lang: Language): Block[] {
  const t = T[lang];
  if (decision.kind === 'no_match') {
    const blocks = [section(escapeSlack(noMatchHeadline(decision, knowledge, lang)))];
    if (decision.suggestions.length > 0) blocks.push(context(t.nearest), actions(decision.suggestions.map((item) => showButton(item, lang))));
    return blocks;
  }
  if (decision.close) return [section(t.picker), actions([decision.item, ...decision.seeAlso].map((item) => showButton(item, lang)))];
  const blocks: Block[] = [];
  if (decision.unlisted.length > 0) blocks.push(section(`*${escapeSlack(unlistedNote(decision.unlisted, decision.item, lang))}*`));
  blocks.push(...itemBlocks(decision.item, lang, knowledge));
  if (decision.seeAlso.length > 0) blocks.push(context(`*${t.seeAlso}:*`), actions(decision.seeAlso.map((item) => showButton(item, lang))));
  return blocks;
}

/** Renders an answer as a Slack message. */
export function renderAnswerBlocks(answer: Answer, knowledge: Knowledge, options: RenderOptions): SlackMessage {
  const { lang } = options;
  const t = T[lang];
  const q = answer.question;
  const decision = answer.decision;
  const blocks: Block[] = [];
  const footer: Array<Record<string, unknown>> = [];
  const cited = citedItems(decision);

  if (answer.assist?.phrasing && cited.length > 0 && !(decision.kind === 'answered' && decision.close)) {
    blocks.push(context(`:robot_face: _${escapeSlack(phrasingLabel(answer.assist.model, lang))}_`));
    blocks.push(section(escapeSlack(answer.assist.phrasing)));
  }
  switch (decision.kind) {
    case 'help':
      blocks.push(section(escapeSlack(HELP_TEXT[lang])));
      break;
    case 'lookup':
      cited.forEach((item, i) => {
        if (i > 0) blocks.push({ type: 'divider' });
        blocks.push(...itemBlocks(item, lang, knowledge));
      });
      if (decision.truncated > 0) blocks.push(context(truncatedNote(decision.truncated, lang)));
      break;
    case 'answered':
    case 'no_match':
      blocks.push(...singleDecisionBlocks(decision, knowledge, lang));
      break;
    case 'multi':
      decision.parts.forEach((part, i) => {
        if (i > 0) blocks.push({ type: 'divider' });
        blocks.push(section(`*${escapeSlack(partHeading(i, part.question, lang))}*`));
        blocks.push(...singleDecisionBlocks(part.decision, knowledge, lang));
      });
      break;
    case 'section':
      for (const chunk of chunkLines(decision.items.map((item) => `• ${escapeSlack(pasteLine(item, lang))}`), SLACK_LIMITS.sectionText - 200)) {
        blocks.push(section(blocks.length === 0 ? `*${escapeSlack(decision.title)}*\n${chunk}` : chunk));
      }
      break;
  }
  const answers = decision.kind === 'lookup' || (decision.kind === 'answered' && !decision.close) || (decision.kind === 'multi' && cited.length > 0);
  if (answers) {
    footer.push(button(ACTION.copy, t.copy, { items: cited.map((item) => item.no), lang }));
    if (options.feedback !== false) {
      const items = cited.map((item) => item.no);
      footer.push(button(`${ACTION.feedback}:up`, t.helpful, { items, q, lang, vote: 'up' }));
      footer.push(button(`${ACTION.feedback}:down`, t.notHelpful, { items, q, lang, vote: 'down' }));
    }
  }
  if (options.shareable && decision.kind !== 'help') footer.unshift(button(ACTION.share, t.share, { q, lang }, 'primary'));
  if (footer.length > 0) blocks.push(actions(footer));
  return { text: fallbackText(answer, knowledge, lang), blocks: fitBlocks(blocks) };
}

/** Notification text: the paste line(s), or the first line of the plain answer. Escaped and within limits. */
function fallbackText(answer: Answer, knowledge: Knowledge, lang: Language): string {
  const decision = answer.decision;
  const text =
    decision.kind === 'answered' && !decision.close
      ? pasteLine(decision.item, lang)
      : decision.kind === 'lookup'
        ? decision.items.map((item) => pasteLine(item, lang)).join('\n')
        : decision.kind === 'answered'
          ? `${T[lang].picker} ${[decision.item, ...decision.seeAlso].map((item) => citation(item, lang)).join(' / ')}`
          : renderAnswerText(answer, knowledge, lang);
  return truncate(escapeSlack(text), SLACK_LIMITS.text);
}

/** Keeps a message within 50 blocks: when cut, the last block says so. */
function fitBlocks(blocks: Block[]): Block[] {
  if (blocks.length <= SLACK_LIMITS.blocks) return blocks;
  return [...blocks.slice(0, SLACK_LIMITS.blocks - 1), context('…(shortened to fit one Slack message)')];
}

/** Splits lines into chunks of at most `max` characters each (a line longer than that is cut). */
export function chunkLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** "Copy for customer": plain text, no markup or emoji, one polite sentence per language per item. */
export function renderCustomerCopy(items: KnowledgeItem[], knowledge: Knowledge): SlackMessage {
  const lines = items.flatMap((item) => [customerSentence(item, 'ja', knowledge), customerSentence(item, 'en', knowledge)]);
  const body = lines.join('\n');
  return {
    text: truncate(body, SLACK_LIMITS.text),
    blocks: [
      context('Paste-ready text for customers (Japanese, then English):'),
      ...chunkLines(lines, SLACK_LIMITS.sectionText - 20).map((chunk) => section('```' + escapeSlack(chunk) + '```')),
      ...(items.some((item) => item.notDisclosed) ? [context(`:warning: ${notDisclosedNote('en')}`)] : []),
    ],
  };
}

/** `/checklist list`: the sections with their items' numbers and names, split into messages that fit Slack. */
export function renderList(knowledge: Knowledge, lang: Language): SlackMessage[] {
  const sections = [...new Set(knowledge.items.map((item) => item.section))];
  const blocks: Block[] = [];
  for (const name of sections) {
    const items = knowledge.items.filter((item) => item.section === name);
    const title = lang === 'en' ? `${items[0]?.sectionEn ?? name} (${name})` : name;
    const lines = items.map((item) => `\`${String(item.no).padStart(2, ' ')}\` ${escapeSlack(itemName(item, lang))}`);
    chunkLines(lines, SLACK_LIMITS.sectionText - 100).forEach((chunk, i) => blocks.push(section(i === 0 ? `*${escapeSlack(title)}*\n${chunk}` : chunk)));
  }
  blocks.push(context(escapeSlack(sourceLine(knowledge, lang))));
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += SLACK_LIMITS.blocks) {
    const part = blocks.slice(i, i + SLACK_LIMITS.blocks);
    messages.push({ text: truncate(lang === 'en' ? `Check sheet items (${knowledge.items.length})` : `チェックシートの項目（${knowledge.items.length}件）`, SLACK_LIMITS.text), blocks: part });
  }
  return messages;
}
