import { citedItems, type Decision } from '../answer/decide.js';
import type { KnowledgeItem } from '../knowledge/load.js';

/** A questionnaire row's status: the chat decision, read for a person reviewing a file. */
export type RowStatus = 'answered' | 'close' | 'no_match' | 'multi';

export interface RowOutcome {
  status: RowStatus;
  /** The items whose answers fill the row, as the chat reply cites them: none for a picker (close) or not covered. */
  cited: KnowledgeItem[];
  /** Items a person should look at: the candidates of a close row, or the nearest items of a not-covered row. */
  others: KnowledgeItem[];
}

/**
 * The one place that maps the chat decision to a row status, so a new decision kind is one change here (the
 * compiler flags this switch when the Decision union grows). Cited items come from the core's `citedItems`, so a
 * row cites exactly what the chat reply would.
 */
export function rowOutcome(decision: Decision): RowOutcome {
  const cited = citedItems(decision);
  switch (decision.kind) {
    case 'lookup':
    case 'section':
      return { status: 'answered', cited, others: [] };
    case 'answered':
      // Two or more items fit about equally: chat asks the person to pick, so the file names the candidates and
      // writes no answer.
      return decision.close ? { status: 'close', cited, others: [decision.item, ...decision.seeAlso] } : { status: 'answered', cited, others: [] };
    case 'multi':
      return { status: 'multi', cited, others: decision.parts.flatMap((part) => (part.decision.kind === 'answered' && part.decision.close ? [part.decision.item, ...part.decision.seeAlso] : [])) };
    case 'help': // a row of only meta words ("test") asks nothing the sheet answers
      return { status: 'no_match', cited, others: [] };
    case 'no_match':
      return { status: 'no_match', cited, others: decision.suggestions };
  }
}
