import type { Answer, Decision } from '../answer/decide.js';
import type { Language } from '../answer/language.js';
import type { Knowledge, KnowledgeItem } from '../knowledge/load.js';
import { CUSTOMER_COPY, STRINGS } from './strings.js';

/**
 * Plain-text renderers: what `npm run ask` prints, the Slack `text` fallback, and the paste-ready lines support staff
 * send to customers. Values come from the sheet cell or the reviewed translation, never from anywhere else.
 */

/** The item's name in the language, falling back to Japanese when its reviewed English is missing or stale. */
export const itemName = (item: KnowledgeItem, lang: Language): string => (lang === 'en' ? (item.english.name ?? item.name) : item.name);

/** `No.29 バックアップデータを取得するタイミング(RPO)` / `No.29 Backup timing (RPO)` */
export const citation = (item: KnowledgeItem, lang: Language): string => `No.${item.no} ${itemName(item, lang)}`;

/**
 * The answer in the language: the sheet cell for Japanese; for English the reviewed translation, or the sheet cell
 * when the translation is missing or stale (the caller labels which one it is via `answerLabel`).
 */
export const answerText = (item: KnowledgeItem, lang: Language): string => (lang === 'en' ? (item.english.answer ?? item.answer) : item.answer);

export function answerLabel(item: KnowledgeItem, lang: Language): string {
  const s = STRINGS[lang];
  if (lang === 'ja' || item.english.answer !== undefined) return s.answerLabel;
  return item.staleFields.includes('answer') ? s.answerLabelStale : s.answerLabelMissing;
}

export const notDisclosedNote = (lang: Language): string => STRINGS[lang].notDisclosed;

/** One paste-ready line: `No.29 バックアップデータを取得するタイミング(RPO)：24時間` / `No.29 Backup timing (RPO): 24 hours`. */
export function pasteLine(item: KnowledgeItem, lang: Language): string {
  return lang === 'ja' ? `${citation(item, 'ja')}：${item.answer}` : `${citation(item, 'en')}: ${answerText(item, 'en')}`;
}

/**
 * One polite sentence for a customer, with the item No. and the sheet's date; no markup, no emoji. An English sentence
 * whose answer is the Japanese cell (the translation is stale or missing) says so, rather than passing a Japanese
 * value off as the reviewed English answer.
 */
export function customerSentence(item: KnowledgeItem, lang: Language, knowledge: Pick<Knowledge, 'date'>): string {
  const reviewed = lang === 'en' ? item.english.answer : item.answer;
  const sentence = STRINGS[lang].customerSentence(knowledge.date, item.no, itemName(item, lang), reviewed?.replace(/\.$/, '') ?? item.answer);
  return reviewed === undefined ? `${sentence} ${CUSTOMER_COPY.unreviewedAnswer}` : sentence;
}

/** For staff above the customer copy: which items' English sentences quote the Japanese answer, and why. */
export function unreviewedCopyWarning(items: KnowledgeItem[]): string {
  const unreviewed = items.filter((item) => item.english.answer === undefined);
  return CUSTOMER_COPY.staffWarning(unreviewed.map((item) => CUSTOMER_COPY.unreviewedItem(item.no, item.staleFields.includes('answer'))).join(', '));
}

/** The sheet reference every answer can cite. */
export const sourceLine = (knowledge: Pick<Knowledge, 'title' | 'company' | 'date' | 'version'>, lang: Language): string =>
  STRINGS[lang].source(knowledge.title, knowledge.company, knowledge.date, knowledge.version);

/** Every line shown for one item: citation, answer (with the Japanese original in English), flags and context. */
export function itemLines(item: KnowledgeItem, lang: Language): string[] {
  const lines = [citation(item, lang) + (lang === 'en' && item.english.name !== undefined ? `  (${item.name})` : '')];
  lines.push(`${answerLabel(item, lang)}: ${answerText(item, lang)}`);
  const s = STRINGS[lang];
  if (lang === 'en' && item.english.answer !== undefined) lines.push(`${s.japaneseOriginal}: ${item.answer}`);
  if (item.notDisclosed) lines.push(notDisclosedNote(lang));
  if (lang === 'en') {
    lines.push(`${s.sectionLabel}: ${item.sectionEn ?? item.section} › ${item.categoryEn ?? item.category} · ${s.unit}: ${item.english.unit ?? item.unit}`);
    lines.push(`${s.definition}: ${item.english.definition ?? item.definition}`);
  } else {
    lines.push(`${s.sectionLabel}: ${item.section} › ${item.category} ・ ${s.unit}: ${item.unit}`);
    lines.push(`${s.definition}: ${item.definition}`);
  }
  return lines;
}

/** Said under a lookup of more items than one answer shows. */
export const truncatedNote = (more: number, lang: Language): string => STRINGS[lang].truncated(more);

/** The label on a model's phrasing: it is never the answer itself. */
export const phrasingLabel = (model: string, lang: Language): string => STRINGS[lang].phrasing(model);

/**
 * Said first when the question names something the cited item's answer does not state ("ISO 27001" when the sheet
 * lists Privacy Mark): the item's answer must not be read as a "yes" to it.
 */
export function unlistedNote(names: string[], item: KnowledgeItem, lang: Language): string {
  return STRINGS[lang].unlisted(names.join(STRINGS[lang].listSeparator), item.no);
}

/** The heading of one part of a multi-part answer. */
export const partHeading = (index: number, question: string, lang: Language): string => STRINGS[lang].partHeading(index, question);

/** The whole answer as plain text, for the terminal and as Slack's notification fallback. */
export function renderAnswerText(answer: Answer, knowledge: Knowledge, lang: Language): string {
  const intro = answer.assist?.phrasing ? [`${phrasingLabel(answer.assist.model, lang)}:`, answer.assist.phrasing, ''] : [];
  return [...intro, ...decisionLines(answer.decision, knowledge, lang), '', sourceLine(knowledge, lang)].join('\n');
}

function decisionLines(decision: Decision, knowledge: Knowledge, lang: Language): string[] {
  const s = STRINGS[lang];
  switch (decision.kind) {
    case 'help':
      return [s.help];
    case 'lookup': {
      const lines = decision.items.flatMap((item, i) => (i === 0 ? itemLines(item, lang) : ['', ...itemLines(item, lang)]));
      if (decision.truncated > 0) {
        lines.push('', truncatedNote(decision.truncated, lang));
      }
      return lines;
    }
    case 'section':
      return [
        s.sectionItems(decision.title),
        ...decision.items.map((item) => `  ${pasteLine(item, lang)}`),
      ];
    case 'answered': {
      const lines: string[] = [];
      if (decision.close) {
        lines.push(s.closeIntro, '');
      }
      if (decision.unlisted.length > 0) lines.push(unlistedNote(decision.unlisted, decision.item, lang), '');
      lines.push(...itemLines(decision.item, lang));
      if (decision.seeAlso.length > 0) {
        lines.push('', `${s.seeAlso}: ${decision.seeAlso.map((item) => citation(item, lang)).join(' / ')}`);
      }
      return lines;
    }
    case 'multi':
      return decision.parts.flatMap((part, i) => [...(i > 0 ? [''] : []), partHeading(i, part.question, lang), ...decisionLines(part.decision, knowledge, lang)]);
    case 'no_match': {
      const lines = [noMatchHeadline(decision, knowledge, lang)];
      if (decision.suggestions.length > 0) {
        lines.push(s.nearestText);
        lines.push(...decision.suggestions.map((item) => `  ${citation(item, lang)}`));
      }
      return lines;
    }
  }
}

/** The first line of a not-covered answer: why, in one sentence. */
export function noMatchHeadline(decision: Extract<Decision, { kind: 'no_match' }>, knowledge: Knowledge, lang: Language): string {
  const first = knowledge.items[0]?.no ?? 1;
  const last = knowledge.items[knowledge.items.length - 1]?.no ?? first;
  const s = STRINGS[lang];
  switch (decision.reason) {
    case 'unknown_item':
      return s.unknownItem(decision.detail ?? '', first, last);
    case 'known_gap':
      return s.knownGap(decision.detail ?? '');
    case 'no_content':
      return s.noContent;
    default:
      return s.notCovered;
  }
}
