import { citedItems, type AnsweredDecision, type Answer, type Decision, type NoMatchDecision } from '../answer/decide.js';
import type { Language } from '../answer/language.js';
import type { Knowledge, KnowledgeItem } from '../knowledge/load.js';
import { copyLanguages, copyPartsOf, customerCopyText, type CopySpec } from './customer-copy.js';
import { escapeSlack, SLACK_LIMITS, truncate } from './slack-text.js';
import { STRINGS } from './strings.js';
import { answerLabel, answerText, citation, erratumNotes, itemName, placeOf, noMatchHeadline, notDisclosedNote, partHeading, pasteLine, phrasingLabel, renderAnswerText, sourceLine, truncatedNote, unlistedNote } from './text.js';

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
  /** Why a 👎: one click on a reason (or "other", which opens a modal for a comment). */
  reason: 'checklist_reason',
  /** The App Home's language switch. */
  home: 'checklist_home',
} as const;

/** The modal a 👎 "other" opens for an optional comment (its `callback_id`). */
export const FEEDBACK_MODAL_ID = 'checklist_feedback_comment';

/** Why an answer was not helpful, as offered after a 👎. */
export const FEEDBACK_REASONS = ['wrong_item', 'should_be_covered', 'outdated', 'other'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** What kind of reply feedback is about: a decision kind, or a picker (an answer too close to call). */
export type ReplyKind = Decision['kind'] | 'picker';
export const replyKind = (decision: Decision): ReplyKind => (decision.kind === 'answered' && decision.close ? 'picker' : decision.kind);

/** What a button carries back to the bot. Kept small: a button value holds at most 2,000 characters. */
export interface ButtonValue {
  /** Item numbers the button refers to. */
  items?: number[];
  /** The question, for "share" (re-answered visibly) and for feedback records. */
  q?: string;
  lang: Language;
  vote?: 'up' | 'down';
  /** The kind of reply a feedback button sits under. */
  k?: ReplyKind;
  /** The sheet version the reply was made from. */
  v?: string;
  reason?: FeedbackReason;
  /** What "Copy for customer" (and its format buttons) shows. */
  copy?: CopySpec;
}

export function encodeValue(value: ButtonValue): string {
  const encoded = JSON.stringify(value);
  if (encoded.length <= SLACK_LIMITS.buttonValue || !value.q) return encoded;
  // JSON escaping (quotes, backslashes, control characters) can make the value several times longer than the
  // question: find the longest cut of the question that fits, by bisection.
  const fits = (length: number) => JSON.stringify({ ...value, q: truncate(value.q!, length) }).length <= SLACK_LIMITS.buttonValue;
  let [lo, hi] = [0, Math.min(value.q.length, SLACK_LIMITS.buttonValue)];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return JSON.stringify({ ...value, q: truncate(value.q, lo) });
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
/** A button that shows one item to the clicker (picker, see also, suggestions); a picker's also carries the question. */
const showButton = (item: KnowledgeItem, lang: Language, q?: string): Record<string, unknown> => button(`${ACTION.show}:${item.no}`, citation(item, lang), { items: [item.no], lang, ...(q ? { q } : {}) });
const actions = (elements: Array<Record<string, unknown>>): Block => ({ type: 'actions', elements: elements.slice(0, SLACK_LIMITS.actions) });
/** Sheet cells are shown as quoted text; escaped too, since a sheet cell could contain `<` or `&`. */
const quote = (text: string): string => text.split('\n').map((line) => `>${escapeSlack(line)}`).join('\n');

/** The blocks showing one item: citation, answer (with the Japanese original in English), flags, context. */
export function itemBlocks(item: KnowledgeItem, lang: Language): Block[] {
  const t = STRINGS[lang];
  const title = lang === 'en' && item.english.name !== undefined ? `*${escapeSlack(citation(item, 'en'))}*\n${escapeSlack(item.name)}` : `*${escapeSlack(citation(item, lang))}*`;
  let answer = `*${answerLabel(item, lang)}*\n${quote(answerText(item, lang))}`;
  if (lang === 'en' && item.english.answer !== undefined) answer += `\n*${t.japaneseOriginal}*\n${quote(item.answer)}`;
  const blocks: Block[] = [section(title), section(answer)];
  const errata = erratumNotes(item, lang);
  if (errata.length > 0) blocks.push(context(...errata.map((note) => `:pencil2: ${escapeSlack(note)}`)));
  if (item.notDisclosed) blocks.push(section(`:warning: *${notDisclosedNote(lang)}*`));
  const unit = lang === 'en' ? (item.english.unit ?? item.unit) : item.unit;
  const colon = lang === 'ja' ? '：' : ':';
  blocks.push(
    context(
      `*${t.sectionLabel}${colon}* ${escapeSlack(placeOf(item, lang))} · *${t.unit}${colon}* ${escapeSlack(unit)}`,
      `*${t.definition}${colon}* ${escapeSlack(lang === 'en' ? (item.english.definition ?? item.definition) : item.definition)}`,
    ),
  );
  return blocks;
}

/** An answer to one question: the item (or a picker when two fit about equally), or "not covered" with the nearest items. */
function singleDecisionBlocks(decision: AnsweredDecision | NoMatchDecision, knowledge: Knowledge, lang: Language, question: string): Block[] {
  const t = STRINGS[lang];
  if (decision.kind === 'no_match') {
    const blocks = [section(escapeSlack(noMatchHeadline(decision, knowledge, lang)))];
    if (decision.suggestions.length > 0) blocks.push(context(t.nearest), actions(decision.suggestions.map((item) => showButton(item, lang))));
    return blocks;
  }
  if (decision.close) {
    const offered = [decision.item, ...decision.seeAlso];
    // The picker's buttons carry the question, so a choice can be recorded and proposed as a learned example.
    return [section(t.picker(offered.length)), actions(offered.map((item) => showButton(item, lang, question)))];
  }
  const blocks: Block[] = [];
  if (decision.unlisted.length > 0) blocks.push(section(`*${escapeSlack(unlistedNote(decision.unlisted, decision.item, lang))}*`));
  blocks.push(...itemBlocks(decision.item, lang));
  if (decision.seeAlso.length > 0) blocks.push(context(`*${t.seeAlso}:*`), actions(decision.seeAlso.map((item) => showButton(item, lang))));
  return blocks;
}

/** Renders an answer as a Slack message. */
export function renderAnswerBlocks(answer: Answer, knowledge: Knowledge, options: RenderOptions): SlackMessage {
  const { lang } = options;
  const t = STRINGS[lang];
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
      blocks.push(section(escapeSlack(t.help)));
      break;
    case 'lookup':
      cited.forEach((item, i) => {
        if (i > 0) blocks.push({ type: 'divider' });
        blocks.push(...itemBlocks(item, lang));
      });
      if (decision.truncated > 0) blocks.push(context(truncatedNote(decision.truncated, lang)));
      break;
    case 'answered':
    case 'no_match':
      blocks.push(...singleDecisionBlocks(decision, knowledge, lang, q));
      break;
    case 'multi':
      decision.parts.forEach((part, i) => {
        if (i > 0) blocks.push({ type: 'divider' });
        blocks.push(section(`*${escapeSlack(partHeading(i, part.question, lang))}*`));
        blocks.push(...singleDecisionBlocks(part.decision, knowledge, lang, part.question));
      });
      if (decision.more > 0) blocks.push(context(escapeSlack(STRINGS[lang].moreParts(decision.more))));
      break;
    case 'section':
      for (const chunk of chunkLines(decision.items.map((item) => `• ${escapeSlack(pasteLine(item, lang))}`), SLACK_LIMITS.sectionText - 200)) {
        blocks.push(section(blocks.length === 0 ? `*${escapeSlack(decision.title)}*\n${chunk}` : chunk));
      }
      break;
  }
  // The sheet is cited once per message, under the items it shows.
  if (cited.length > 0 && !(decision.kind === 'answered' && decision.close)) blocks.push(context(escapeSlack(sourceLine(knowledge, lang))));
  const copyParts = copyPartsOf(decision);
  if (copyParts.length > 0) footer.push(button(ACTION.copy, t.copy, { lang, copy: { lang: 'both', ref: true, parts: copyParts } }));
  // Every reply can be judged, the misses ("not covered", a picker) most of all.
  if (options.feedback !== false) {
    const feedback = { items: feedbackItems(decision).map((item) => item.no), q, lang, k: replyKind(decision), v: knowledge.version };
    footer.push(button(`${ACTION.feedback}:up`, t.helpful, { ...feedback, vote: 'up' }));
    footer.push(button(`${ACTION.feedback}:down`, t.notHelpful, { ...feedback, vote: 'down' }));
  }
  if (options.shareable && decision.kind !== 'help') footer.unshift(button(ACTION.share, t.share, { q, lang }, 'primary'));
  return { text: fallbackText(answer, knowledge, lang), blocks: fitBlocks(blocks, lang, footer.length > 0 ? [actions(footer)] : []) };
}

/** The items a feedback record names: those cited, or for a picker and "not covered" those offered. */
function feedbackItems(decision: Decision): KnowledgeItem[] {
  if (decision.kind === 'answered' && decision.close) return [decision.item, ...decision.seeAlso];
  if (decision.kind === 'no_match') return decision.suggestions;
  return citedItems(decision);
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
          ? `${STRINGS[lang].picker(1 + decision.seeAlso.length)} ${[decision.item, ...decision.seeAlso].map((item) => citation(item, lang)).join(' / ')}`
          : renderAnswerText(answer, knowledge, lang);
  return truncate(escapeSlack(text), SLACK_LIMITS.text);
}

/**
 * Keeps a message within 50 blocks: when cut, a block says so. The `tail` (the buttons: copy, feedback) always stays,
 * so even a shortened reply can be copied and judged.
 */
function fitBlocks(blocks: Block[], lang: Language, tail: Block[] = []): Block[] {
  if (blocks.length + tail.length <= SLACK_LIMITS.blocks) return [...blocks, ...tail];
  return [...blocks.slice(0, SLACK_LIMITS.blocks - 1 - tail.length), context(STRINGS[lang].shortened), ...tail];
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

/**
 * "Copy for customer": each language as its own code block (one click copies it whole), notes for staff outside the
 * blocks, and buttons to switch the language (Japanese, English, both) and the item No. reference line.
 */
export function renderCustomerCopy(spec: CopySpec, knowledge: Knowledge, staffLang: Language): SlackMessage {
  const t = STRINGS[staffLang];
  const texts = copyLanguages(spec.lang).map((lang) => ({ lang, text: customerCopyText(spec, knowledge, lang) }));
  const items = spec.parts.flatMap((part) => part.items.map((no) => knowledge.byNo.get(no)).filter((item): item is KnowledgeItem => item !== undefined));
  const blocks: Block[] = [context(t.copyIntroStaff)];
  for (const { lang, text } of texts) {
    blocks.push(context(`*${t.copyLanguageName[lang]}*`));
    blocks.push(...chunkLines(text.split('\n'), SLACK_LIMITS.sectionText - 20).map((chunk) => section('```' + escapeSlack(chunk) + '```')));
  }
  const notes = [
    ...(items.some((item) => item.notDisclosed) ? [t.copyNoteNotDisclosed] : []),
    ...items.filter((item) => item.errata.some((erratum) => erratum.field === 'answer')).map((item) => t.copyNoteErratum(item.no)),
    ...(texts.some(({ lang }) => lang === 'en')
      ? items.filter((item) => item.english.answer === undefined).map((item) => (item.staleFields.includes('answer') ? t.copyNoteStale(item.no) : t.copyNoteUntranslated(item.no)))
      : []),
  ];
  if (notes.length > 0) blocks.push(context(...notes.map((note) => `:warning: ${escapeSlack(note)}`)));
  const format = (id: string, label: string, change: Partial<CopySpec>) => button(`${ACTION.copy}:${id}`, label, { lang: staffLang, copy: { ...spec, ...change } });
  const formats = actions([
    ...(['ja', 'en', 'both'] as const).filter((lang) => lang !== spec.lang).map((lang) => format(lang, t.copyFormat[lang], { lang })),
    format('ref', spec.ref ? t.copyWithoutReference : t.copyWithReference, { ref: !spec.ref }),
  ]);
  return { text: truncate(texts.map(({ text }) => text).join('\n\n'), SLACK_LIMITS.text), blocks: fitBlocks(blocks, staffLang, [formats]) };
}

/** A short private note (thanks, a notice), as a message. */
export const renderNotice = (text: string): SlackMessage => ({ text, blocks: [context(escapeSlack(text))] });

/** After a 👎: why, one click per reason; "other" opens a modal for a comment. */
export function renderFeedbackReasons(vote: ButtonValue): SlackMessage {
  const t = STRINGS[vote.lang];
  const { vote: _vote, ...about } = vote;
  return {
    text: t.feedbackWhy,
    blocks: [section(t.feedbackWhy), actions(FEEDBACK_REASONS.map((reason) => button(`${ACTION.reason}:${reason}`, t.feedbackReason[reason], { ...about, reason })))],
  };
}

/** The modal a 👎 "other" opens: one optional comment. The feedback's question and items ride in private_metadata. */
export function renderFeedbackModal(value: ButtonValue): Record<string, unknown> & { type: 'modal' } {
  const t = STRINGS[value.lang];
  return {
    type: 'modal',
    callback_id: FEEDBACK_MODAL_ID,
    private_metadata: encodeValue(value),
    title: plain(t.feedbackModalTitle, 24),
    submit: plain(t.feedbackModalSubmit, 24),
    close: plain(t.feedbackModalClose, 24),
    blocks: [
      ...(value.q ? [context(`${escapeSlack(t.feedbackModalQuestion)} ${escapeSlack(truncate(value.q, 300))}`)] : []),
      {
        type: 'input',
        block_id: FEEDBACK_COMMENT.block,
        optional: true,
        label: plain(t.feedbackModalLabel, 2000),
        element: { type: 'plain_text_input', action_id: FEEDBACK_COMMENT.action, multiline: true, max_length: FEEDBACK_COMMENT.maxLength },
      },
    ],
  };
}

/** Where the modal's comment is in a view_submission's `view.state.values`. */
export const FEEDBACK_COMMENT = { block: 'comment', action: 'comment_text', maxLength: 1000 } as const;

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
    messages.push({ text: truncate(STRINGS[lang].listTitle(knowledge.items.length), SLACK_LIMITS.text), blocks: part });
  }
  return messages;
}
