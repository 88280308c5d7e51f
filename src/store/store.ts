import { createHash, randomUUID } from 'node:crypto';
import { scrubSecrets } from '../logging/logger.js';
import { migrate } from './migrations.js';
import type { AnswerRecord, DisclosureRecord, FeedbackRecord, Proposal, StoreRecord } from './records.js';
import type { SqlDriver, SqlExecutor } from './sql.js';

/** Questions are cut to this length before storing: enough for any real question, bounded for a pasted essay. */
const MAX_QUESTION_CHARS = 2_000;

/**
 * The store: records, proposals, seen events and shared channels, over either engine. All SQL lives here, once, so
 * both engines run the same statements. Text people typed is scrubbed of tokens (the logger's redaction) first.
 */
export class Store {
  constructor(
    readonly db: SqlDriver,
    private readonly now: () => number = Date.now,
  ) {}

  get engine(): SqlDriver['engine'] {
    return this.db.engine;
  }

  migrate(): Promise<number[]> {
    return migrate(this.db, this.now);
  }

  /** Writes a batch of records in one transaction; picks and 👍 also propose "question → item" for review. */
  async write(records: readonly StoreRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const record of records) await insertRecord(tx, record);
    });
  }

  /** Proposals by status, newest first. */
  async proposals(status?: Proposal['status'], limit = 100): Promise<Proposal[]> {
    const { rows } = status
      ? await this.db.query<ProposalRow>('SELECT * FROM proposals WHERE status = $1 ORDER BY proposed_at DESC LIMIT $2', [status, limit])
      : await this.db.query<ProposalRow>('SELECT * FROM proposals ORDER BY proposed_at DESC LIMIT $1', [limit]);
    return rows.map(toProposal);
  }

  /** Records a maintainer's decision on a pending proposal. False when there is no such pending proposal. */
  async decide(id: string, status: 'approved' | 'rejected', by: string): Promise<boolean> {
    const { changes } = await this.db.query("UPDATE proposals SET status = $1, decided_at = $2, decided_by = $3 WHERE id = $4 AND status = 'pending'", [status, this.now(), by, id]);
    return changes > 0;
  }

  async proposal(id: string): Promise<Proposal | undefined> {
    const { rows } = await this.db.query<ProposalRow>('SELECT * FROM proposals WHERE id = $1', [id]);
    return rows[0] ? toProposal(rows[0]) : undefined;
  }

  /** Approved examples: the questions people confirmed for each item. */
  async approvedExamples(): Promise<Array<{ question: string; item: number }>> {
    const { rows } = await this.db.query<{ question: string; item_no: number }>("SELECT question, item_no FROM proposals WHERE status = 'approved' ORDER BY item_no, question");
    return rows.map((row) => ({ question: row.question, item: Number(row.item_no) }));
  }

  /**
   * Claims events for this process: the keys returned are those seen for the first time within `ttlMs` by any
   * process sharing the database; the others are repeats. One statement, so two replicas claiming the same key at
   * once cannot both win; several keys in one round trip, so a burst of events costs one query, not one each.
   */
  async claimEvents(keys: readonly string[], ttlMs: number): Promise<Set<string>> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return new Set();
    const now = this.now();
    const rows = unique.map((_, i) => `($${i + 3}, $1)`).join(', ');
    const { rows: won } = await this.db.query<{ event_key: string }>(
      `INSERT INTO seen_events (event_key, at) VALUES ${rows} ON CONFLICT (event_key) DO UPDATE SET at = excluded.at WHERE seen_events.at < $2 RETURNING event_key`,
      [now, now - ttlMs, ...unique],
    );
    return new Set(won.map((row) => row.event_key));
  }

  async markShared(channel: string): Promise<void> {
    await this.db.query('INSERT INTO shared_channels (channel, at) VALUES ($1, $2) ON CONFLICT (channel) DO NOTHING', [channel, this.now()]);
  }

  async sharedChannels(): Promise<string[]> {
    const { rows } = await this.db.query<{ channel: string }>('SELECT channel FROM shared_channels');
    return rows.map((row) => row.channel);
  }

  /** Deletes records older than `retentionDays` (questions included) and seen events older than `eventTtlMs`. */
  async purge(retentionDays: number, eventTtlMs: number): Promise<number> {
    const before = this.now() - retentionDays * 86_400_000;
    let deleted = 0;
    for (const table of RECORD_TABLES) deleted += (await this.db.query(`DELETE FROM ${table} WHERE at < $1`, [before])).changes;
    await this.db.query('DELETE FROM seen_events WHERE at < $1', [this.now() - eventTtlMs]);
    return deleted;
  }

  /** Rows for the report, since a time (epoch ms). */
  async answersSince(since: number): Promise<Array<{ question: string; status: string; reason: string | null; items: number[]; at: number }>> {
    const { rows } = await this.db.query<{ question: string; status: string; reason: string | null; items: string; at: number }>('SELECT question, status, reason, items, at FROM answers WHERE at >= $1', [since]);
    return rows.map((row) => ({ ...row, at: Number(row.at), items: parseItems(row.items) }));
  }

  async feedbackSince(since: number): Promise<Array<{ step: string; vote: string | null; reason: string | null; comment: string | null; items: number[]; question: string | null }>> {
    const { rows } = await this.db.query<{ step: string; vote: string | null; reason: string | null; comment: string | null; items: string; question: string | null }>(
      'SELECT step, vote, reason, comment, items, question FROM feedback WHERE at >= $1',
      [since],
    );
    return rows.map((row) => ({ ...row, items: parseItems(row.items) }));
  }

  async disclosuresSince(since: number): Promise<Array<{ action: string; channel: string | null; external: string; items: number[]; sheet_version: string; at: number }>> {
    const { rows } = await this.db.query<{ action: string; channel: string | null; external: string; items: string; sheet_version: string; at: number }>(
      'SELECT action, channel, external, items, sheet_version, at FROM disclosures WHERE at >= $1 ORDER BY at',
      [since],
    );
    return rows.map((row) => ({ ...row, at: Number(row.at), items: parseItems(row.items) }));
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

const RECORD_TABLES = ['answers', 'feedback', 'picks', 'disclosures'] as const;

/** Characters that end a question without changing it. */
const TRAILING = new Set([' ', '?', '？', '。', '.', '!', '！']);

/**
 * The form of a question two proposals are compared by: case, width and spacing folded, closing punctuation dropped
 * (by a scan, not a trailing-run regex, which is quadratic on long runs).
 */
export function normalizedQuestion(question: string): string {
  const folded = question.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
  let end = folded.length;
  while (end > 0 && TRAILING.has(folded[end - 1]!)) end--;
  return folded.slice(0, end).trim();
}

/** Stored text: tokens scrubbed, length bounded. */
const clean = (text: string | undefined): string | null => (text === undefined ? null : scrubSecrets(text).slice(0, MAX_QUESTION_CHARS));
const parseItems = (text: string): number[] => {
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.filter((n): n is number => typeof n === 'number') : [];
  } catch {
    return [];
  }
};

async function insertRecord(tx: SqlExecutor, record: StoreRecord): Promise<void> {
  const id = randomUUID();
  const where = [record.sheetVersion, record.team ?? null, record.channel ?? null, record.user ?? null] as const;
  switch (record.type) {
    case 'answer':
      return void (await insertAnswer(tx, id, record, where));
    case 'feedback':
      await insertFeedback(tx, id, record, where);
      if (record.step === 'vote' && record.vote === 'up' && record.question && record.items.length === 1) await propose(tx, record.question, record.items[0]!, 'thumbs_up', record);
      return;
    case 'pick':
      await tx.query('INSERT INTO picks (id, at, question, item_no, sheet_version, team, channel, user_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        id,
        record.at,
        clean(record.question),
        record.item,
        ...where,
      ]);
      return propose(tx, record.question, record.item, 'pick', record);
    case 'disclosure':
      return void (await insertDisclosure(tx, id, record, where));
  }
}

type WhereValues = readonly [string, string | null, string | null, string | null];

const insertAnswer = (tx: SqlExecutor, id: string, r: AnswerRecord, where: WhereValues) =>
  tx.query(
    'INSERT INTO answers (id, at, question, status, kind, reason, items, sheet_version, team, channel, user_id, surface, latency_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)',
    [id, r.at, clean(r.question), r.status, r.kind, r.reason ?? null, JSON.stringify(r.items), ...where, r.surface, r.latencyMs],
  );

const insertFeedback = (tx: SqlExecutor, id: string, r: FeedbackRecord, where: WhereValues) =>
  tx.query(
    'INSERT INTO feedback (id, at, step, vote, reason, comment, question, reply_kind, items, sheet_version, team, channel, user_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)',
    [id, r.at, r.step, r.vote, clean(r.reason), clean(r.comment), clean(r.question), r.replyKind ?? null, JSON.stringify(r.items), ...where],
  );

const insertDisclosure = (tx: SqlExecutor, id: string, r: DisclosureRecord, where: WhereValues) =>
  tx.query('INSERT INTO disclosures (id, at, action, items, sheet_version, team, channel, user_id, external, question) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
    id,
    r.at,
    r.action,
    JSON.stringify(r.items),
    ...where,
    r.external,
    clean(r.question),
  ]);

/**
 * Proposes "question → item" once: the same question (as normalized) for the same item is one proposal, whatever
 * its status, so a rejected example is not proposed again. The ID is derived from both, so every replica agrees.
 */
async function propose(tx: SqlExecutor, question: string, item: number, source: Proposal['source'], by: { at: number; user?: string | undefined }): Promise<void> {
  const text = clean(question)!.trim();
  const normalized = normalizedQuestion(text);
  if (!normalized) return;
  const id = createHash('sha256').update(`${normalized}\0${item}`).digest('hex').slice(0, 10);
  await tx.query(
    "INSERT INTO proposals (id, question, normalized, item_no, source, status, proposed_at, proposed_by) VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7) ON CONFLICT (normalized, item_no) DO NOTHING",
    [id, text, normalized, item, source, by.at, by.user ?? null],
  );
}

interface ProposalRow extends Record<string, unknown> {
  id: string;
  question: string;
  item_no: number;
  source: Proposal['source'];
  status: Proposal['status'];
  proposed_at: number;
  proposed_by: string | null;
  decided_at: number | null;
  decided_by: string | null;
}

const toProposal = (row: ProposalRow): Proposal => ({
  id: row.id,
  question: row.question,
  item: Number(row.item_no),
  source: row.source,
  status: row.status,
  proposedAt: Number(row.proposed_at),
  ...(row.proposed_by ? { proposedBy: row.proposed_by } : {}),
  ...(row.decided_at !== null ? { decidedAt: Number(row.decided_at) } : {}),
  ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
});

