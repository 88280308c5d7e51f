import type { AnswerJson } from '../answer/json.js';
import type { LabelledQuestion } from './labelled-set.js';

export interface Tally {
  inScope: number;
  top1: number;
  top3: number;
  outOfScope: number;
  refused: number;
}

export interface Scored {
  question: LabelledQuestion;
  result: AnswerJson;
  /** In scope: answered and the cited item is expected. Out of scope: answered no_match. */
  correct: boolean;
  top3: boolean;
}

/**
 * Top-1 counts an in-scope question only when it is *answered* with an expected item cited first; top-3 counts it
 * when an expected item is among the first three matches (answered or suggested). An out-of-scope question counts
 * as refused when its status is `no_match`.
 */
export function scoreOne(question: LabelledQuestion, result: AnswerJson): Scored {
  if (question.expected.length === 0) return { question, result, correct: result.status === 'no_match', top3: result.status === 'no_match' };
  const numbers = result.matches.map((match) => match.no);
  const correct = result.status === 'answered' && question.expected.includes(numbers[0] ?? -1);
  const top3 = numbers.slice(0, 3).some((no) => question.expected.includes(no));
  return { question, result, correct, top3 };
}

export function tally(scored: Scored[]): Tally {
  const t: Tally = { inScope: 0, top1: 0, top3: 0, outOfScope: 0, refused: 0 };
  for (const s of scored) {
    if (s.question.expected.length === 0) {
      t.outOfScope++;
      if (s.correct) t.refused++;
    } else {
      t.inScope++;
      if (s.correct) t.top1++;
      if (s.top3) t.top3++;
    }
  }
  return t;
}

export const percent = (part: number, whole: number): string => (whole === 0 ? '  n/a' : `${((100 * part) / whole).toFixed(1)}%`);
