import type { AnswerJson } from '../answer/json.js';
import type { LabelledQuestion } from './labelled-set.js';

/**
 * How a reply is scored (../shared/eval/README.md). `cited` is what the reply answers with, best first.
 * - An in-scope question (not `multi`): a hit when it is answered and its first cited item is expected; **wrong** when
 *   it is answered with another item first (the worst outcome: a confident wrong citation); otherwise a miss.
 * - A `multi` question: a hit when every expected item is cited; wrong when it is answered citing none of them.
 * - An out-of-scope question (expected `-`): correct when the reply is `no_match`; any answer is a false answer.
 * Top-3 counts an expected item among the first three matches (answered or suggested).
 */
export type Outcome = 'hit' | 'wrong' | 'miss' | 'refused' | 'false_answer';

export interface Scored {
  question: LabelledQuestion;
  result: AnswerJson;
  outcome: Outcome;
  /** Shorthand: a hit, or a correct refusal. */
  correct: boolean;
  top3: boolean;
}

export function scoreOne(question: LabelledQuestion, result: AnswerJson): Scored {
  const answered = result.status === 'answered' && result.cited.length > 0; // a picker (`close`) answers nothing
  let outcome: Outcome;
  if (question.expected.length === 0) {
    outcome = result.status === 'no_match' ? 'refused' : 'false_answer';
  } else if (question.kind === 'multi') {
    const all = question.expected.every((no) => result.cited.includes(no));
    outcome = all ? 'hit' : answered && !result.cited.some((no) => question.expected.includes(no)) ? 'wrong' : 'miss';
  } else {
    outcome = !answered ? 'miss' : question.expected.includes(result.cited[0]!) ? 'hit' : 'wrong';
  }
  const numbers = [...result.cited, ...result.matches.map((match) => match.no)];
  const top3 = question.expected.length === 0 ? outcome === 'refused' : [...new Set(numbers)].slice(0, 3).some((no) => question.expected.includes(no));
  return { question, result, outcome, correct: outcome === 'hit' || outcome === 'refused', top3 };
}

export interface Tally {
  /** In-scope questions, multi-part ones included. */
  inScope: number;
  top1: number;
  top3: number;
  wrong: number;
  /** Multi-part questions, and those answered citing every expected item. */
  multi: number;
  multiAll: number;
  outOfScope: number;
  refused: number;
}

export function tally(scored: Scored[]): Tally {
  const t: Tally = { inScope: 0, top1: 0, top3: 0, wrong: 0, multi: 0, multiAll: 0, outOfScope: 0, refused: 0 };
  for (const s of scored) {
    if (s.question.expected.length === 0) {
      t.outOfScope++;
      if (s.outcome === 'refused') t.refused++;
      continue;
    }
    t.inScope++;
    if (s.outcome === 'hit') t.top1++;
    if (s.outcome === 'wrong') t.wrong++;
    if (s.top3) t.top3++;
    if (s.question.kind === 'multi') {
      t.multi++;
      if (s.outcome === 'hit') t.multiAll++;
    }
  }
  return t;
}

export const percent = (part: number, whole: number): string => (whole === 0 ? '  n/a' : `${((100 * part) / whole).toFixed(1)}%`);

/** The table `npm run eval` prints: one row per group (a language, a kind, or all). */
export const TABLE_HEADER = 'set                   group      in-scope  top-1    top-3    wrong    multi-all    out  refused';

export function tableRow(set: string, group: string, t: Tally): string {
  const multi = t.multi === 0 ? '      -' : `${t.multiAll}/${t.multi}`.padStart(7);
  return [
    set.padEnd(21),
    group.padEnd(10),
    String(t.inScope).padStart(8),
    percent(t.top1, t.inScope).padStart(7),
    percent(t.top3, t.inScope).padStart(8),
    percent(t.wrong, t.inScope).padStart(8),
    multi.padStart(12),
    String(t.outOfScope).padStart(6),
    percent(t.refused, t.outOfScope).padStart(8),
  ].join(' ');
}
