import type { Decision } from '../answer/decide.js';
import { citedItems } from '../answer/render-blocks.js';
import type { KnowledgeItem } from '../knowledge/load.js';

/** A questionnaire row's status: the chat decision, read for a person reviewing a file. */
export type RowStatus = 'answered' | 'close' | 'no_match' | 'multi';

export interface RowOutcome {
  status: RowStatus;
  /** The items whose answers fill the row (the top candidate for `close`); none for `no_match`. */
  cited: KnowledgeItem[];
  /** Other items a person should look at: the close runners-up, or the nearest items of a not-covered row. */
  others: KnowledgeItem[];
}

/**
 * The one place that maps the chat decision to a row status, so a new decision kind is one change here (the
 * compiler flags this switch when the Decision union grows).
 */
export function rowOutcome(decision: Decision): RowOutcome {
  switch (decision.kind) {
    case 'lookup':
    case 'section':
      return { status: 'answered', cited: citedItems(decision), others: [] };
    case 'answered':
      return decision.close ? { status: 'close', cited: citedItems(decision), others: decision.seeAlso } : { status: 'answered', cited: citedItems(decision), others: [] };
    case 'help': // a row of only meta words ("test") asks nothing the sheet answers
      return { status: 'no_match', cited: [], others: [] };
    case 'no_match':
      return { status: 'no_match', cited: [], others: decision.suggestions };
  }
}
