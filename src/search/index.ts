import type { Knowledge, KnowledgeItem } from '../knowledge/load.js';
import { isJapanese, normalizeText } from './normalize.js';
import { SpellingCorrector } from './spelling.js';
import { frequencyRank } from './word-frequency.js';
import { Analyzer } from './tokenize.js';
import { TermMatches, TermSearch, type TermSearchResult } from './term-search.js';

/** Options of the checklist index. Every field has a documented default; pass only what you want to change. */
export interface SearchOptions {
  /**
   * Field boosts. Item names (Japanese and English) say what the item is about; aliases are the words people use;
   * example questions (knowledge/examples.yaml) how they ask, in many more words, so each counts for less;
   * definitions and answers add context. Default: name 3, nameEn 3, aliases 2, examples 0.5, definition 1,
   * definitionEn 1, answer 1, answerEn 1, category 0.5.
   */
  boost: Partial<Record<SearchField, number>>;
  /** Weight of a synonym-expanded term relative to the user's own words. Default 0.4. */
  synonymWeight: number;
  /** Prefix matching for Japanese terms of at least this many characters (the segmenter can cut words differently). Default 2. */
  prefixMinLengthJa: number;
  /** Prefix matching for Latin words of at least this many characters. Default 5. */
  prefixMinLengthEn: number;
  /** How many results `search` returns at most. Default 8. */
  limit: number;
  /**
   * A question word found in more than this share of items ("data", "service") barely changes the ranking but makes
   * the search visit nearly every item: it is left out of the full-text query (it still counts as a known word).
   * The rarest word of a question is always searched. Default 0.5.
   */
  commonTermShare: number;
  /** The same limit as an absolute number of items, which is what binds on large sheets. Default 2,000. */
  commonTermMaxItems: number;
  /**
   * Bounds on one question's work, so a pasted 40,000-character message costs no more than a long question: only
   * the first `maxQuestionChars` characters are searched, and at most `maxTerms` distinct words of them.
   * Defaults 2000 and 48 (real questionnaire questions stay under 600 characters and 30 words).
   */
  maxQuestionChars: number;
  maxTerms: number;
  /**
   * How much a word the index does not know counts against answering, as a share of the highest weight. Unknown
   * everyday words ("actually", "guy"; Japanese in hiragana only: たら, っけ, もらえる) are how people talk, not
   * what they ask about; unknown rare or technical words (SAML, escrow, 夜勤) are the strongest sign of a question
   * the sheet does not cover. See `unknownWordShare`. Defaults: everyday 0.1, familiar 0.5, figures 0.3, verbs 0.5.
   */
  unknownWords: { everyday: number; familiar: number; figures: number; verbs: number };
  /** English words up to this frequency rank count as everyday, up to `COMMON_WORD_RANKS` as familiar. Default 3,000. */
  everydayRank: number;
  /** How many of minisearch's best results are re-ranked by coordination and word order. Default 100. */
  rerankDepth: number;
  /**
   * Reward for keeping the question's word order: an item in which consecutive question words also stand next to
   * each other (ログの保存期間, "access logs") gets its score multiplied by up to 1 + this. Default 0.5.
   */
  proximityBoost: number;
  /**
   * Coordination: multiply each score by (IDF-weighted share of the question's words the item matched) ^ this, so
   * an item matching every rare word of the question beats one that matches a single word in many fields.
   * Default 1; 0 turns it off.
   */
  coordination: number;
  /**
   * An item with qualifiers (knowledge: the narrow variant of a topic, such as notice of *planned* outages or the
   * *support desk's* hours) has its score multiplied by this when the question uses none of them, so "who is told
   * when there's an outage" finds incident notification rather than planned-outage notice. Default 0.5; 1 turns it off.
   */
  unqualified: number;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  boost: { name: 3, nameEn: 3, aliases: 2, examples: 0.5, definition: 1, definitionEn: 1, answer: 1, answerEn: 1, category: 0.5 },
  synonymWeight: 0.4,
  prefixMinLengthJa: 2,
  prefixMinLengthEn: 5,
  limit: 8,
  rerankDepth: 100,
  maxQuestionChars: 2000,
  maxTerms: 48,
  commonTermShare: 0.5,
  commonTermMaxItems: 2000,
  proximityBoost: 0.5,
  coordination: 2,
  unqualified: 0.5,
  unknownWords: { everyday: 0.1, familiar: 0.5, figures: 0.3, verbs: 0.5 },
  everydayRank: 3000,
};

const FIELDS = ['name', 'nameEn', 'aliases', 'examples', 'definition', 'definitionEn', 'answer', 'answerEn', 'category'] as const;
type SearchField = (typeof FIELDS)[number];
type Doc = { id: number } & Record<SearchField, string>;

export interface Hit {
  item: KnowledgeItem;
  score: number;
  /** The question's own terms (not synonyms) that matched this item. */
  matchedTerms: string[];
}

/** One content word of a question: as typed (normalized) and its index term. */
export interface QueryWord {
  token: string;
  term: string;
}

export interface SearchOutcome {
  hits: Hit[];
  /** The question's content terms after stop words and questionnaire boilerplate are removed. */
  terms: string[];
  /** Misspelt words that were corrected against the index's vocabulary: [as typed, corrected]. */
  corrections: Array<[string, string]>;
  /** Content terms that matched some item (directly, by prefix, fuzzily or through a synonym). */
  knownTerms: string[];
  /** Unknown terms that are how people talk rather than what they ask about (see `SearchOptions.unknownWords`). */
  everydayTerms: string[];
  /** Weight of each content term: rarer terms weigh more; a term unknown to the index gets the highest weight. */
  weights: Map<string, number>;
  /** Sum of the content terms' weights. */
  totalWeight: number;
}

/** The full-text index over the checklist: Japanese fields, the English companion, and aliases. */
export class ChecklistIndex {
  readonly options: SearchOptions;
  private readonly search_: TermSearch<Doc>;
  private readonly docFrequency = new Map<string, number>();
  readonly analyzer: Analyzer;
  private readonly synonyms: ReadonlyMap<string, string[]>;
  private readonly byId: Map<number, KnowledgeItem>;
  /**
   * Each qualified item's qualifiers, analysed as questions are (see `SearchOptions.unqualified`); a qualifier of
   * several words ("another way") is used only when the question has all of them.
   */
  private readonly qualifiers = new Map<number, string[][]>();
  /**
   * Each item's terms with their positions, for the word-order bonus. Fields and aliases are laid end to end with a
   * gap of three positions between them, so adjacency never crosses from one field or alias into the next.
   */
  private readonly positions = new Map<number, Map<string, number[]>>();
  /** The same terms sorted, so the terms a Japanese question term begins are one binary search away. */
  private readonly sortedTerms = new Map<number, string[]>();
  private readonly speller: SpellingCorrector;

  constructor(
    readonly knowledge: Knowledge,
    options: Partial<SearchOptions> = {},
  ) {
    this.options = { ...DEFAULT_SEARCH_OPTIONS, ...options, boost: { ...DEFAULT_SEARCH_OPTIONS.boost, ...options.boost } };
    this.byId = new Map(knowledge.items.map((item) => [item.no, item]));
    this.analyzer = new Analyzer(knowledge.vocabulary);
    for (const item of knowledge.items) {
      const analysed = item.qualifiers.map((qualifier) => this.analyzer.analyze(qualifier)).filter((terms) => terms.length > 0);
      if (analysed.length > 0) this.qualifiers.set(item.no, analysed);
    }
    this.synonyms = this.analyzer.synonyms;
    const tokenize = (text: string): string[] => this.analyzer.tokenize(text);
    const processTerm = (token: string): string | null => this.analyzer.processTerm(token);
    // Word segmentation is the costly step of indexing: segment each text once and share the tokens.
    const tokenCache = new Map<string, string[]>();
    const cachedTokenize = (text: string): string[] => {
      let tokens = tokenCache.get(text);
      if (!tokens) tokenCache.set(text, (tokens = tokenize(text)));
      return tokens;
    };
    const termsOf = (text: string): string[] => cachedTokenize(text).map(processTerm).filter((t): t is string => t !== null);
    this.search_ = new TermSearch<Doc>({
      fields: [...FIELDS],
      storeFields: [],
      tokenize: cachedTokenize,
      processTerm,
    });
    const docs = knowledge.items.map(toDoc);
    // Aliases are segmented one by one (the word-order bonus needs them apart); the joined field's tokens are their
    // concatenation, since the separator is a word boundary, so each alias is segmented once.
    for (const doc of docs) {
      for (const field of PHRASE_LIST_FIELDS) tokenCache.set(doc[field], doc[field].split(ALIAS_SEPARATOR).flatMap(cachedTokenize));
    }
    this.search_.addAll(docs);
    for (const doc of docs) {
      const sequences = FIELDS.flatMap((field) => (isPhraseList(field) ? doc[field].split(ALIAS_SEPARATOR) : [doc[field]]).map(termsOf));
      const positions = new Map<string, number[]>();
      let offset = 0;
      for (const sequence of sequences) {
        sequence.forEach((term, i) => {
          const list = positions.get(term) ?? [];
          list.push(offset + i);
          positions.set(term, list);
        });
        offset += sequence.length + 3;
      }
      this.positions.set(doc.id, positions);
      this.sortedTerms.set(doc.id, [...positions.keys()].sort());
      const terms = new Set(sequences.flat());
      for (const term of terms) this.docFrequency.set(term, (this.docFrequency.get(term) ?? 0) + 1);
    }
    this.speller = new SpellingCorrector([...[...tokenCache.values()].flat(), ...this.analyzer.synonymWords]);
  }

  /** True when the word (as typed) is a word of the sheet or of the synonym table: not a name or a stranger. */
  knows(word: string): boolean {
    const term = this.analyzer.processTerm(normalizeText(word));
    return term !== null && (this.docFrequency.has(term) || this.synonyms.has(term));
  }

  /** How many items contain the term (exactly). */
  documentFrequency(term: string): number {
    return this.docFrequency.get(term) ?? 0;
  }

  /**
   * Share of consecutive question-term pairs that also stand next to each other (at most one word apart) in the item.
   * `japanese[i]` tells whether `terms[i]` is Japanese (worked out once per question, not once per item).
   */
  private orderShare(id: number, terms: readonly string[], japanese: readonly boolean[]): number {
    if (terms.length < 2) return 0;
    const positions = this.positions.get(id);
    if (!positions) return 0;
    const sorted = this.sortedTerms.get(id)!;
    let found = 0;
    let previous = positionsOf(positions, sorted, terms[0]!, japanese[0]!);
    for (let i = 1; i < terms.length; i++) {
      const next = positionsOf(positions, sorted, terms[i]!, japanese[i]!);
      if (previous.length > 0 && next.length > 0 && follows(previous, next)) found++;
      previous = next;
    }
    return found / (terms.length - 1);
  }

  /**
   * The share of the highest weight that a word unknown to the index gets. Everyday English words (by frequency
   * rank), figures, Japanese kana-only words (particles, auxiliaries, casual endings) and Japanese verb forms (a kanji
   * stem with kana: 続く, 取り出せる) weigh little; anything else (a rare or technical word, a kanji compound, a
   * katakana loan word) weighs fully.
   */
  private unknownWordShare(token: string): number {
    const { unknownWords, everydayRank } = this.options;
    if (/^[\d.,%]+$/u.test(token)) return unknownWords.figures;
    if (isJapanese(token)) {
      if (isHiraganaOnly(token)) return unknownWords.everyday;
      if (/^[\u3400-\u9fff]+[\u3041-\u309f]+$/u.test(token) || /^[\u3400-\u9fff]$/u.test(token)) return unknownWords.verbs;
      return 1;
    }
    const rank = frequencyRank(token.replace(/['’]s$/u, ''));
    return rank === undefined ? 1 : rank <= everydayRank ? unknownWords.everyday : unknownWords.familiar;
  }

  search(question: string): SearchOutcome {
    return this.searchWords(this.contentWords(question));
  }

  /**
   * The content words of a question (at most `maxTerms`), each as typed (normalized) and as its term: all a search
   * reads, so texts with the same content words ("…during an outage and how", "…during an outage how") have the
   * same outcome, and one message searches them once (see Answerer.answerMessage).
   */
  contentWords(question: string): QueryWord[] {
    const words: QueryWord[] = [];
    const { analyzer } = this;
    for (const token of analyzer.tokenize(question.slice(0, this.options.maxQuestionChars))) {
      if (words.length >= this.options.maxTerms) break;
      if (analyzer.isBoilerplate(token)) continue;
      const term = analyzer.processTerm(token);
      if (term !== null) words.push({ token, term });
    }
    return words;
  }

  /** Searches the content words of a question (see `contentWords`). */
  searchWords(words: readonly QueryWord[]): SearchOutcome {
    const corrections: Array<[string, string]> = [];
    const termList: string[] = [];
    const tokenOf = new Map<string, string>(); // term -> the word as typed (normalized), for unknown-word weights
    const { analyzer } = this;
    for (const { token, term: analyzed } of words) {
      let term = analyzed;
      if (!this.docFrequency.has(term) && !this.synonyms.has(term)) {
        const corrected = this.speller.correct(token);
        const correctedTerm = corrected && corrected !== token ? analyzer.processTerm(corrected) : null;
        if (correctedTerm) {
          corrections.push([token, corrected!]);
          term = correctedTerm;
        }
      }
      termList.push(term);
      if (!tokenOf.has(term)) tokenOf.set(term, token);
    }
    const terms = [...new Set(termList)];
    const expansions = new Map<string, string>(); // expanded term -> the question term it came from
    for (const term of terms) {
      for (const synonym of this.synonyms.get(term) ?? []) {
        if (!terms.includes(synonym) && !expansions.has(synonym)) expansions.set(synonym, term);
      }
    }
    const origin = (term: string): string => expansions.get(term) ?? term;
    const commonLimit = Math.min(this.options.commonTermShare * this.knowledge.items.length, this.options.commonTermMaxItems);
    const rarest = terms.reduce<string | undefined>((best, term) => (best === undefined || this.documentFrequency(term) < this.documentFrequency(best) ? term : best), undefined);
    const common = new Set([...terms, ...expansions.keys()].filter((term) => term !== rarest && this.documentFrequency(term) > commonLimit));
    const queryTerms = [...terms, ...expansions.keys()].filter((term) => !common.has(term));
    const n = this.knowledge.items.length;
    const maxIdf = Math.log(1 + n);
    const weights = new Map(
      terms.map((term) => {
        const df = this.documentFrequency(term);
        // Words in hiragana only are mostly particles and endings (いくつ, それぞれ), even when some example uses them.
        if (df > 0) return [term, Math.min(Math.log(1 + n / df), isHiraganaOnly(tokenOf.get(term) ?? term) ? maxIdf * this.options.unknownWords.everyday : Infinity)] as const;
        // A word known only through its synonyms ("keep" → retain, 保存) means what they mean: weigh it as the rarest of them.
        const through = (this.synonyms.get(term) ?? []).map((synonym) => this.documentFrequency(synonym)).filter((f) => f > 0);
        if (through.length > 0) return [term, Math.log(1 + n / Math.min(...through))] as const;
        return [term, this.synonyms.has(term) ? maxIdf : maxIdf * this.unknownWordShare(tokenOf.get(term) ?? term)] as const;
      }),
    );

    const { prefixMinLengthEn, prefixMinLengthJa, synonymWeight, boost, limit } = this.options;
    // The query is already analyzed: minisearch's index is searched with the terms as they are (see term-search.ts).
    const { matches: results, foundTerms }: TermSearchResult =
      queryTerms.length === 0
        ? { matches: NO_MATCHES, foundTerms: [] }
        : this.search_.searchTerms(
            queryTerms.map((term) => ({
              term,
              // Synonyms are whole words already: only the user's own words are completed. A single kanji that is not
              // a word of the sheet is usually a verb stem (取っ, 消え): let it reach the nouns it begins (取得, 消去).
              prefix: expansions.has(term)
                ? false
                : isJapanese(term)
                  ? term.length >= prefixMinLengthJa || (/^[\u3400-\u9fff]$/u.test(term) && !this.docFrequency.has(term))
                  : term.length >= prefixMinLengthEn,
              // Rare words decide what a question is about; common ones ("data", "service") only add context.
              boost: ((expansions.has(term) ? synonymWeight : 1) * (weights.get(origin(term)) ?? maxIdf)) / maxIdf,
            })),
            // No fuzzy matching: typos are corrected on the unstemmed word before (see spelling.ts), which is both
            // more accurate and far cheaper than minisearch's fuzzy walk of the whole term tree.
            boost,
            this.options.rerankDepth,
          );

    const known = new Set<string>([...common].map(origin));
    for (const term of foundTerms) known.add(origin(term));

    const totalWeight = terms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0);
    // Re-rank in two steps: coordination over the best `rerankDepth`, then the (costlier) word-order bonus, which
    // can lift a score by at most 1 + proximityBoost, over the best `limit` × 4 of those.
    const japanese = terms.map(isJapanese);
    const asked = new Set([...terms, ...expansions.keys()]);
    // Each result's own terms (the question terms it matched, synonyms counted as the word they came from), written
    // into `own` from the start; returns how many. One buffer for every result: ranking allocates nothing per item.
    const own: string[] = [];
    const ownTerms = (i: number): number => {
      let count = 0;
      for (let t = results.termStart(i); t < results.termEnd(i); t++) {
        const word = origin(results.termAt(t));
        let seen = false;
        for (let i = 0; i < count && !seen; i++) seen = own[i] === word;
        if (!seen) own[count++] = word;
      }
      return count;
    };
    const coordinated = results.ids.map((id, i) => {
      const count = ownTerms(i);
      let matchedWeight = 0;
      for (let i = 0; i < count; i++) matchedWeight = matchedWeight + (weights.get(own[i]!) ?? 0);
      const coord = totalWeight > 0 ? (matchedWeight / totalWeight) ** this.options.coordination : 1;
      const qualifiers = this.qualifiers.get(id);
      const qualified = !qualifiers || qualifiers.some((words) => words.every((word) => asked.has(word))) ? 1 : this.options.unqualified;
      return results.scores[i]! * coord * qualified;
    });
    // Higher score first, then the lower item number. Comparisons rather than a difference of scores, which would
    // allocate a number per call; indexes rather than an object per item.
    const byScore =
      (scores: readonly number[], ids: (i: number) => number) =>
      (a: number, b: number): number =>
        scores[b]! > scores[a]! ? 1 : scores[b]! < scores[a]! ? -1 : ids(a) - ids(b);
    const ranked = results.ids
      .map((_, i) => i)
      .sort(byScore(coordinated, (i) => results.ids[i]!))
      .slice(0, limit * 4);
    const final = ranked.map((i) => coordinated[i]! * (1 + this.options.proximityBoost * this.orderShare(results.ids[i]!, terms, japanese)));
    const hits = ranked
      .map((_, k) => k)
      .sort(byScore(final, (k) => results.ids[ranked[k]!]!))
      .slice(0, limit)
      .map((k): Hit => ({ item: this.byId.get(results.ids[ranked[k]!]!)!, score: final[k]!, matchedTerms: own.slice(0, ownTerms(ranked[k]!)) }));
    const everyday = terms.filter((term) => !known.has(term) && (weights.get(term) ?? 0) < maxIdf * EVERYDAY_WEIGHT_SHARE);
    return { hits, terms, corrections, totalWeight, knownTerms: terms.filter((term) => known.has(term)), everydayTerms: everyday, weights };
  }
}

const NO_POSITIONS: readonly number[] = [];
const NO_MATCHES = new TermMatches([], [], [0], []);

/** True when some position in `next` is one or two after a position in `previous`. */
function follows(previous: readonly number[], next: readonly number[]): boolean {
  // Positions of one term in one item are few: scanning them beats building a set, except for long lists.
  if (next.length > 16) {
    const following = new Set(next);
    for (const p of previous) if (following.has(p + 1) || following.has(p + 2)) return true;
    return false;
  }
  for (let i = 0; i < previous.length; i++) {
    const p = previous[i]!;
    if (next.includes(p + 1) || next.includes(p + 2)) return true;
  }
  return false;
}

/**
 * The positions of a question term in one item (its terms' positions, and the same terms sorted). A Japanese
 * question term also matches the item's terms it begins (the segmenter may cut words differently).
 */
function positionsOf(positions: ReadonlyMap<string, number[]>, sorted: readonly string[], query: string, japanese: boolean): readonly number[] {
  if (!japanese) return positions.get(query) ?? NO_POSITIONS;
  let found: number[] | undefined;
  for (let j = lowerBound(sorted, query); j < sorted.length && sorted[j]!.startsWith(query); j++) {
    const more = positions.get(sorted[j]!)!;
    found = found ? found.concat(more) : more;
  }
  return found ?? NO_POSITIONS;
}

const isHiraganaOnly = (token: string): boolean => /^[\u3041-\u309f]+$/u.test(token);

/** The index of the first string in `sorted` that is not less than `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** An unknown word weighing less than this share of the highest weight is an everyday word, not a topic. */
const EVERYDAY_WEIGHT_SHARE = 0.5;

/** Fields holding a list of phrases (aliases, example questions), joined into one field, kept apart for word order. */
const PHRASE_LIST_FIELDS = ['aliases', 'examples'] as const;
const isPhraseList = (field: SearchField): field is (typeof PHRASE_LIST_FIELDS)[number] => (PHRASE_LIST_FIELDS as readonly string[]).includes(field);

/** Aliases are indexed as one field, but kept apart for the word-order bonus so two aliases never form a phrase. */
const ALIAS_SEPARATOR = ' \n ';

function toDoc(item: KnowledgeItem): Doc {
  return {
    id: item.no,
    name: item.name,
    nameEn: item.english.name ?? '',
    aliases: item.aliases.join(ALIAS_SEPARATOR),
    examples: item.examples.join(ALIAS_SEPARATOR),
    definition: item.definition,
    definitionEn: item.english.definition ?? '',
    answer: item.answer,
    answerEn: item.english.answer ?? '',
    category: [item.section, item.category, item.sectionEn ?? '', item.categoryEn ?? ''].join(' '),
  };
}
