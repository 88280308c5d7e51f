import type { Knowledge } from '../knowledge/load.js';
import { Analyzer } from '../search/tokenize.js';
import type { Store } from './store.js';

/** What `npm run report` and `/checklist report` show. */
export interface Report {
  since: string;
  until: string;
  answers: { total: number; answered: number; unanswered: number };
  /**
   * No-match questions, near-duplicates grouped, most frequent first. `question` is the group's most common wording.
   * Messages with no question in them (greetings, thanks: reason no_content) are left out.
   */
  unanswered: Array<{ question: string; count: number; variants: string[] }>;
  /** 👍/👎 per item; `reasons` are the 👎 reasons given, most frequent first; `comments` what people wrote (at most 5). */
  feedback: Array<{ item: number; name: string; up: number; down: number; reasons: Array<{ reason: string; count: number }>; comments: string[] }>;
  mostAsked: Array<{ item: number; name: string; count: number }>;
  /** The disclosure ledger per channel: copies and shares, which items, which sheet versions, externally shared or not. */
  disclosures: Array<{ channel: string; external: string; copies: number; shares: number; items: number[]; sheetVersions: string[]; last: string }>;
  /** Items whose reviewed English no longer matches the sheet (or that have none): English askers get Japanese only. */
  staleTranslations: Array<{ item: number; name: string; status: 'stale' | 'missing' }>;
}

/** Two unanswered questions are one group when their content words overlap this much (Jaccard). */
const NEAR_DUPLICATE = 0.6;
const TOP = 20;
/** The decision's reason for a message with no content words: a greeting or thanks, not a question the sheet misses. */
const NO_QUESTION = 'no_content';

export async function buildReport(store: Store, knowledge: Knowledge, since: number, now = Date.now()): Promise<Report> {
  const [answers, feedback, disclosures] = await Promise.all([store.answersSince(since), store.feedbackSince(since), store.disclosuresSince(since)]);
  const nameOf = (no: number): string => knowledge.byNo.get(no)?.name ?? `(item ${no} is not on the current sheet)`;

  const asked = new Map<number, number>();
  for (const answer of answers) if (answer.status === 'answered') for (const no of answer.items) asked.set(no, (asked.get(no) ?? 0) + 1);

  const byItem = new Map<number, { up: number; down: number; reasons: Map<string, number>; comments: string[] }>();
  for (const row of feedback) {
    for (const no of row.items) {
      const entry = byItem.get(no) ?? { up: 0, down: 0, reasons: new Map<string, number>(), comments: [] as string[] };
      if (row.step === 'vote' && row.vote === 'up') entry.up++;
      else if (row.step === 'vote') entry.down++;
      else if (row.step === 'reason' && row.reason) entry.reasons.set(row.reason, (entry.reasons.get(row.reason) ?? 0) + 1);
      else if (row.step === 'comment' && row.comment && entry.comments.length < 5) entry.comments.push(row.comment);
      byItem.set(no, entry);
    }
  }

  const ledger = new Map<string, Report['disclosures'][number]>();
  for (const row of disclosures) {
    const channel = row.channel ?? '(unknown channel)';
    const entry = ledger.get(channel) ?? { channel, external: row.external, copies: 0, shares: 0, items: [], sheetVersions: [], last: '' };
    if (row.action === 'copy') entry.copies++;
    else entry.shares++;
    // Externally shared as soon as any record says so.
    if (row.external === 'yes' || (row.external === 'unknown' && entry.external === 'no')) entry.external = row.external;
    entry.items = [...new Set([...entry.items, ...row.items])].sort((a, b) => a - b);
    if (!entry.sheetVersions.includes(row.sheet_version)) entry.sheetVersions.push(row.sheet_version);
    entry.last = new Date(row.at).toISOString();
    ledger.set(channel, entry);
  }

  return {
    since: new Date(since).toISOString(),
    until: new Date(now).toISOString(),
    answers: { total: answers.length, answered: answers.filter((a) => a.status === 'answered').length, unanswered: answers.filter((a) => a.status === 'no_match').length },
    unanswered: groupNearDuplicates(
      answers.filter((a) => a.status === 'no_match' && a.reason !== NO_QUESTION).map((a) => a.question),
      new Analyzer(knowledge.vocabulary),
    ).slice(0, TOP),
    feedback: [...byItem]
      .map(([item, entry]) => ({
        item,
        name: nameOf(item),
        up: entry.up,
        down: entry.down,
        reasons: [...entry.reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
        comments: entry.comments,
      }))
      .sort((a, b) => b.down - a.down || b.up - a.up || a.item - b.item),
    mostAsked: [...asked].map(([item, count]) => ({ item, name: nameOf(item), count })).sort((a, b) => b.count - a.count || a.item - b.item).slice(0, TOP),
    disclosures: [...ledger.values()].sort((a, b) => b.copies + b.shares - (a.copies + a.shares)),
    staleTranslations: knowledge.items.filter((item) => item.translationStatus !== 'reviewed').map((item) => ({ item: item.no, name: item.name, status: item.translationStatus as 'stale' | 'missing' })),
  };
}

/**
 * Groups questions that ask the same thing in slightly different words: the same content words (after stemming,
 * stop words and case), or an overlap of at least NEAR_DUPLICATE. Largest groups first.
 */
export function groupNearDuplicates(questions: string[], analyzer: Analyzer): Report['unanswered'] {
  const exact = new Map<string, { terms: Set<string>; wordings: Map<string, number> }>();
  for (const question of questions) {
    const terms = new Set(analyzer.analyze(question));
    const key = terms.size > 0 ? [...terms].sort().join(' ') : question.trim().toLowerCase();
    const group = exact.get(key) ?? { terms, wordings: new Map() };
    group.wordings.set(question, (group.wordings.get(question) ?? 0) + 1);
    exact.set(key, group);
  }
  const total = (g: { wordings: Map<string, number> }) => [...g.wordings.values()].reduce((a, b) => a + b, 0);
  const groups = [...exact.values()].sort((a, b) => total(b) - total(a));
  const merged: typeof groups = [];
  for (const group of groups) {
    const home = merged.find((m) => jaccard(m.terms, group.terms) >= NEAR_DUPLICATE);
    if (!home) {
      merged.push({ terms: new Set(group.terms), wordings: new Map(group.wordings) });
      continue;
    }
    for (const [wording, count] of group.wordings) home.wordings.set(wording, (home.wordings.get(wording) ?? 0) + count);
  }
  return merged
    .map((group) => {
      const wordings = [...group.wordings].sort((a, b) => b[1] - a[1]);
      return { question: wordings[0]![0], count: total(group), variants: wordings.slice(1, 6).map(([wording]) => wording) };
    })
    .sort((a, b) => b.count - a.count);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The report as plain text for a terminal or a Slack message. */
export function renderReport(report: Report): string {
  const lines = [`Checklist bot report, ${report.since.slice(0, 10)} to ${report.until.slice(0, 10)}`, `${report.answers.total} questions: ${report.answers.answered} answered, ${report.answers.unanswered} not covered`, ''];
  const list = <T>(title: string, rows: T[], line: (row: T) => string) => lines.push(title, ...(rows.length ? rows.map(line) : ['  (none)']), '');
  list('Most frequent unanswered questions:', report.unanswered, (u) => `  ${u.count}× ${u.question}${u.variants.length ? `  (also: ${u.variants.join(' | ')})` : ''}`);
  list(
    '👎 by item and reason:',
    report.feedback.filter((f) => f.down > 0),
    (f) => `  No.${f.item} ${f.name}: ${f.down} 👎, ${f.up} 👍${f.reasons.length ? ` — ${f.reasons.map((r) => `${r.reason} (${r.count})`).join('; ')}` : ''}${f.comments.length ? ` — “${f.comments.join('”, “')}”` : ''}`,
  );
  list('Most asked items:', report.mostAsked, (m) => `  ${m.count}× No.${m.item} ${m.name}`);
  list('Disclosures by channel:', report.disclosures, (d) => `  ${d.channel}${d.external === 'yes' ? ' (shared with another organisation)' : d.external === 'unknown' ? ' (shared: unknown)' : ''}: ${d.copies} copied, ${d.shares} shared; items ${d.items.join(', ')}; sheet ${d.sheetVersions.join(', ')}; last ${d.last}`);
  list('Items whose English translation is stale or missing:', report.staleTranslations, (s) => `  No.${s.item} ${s.name} (${s.status})`);
  return lines.join('\n').trimEnd();
}

/** `30d`, `12h`, `2w` → milliseconds; undefined when not understood. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)\s*([hdw])$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * { h: 3_600_000, d: 86_400_000, w: 604_800_000 }[match[2] as 'h' | 'd' | 'w'];
}
