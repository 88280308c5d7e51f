import type { KnowledgeBase } from '../answer/knowledge-base.js';
import { withLearnedPhrasings, type LearnedExample } from '../knowledge/learned.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from './store.js';

/**
 * Approved examples in the served index. The sheet as loaded (without examples) is kept, so a sheet reload and a new
 * approval both rebuild from it: `apply` on reload, `refresh` after an approval here or elsewhere (another replica,
 * `npm run learn`), which is picked up by the periodic refresh.
 */
export class Learning {
  private sheet: Knowledge;
  private examples: LearnedExample[] = [];
  private fingerprint = '[]';

  constructor(
    private readonly store: Store,
    private readonly base: KnowledgeBase,
    private readonly logger: Logger,
  ) {
    this.sheet = base.knowledge;
  }

  /** A newly loaded sheet (the reloader): served with the approved examples. */
  apply(knowledge: Knowledge): void {
    this.sheet = knowledge;
    this.base.swap(withLearnedPhrasings(knowledge, this.examples));
  }

  /** Reads the approved examples; rebuilds the index only when they changed. True when it rebuilt. */
  async refresh(): Promise<boolean> {
    const examples = await this.store.approvedExamples();
    const fingerprint = JSON.stringify(examples);
    if (fingerprint === this.fingerprint) return false;
    this.examples = examples;
    this.fingerprint = fingerprint;
    this.base.swap(withLearnedPhrasings(this.sheet, examples));
    this.logger.info({ event: 'learned_examples', count: examples.length, sheetVersion: this.sheet.version }, `serving ${examples.length} approved example(s)`);
    return true;
  }

  /** A maintainer's decision; an approval takes effect at once on this process. False when nothing was pending. */
  async decide(id: string, status: 'approved' | 'rejected', by: string): Promise<boolean> {
    const changed = await this.store.decide(id, status, by);
    if (changed) {
      this.logger.info({ event: 'proposal_decided', id, status, by }, `proposal ${id} ${status}`);
      if (status === 'approved') await this.refresh();
    }
    return changed;
  }
}
