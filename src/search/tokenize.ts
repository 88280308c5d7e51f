import { stemmer } from 'stemmer';
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { foldJapaneseTerm, isJapanese, normalizeText } from './normalize.js';

// Creating a segmenter costs a few milliseconds; one instance serves every call (segment() is reentrant).
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * Turns text into search terms, with the vocabulary of knowledge/vocabulary.yaml (phrase rewrites, stop words,
 * questionnaire boilerplate, stemmer exceptions, synonym groups). The same analyzer runs at index and query time,
 * which minisearch requires for results to match at all. Built once per loaded knowledge version.
 */
export class Analyzer {
  private readonly phrases: ReadonlyArray<[RegExp, string]>;
  /** Matches where some phrase does: most text has no phrase to rewrite, and one scan tells. */
  private readonly anyPhrase: RegExp | undefined;
  private readonly englishStopWords: ReadonlySet<string>;
  private readonly japaneseStopWords: ReadonlySet<string>;
  private readonly boilerplate: ReadonlySet<string>;
  private readonly stemExceptions: ReadonlyMap<string, string>;
  readonly metaWords: ReadonlySet<string>;
  private readonly metaWordList: readonly string[];
  /** Each analyzed term of a synonym group → the other terms of its groups. */
  readonly synonyms: ReadonlyMap<string, string[]>;
  /** The raw words of the synonym groups, which the spelling corrector also knows. */
  readonly synonymWords: readonly string[];

  constructor(readonly vocabulary: Vocabulary) {
    this.phrases = vocabulary.phrases.map(({ match, replace }) => [new RegExp(match, 'gu'), replace]);
    this.anyPhrase = anyOf(vocabulary.phrases.map(({ match }) => match));
    this.englishStopWords = new Set(vocabulary.stop_words.en);
    this.japaneseStopWords = new Set(vocabulary.stop_words.ja);
    this.boilerplate = new Set(vocabulary.questionnaire_boilerplate);
    this.stemExceptions = new Map(Object.entries(vocabulary.stem_exceptions));
    this.metaWords = new Set(vocabulary.meta_words);
    this.metaWordList = [...this.metaWords];
    const synonyms = new Map<string, string[]>();
    for (const group of vocabulary.synonyms) {
      const terms = [...new Set(group.flatMap((word) => this.analyze(word)))];
      for (const term of terms) {
        const others = terms.filter((other) => other !== term);
        synonyms.set(term, [...new Set([...(synonyms.get(term) ?? []), ...others])]);
      }
    }
    this.synonyms = synonyms;
    this.synonymWords = vocabulary.synonyms.flat().flatMap((word) => this.tokenize(word));
  }

  /** Lower-cases (NFKC) and applies the phrase rewrites; other text is left as it is. */
  rewritePhrases(text: string): string {
    let out = normalizeText(text);
    // When no phrase matches the text, no rewrite changes it, so none matches after the others either.
    if (this.anyPhrase && !this.anyPhrase.test(out)) return out;
    for (const [pattern, replacement] of this.phrases) out = out.replace(pattern, replacement);
    return out;
  }

  /**
   * Splits text into raw word tokens: NFKC + lower case, phrase rewriting, then ICU word segmentation (which splits
   * Japanese into words and Latin text on spaces and punctuation), keeping word-like segments only. Letters and
   * digits are split apart (iso27001 → iso, 27001; sas70type2 → sas, 70, type, 2) so versions and standards match
   * however they are typed.
   */
  tokenize(text: string): string[] {
    const tokens: string[] = [];
    eachToken(this.segmenterInput(text), (token) => {
      tokens.push(token);
      return true;
    });
    return tokens;
  }

  /**
   * True when the text has content words and all of them are meta words ("help", "test", テスト). Segmentation is
   * the costly step of reading a question, and a token is a piece of the segmenter's input: text containing no meta
   * word is not segmented at all, and segmentation stops at the first content word that is not one.
   */
  onlyMetaWords(text: string): boolean {
    const input = this.segmenterInput(text);
    if (!this.metaWordList.some((word) => input.includes(word))) return false;
    let content = false;
    const allMeta = eachToken(input, (token) => {
      if (this.processTerm(token) === null) return true;
      content = true;
      return this.metaWords.has(token);
    });
    return content && allMeta;
  }

  /** What the word segmenter reads: the text normalized, its phrases rewritten, hiragana-only text in katakana. */
  private segmenterInput(text: string): string {
    return asKatakanaIfAllHiragana(this.rewritePhrases(text));
  }

  /**
   * Turns one raw token into its index term, or null for a word that carries no topic. English words are stemmed
   * (Porter: encrypted, encryption → encrypt); Japanese terms are kana-folded.
   */
  processTerm(token: string): string | null {
    if (isJapanese(token)) {
      // Adverbs the segmenter keeps whole (同時に, 迅速に, 定期的に): the noun is what the sheet uses.
      const stem = /^[\u3400-\u9fff]{2,}(?:的)?[にでと]$/u.test(token) ? token.slice(0, -1) : token;
      const folded = foldJapaneseTerm(stem);
      // Single kana (and a lone ー) are particles or fragments; single kanji (月, 日, 鍵) can be meaningful and stay.
      if (this.japaneseStopWords.has(folded) || /^[\u3040-\u309fー]$/.test(folded)) return null;
      return folded;
    }
    const word = token.replace(/['’](s|re|ve|ll|d|t|m)$/, '');
    if (this.englishStopWords.has(word) || /^[a-z]$/.test(word)) return null;
    // Short Latin words are mostly acronyms (RPO, TLS, AES, SLA): stemming would only mangle them.
    if (/^[a-z]{4,}$/.test(word)) return this.stemExceptions.get(word) ?? stemmer(word);
    return word;
  }

  /** The text's content terms, in order, for index and query alike. */
  analyze(text: string): string[] {
    const terms: string[] = [];
    for (const token of this.tokenize(text)) {
      const term = this.processTerm(token);
      if (term) terms.push(term);
    }
    return terms;
  }

  /** Questionnaire boilerplate is dropped from questions only: item text never contains it in a way that matters. */
  isBoilerplate(token: string): boolean {
    return this.boilerplate.has(token);
  }
}

/**
 * One pattern matching wherever one of the given patterns does, or undefined when they cannot be combined: a
 * back-reference would then refer to another pattern's group, and a group name may be used twice.
 */
function anyOf(patterns: readonly string[]): RegExp | undefined {
  if (patterns.length === 0 || patterns.some((pattern) => /\\(?:[1-9]|k<)/u.test(pattern))) return undefined;
  try {
    return new RegExp(patterns.map((pattern) => `(?:${pattern})`).join('|'), 'u');
  } catch {
    return undefined;
  }
}

/** Calls `visit` with each token of segmenter input, in order, until it returns false; false when it did. */
function eachToken(input: string, visit: (token: string) => boolean): boolean {
  for (const { segment, isWordLike } of segmenter.segment(input)) {
    if (!isWordLike) continue;
    // Letters and digits apart: only a segment with a digit has any to split (most have none).
    if (!/\d/.test(segment)) {
      if (!visit(segment)) return false;
      continue;
    }
    for (const part of segment.split(/(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/)) {
      if (part && !visit(part)) return false;
    }
  }
  return true;
}

/**
 * Text written only in hiragana (no kanji, katakana or Latin letters), such as ばっくあっぷ typed without conversion, defeats word
 * segmentation (ば|っ|く|あっ|ぷ). Such text is segmented as katakana instead, which finds the loan words the sheet
 * uses (バックアップ); terms are folded back to hiragana afterwards, so nothing else changes.
 */
function asKatakanaIfAllHiragana(text: string): string {
  // Text with kanji, katakana or Latin letters was converted: its hiragana are particles and endings (RPOっていくつ).
  if (/[\u30a1-\u30fa\u3400-\u9fffa-z]/u.test(text) || !/[\u3041-\u3096ー]{4,}/u.test(text)) return text;
  return text.replace(/[\u3041-\u3096]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}
