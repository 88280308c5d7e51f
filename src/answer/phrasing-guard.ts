import type { KnowledgeItem } from '../knowledge/load.js';

/**
 * The guard on a model's phrasing. A model may introduce the cited items in a sentence, but any concrete claim it
 * makes must already be in those items' text (sheet cells or reviewed translation): numbers (durations,
 * percentages, versions, counts, also written as words), yes/no, frequencies and certification names. Anything else
 * ("our RPO is 1 hour" when the sheet says 24時間; "ISO 27001 certified" when it says Privacy Mark) discards the
 * phrasing; the verbatim answer is shown either way.
 *
 * Known limits: it checks what is claimed, not how claims are combined ("24 hours of RTO" passes when 24 is in the
 * cited RPO item). Numbers in kanji are read when they count something (三世代, 二十四時間) or span two or more
 * numerals (二〇二二); a lone numeral in a word (一般, 第三者, 二次) is not a number.
 */
export type GuardResult = { ok: true } | { ok: false; claims: string[] };

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', fifteen: '15', twenty: '20', thirty: '30', hundred: '100', thousand: '1000',
  once: '1', twice: '2', single: '1', double: '2', triple: '3',
};

const CERTIFICATIONS = [
  'iso', 'iec', 'soc', 'ssae', 'isae', 'sas', 'pci', 'hipaa', 'fedramp', 'ismap', 'isms', 'privacy mark', 'p-mark', 'pmark',
  'pマーク', 'プライバシーマーク', 'gdpr', 'nist', 'csa star', 'star', 'cis', 'cmmc', 'tisax', 'jis q', 'hitrust', 'c5',
];
const FREQUENCIES = ['daily', 'weekly', 'monthly', 'hourly', 'annually', 'yearly', 'quarterly', 'real-time', 'realtime', 'continuous', 'continuously', '毎日', '日次', '週次', '月次', '年次', '毎時', 'リアルタイム', '常時'];
const YES = ['yes', 'はい', 'あります', '対応しています', '実施しています'];
const NO = ['no', 'not', 'none', 'never', "don't", "doesn't", 'cannot', 'いいえ', 'ありません', 'していません', 'しておりません', 'なし', '未対応'];
const YES_EVIDENCE = ['yes', '有'];
const NO_EVIDENCE = ['no', 'not', '無', '非公開'];

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const KANJI_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const KANJI_MYRIADS: Record<string, number> = { 万: 10_000, 億: 100_000_000 };
const NUMERAL = '[〇零一二三四五六七八九十百千万億]';
/** What a number counts in Japanese: 三世代, 二十四時間, 七日, 五年, 三回, 二拠点… */
const COUNTER = '(?:世代|時間|日間|日|年間|年|か月|ヶ月|ケ月|カ月|箇月|週間|週|分間|分|秒|回|人|名|件|箇所|か所|ヶ所|拠点|台|社|種類|桁|文字|段階|パーセント|%|割|倍)';
/**
 * A kanji number: numerals before a counter, or two or more numerals. Not 万一 ("just in case") and not a bare
 * 十分 ("enough"), which read as numbers but are not.
 */
const KANJI_NUMBER = new RegExp(`(?<!${NUMERAL})(?!万一|十分(?!${NUMERAL}))(?:${NUMERAL}+(?=${COUNTER})|${NUMERAL}{2,})`, 'gu');

/** The value of a kanji numeral string: positional (二十四 → 24, 三千五百 → 3500, 一万 → 10000) or digit by digit (二〇二二 → 2022). */
export function kanjiNumberValue(numerals: string): number {
  if (!/[十百千万億]/u.test(numerals)) return Number([...numerals].map((c) => KANJI_DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digits = 0;
  for (const c of numerals) {
    if (c in KANJI_DIGITS) digits = digits * 10 + KANJI_DIGITS[c]!;
    else if (c in KANJI_UNITS) {
      section += (digits || 1) * KANJI_UNITS[c]!;
      digits = 0;
    } else {
      total += (section + digits || 1) * KANJI_MYRIADS[c]!;
      section = 0;
      digits = 0;
    }
  }
  return total + section + digits;
}

const normalize = (text: string): string => text.normalize('NFKC').toLowerCase();
const words = (text: string): Set<string> => new Set(text.split(/[^\p{L}\p{N}'-]+/u).filter(Boolean));
const numbersIn = (text: string): Set<string> => {
  const found = new Set((text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/,/g, '')));
  for (const word of words(text)) if (NUMBER_WORDS[word]) found.add(NUMBER_WORDS[word]!);
  for (const [numerals] of text.matchAll(KANJI_NUMBER)) found.add(String(kanjiNumberValue(numerals)));
  return found;
};
const mentions = (text: string, wordSet: Set<string>, term: string): boolean => (/^[a-z' -]+$/.test(term) ? (term.includes(' ') ? text.includes(term) : wordSet.has(term)) : text.includes(term));

/** The text a phrasing may draw its claims from: every field of the cited items, in both languages. */
function evidenceOf(items: KnowledgeItem[]): string {
  return normalize(
    items
      .flatMap((item) => [item.name, item.definition, item.unit, item.answer, item.category, item.english.name, item.english.definition, item.english.unit, item.english.answer])
      .filter(Boolean)
      .join('\n'),
  );
}

export function checkPhrasing(phrasing: string, items: KnowledgeItem[]): GuardResult {
  // Citations of the cited items ("No.29", "item 29", "項目29") are references, not claims.
  const cited = new Set(items.map((item) => String(item.no)));
  const text = normalize(phrasing).replace(/(?:\bno\.?|\bitem|#|項目|項番)\s*(\d+)/g, (whole, no: string) => (cited.has(no) ? ' ' : whole));
  const textWords = words(text);
  const evidence = evidenceOf(items);
  const evidenceWords = words(evidence);
  const evidenceNumbers = numbersIn(evidence);
  const claims: string[] = [];

  for (const number of numbersIn(text)) {
    // The item numbers themselves ("No.29") may be named.
    if (!evidenceNumbers.has(number) && !items.some((item) => String(item.no) === number)) claims.push(number);
  }
  for (const term of [...CERTIFICATIONS, ...FREQUENCIES]) {
    if (mentions(text, textWords, term) && !mentions(evidence, evidenceWords, term)) claims.push(term);
  }
  // Yes and no must come from the answers themselves: units such as "Yes/No" (有無) say nothing either way.
  const answers = normalize(items.flatMap((item) => [item.answer, item.english.answer ?? '']).join('\n'));
  const answerWords = words(answers);
  if (YES.some((term) => mentions(text, textWords, term)) && !YES_EVIDENCE.some((term) => mentions(answers, answerWords, term))) claims.push('yes');
  if (NO.some((term) => mentions(text, textWords, term)) && !NO_EVIDENCE.some((term) => mentions(answers, answerWords, term))) claims.push('no');
  return claims.length === 0 ? { ok: true } : { ok: false, claims: [...new Set(claims)] };
}
