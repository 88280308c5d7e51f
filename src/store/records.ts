/** What the store keeps. Every record carries who asked where and which version of the sheet was served. */

/** Where a question or click came from: mention, dm, command, share, show, shortcut, home… (the Slack adapter's names). */
export type Surface = string;

interface Where {
  at: number;
  sheetVersion: string;
  team?: string | undefined;
  channel?: string | undefined;
  user?: string | undefined;
}

/** Every answer given: the question, its status and the items it cited. */
export interface AnswerRecord extends Where {
  type: 'answer';
  question: string;
  status: 'answered' | 'no_match' | 'help';
  kind: string;
  /** Why a no_match: known_gap, no_content (a greeting, no question), unknown_item… */
  reason?: string | undefined;
  items: number[];
  surface: Surface;
  latencyMs: number;
}

/**
 * Feedback on a reply, one record per step: the 👍/👎 `vote`, then after a 👎 the `reason` chosen, and for "other" an
 * optional `comment`. `items` are those the reply cited (none for a picker or "not covered").
 */
export interface FeedbackRecord extends Where {
  type: 'feedback';
  step: 'vote' | 'reason' | 'comment';
  /** A reason or comment follows a 👎, so its vote is `down`. */
  vote: 'up' | 'down';
  reason?: string | undefined;
  comment?: string | undefined;
  question?: string | undefined;
  /** The kind of reply judged (answered, lookup, picker, no_match…). */
  replyKind?: string | undefined;
  items: number[];
}

/** A person chose one item from the bot's picker for their question. */
export interface PickRecord extends Where {
  type: 'pick';
  question: string;
  item: number;
}

/**
 * The disclosure ledger: what was handed on, and to where. `copy` is "Copy for customer" (text a person may paste
 * anywhere); `share` is an answer posted visibly in a channel. `external` says whether the channel is shared with
 * another organisation (Slack Connect) as far as the bot knew.
 */
export interface DisclosureRecord extends Where {
  type: 'disclosure';
  action: 'copy' | 'share';
  items: number[];
  external: 'yes' | 'no' | 'unknown';
  question?: string | undefined;
}

export type StoreRecord = AnswerRecord | FeedbackRecord | PickRecord | DisclosureRecord;

/** A learned example waiting for (or past) a maintainer's decision: "this question is about this item". */
export interface Proposal {
  id: string;
  question: string;
  item: number;
  source: 'pick' | 'thumbs_up';
  status: 'pending' | 'approved' | 'rejected';
  proposedAt: number;
  proposedBy?: string | undefined;
  decidedAt?: number | undefined;
  decidedBy?: string | undefined;
}
