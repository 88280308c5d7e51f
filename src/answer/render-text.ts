import type { Knowledge, KnowledgeItem } from '../knowledge/load.js';
import type { Answer, Decision } from './decide.js';
import type { Language } from './language.js';

/**
 * Plain-text renderers: what `npm run ask` prints, the Slack `text` fallback, and the paste-ready lines support staff
 * send to customers. Values come from the sheet cell or the reviewed translation, never from anywhere else.
 */

/** The item's name in the language, falling back to Japanese when no current translation exists. */
export const itemName = (item: KnowledgeItem, lang: Language): string => (lang === 'en' && item.en ? item.en.name : item.name);

/** `No.29 バックアップデータを取得するタイミング(RPO)` / `No.29 Backup timing (RPO)` */
export const citation = (item: KnowledgeItem, lang: Language): string => `No.${item.no} ${itemName(item, lang)}`;

/**
 * The answer in the language: the sheet cell for Japanese; for English the reviewed translation, or the sheet cell
 * when the translation is missing or stale (the caller labels which one it is via `answerLabel`).
 */
export const answerText = (item: KnowledgeItem, lang: Language): string => (lang === 'en' && item.en ? item.en.answer : item.answer);

export function answerLabel(item: KnowledgeItem, lang: Language): string {
  if (lang === 'ja') return '回答（チェックシート原文）';
  if (item.en) return 'Answer (reviewed English translation)';
  return item.translationStatus === 'stale'
    ? 'Answer (Japanese original; the English translation is out of date and awaiting review)'
    : 'Answer (Japanese original; no reviewed English translation yet)';
}

export const notDisclosedNote = (lang: Language): string =>
  lang === 'ja'
    ? '非公開項目です。お客様にはこれ以上の情報をお伝えしないでください。'
    : 'Not disclosed (非公開): do not give customers more than this.';

/** One paste-ready line: `No.29 バックアップデータを取得するタイミング(RPO)：24時間` / `No.29 Backup timing (RPO): 24 hours`. */
export function pasteLine(item: KnowledgeItem, lang: Language): string {
  return lang === 'ja' ? `${citation(item, 'ja')}：${item.answer}` : `${citation(item, 'en')}: ${answerText(item, 'en')}`;
}

/** One polite sentence for a customer, with the item No. and the sheet's date; no markup, no emoji. */
export function customerSentence(item: KnowledgeItem, lang: Language, knowledge: Pick<Knowledge, 'date'>): string {
  if (lang === 'ja') {
    return `弊社セキュリティチェックシート（${knowledge.date}版）No.${item.no}「${item.name}」に対する弊社の回答は「${item.answer}」です。`;
  }
  const answer = item.en ? item.en.answer.replace(/\.$/, '') : item.answer;
  return `In our security check sheet (${knowledge.date}), our answer to item No.${item.no} "${itemName(item, 'en')}" is: ${answer}.`;
}

/** The sheet reference every answer can cite. */
export const sourceLine = (knowledge: Pick<Knowledge, 'title' | 'company' | 'date' | 'version'>, lang: Language): string =>
  lang === 'ja'
    ? `出典: ${knowledge.title}（${knowledge.company} ${knowledge.date}、版 ${knowledge.version}）`
    : `Source: ${knowledge.title} (${knowledge.company}, ${knowledge.date}; version ${knowledge.version})`;

/** Every line shown for one item: citation, answer (with the Japanese original in English), flags and context. */
export function itemLines(item: KnowledgeItem, lang: Language): string[] {
  const lines = [citation(item, lang) + (lang === 'en' && item.en ? `  (${item.name})` : '')];
  lines.push(`${answerLabel(item, lang)}: ${answerText(item, lang)}`);
  if (lang === 'en' && item.en) lines.push(`Japanese original (設定等): ${item.answer}`);
  if (item.notDisclosed) lines.push(notDisclosedNote(lang));
  if (lang === 'en') {
    lines.push(`Section: ${item.sectionEn ?? item.section} › ${item.categoryEn ?? item.category} · Unit: ${item.en?.unit ?? item.unit}`);
    lines.push(`Definition: ${item.en?.definition ?? item.definition}`);
  } else {
    lines.push(`区分: ${item.section} › ${item.category} ・ 測定単位: ${item.unit}`);
    lines.push(`規定内容: ${item.definition}`);
  }
  return lines;
}

export const HELP_TEXT: Record<Language, string> = {
  en: [
    'Ask me about our security check sheet, e.g. "what\'s our RPO?" or "do we encrypt data at rest?".',
    'Look an item up by number: 29, No.29, #29, 29番, ２９; several: 29, 30, 32 or 28-32.',
    'A section name lists its items: データ管理, セキュリティ, サポート, アプリケーション運用.',
  ].join('\n'),
  ja: [
    'セキュリティチェックシートについて質問してください（例：「RPOは？」「データは暗号化していますか」）。',
    '番号で項目を表示: 29、No.29、#29、29番、２９。複数: 29, 30, 32 や 28-32。',
    '区分名（データ管理、セキュリティ、サポート、アプリケーション運用）で項目一覧を表示します。',
  ].join('\n'),
};

/** Said under a lookup of more items than one answer shows. */
export const truncatedNote = (more: number, lang: Language): string =>
  lang === 'en' ? `…and ${more} more: ask for fewer items at a time.` : `…ほか${more}件。一度に指定する項目を減らしてください。`;

/** The label on a model's phrasing: it is never the answer itself. */
export const phrasingLabel = (model: string, lang: Language): string =>
  lang === 'ja' ? `AI（${model}）による要約。回答はチェックシートの記載が正です` : `Summary by AI (${model}); the sheet's answer below is what counts`;

/**
 * Said first when the question names something the cited item's answer does not state ("ISO 27001" when the sheet
 * lists Privacy Mark): the item's answer must not be read as a "yes" to it.
 */
export function unlistedNote(names: string[], item: KnowledgeItem, lang: Language): string {
  const list = names.join(lang === 'ja' ? '、' : ', ');
  return lang === 'ja'
    ? `⚠ ${list} はチェックシートに記載がありません。以下は No.${item.no} の記載内容で、${list} についての回答ではありません。`
    : `⚠ The check sheet does not list ${list}. Below is what item No.${item.no} says; it is not an answer about ${list}.`;
}

/** The heading of one part of a multi-part answer. */
export const partHeading = (index: number, question: string, lang: Language): string =>
  lang === 'ja' ? `【質問${index + 1}】${question}` : `[Question ${index + 1}] ${question}`;

/** The whole answer as plain text, for the terminal and as Slack's notification fallback. */
export function renderAnswerText(answer: Answer, knowledge: Knowledge, lang: Language): string {
  const intro = answer.assist?.phrasing ? [`${phrasingLabel(answer.assist.model, lang)}:`, answer.assist.phrasing, ''] : [];
  return [...intro, ...decisionLines(answer.decision, knowledge, lang), '', sourceLine(knowledge, lang)].join('\n');
}

function decisionLines(decision: Decision, knowledge: Knowledge, lang: Language): string[] {
  const en = lang === 'en';
  switch (decision.kind) {
    case 'help':
      return [HELP_TEXT[lang]];
    case 'lookup': {
      const lines = decision.items.flatMap((item, i) => (i === 0 ? itemLines(item, lang) : ['', ...itemLines(item, lang)]));
      if (decision.truncated > 0) {
        lines.push('', truncatedNote(decision.truncated, lang));
      }
      return lines;
    }
    case 'section':
      return [
        en ? `Items in ${decision.title}:` : `${decision.title}の項目:`,
        ...decision.items.map((item) => `  ${pasteLine(item, lang)}`),
      ];
    case 'answered': {
      const lines: string[] = [];
      if (decision.close) {
        lines.push(en ? 'More than one item fits; the closest first:' : '複数の項目が該当します。最も近いものから:', '');
      }
      if (decision.unlisted.length > 0) lines.push(unlistedNote(decision.unlisted, decision.item, lang), '');
      lines.push(...itemLines(decision.item, lang));
      if (decision.seeAlso.length > 0) {
        lines.push('', `${en ? 'See also' : '関連項目'}: ${decision.seeAlso.map((item) => citation(item, lang)).join(' / ')}`);
      }
      return lines;
    }
    case 'multi':
      return decision.parts.flatMap((part, i) => [...(i > 0 ? [''] : []), partHeading(i, part.question, lang), ...decisionLines(part.decision, knowledge, lang)]);
    case 'no_match': {
      const lines = [noMatchHeadline(decision, knowledge, lang)];
      if (decision.suggestions.length > 0) {
        lines.push(en ? 'Nearest items (these do not answer the question as asked):' : '近い項目（質問への直接の回答ではありません）:');
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
  const en = lang === 'en';
  switch (decision.reason) {
    case 'unknown_item':
      return en
        ? `There is no item ${decision.detail ?? ''} on the check sheet; items are ${first}–${last}.`
        : `項目 ${decision.detail ?? ''} はチェックシートにありません（項目は ${first}〜${last}）。`;
    case 'known_gap':
      return en
        ? `The checklist does not cover this (${decision.detail}). Please ask the security team.`
        : `この内容（${decision.detail}）はチェックシートの対象外です。セキュリティ担当にお問い合わせください。`;
    case 'no_content':
      return en ? `I answer questions about the security check sheet.\n${HELP_TEXT.en}` : `セキュリティチェックシートに関する質問にお答えします。\n${HELP_TEXT.ja}`;
    default:
      return en ? 'The checklist does not cover this.' : 'この内容はチェックシートの対象外です。';
  }
}
