/**
 * Text normalization shared by the index and the queries, so that both sides always agree.
 *
 * NFKC folds width (ＲＰＯ→RPO, ２９→29, half-width kana→full-width) and compatibility characters; lower case folds
 * case. Katakana is folded to hiragana so kana variants of the same word match, and a final long-vowel mark on
 * longer katakana words is dropped (サーバー→サーバ), as Lucene's kuromoji analyzer does.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const KATAKANA = /[\u30a1-\u30f6]/g;
const HAS_KANA_OR_KANJI = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/** True when the term contains Japanese script (kana or kanji). */
export const isJapanese = (term: string): boolean => HAS_KANA_OR_KANJI.test(term);

/** Katakana to hiragana, nothing else: for comparing Japanese text whatever kana it was typed in. */
export const foldKana = (text: string): string => text.replace(KATAKANA, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));

/** Folds one already NFKC-normalized Japanese term: trailing ー on 4+ character words, then katakana to hiragana. */
export function foldJapaneseTerm(term: string): string {
  return foldKana(term.length >= 4 && term.endsWith('ー') ? term.slice(0, -1) : term);
}
