import type { Knowledge, KnowledgeItem } from '../knowledge/load.js';
import { ChecklistIndex, type Hit, type QueryWord, type SearchOutcome } from '../search/index.js';
import { parseItemReference, MAX_ITEMS_PER_LOOKUP } from '../search/item-ref.js';
import { charSet, questionPrefix, trimEndChars } from '../search/bounded.js';
import { GapMatcher } from '../search/gaps.js';
import { normalizeText } from '../search/normalize.js';
import { joinClauses, MessageReader, nameCandidates } from './message.js';
import { NamedThings } from './claims.js';
import { isEverydayWord } from '../search/word-frequency.js';

/**
 * The confidence rule. A BM25 score is not a probability, so no single floor separates "answer" from "not covered";
 * the rule combines signals that each fail differently:
 *
 * 1. Known gaps: a question naming a topic the sheet is known not to cover (SSO, MFA, passwords, pricing…, listed in
 *    knowledge/gaps.yaml) is `no_match`, however well its other words match.
 * 2. Coverage: the share of the question's content words, weighted by how informative they are, that the cited item
 *    matched. A rare unknown word (SAML, FedRAMP) weighs the most, an everyday one ("actually", たら) little (see
 *    `SearchOptions.unknownWords`), so a question about something else falls below `minCoverage` even when a common
 *    word like "data" matches, while a chatty question about a covered topic does not. Questions of one or two topical
 *    words need all of them matched somewhere (`shortQuestionTerms`).
 * 3. Floors on the score: `minScore` (one partial word in one field), and `weakScore` with `weakCoverage` (a weak match
 *    that also explains little of the question).
 * 4. Margin: when the runner-up, with a different answer, scores within `closeRatio` of the best, the answer is
 *    marked `close` so a person picks (RPO vs RTO) instead of the bot guessing; items within `seeAlsoRatio` are shown
 *    as "see also".
 * 5. For a message that asks several things (see `answerMessage`), each part must fit its item on its own
 *    (`multiPartCoverage`), unless it was asked explicitly as a further question ("also…", or its own question mark).
 *    When the parts point weakly to different items and the whole message to a third, the evidence disagrees: "not
 *    covered", with the parts' items as the nearest.
 */

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
  /**
   * A best score below `weakScore` is answered only when the item explains at least `weakCoverage` of the question:
   * casual messages that share one word with an item score low and cover little. Defaults 20 and 0.6.
   */
  weakScore: number;
  weakCoverage: number;
  /** Questions with at most this many content words must have every word known to the index. Default 2. */
  shortQuestionTerms: number;
  /** Runner-up score at or above this share of the best marks the answer `close`. Default 0.85. */
  closeRatio: number;
  /** Items scoring at least this share of the best are offered as "see also". Default 0.3. */
  seeAlsoRatio: number;
  /** How many "see also" items at most. Default 2. */
  maxSeeAlso: number;
  /** How many suggestions a `no_match` carries at most. Default 3. */
  maxSuggestions: number;
  /** How many questions of one message are answered at most. Default 3. */
  maxParts: number;
  /**
   * A message becomes a multi-part answer only when every part is answered this well on its own: the IDF-weighted
   * share of the part's words its item matched. Stricter than `minCoverage`, since a spurious split ("removable and
   * secondary media") must not turn one question into two answers. Default 0.5.
   */
  multiPartCoverage: number;
  /** A clause after a question with at most this many topical words elaborates on it ("email? phone?"). Default 2. */
  elaborationTerms: number;
}

export const DEFAULT_DECISION_OPTIONS: DecisionOptions = {
  minCoverage: 0.2,
  minScore: 4,
  weakScore: 20,
  weakCoverage: 0.6,
  vagueWordItems: 5,
  shortQuestionTerms: 2,
  closeRatio: 0.85,
  seeAlsoRatio: 0.3,
  maxSeeAlso: 2,
  maxSuggestions: 3,
  maxParts: 3,
  multiPartCoverage: 0.5,
  elaborationTerms: 2,
};

export type NoMatchReason = 'no_content' | 'known_gap' | 'low_coverage' | 'no_results' | 'unknown_item' | 'model_declined';

export type Decision =
  | { kind: 'help' }
  | { kind: 'lookup'; items: KnowledgeItem[]; truncated: number }
  | { kind: 'section'; title: string; items: KnowledgeItem[] }
  | AnsweredDecision
  | NoMatchDecision
  | { kind: 'multi'; parts: QuestionPart[]; /** Questions of the message beyond `maxParts`, not answered here. */ more: number };

export interface AnsweredDecision {
  kind: 'answered';
  item: KnowledgeItem;
  score: number;
  seeAlso: KnowledgeItem[];
  close: boolean;
  hits: Hit[];
  /**
   * Specific things the question names (a standard, certification, version, figure or vendor: "ISO 27001", "TLS 1.3",
   * "99.99%") that the cited item's answer does not state. The reply says so first, so nobody reads the item's answer
   * as a "yes" to them.
   */
  unlisted: string[];
}

export interface NoMatchDecision {
  kind: 'no_match';
  reason: NoMatchReason;
  /** The gap topic, or the item numbers that do not exist. */
  detail?: string;
  suggestions: KnowledgeItem[];
  hits: Hit[];
}

/** One question of a message that asks several ("what's our RPO and RTO?"), with its own decision. */
export interface QuestionPart {
  question: string;
  decision: AnsweredDecision | NoMatchDecision;
}

/** The items a reply answers with, best first: several for a multi-part question, none for help and not covered. */
export function citedItems(decision: Decision): KnowledgeItem[] {
  switch (decision.kind) {
    case 'lookup':
    case 'section':
      return decision.items;
    case 'answered':
      // A picker (close) answers with no item: it asks the person which one they meant.
      return decision.close ? [] : [decision.item];
    case 'multi': {
      const items = decision.parts.flatMap((part) => citedItems(part.decision));
      return items.filter((item, i) => items.indexOf(item) === i);
    }
    default:
      return [];
  }
}

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
  private readonly reader: MessageReader;
  /** Finds what a question names (ISO 27001, TLS 1.3, 99.99 %) that the cited answer does not state. */
  readonly named: NamedThings;
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
    this.reader = new MessageReader(knowledge.vocabulary.framing);
    this.named = new NamedThings(knowledge.vocabulary);
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
    if (!text || this.isMetaMessage(text)) return { question, decision: { kind: 'help' } };

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
    return this.answerMessage(question, text);
  }

  /**
   * A free-text message: read as a person would (see message.ts). Each clause that asks something is decided on its
   * own, without the framing and context around it, and so is each side of "X and Y" within a clause. Clauses that
   * confidently cite different items make a multi-part answer; one confident clause is the answer; when no clause is
   * confident on its own, the asking clauses together (then the whole message) are decided as one question.
   */
  private answerMessage(question: string, text: string): Answer {
    // A capitalised word is a name when the sheet does not know it and it is not an everyday word ("What's", "It's").
    const names = nameCandidates(text).filter((word) => !this.index.knows(word) && !isEverydayWord(word));
    const pattern = names.length > 0 ? namePattern(names) : undefined;
    // Search reads each clause without names; known gaps and named things are checked on the clause as written, since
    // a product name may be what is asked about (Okta, Cyber Essentials).
    const segments = this.reader.segments(text).map((segment) => ({ ...segment, original: segment.text, text: pattern ? segment.text.replace(pattern, ' ') : segment.text }));
    // One message can search the same words several times (a clause, then a side of it, then the clauses joined;
    // "…and how" joined to the clause before it): each text is read once, and each list of content words searched once.
    const wordsOf = new Map<string, string>();
    const searched = new Map<string, SearchOutcome>();
    const search = (clause: string): SearchOutcome => {
      let key = wordsOf.get(clause);
      let words: QueryWord[] | undefined;
      if (key === undefined) {
        words = this.index.contentWords(clause);
        key = words.map(({ token }) => token).join('\u0000');
        wordsOf.set(clause, key);
      }
      let outcome = searched.get(key);
      if (!outcome) searched.set(key, (outcome = this.index.searchWords(words ?? this.index.contentWords(clause))));
      return outcome;
    };
    const asking = this.elaborationsMerged(search, this.reader.askingClauses(segments, (clause) => !this.isVague(search(clause), this.options.elaborationTerms)));

    const asked: Array<{ question: string; decision: AnsweredDecision | NoMatchDecision; search: SearchOutcome; additive: boolean }> = [];
    // Two or more questions each with its own question mark ("What are the support hours? How often…?") are asked
    // explicitly, as much as one opening with "also": each is answered without having to fit its item as well as a
    // part found by splitting a sentence.
    const questionMarked = (clause: { original: string }): boolean => MessageReader.questionMarked(clause.original);
    const separatelyAsked = asking.filter(questionMarked).length >= 2;
    for (const [index, clause] of asking.entries()) {
      const current = separatelyAsked && questionMarked(clause) ? { ...clause, additive: true } : clause;
      // "Also, how far back can we go?": a further question that is only a question word asks about the one before.
      const before = asking[index - 1];
      if (before && this.isElliptical(this.reader.withoutOpener(current.text), search(current.text))) {
        const read = this.decideInContext(current.text, before.text, search, current.original);
        asked.push({ question: this.reader.withoutOpener(current.original), ...read, additive: current.additive });
        continue;
      }
      const outcome = search(current.text);
      const decision = this.decide(current.text, outcome, current.original);
      if (isKnownGap({ decision })) {
        asked.push({ question: this.reader.withoutOpener(current.original), decision, search: outcome, additive: current.additive });
        continue;
      }
      const sides = this.reader.conjunctionParts(current.text, current.framed);
      // "X and Y": each side is asked on its own (see MessageReader.conjunctionParts for what counts as a side).
      if (sides.length === 1) {
        asked.push({ question: this.reader.withoutOpener(current.original), decision, search: outcome, additive: current.additive });
        continue;
      }
      for (const [i, side] of sides.entries()) {
        const alone = { decision: this.decide(side, search(side)), search: search(side) };
        let read = alone;
        if (i > 0 && this.isElliptical(side, alone.search)) {
          // "…and how fast?": a side that is only a question word asks about the topic the clause opened with.
          read = this.decideInContext(side, sides[0]!, search);
        } else if (i > 0 && alone.decision.kind === 'answered' && alone.decision.close) {
          // "…any stopgap if we're down, and if so, what format…": the clause's topic may decide between two items.
          const inContext = this.decideInContext(side, sides[0]!, search);
          if (inContext.decision.kind === 'answered' && !inContext.decision.close) read = inContext;
        }
        asked.push({ question: this.reader.withoutOpener(side), ...read, additive: current.additive || i > 0 });
      }
    }
    // "Is your IR plan tested? Provide the date of the last test.": a sentence after a question about a known gap, not
    // marked as a further question, that is vague or shares the gap question's words elaborates on it; it is not
    // answered on its own. "Do you support SSO? What is the RPO?" asks two things.
    const firstGap = asked.findIndex(isKnownGap);
    const gapWords = firstGap < 0 ? new Set<string>() : topicalTerms(asked[firstGap]!.search);
    const elaboratesGap = (part: (typeof asked)[number]): boolean =>
      !part.additive && !isKnownGap(part) && (this.isVague(part.search, this.options.elaborationTerms) || [...topicalTerms(part.search)].some((term) => gapWords.has(term)));
    const parts = firstGap < 0 ? asked : asked.filter((part, i) => i <= firstGap || !elaboratesGap(part));
    const confident = parts.filter((part) => part.decision.kind === 'answered' && !part.decision.close);
    const distinct = confident.filter((part, i) => confident.findIndex((other) => citedNo(other.decision) === citedNo(part.decision)) === i);
    // A question about a topic the sheet is known not to cover is answered "not covered", alongside the other
    // questions of the message when there are any.
    const gaps = parts.filter(isKnownGap);
    // A part asked explicitly as a further question ("…? and …", 「あと…」) needs only to be answered; parts found by
    // splitting one message must each fit their item well.
    const strong =
      distinct.length >= 2
        ? distinct.filter((part) => part.additive || (coverage(part.decision, part.search) >= this.options.multiPartCoverage && (part.decision as AnsweredDecision).score >= this.options.weakScore))
        : distinct;
    // A further question that two items fit about equally, or that the sheet may not cover, is shown as such (a
    // picker, or "not covered" with the nearest items) next to the answered ones, rather than dropped.
    const unsure = (part: (typeof parts)[number]): boolean =>
      part.additive && part.search.terms.length > 0 && (part.decision.kind === 'no_match' || part.decision.close) && !strong.some((other) => citedNo(other.decision) === nearestNo(part.decision));
    if (strong.length >= 1 && strong.length + gaps.length + parts.filter(unsure).length >= 2) {
      const chosen = parts.filter((part) => strong.includes(part) || gaps.includes(part) || unsure(part));
      const multi: Decision = {
        kind: 'multi',
        parts: chosen.slice(0, this.options.maxParts).map(({ question: q, decision }) => ({ question: q, decision })),
        more: Math.max(0, chosen.length - this.options.maxParts),
      };
      return { question, decision: multi, search: distinct[0]!.search };
    }
    if (gaps.length > 0) return { question, decision: gaps[0]!.decision, search: gaps[0]!.search };
    if (distinct.length === 1 && parts.length > 1) return { question, decision: distinct[0]!.decision, search: distinct[0]!.search };

    const whole = asking.length === segments.length ? [asking] : [asking, segments];
    let fallback: Answer | undefined;
    for (const clauses of whole) {
      const joined = clauses.map((segment) => segment.text).join(' ');
      const outcome = search(joined);
      const decision = this.decide(joined, outcome, clauses.map((segment) => segment.original).join(' '));
      fallback ??= { question, decision, search: outcome };
      if (decision.kind !== 'answered') continue;
      // Parts that each point weakly to a different item, and the whole to a third: the evidence disagrees, so the
      // reply is "not covered" with the nearest items (the parts' first) rather than a guess.
      if (distinct.length >= 2 && !distinct.some((part) => citedNo(part.decision) === decision.item.no)) {
        const nearest = [...new Set([...distinct.map((part) => (part.decision as AnsweredDecision).item), ...outcome.hits.map((hit) => hit.item)])];
        return { question, decision: { kind: 'no_match', reason: 'low_coverage', suggestions: nearest.slice(0, this.options.maxSuggestions), hits: outcome.hits }, search: outcome };
      }
      return { question, decision, search: outcome };
    }
    return fallback!;
  }

  /** Decides one question: `text` is what was searched, `original` the question as written (for gaps and named things). */
  private decide(text: string, search: SearchOutcome, original = text): AnsweredDecision | NoMatchDecision {
    const { hits, terms, weights, totalWeight } = search;
    const suggestions = hits.slice(0, this.options.maxSuggestions).map((hit) => hit.item);
    const noMatch = (reason: NoMatchReason, detail?: string): NoMatchDecision => ({
      kind: 'no_match',
      reason,
      ...(detail ? { detail } : {}),
      suggestions: reason === 'no_content' ? [] : suggestions,
      hits,
    });
    const gap = this.gaps.find(original);
    if (gap) return noMatch('known_gap', gap);
    if (terms.length === 0) return noMatch('no_content');
    const [top, second] = hits;
    if (!top) return noMatch('no_results');

    const covered = top.matchedTerms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0);
    const topical = terms.length - search.everydayTerms.length;
    if (topical <= this.options.shortQuestionTerms && search.knownTerms.length < topical) return noMatch('low_coverage');
    if (covered / totalWeight < this.options.minCoverage || top.score < this.options.minScore) return noMatch('low_coverage');
    // A weak match that also leaves much of the question unexplained: the nearest items, not a confident answer.
    if (top.score < this.options.weakScore && covered / totalWeight < this.options.weakCoverage) return noMatch('low_coverage');

    const seeAlso = this.seeAlso(hits, top);
    const vague = terms.length === 1 && this.index.documentFrequency(terms[0]!) >= this.options.vagueWordItems;
    // Two items that fit about equally need a person to pick, unless they give the same answer (support hours for
    // incidents and for general questions): then either citation is right, and the other is shown as "see also".
    const rival = hits.slice(1).some((hit) => hit.score >= top.score * this.options.closeRatio && !sameAnswer(hit.item, top.item));
    const close = second !== undefined && (vague || rival);
    return { kind: 'answered', item: top.item, score: top.score, seeAlso, close, hits, unlisted: close ? [] : this.named.unlisted(top.item, original) };
  }

  /**
   * A question that depends on the one before it ("…and how far back?", "and if so, in what format?"), read with that
   * question's words. Read whole, the earlier question's words would win and cite its item again; an item that
   * matches topical words of both ("logs" before, "how far back" now) is what is asked. Failing that, the context
   * may decide between the question's own nearest items (`CONTEXT_CANDIDATES`) when two fit it about equally, and
   * otherwise the question is read whole.
   */
  private decideInContext(question: string, context: string, search: (text: string) => SearchOutcome, original = question): { decision: AnsweredDecision | NoMatchDecision; search: SearchOutcome } {
    const own = search(question);
    const read = `${context} ${question}`;
    const whole = search(read);
    const ownTerms = topicalTerms(own);
    const ownWeight = (terms: Iterable<string>): number => [...terms].reduce((sum, term) => sum + (ownTerms.has(term) ? own.weights.get(term)! : 0), 0);
    const enough = ownWeight(ownTerms) * OWN_SHARE;
    // What the context is about: its most informative words ("logs" in "how long are logs kept?", not "long").
    const before = search(context);
    const beforeTerms = [...topicalTerms(before)];
    const heaviest = Math.max(0, ...beforeTerms.map((term) => before.weights.get(term)!));
    const contextTerms = new Set(beforeTerms.filter((term) => before.weights.get(term)! >= heaviest * SPECIFIC_TERM_SHARE));
    // An item of both: it matches most of what the question itself asks (by weight) and what its context is about.
    const both = { ...whole, hits: whole.hits.filter((hit) => ownWeight(hit.matchedTerms) >= enough && hit.matchedTerms.some((term) => contextTerms.has(term))) };
    const inBoth = this.decide(read, both, original);
    if (inBoth.kind === 'answered' && !inBoth.close) return { decision: inBoth, search: both };
    const alone = this.decide(question, own, original);
    if (alone.kind !== 'answered' || !alone.close) return { decision: this.decide(read, whole, original), search: whole };
    // Of the question's own nearest items, the one its context favours clearly (by the picker's margin), if any.
    const contextScore = (item: KnowledgeItem): number => whole.hits.find((hit) => hit.item === item)?.score ?? 0;
    const [first, second] = own.hits.slice(0, CONTEXT_CANDIDATES).sort((a, b) => contextScore(b.item) - contextScore(a.item));
    if (!first || (second && contextScore(second.item) >= contextScore(first.item) * this.options.closeRatio)) return { decision: alone, search: own };
    const hits = [first, ...own.hits.filter((hit) => hit !== first)];
    const decision: AnsweredDecision = { ...alone, item: first.item, score: first.score, close: false, hits, seeAlso: this.seeAlso(hits, first), unlisted: this.named.unlisted(first.item, original) };
    return { decision, search: own };
  }

  /** Other items scoring close enough to the cited one to be worth a look. */
  private seeAlso(hits: Hit[], cited: Hit): KnowledgeItem[] {
    return hits
      .filter((hit) => hit !== cited && hit.score >= cited.score * this.options.seeAlsoRatio)
      .slice(0, this.options.maxSeeAlso)
      .map((hit) => hit.item);
  }

  /**
   * A clause that is a question word and at most two common words ("how fast", "how far back can they go",
   * 「どのくらい前まで」): it asks about what was asked before it. A clause naming something specific ("what is the
   * RPO") asks on its own, however short.
   */
  private isElliptical(clause: string, search: SearchOutcome): boolean {
    if (!/^(?:how|what|when|where|which|who|why|いつ|どこ|どれ|どの|何)/iu.test(clause.trim())) return false;
    return this.isVague(search, 2);
  }

  /** At most `most` topical words, none of them specific (a word found in only one or two items, such as RPO). */
  private isVague(search: SearchOutcome, most: number): boolean {
    const topical = [...topicalTerms(search)];
    const specific = Math.log(1 + this.knowledge.items.length) * SPECIFIC_TERM_SHARE;
    return topical.length <= most && topical.every((term) => (search.weights.get(term) ?? 0) < specific);
  }

  /**
   * A short follow-up such as 「メール？電話？」, "1 week?" or "like monthly?" narrows the question before it rather than
   * asking a new one: it joins that question. A follow-up marked as a further question ("also…", 「あと…」) or naming
   * something specific ("What is the RTO?") stays apart.
   */
  private elaborationsMerged<T extends { text: string; original: string; additive: boolean }>(search: (text: string) => SearchOutcome, segments: T[]): T[] {
    const merged: T[] = [];
    for (const segment of segments) {
      const previous = merged[merged.length - 1];
      const outcome = previous && !segment.additive ? search(segment.text) : undefined;
      if (previous && outcome && this.isVague(outcome, this.options.elaborationTerms)) {
        merged[merged.length - 1] = joinClauses(previous, segment, previous);
      } else {
        merged.push(segment);
      }
    }
    return merged;
  }

  /**
   * "help", "?", "test", "can you help me": only meta words and stop words. People trying the bot out get the usage
   * help, not the pen-test item. Only a short prefix is read: a long message is not a greeting.
   */
  private isMetaMessage(text: string): boolean {
    const normalized = normalizeText(text.slice(0, 200)).trim();
    if (/^[?？]+$/u.test(normalized)) return true;
    return this.index.analyzer.onlyMetaWords(normalized);
  }

  /** A section or category name on its own ("データ管理", "Security", "可用性") lists its items. */
  private sectionNamed(text: string): Decision | undefined {
    return this.sections.get(trimEndChars(normalizeText(text), SECTION_NAME_TAIL).trim());
  }
}

const SECTION_NAME_TAIL = charSet('?？。.!！', true);

/** A question read with the one before it may cite one of this many of its own nearest items. */
const CONTEXT_CANDIDATES = 3;

/** An item answers a question read with its context when it matches at least this share of the question's own words. */
const OWN_SHARE = 0.5;

/** A term weighing at least this share of the highest weight names something specific (found in one or two items). */
const SPECIFIC_TERM_SHARE = 0.8;

/** The question's words that say what it is about (not everyday words such as "actually", たら). */
const topicalTerms = (search: SearchOutcome): Set<string> => new Set(search.terms.filter((term) => !search.everydayTerms.includes(term)));

/** The IDF-weighted share of the question's words that the cited item matched. */
function coverage(decision: AnsweredDecision | NoMatchDecision, search: SearchOutcome): number {
  if (decision.kind !== 'answered' || search.totalWeight === 0) return 0;
  const hit = search.hits.find((h) => h.item === decision.item);
  return (hit?.matchedTerms ?? []).reduce((sum, term) => sum + (search.weights.get(term) ?? 0), 0) / search.totalWeight;
}

const isKnownGap = (part: { decision: AnsweredDecision | NoMatchDecision }): boolean => part.decision.kind === 'no_match' && part.decision.reason === 'known_gap';

/** The item a decision cites, or for "not covered" the nearest one. */
const nearestNo = (decision: AnsweredDecision | NoMatchDecision): number | undefined => (decision.kind === 'answered' ? decision.item.no : decision.hits[0]?.item.no);

const citedNo = (decision: AnsweredDecision | NoMatchDecision): number | undefined => (decision.kind === 'answered' ? decision.item.no : undefined);

/** Matches the given names as whole words, possessive or not. */
const namePattern = (names: string[]): RegExp =>
  new RegExp(names.map((name) => (/^[A-Za-z]/.test(name) ? `\\b${name}(?:['’]s)?\\b` : `${name}(?:さん|様|社)?`)).join('|'), 'gu');

/**
 * Two items answer alike when either citation gives the same reply to the question: the same answer for the same
 * category (support hours for incidents and for general questions). A bare "Yes" (有) of two items is not that.
 */
const sameAnswer = (a: KnowledgeItem, b: KnowledgeItem): boolean => a.answer === b.answer && a.category === b.category && !BARE_STATUS.has(a.answer.trim());

/** Answers that only say yes, no or "not disclosed" (有, 無, 非公開): two items answering so are not the same answer. */
const BARE_STATUS = new Set(['有', '無', '非公開', 'あり', 'なし']);
