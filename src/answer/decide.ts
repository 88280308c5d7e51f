import type { Knowledge, KnowledgeItem } from '../knowledge/load.js';
import { ChecklistIndex, type Hit, type SearchOutcome } from '../search/index.js';
import { parseItemReference, MAX_ITEMS_PER_LOOKUP } from '../search/item-ref.js';
import { charSet, questionPrefix, trimEndChars } from '../search/bounded.js';
import { GapMatcher } from '../search/gaps.js';
import { normalizeText } from '../search/normalize.js';
import { processTerm, tokenize } from '../search/tokenize.js';

/**
 * The confidence rule. A BM25 score is not a probability, so no single floor separates "answer" from "not covered";
 * the rule combines four signals that each fail differently:
 *
 * 1. Known gaps: a question naming a topic the sheet is known not to cover (SSO, MFA, passwords, pricing…, listed in
 *    knowledge/gaps.yaml) is `no_match`, however well its other words match.
 * 2. Coverage: the share of the question's content words, weighted by rarity (IDF), that the cited item matched.
 *    An unknown word (SAML, FedRAMP, lunch) weighs the most, so a question about something else falls below
 *    `minCoverage` even when a common word like "data" matches. Questions of one or two content words need all of
 *    them matched somewhere (`shortQuestionTerms`).
 * 3. A low floor on the final score (`minScore`): a match that weak is one partial word in one field, whatever the
 *    coverage says (会社の設立年は matching 設立 nowhere but a prefix).
 * 4. Margin: when the runner-up scores within `closeRatio` of the best, the answer is marked `close` so a person
 *    picks between them (RPO vs RTO) instead of the bot guessing; items within `seeAlsoRatio` are shown as "see also".
 */
/**
 * Messages made only of these words (plus stop words) are people trying the bot out ("test", "can you help me?"):
 * they get the usage help, not the pen-test item.
 */
const META_WORDS = new Set(['help', 'test', 'testing', 'ping', 'bot', 'usage', 'commands', 'テスト', 'ヘルプ', '使い方', 'てすと']);

export interface DecisionOptions {
  /** Minimum IDF-weighted share of content words matched by the cited item. Default 0.2. */
  minCoverage: number;
  /** The best item's final score must reach this. Default 4 (single-acronym questions such as "SLA" score about 8). */
  minScore: number;
  /**
   * A one-word question whose word appears in at least this many items ("time", "data", "backup") is too vague to
   * answer confidently: it is marked `close`, so Slack offers a picker. Default 5.
   */
  vagueWordItems: number;
  /** Questions with at most this many content words must have every word known to the index. Default 2. */
  shortQuestionTerms: number;
  /** Runner-up score at or above this share of the best marks the answer `close`. Default 0.75. */
  closeRatio: number;
  /** Items scoring at least this share of the best are offered as "see also". Default 0.3. */
  seeAlsoRatio: number;
  /** How many "see also" items at most. Default 2. */
  maxSeeAlso: number;
  /** How many suggestions a `no_match` carries at most. Default 3. */
  maxSuggestions: number;
}

export const DEFAULT_DECISION_OPTIONS: DecisionOptions = {
  minCoverage: 0.2,
  minScore: 4,
  vagueWordItems: 5,
  shortQuestionTerms: 2,
  closeRatio: 0.75,
  seeAlsoRatio: 0.3,
  maxSeeAlso: 2,
  maxSuggestions: 3,
};

export type NoMatchReason = 'no_content' | 'known_gap' | 'low_coverage' | 'no_results' | 'unknown_item' | 'model_declined';

export type Decision =
  | { kind: 'help' }
  | { kind: 'lookup'; items: KnowledgeItem[]; truncated: number }
  | { kind: 'section'; title: string; items: KnowledgeItem[] }
  | { kind: 'answered'; item: KnowledgeItem; score: number; seeAlso: KnowledgeItem[]; close: boolean; hits: Hit[] }
  | {
      kind: 'no_match';
      reason: NoMatchReason;
      /** The gap topic, or the item numbers that do not exist. */
      detail?: string;
      suggestions: KnowledgeItem[];
      hits: Hit[];
    };

export interface Answer {
  question: string;
  decision: Decision;
  search?: SearchOutcome;
  /** Present when a language model was asked (see assisted.ts): what it chose, said, or why it was not used. */
  assist?: AssistOutcome;
}

export interface AssistOutcome {
  model: string;
  /** The model's choice was used for the decision. */
  used: boolean;
  /** The model's introduction, after the guard; shown labelled, above the verbatim answer. */
  phrasing?: string;
  /** Why the phrasing was dropped (claims not in the cited items). */
  phrasingDiscarded?: string[];
  /** Why the model's output was not used at all; the answer is then search-only. */
  fallback?: string;
  latencyMs: number;
  usage?: { prompt: number; completion: number; total: number };
}

/** Decides what to answer. Pure: the same knowledge and question always give the same decision. */
export class Answerer {
  readonly options: DecisionOptions;
  readonly index: ChecklistIndex;
  private readonly numbers: Set<number>;
  private readonly gaps: GapMatcher;
  /** Normalized section and category names (Japanese and English) → the items they list. */
  private readonly sections = new Map<string, Extract<Decision, { kind: 'section' }>>();

  constructor(
    readonly knowledge: Knowledge,
    options: Partial<DecisionOptions> = {},
    index?: ChecklistIndex,
  ) {
    this.options = { ...DEFAULT_DECISION_OPTIONS, ...options };
    this.index = index ?? new ChecklistIndex(knowledge);
    this.numbers = new Set(knowledge.items.map((item) => item.no));
    this.gaps = new GapMatcher(knowledge.gaps);
    for (const item of knowledge.items) {
      for (const [name, key, title] of [
        [item.section, 'section', item.section],
        [item.sectionEn, 'section', item.section],
        [item.category, 'category', item.category],
        [item.categoryEn, 'category', item.category],
      ] as const) {
        const wanted = name && normalizeText(name);
        if (!wanted || this.sections.has(wanted)) continue;
        const items = knowledge.items.filter((other) => (key === 'section' ? other.section : other.category) === title);
        this.sections.set(wanted, { kind: 'section', title, items });
      }
    }
  }

  answer(question: string): Answer {
    const text = questionPrefix(question).trim(); // bounded: see search/bounded.ts
    if (!text || isMetaMessage(text)) return { question, decision: { kind: 'help' } };

    const reference = parseItemReference(text, this.numbers);
    if (reference?.kind === 'items') {
      const items = reference.numbers.map((no) => this.knowledge.byNo.get(no)!);
      return { question, decision: { kind: 'lookup', items: items.slice(0, MAX_ITEMS_PER_LOOKUP), truncated: Math.max(0, items.length - MAX_ITEMS_PER_LOOKUP) } };
    }
    if (reference?.kind === 'unknown') {
      return { question, decision: { kind: 'no_match', reason: 'unknown_item', detail: reference.given.join(', '), suggestions: [], hits: [] } };
    }
    const section = this.sectionNamed(text);
    if (section) return { question, decision: section };

    const search = this.index.search(text);
    return { question, decision: this.decide(text, search), search };
  }

  private decide(text: string, search: SearchOutcome): Decision {
    const { hits, terms, weights, totalWeight } = search;
    const suggestions = hits.slice(0, this.options.maxSuggestions).map((hit) => hit.item);
    const noMatch = (reason: NoMatchReason, detail?: string): Decision => ({
      kind: 'no_match',
      reason,
      ...(detail ? { detail } : {}),
      suggestions: reason === 'no_content' ? [] : suggestions,
      hits,
    });
    if (terms.length === 0) return noMatch('no_content');
    const gap = this.gaps.find(text);
    if (gap) return noMatch('known_gap', gap);
    const [top, second] = hits;
    if (!top) return noMatch('no_results');

    const covered = top.matchedTerms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0);
    if (terms.length <= this.options.shortQuestionTerms && search.knownTerms.length < terms.length) return noMatch('low_coverage');
    if (covered / totalWeight < this.options.minCoverage || top.score < this.options.minScore) return noMatch('low_coverage');

    const seeAlso = hits
      .slice(1)
      .filter((hit) => hit.score >= top.score * this.options.seeAlsoRatio)
      .slice(0, this.options.maxSeeAlso)
      .map((hit) => hit.item);
    const vague = terms.length === 1 && this.index.documentFrequency(terms[0]!) >= this.options.vagueWordItems;
    const close = second !== undefined && (vague || second.score >= top.score * this.options.closeRatio);
    return { kind: 'answered', item: top.item, score: top.score, seeAlso, close, hits };
  }

  /** A section or category name on its own ("データ管理", "Security", "可用性") lists its items. */
  private sectionNamed(text: string): Decision | undefined {
    return this.sections.get(trimEndChars(normalizeText(text), SECTION_NAME_TAIL).trim());
  }
}

const SECTION_NAME_TAIL = charSet('?？。.!！', true);

/** "help", "?", "test", "can you help me": only meta words and stop words. */
function isMetaMessage(text: string): boolean {
  const normalized = normalizeText(text).trim();
  if (/^[?？]+$/u.test(normalized)) return true;
  const tokens = tokenize(normalized);
  const content = tokens.filter((token) => processTerm(token) !== null);
  return content.length > 0 && content.every((token) => META_WORDS.has(token));
}
