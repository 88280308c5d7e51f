import type { Language } from '../answer/language.js';

/**
 * Every user-facing string of the bot, one catalogue per language: plain text, Block Kit and the Slack adapters all
 * take their words from here, so a wording change touches this file only and text and Block Kit say the same thing.
 * Sheet cells and reviewed translations are not here: they are data (knowledge/), shown verbatim.
 */
export interface Strings {
  // Answers
  answerLabel: string;
  answerLabelStale: string;
  answerLabelMissing: string;
  japaneseOriginal: string;
  notDisclosed: string;
  sectionLabel: string;
  categoryLabel: string;
  unit: string;
  definition: string;
  seeAlso: string;
  closeIntro: string;
  picker: string;
  nearestText: string;
  nearest: string;
  source: (title: string, company: string, date: string, version: string) => string;
  truncated: (more: number) => string;
  phrasing: (model: string) => string;
  unlisted: (list: string, no: number) => string;
  listSeparator: string;
  partHeading: (index: number, question: string) => string;
  sectionItems: (title: string) => string;
  help: string;
  unknownItem: (given: string, first: number, last: number) => string;
  knownGap: (topic: string) => string;
  noContent: string;
  notCovered: string;
  listTitle: (count: number) => string;
  shortened: string;
  customerSentence: (date: string, no: number, name: string, answer: string) => string;
  // Buttons
  copy: string;
  share: string;
  helpful: string;
  notHelpful: string;
  // Replies to clicks
  feedbackThanks: string;
}

const HELP = {
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

export const STRINGS: Record<Language, Strings> = {
  en: {
    answerLabel: 'Answer (reviewed English translation)',
    answerLabelStale: 'Answer (Japanese original; the English translation is out of date and awaiting review)',
    answerLabelMissing: 'Answer (Japanese original; no reviewed English translation yet)',
    japaneseOriginal: 'Japanese original (設定等)',
    notDisclosed: 'Not disclosed (非公開): do not give customers more than this.',
    sectionLabel: 'Section',
    categoryLabel: 'Category',
    unit: 'Unit',
    definition: 'Definition',
    seeAlso: 'See also',
    closeIntro: 'More than one item fits; the closest first:',
    picker: 'More than one item fits your question. Which one did you mean?',
    nearestText: 'Nearest items (these do not answer the question as asked):',
    nearest: 'Nearest items (they do not answer the question as asked):',
    source: (title, company, date, version) => `Source: ${title} (${company}, ${date}; version ${version})`,
    truncated: (more) => `…and ${more} more: ask for fewer items at a time.`,
    phrasing: (model) => `Summary by AI (${model}); the sheet's answer below is what counts`,
    unlisted: (list, no) => `⚠ The check sheet does not list ${list}. Below is what item No.${no} says; it is not an answer about ${list}.`,
    listSeparator: ', ',
    partHeading: (index, question) => `[Question ${index + 1}] ${question}`,
    sectionItems: (title) => `Items in ${title}:`,
    help: HELP.en,
    unknownItem: (given, first, last) => `There is no item ${given} on the check sheet; items are ${first}–${last}.`,
    knownGap: (topic) => `The checklist does not cover this (${topic}). Please ask the security team.`,
    noContent: `I answer questions about the security check sheet.\n${HELP.en}`,
    notCovered: 'The checklist does not cover this.',
    listTitle: (count) => `Check sheet items (${count})`,
    shortened: '…(shortened to fit one Slack message)',
    customerSentence: (date, no, name, answer) => `In our security check sheet (${date}), our answer to item No.${no} "${name}" is: ${answer}.`,
    copy: 'Copy for customer',
    share: 'Share in channel',
    helpful: '👍 Helpful',
    notHelpful: '👎 Not helpful',
    feedbackThanks: 'Thanks for the feedback.',
  },
  ja: {
    answerLabel: '回答（チェックシート原文）',
    answerLabelStale: '回答（チェックシート原文）',
    answerLabelMissing: '回答（チェックシート原文）',
    japaneseOriginal: '設定等',
    notDisclosed: '非公開項目です。お客様にはこれ以上の情報をお伝えしないでください。',
    sectionLabel: '区分',
    categoryLabel: '区分',
    unit: '測定単位',
    definition: '規定内容',
    seeAlso: '関連項目',
    closeIntro: '複数の項目が該当します。最も近いものから:',
    picker: '複数の項目が該当します。どちらの項目ですか？',
    nearestText: '近い項目（質問への直接の回答ではありません）:',
    nearest: '近い項目（質問への直接の回答ではありません）:',
    source: (title, company, date, version) => `出典: ${title}（${company} ${date}、版 ${version}）`,
    truncated: (more) => `…ほか${more}件。一度に指定する項目を減らしてください。`,
    phrasing: (model) => `AI（${model}）による要約。回答はチェックシートの記載が正です`,
    unlisted: (list, no) => `⚠ ${list} はチェックシートに記載がありません。以下は No.${no} の記載内容で、${list} についての回答ではありません。`,
    listSeparator: '、',
    partHeading: (index, question) => `【質問${index + 1}】${question}`,
    sectionItems: (title) => `${title}の項目:`,
    help: HELP.ja,
    unknownItem: (given, first, last) => `項目 ${given} はチェックシートにありません（項目は ${first}〜${last}）。`,
    knownGap: (topic) => `この内容（${topic}）はチェックシートの対象外です。セキュリティ担当にお問い合わせください。`,
    noContent: `セキュリティチェックシートに関する質問にお答えします。\n${HELP.ja}`,
    notCovered: 'この内容はチェックシートの対象外です。',
    listTitle: (count) => `チェックシートの項目（${count}件）`,
    shortened: '…(shortened to fit one Slack message)',
    customerSentence: (date, no, name, answer) => `弊社セキュリティチェックシート（${date}版）No.${no}「${name}」に対する弊社の回答は「${answer}」です。`,
    copy: 'お客様向けにコピー',
    share: 'チャンネルに共有',
    helpful: '👍 役に立った',
    notHelpful: '👎 役に立たない',
    feedbackThanks: 'フィードバックありがとうございます。',
  },
};

/**
 * Messages of the Slack adapter that are not answers. English only today (they are said before the asker's language
 * is known); kept here so every user-facing string has one home.
 */
export const SLACK_NOTICES = {
  notAllowed: 'This bot is not enabled here. Ask your Slack admin or the security team where to use it.',
  sharedChannel: 'This channel is shared with another organisation, so answers stay private here (only you can see them).',
  sharedUnknown:
    'I could not check whether this channel is shared with another organisation, so the answer stays private (only you can see it). Use “Copy for customer” to paste it, or ask your Slack admin to give the bot the channels:read and groups:read scopes.',
  sharedBy: (user: string, question: string) => `Shared by <@${user}>: “${question}”`,
  customerCopyIntro: 'Paste-ready text for customers (Japanese, then English):',
} as const;

/** Customer copy whose English answer is not a reviewed translation (stale or missing): the sentence and staff say so. */
export const CUSTOMER_COPY = {
  /** Ends the English sentence, which then quotes the Japanese cell. */
  unreviewedAnswer: '(The English translation of this answer is awaiting review; the answer is quoted in the original Japanese.)',
  unreviewedItem: (no: number, stale: boolean) => `No.${no} (${stale ? 'the sheet changed since review' : 'no reviewed translation yet'})`,
  staffWarning: (items: string) => `The English answer of ${items} is not a reviewed translation: its English sentence quotes the Japanese original. Check it before sending.`,
} as const;
