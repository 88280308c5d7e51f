import type { Knowledge, KnowledgeItem } from '../knowledge/load.js';
import { Answerer, type Answer } from './decide.js';

/** How many recent answers are remembered. People ask the same few questions again and again. Default 2,000. */
export const DEFAULT_ANSWER_CACHE_SIZE = 2000;

/**
 * The knowledge currently served, with its answerer. `swap` replaces both at once (one assignment), so an answer is
 * always computed against one consistent version, even while a reload happens.
 *
 * Answers are a pure function of (knowledge version, question), so recent ones are kept in a small LRU cache that a
 * swap empties. Callers must treat answers as read-only (they do: the model layer builds new objects).
 */
export class KnowledgeBase {
  private current: { knowledge: Knowledge; answerer: Answerer; cache: Map<string, Answer> };

  constructor(
    knowledge: Knowledge,
    private readonly cacheSize = DEFAULT_ANSWER_CACHE_SIZE,
  ) {
    this.current = { knowledge, answerer: new Answerer(knowledge), cache: new Map() };
  }

  get knowledge(): Knowledge {
    return this.current.knowledge;
  }

  answer(question: string): { answer: Answer; knowledge: Knowledge } {
    const { knowledge, answerer, cache } = this.current;
    const cached = cache.get(question);
    if (cached) {
      cache.delete(question); // re-insert: Map order is the LRU order
      cache.set(question, cached);
      return { answer: cached, knowledge };
    }
    const answer = answerer.answer(question);
    if (this.cacheSize > 0 && question.length <= 2000) {
      cache.set(question, answer);
      if (cache.size > this.cacheSize) cache.delete(cache.keys().next().value!);
    }
    return { answer, knowledge };
  }

  /** What the question names that the item's answer does not state (see claims.ts), for answers chosen elsewhere. */
  unlisted(item: KnowledgeItem, question: string): string[] {
    return this.current.answerer.named.unlisted(item, question);
  }

  /**
   * Answers a few typical questions of every kind without caching them, so the first real questions after start-up
   * do not pay for just-in-time compilation (the first burst was measured at seconds under load without this).
   */
  warmUp(rounds = 20): void {
    const questions = ["what's our RPO?", 'do we encrypt data at rest?', 'No.29', '28-32', 'データ管理', 'バックアップの保存期間は？', 'Do you support SAML SSO?', 'recovery pont objective', 'help', 'thanks!'];
    const { answerer } = this.current;
    for (let i = 0; i < rounds; i++) for (const question of questions) answerer.answer(`${question}${i % 2 ? ' ' : ''}`);
  }

  /** Builds the new answerer first (the slow part), then switches, with an empty cache. */
  swap(knowledge: Knowledge): void {
    const answerer = new Answerer(knowledge);
    this.current = { knowledge, answerer, cache: new Map() };
  }
}
