import { ChecklistIndex, type SearchOutcome } from '../../src/search/index.js';

/** The real index, recording the longest question it was asked to search: the fuzz tests' measure of work. */
export class MeasuredIndex extends ChecklistIndex {
  longest = 0;
  override search(question: string): SearchOutcome {
    this.longest = Math.max(this.longest, question.length);
    return super.search(question);
  }
}
