import type { Answer, Decision } from '../answer/decide.js';
import type { Language } from '../answer/language.js';
import type { Knowledge, KnowledgeItem } from '../knowledge/load.js';
import { STRINGS } from './strings.js';

/**
 * Plain-text renderers: what `npm run ask` prints, the Slack `text` fallback, and the paste-ready lines support staff
 * send to customers. Values come from the sheet cell or the reviewed translation, never from anywhere else.
 */

/** The item's name in the language, falling back to Japanese when no current translation exists. */
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

/** The sheet reference every answer can cite. */
export const sourceLine = (knowledge: Pick<Knowledge, 'title' | 'company' | 'date' | 'version'>, lang: Language): string =>
  STRINGS[lang].source(knowledge.title, knowledge.company, knowledge.date, knowledge.version);

/** Where the item sits on the sheet: `アプリケーション運用 › 可用性`, or one name when the category repeats the section. */
export function placeOf(item: KnowledgeItem, lang: Language): string {
  const [section, category] = lang === 'en' ? [item.sectionEn ?? item.section, item.categoryEn ?? item.category] : [item.section, item.category];
  return item.section === item.category ? section : `${section} › ${category}`;
}

/** Staff notes on known typos of the item's answer cell (knowledge/errata.yaml), said right under the verbatim cell. */
export const erratumNotes = (item: KnowledgeItem, lang: Language): string[] =>
  item.errata.filter((erratum) => erratum.field === 'answer').map((erratum) => STRINGS[lang].erratum(erratum.wrong, erratum.right));

/** The name of a known gap topic in the language (gaps.yaml `ja`), falling back to its English name. */
export function gapTopicName(topic: string, knowledge: Pick<Knowledge, 'gaps'>, lang: Language): string {
  return (lang === 'ja' ? knowledge.gaps.find((gap) => gap.topic === topic)?.ja : undefined) ?? topic;
}

/** Every line shown for one item: citation, answer (with the Japanese original in English), flags and context. */
export function itemLines(item: KnowledgeItem, lang: Language): string[] {
  const lines = [citation(item, lang) + (lang === 'en' && item.english.name !== undefined ? `  (${item.name})` : '')];
  const s = STRINGS[lang];
  const colon = lang === 'ja' ? '：' : ': ';
  lines.push(`${answerLabel(item, lang)}${colon}${answerText(item, lang)}`);
  if (lang === 'en' && item.english.answer !== undefined) lines.push(`${s.japaneseOriginal}${colon}${item.answer}`);
  lines.push(...erratumNotes(item, lang));
  if (item.notDisclosed) lines.push(notDisclosedNote(lang));
  lines.push(`${s.sectionLabel}${colon}${placeOf(item, lang)}${lang === 'ja' ? '　' : ' · '}${s.unit}${colon}${lang === 'en' ? (item.english.unit ?? item.unit) : item.unit}`);
  lines.push(`${s.definition}${colon}${lang === 'en' ? (item.english.definition ?? item.definition) : item.definition}`);
  return lines;
}

/** Which sheet is served: title, company, date, item count, version and when it was loaded (`version`). */
export function versionText(knowledge: Pick<Knowledge, 'title' | 'company' | 'date' | 'version' | 'items' | 'loadedAt'>, lang: Language): string {
  return `${knowledge.title}\n${STRINGS[lang].versionLine(knowledge.company, knowledge.date, knowledge.items.length, knowledge.version, knowledge.loadedAt.toISOString())}`;
}

/** Every item by section, one line each (`list` in the terminal; Slack gets renderList). */
export function listText(knowledge: Knowledge, lang: Language): string {
  const lines = [STRINGS[lang].listTitle(knowledge.items.length)];
  for (const section of new Set(knowledge.items.map((item) => item.section))) {
    const items = knowledge.items.filter((item) => item.section === section);
    lines.push('', lang === 'en' ? `${items[0]?.sectionEn ?? section} (${section})` : section);
    lines.push(...items.map((item) => `  ${String(item.no).padStart(2, ' ')} ${itemName(item, lang)}`));
  }
  return [...lines, '', sourceLine(knowledge, lang)].join('\n');
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
        lines.push('', `${s.seeAlso}${lang === 'ja' ? '：' : ': '}${decision.seeAlso.map((item) => citation(item, lang)).join(' / ')}`);
      }
      return lines;
    }
    case 'multi':
      return [
        ...decision.parts.flatMap((part, i) => [...(i > 0 ? [''] : []), partHeading(i, part.question, lang), ...decisionLines(part.decision, knowledge, lang)]),
        ...(decision.more > 0 ? ['', s.moreParts(decision.more)] : []),
      ];
    case 'no_match': {
      const lines = [noMatchHeadline(decision, knowledge, lang)];
      if (decision.suggestions.length > 0) {
        lines.push(s.nearest);
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
      return s.knownGap(gapTopicName(decision.detail ?? '', knowledge, lang));
    case 'no_content':
      return s.noContent;
    default:
      return s.notCovered;
  }
}
