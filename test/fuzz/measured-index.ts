import { ChecklistIndex, type QueryWord } from '../../src/search/index.js';

/**
 * The real index, recording the longest question text it was asked to read (`contentWords`, which every search
 * starts with, also through `search`): the fuzz tests' measure of work.
 */
export class MeasuredIndex extends ChecklistIndex {
  longest = 0;
  override contentWords(question: string): QueryWord[] {
    this.longest = Math.max(this.longest, question.length);
    return super.contentWords(question);
  }
}
