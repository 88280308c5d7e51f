import MiniSearch, { type SearchResult } from 'minisearch';
import type { Knowledge, KnowledgeItem } from '../knowledge/load.js';
import { isJapanese } from './normalize.js';
import { SYNONYM_GROUPS } from './synonyms.js';
import { SpellingCorrector } from './spelling.js';
import { analyze, isBoilerplate, processTerm, tokenize } from './tokenize.js';

/** Options of the checklist index. Every field has a documented default; pass only what you want to change. */
export interface SearchOptions {
  /**
   * Field boosts. Item names (Japanese and English) say what the item is about; aliases are the words people use;
   * definitions and answers add context. Default: name 3, nameEn 3, aliases 2, definition 1, definitionEn 1,
   * answer 1, answerEn 1, category 0.5.
   */
  boost: Partial<Record<SearchField, number>>;
  /** Weight of a synonym-expanded term relative to the user's own words. Default 0.4. */
  synonymWeight: number;
  /**
   * Fuzzy matching for Latin words ("encyrption", "recovery pont"): edit distance 1 from this many characters,
   * 2 from `fuzzyTwoEditsLength` (a transposition costs two edits). Japanese terms are never fuzzy: on two-character
   * words one edit matches unrelated words (暗号 would match 記号). Defaults 4 and 7.
   */
  fuzzyMinLength: number;
  fuzzyTwoEditsLength: number;
  /** Prefix matching for Japanese terms of at least this many characters (the segmenter can cut words differently). Default 2. */
  prefixMinLengthJa: number;
  /** Prefix matching for Latin words of at least this many characters. Default 5. */
  prefixMinLengthEn: number;
  /** How many results `search` returns at most. Default 8. */
  limit: number;
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
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  boost: { name: 3, nameEn: 3, aliases: 2, definition: 1, definitionEn: 1, answer: 1, answerEn: 1, category: 0.5 },
  synonymWeight: 0.4,
  fuzzyMinLength: 4,
  fuzzyTwoEditsLength: 7,
  prefixMinLengthJa: 2,
  prefixMinLengthEn: 5,
  limit: 8,
  proximityBoost: 0.5,
  coordination: 1,
};

const FIELDS = ['name', 'nameEn', 'aliases', 'definition', 'definitionEn', 'answer', 'answerEn', 'category'] as const;
type SearchField = (typeof FIELDS)[number];
type Doc = { id: number } & Record<SearchField, string>;

export interface Hit {
  item: KnowledgeItem;
  score: number;
  /** The question's own terms (not synonyms) that matched this item. */
  matchedTerms: string[];
}

export interface SearchOutcome {
  hits: Hit[];
  /** The question's content terms after stop words and questionnaire boilerplate are removed. */
  terms: string[];
  /** Misspelt words that were corrected against the index's vocabulary: [as typed, corrected]. */
  corrections: Array<[string, string]>;
  /** Content terms that matched some item (directly, by prefix, fuzzily or through a synonym). */
  knownTerms: string[];
  /** Weight of each content term: rarer terms weigh more; a term unknown to the index gets the highest weight. */
  weights: Map<string, number>;
}

/** The full-text index over the checklist: Japanese fields, the English companion, and aliases. */
export class ChecklistIndex {
  readonly options: SearchOptions;
  private readonly search_: MiniSearch<Doc>;
  private readonly docFrequency = new Map<string, number>();
  private readonly synonyms = new Map<string, string[]>();
  private readonly byId: Map<number, KnowledgeItem>;
  /** Each item's fields as term sequences, for the word-order bonus. */
  private readonly sequences = new Map<number, string[][]>();
  private readonly speller: SpellingCorrector;

  constructor(
    readonly knowledge: Knowledge,
    options: Partial<SearchOptions> = {},
  ) {
    this.options = { ...DEFAULT_SEARCH_OPTIONS, ...options, boost: { ...DEFAULT_SEARCH_OPTIONS.boost, ...options.boost } };
    this.byId = new Map(knowledge.items.map((item) => [item.no, item]));
    this.search_ = new MiniSearch<Doc>({
      fields: [...FIELDS],
      storeFields: [],
      tokenize,
      processTerm,
    });
    const docs = knowledge.items.map(toDoc);
    this.search_.addAll(docs);
    for (const doc of docs) {
      const sequences = FIELDS.flatMap((field) => doc[field].split(' \n ').map(analyze));
      this.sequences.set(doc.id, sequences);
      const terms = new Set(sequences.flat());
      for (const term of terms) this.docFrequency.set(term, (this.docFrequency.get(term) ?? 0) + 1);
    }
    this.speller = new SpellingCorrector([...docs.flatMap((doc) => FIELDS.flatMap((field) => tokenize(doc[field]))), ...SYNONYM_GROUPS.flat().flatMap(tokenize)]);
    for (const group of SYNONYM_GROUPS) {
      const terms = [...new Set(group.flatMap((word) => analyze(word)))];
      for (const term of terms) {
        const others = terms.filter((other) => other !== term);
        this.synonyms.set(term, [...new Set([...(this.synonyms.get(term) ?? []), ...others])]);
      }
    }
  }

  /** How many items contain the term (exactly). */
  documentFrequency(term: string): number {
    return this.docFrequency.get(term) ?? 0;
  }

  /** Share of consecutive question-term pairs that also stand next to each other (at most one word apart) in the item. */
  private orderShare(id: number, terms: string[]): number {
    if (terms.length < 2) return 0;
    const sequences = this.sequences.get(id) ?? [];
    const same = (query: string, term: string): boolean => term === query || (isJapanese(query) && term.startsWith(query));
    let found = 0;
    for (let i = 0; i + 1 < terms.length; i++) {
      const [a, b] = [terms[i]!, terms[i + 1]!];
      const adjacent = sequences.some((seq) => seq.some((term, j) => same(a, term) && (same(b, seq[j + 1] ?? '') || same(b, seq[j + 2] ?? ''))));
      if (adjacent) found++;
    }
    return found / (terms.length - 1);
  }

  search(question: string): SearchOutcome {
    const corrections: Array<[string, string]> = [];
    const termList: string[] = [];
    for (const token of tokenize(question)) {
      if (isBoilerplate(token)) continue;
      let term = processTerm(token);
      if (term === null) continue;
      if (!this.docFrequency.has(term) && !this.synonyms.has(term)) {
        const corrected = this.speller.correct(token);
        const correctedTerm = corrected && corrected !== token ? processTerm(corrected) : null;
        if (correctedTerm) {
          corrections.push([token, corrected!]);
          term = correctedTerm;
        }
      }
      termList.push(term);
    }
    const terms = [...new Set(termList)];
    const expansions = new Map<string, string>(); // expanded term -> the question term it came from
    for (const term of terms) {
      for (const synonym of this.synonyms.get(term) ?? []) {
        if (!terms.includes(synonym) && !expansions.has(synonym)) expansions.set(synonym, term);
      }
    }
    const queryTerms = [...terms, ...expansions.keys()];
    const origin = (term: string): string => expansions.get(term) ?? term;
    const n = this.knowledge.items.length;
    const maxIdf = Math.log(1 + n);
    const weights = new Map(
      terms.map((term) => {
        const df = this.documentFrequency(term);
        return [term, df === 0 ? maxIdf : Math.log(1 + n / df)] as const;
      }),
    );

    const { fuzzyMinLength, fuzzyTwoEditsLength, prefixMinLengthEn, prefixMinLengthJa, synonymWeight, boost, limit } = this.options;
    const results: SearchResult[] =
      queryTerms.length === 0
        ? []
        : this.search_.search(queryTerms.join(' '), {
            // The query is already analyzed: hand minisearch the terms as they are.
            tokenize: () => queryTerms,
            processTerm: (term) => term,
            combineWith: 'OR',
            boost,
            // Rare words decide what a question is about; common ones ("data", "service") only add context.
            boostTerm: (term) => (expansions.has(term) ? synonymWeight : 1) * (weights.get(origin(term)) ?? maxIdf) / maxIdf,
            // A single kanji is usually a verb stem (取っ, 消え): let it reach the nouns it begins (取得, 消去).
            prefix: (term) =>
              isJapanese(term) ? term.length >= prefixMinLengthJa || /^[\u3400-\u9fff]$/u.test(term) : term.length >= prefixMinLengthEn,
            fuzzy: (term) =>
              !/^[a-z]+$/.test(term) || term.length < fuzzyMinLength ? false : term.length >= fuzzyTwoEditsLength ? 2 : 1,
          });

    const known = new Set<string>();
    for (const result of results) for (const term of result.queryTerms) known.add(origin(term));

    const totalWeight = terms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0);
    const hits = results
      .map((result) => {
        const matchedTerms = [...new Set(result.queryTerms.map(origin))];
        const matchedWeight = matchedTerms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0);
        const coord = totalWeight > 0 ? (matchedWeight / totalWeight) ** this.options.coordination : 1;
        const order = 1 + this.options.proximityBoost * this.orderShare(result.id as number, terms);
        return { item: this.byId.get(result.id as number)!, score: result.score * coord * order, matchedTerms };
      })
      .sort((a, b) => b.score - a.score || a.item.no - b.item.no)
      .slice(0, limit);
    return { hits, terms, corrections, knownTerms: terms.filter((term) => known.has(term)), weights };
  }
}

function toDoc(item: KnowledgeItem): Doc {
  return {
    id: item.no,
    name: item.name,
    nameEn: item.en?.name ?? '',
    aliases: item.aliases.join(' \n '),
    definition: item.definition,
    definitionEn: item.en?.definition ?? '',
    answer: item.answer,
    answerEn: item.en?.answer ?? '',
    category: [item.section, item.category, item.sectionEn ?? '', item.categoryEn ?? ''].join(' '),
  };
}
