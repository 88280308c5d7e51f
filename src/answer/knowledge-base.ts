import type { Knowledge } from '../knowledge/load.js';
import { Answerer, type Answer } from './decide.js';

/**
 * The knowledge currently served, with its answerer. `swap` replaces both at once (one assignment), so an answer is
 * always computed against one consistent version, even while a reload happens.
 */
export class KnowledgeBase {
  private current: { knowledge: Knowledge; answerer: Answerer };

  constructor(knowledge: Knowledge) {
    this.current = { knowledge, answerer: new Answerer(knowledge) };
  }

  get knowledge(): Knowledge {
    return this.current.knowledge;
  }

  answer(question: string): { answer: Answer; knowledge: Knowledge } {
    const { knowledge, answerer } = this.current;
    return { answer: answerer.answer(question), knowledge };
  }

  /** Builds the new answerer first (the slow part), then switches. */
  swap(knowledge: Knowledge): void {
    const answerer = new Answerer(knowledge);
    this.current = { knowledge, answerer };
  }
}
