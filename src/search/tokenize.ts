import { stemmer } from 'stemmer';
import { foldJapaneseTerm, isJapanese } from './normalize.js';
import { rewritePhrases } from './phrases.js';
import { ENGLISH_STOP_WORDS, JAPANESE_STOP_WORDS, QUESTIONNAIRE_BOILERPLATE } from './stop-words.js';

// Creating a segmenter costs a few milliseconds; one instance serves every call (segment() is reentrant).
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * Splits text into raw word tokens: NFKC + lower case, phrase rewriting ("log in" → login, see phrases.ts), then ICU
 * word segmentation (which splits Japanese into words
 * and Latin text on spaces and punctuation), keeping word-like segments only. Letters and digits are split apart
 * (iso27001 → iso, 27001; sas70type2 → sas, 70, type, 2) so versions and standards match however they are typed.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(asKatakanaIfAllHiragana(rewritePhrases(text)))) {
    if (!isWordLike) continue;
    for (const part of segment.split(/(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/)) {
      if (part) tokens.push(part);
    }
  }
  return tokens;
}

/**
 * Text written only in hiragana (no kanji, no katakana), such as ばっくあっぷ typed without conversion, defeats word
 * segmentation (ば|っ|く|あっ|ぷ). Such text is segmented as katakana instead, which finds the loan words the sheet
 * uses (バックアップ); terms are folded back to hiragana afterwards, so nothing else changes.
 */
function asKatakanaIfAllHiragana(text: string): string {
  if (/[\u30a1-\u30fa\u3400-\u9fff]/u.test(text) || !/[\u3041-\u3096ー]{4,}/u.test(text)) return text;
  return text.replace(/[\u3041-\u3096]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/**
 * Words the Porter stemmer folds onto unrelated words: customer → custom (= customize), general → gener
 * (= generation). They keep their own stem.
 */
const STEM_EXCEPTIONS = new Map([
  ['customer', 'customer'],
  ['customers', 'customer'],
  ['general', 'general'],
  ['generally', 'general'],
]);

/**
 * Turns one raw token into its index term, or null for a word that carries no topic. English words are stemmed
 * (Porter: encrypted, encryption → encrypt); Japanese terms are kana-folded. The same function runs at index and
 * query time, which minisearch requires for results to match at all.
 */
export function processTerm(token: string): string | null {
  if (isJapanese(token)) {
    // Adverbs the segmenter keeps whole (同時に, 迅速に, 定期的に): the noun is what the sheet uses.
    const stem = /^[\u3400-\u9fff]{2,}(?:的)?[にでと]$/u.test(token) ? token.slice(0, -1) : token;
    const folded = foldJapaneseTerm(stem);
    // Single kana (and a lone ー) are particles or fragments; single kanji (月, 日, 鍵) can be meaningful and stay.
    if (JAPANESE_STOP_WORDS.has(folded) || /^[\u3040-\u309fー]$/.test(folded)) return null;
    return folded;
  }
  const word = token.replace(/['’](s|re|ve|ll|d|t|m)$/, '');
  if (ENGLISH_STOP_WORDS.has(word) || /^[a-z]$/.test(word)) return null;
  // Short Latin words are mostly acronyms (RPO, TLS, AES, SLA): stemming would only mangle them.
  if (/^[a-z]{4,}$/.test(word)) return STEM_EXCEPTIONS.get(word) ?? stemmer(word);
  return word;
}

/** The question's content terms, in order, for index and query alike. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term) terms.push(term);
  }
  return terms;
}

/** Questionnaire boilerplate is dropped from questions only: item text never contains it in a way that matters. */
export const isBoilerplate = (token: string): boolean => QUESTIONNAIRE_BOILERPLATE.has(token);
