import type { ButtonValue, FeedbackReason } from '../render/blocks.js';
import type { SlackDeps } from './deps.js';

/** One judgement of a reply: a 👍/👎 vote, or the reason (and optional comment) given after a 👎. */
export interface FeedbackRecord {
  /** What was clicked or submitted: the vote, a reason button, or the "other" modal. */
  step: 'vote' | 'reason' | 'comment';
  value: ButtonValue;
  comment?: string;
  team?: string | undefined;
  channel?: string | undefined;
  user: string;
}

/** The reply kinds that answer with items; for the others (picker, not covered) the items were only offered. */
const ANSWERING_KINDS = new Set(['answered', 'lookup', 'section', 'multi']);

/**
 * Writes one structured log record per feedback: the question, the items the reply cited (or offered), the kind of
 * reply, the sheet version it was made from, the vote or reason, and who gave it where. The one place feedback is
 * recorded, so a store can be hooked in here.
 */
export function recordFeedback(deps: SlackDeps, record: FeedbackRecord): void {
  const { value } = record;
  const items = value.items ?? [];
  const answering = value.k === undefined || ANSWERING_KINDS.has(value.k);
  deps.logger.info(
    {
      event: 'feedback',
      step: record.step,
      ...(value.vote ? { vote: value.vote } : {}),
      ...(value.reason ? { reason: value.reason satisfies FeedbackReason } : {}),
      ...(record.comment ? { comment: record.comment } : {}),
      question: value.q,
      kind: value.k,
      cited: answering ? items : [],
      ...(answering ? {} : { offered: items }),
      sheetVersion: value.v ?? deps.base.knowledge.version,
      team: record.team,
      channel: record.channel,
      user: record.user,
    },
    'feedback on an answer',
  );
}
