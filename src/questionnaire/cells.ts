import type { Knowledge, KnowledgeItem } from '../knowledge/load.js';
import { citation } from '../render/text.js';
import type { Decision } from '../answer/decide.js';
import type { RowStatus } from './status.js';

/** Which answer columns a filled file gets: `both` (default) adds the Japanese cell and the English translation. */
export type FillLanguage = 'ja' | 'en' | 'both';

/** One question row, answered. */
export interface FilledRow {
  /** Worksheet name; null for CSV and text. */
  sheet: string | null;
  /** 1-based Excel row, or 1-based line of a CSV/text file. */
  row: number;
  question: string;
  status: RowStatus;
  cited: KnowledgeItem[];
  others: KnowledgeItem[];
  decision: Decision;
}

/** Every user-facing string of a filled file, in one place. */
export const FILLED_TEXT = {
  headers: {
    itemNo: 'Item No.',
    answerJa: 'Answer (Japanese: check sheet verbatim)',
    answerEn: 'Answer (English: reviewed translation)',
    status: 'Status',
    itemName: 'Item name',
  },
  status: { answered: 'answered', close: 'check: close items', no_match: 'not covered', multi: 'multi-part' } satisfies Record<RowStatus, string>,
  englishStale: 'English translation awaiting review',
  candidates: 'candidates (a person picks one)',
  notStated: 'the answer does not state',
  nearest: 'nearest items (not answers)',
  outsideSheet: 'outside the sheet',
  summarySheet: 'Summary',
  pastedSheet: 'Questions',
  pastedHeaders: ['Line', 'Question'],
} as const;

type ColumnKey = keyof typeof FILLED_TEXT.headers;

/** The columns added to a filled file, in order. */
export function addedColumns(lang: FillLanguage): ColumnKey[] {
  return ['itemNo', ...(lang === 'en' ? [] : (['answerJa'] as const)), ...(lang === 'ja' ? [] : (['answerEn'] as const)), 'status', 'itemName'];
}

export const addedHeaders = (lang: FillLanguage): string[] => addedColumns(lang).map((key) => FILLED_TEXT.headers[key]);

/** Column widths (Excel characters) of the added columns. */
export const addedWidths = (lang: FillLanguage): number[] => addedColumns(lang).map((key) => ({ itemNo: 10, answerJa: 50, answerEn: 50, status: 22, itemName: 40 })[key]);

/** One answer per cited item; with several, each line names its item. Values are the sheet cell or the reviewed translation. */
const answers = (items: KnowledgeItem[], value: (item: KnowledgeItem) => string): string =>
  items.length === 1 ? value(items[0]!) : items.map((item) => `No.${item.no}: ${value(item)}`).join('\n');

/** Some cited item's answer has no current reviewed English (missing, or the sheet changed since review). */
const stale = (items: KnowledgeItem[]): boolean => items.some((item) => item.english.answer === undefined);

/** The added cells of one row, aligned with `addedColumns(lang)`. */
export function addedCells(row: FilledRow, lang: FillLanguage): string[] {
  const nameLang = lang === 'en' ? 'en' : 'ja';
  const english = lang !== 'ja';
  const cite = (items: KnowledgeItem[]): string => items.map((item) => citation(item, nameLang)).join(' / ');
  const status = [statusLabel(row), english && row.cited.length > 0 && stale(row.cited) ? FILLED_TEXT.englishStale : ''].filter(Boolean).join('; ');
  let itemName = row.cited.map((item) => citation(item, nameLang)).join('\n');
  if (row.status === 'close') itemName = `${FILLED_TEXT.candidates}: ${cite(row.others)}`;
  if (row.status === 'multi' && row.decision.kind === 'multi') {
    itemName = row.decision.parts
      .map(({ question, decision }) => {
        const outcome = decision.kind === 'no_match' ? FILLED_TEXT.status.no_match : decision.close ? `${FILLED_TEXT.status.close}: ${cite([decision.item, ...decision.seeAlso])}` : cite([decision.item]);
        return `${question} → ${outcome}`;
      })
      .join('\n');
  }
  if (row.status === 'no_match') {
    const gap = row.decision.kind === 'no_match' && row.decision.reason === 'known_gap' ? `${FILLED_TEXT.outsideSheet}: ${row.decision.detail ?? ''}` : '';
    const nearest = row.others.length > 0 ? `${FILLED_TEXT.nearest}: ${cite(row.others)}` : '';
    itemName = [gap, nearest].filter(Boolean).join('\n');
  }
  const values: Record<ColumnKey, string> = {
    itemNo: row.cited.map((item) => String(item.no)).join(', '),
    answerJa: row.cited.length > 0 ? answers(row.cited, (item) => item.answer) : '',
    // Empty, not the Japanese, when a translation is missing or stale: the Status says so.
    answerEn: row.cited.length > 0 && !stale(row.cited) ? answers(row.cited, (item) => item.english.answer!) : '',
    status,
    itemName,
  };
  return addedColumns(lang).map((key) => values[key]);
}

/** Counts per status. */
export function countStatuses(rows: FilledRow[]): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { answered: 0, close: 0, no_match: 0, multi: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

/** `answered`, `check: close items`…, with what the answer does not state when the question names something. */
export function statusLabel(row: FilledRow): string {
  const unlisted = unlistedOf(row.decision);
  return FILLED_TEXT.status[row.status] + (unlisted.length > 0 ? `; ${FILLED_TEXT.notStated}: ${unlisted.join(', ')}` : '');
}

/** Named things (a standard, a version) the question asks about that the cited answers do not state. */
export function unlistedOf(decision: Decision): string[] {
  if (decision.kind === 'answered') return decision.unlisted;
  if (decision.kind === 'multi') return decision.parts.flatMap((part) => (part.decision.kind === 'answered' ? part.decision.unlisted : []));
  return [];
}

/** The rows a person must look at before the file goes back to the customer: all but plain answers. */
export const needsPerson = (rows: FilledRow[]): FilledRow[] => rows.filter((row) => row.status !== 'answered' || unlistedOf(row.decision).length > 0);

/** The Summary sheet: the check sheet it came from, counts, and the rows that need a person. */
export function summaryRows(rows: FilledRow[], knowledge: Knowledge, lang: FillLanguage): string[][] {
  const counts = countStatuses(rows);
  const s = FILLED_TEXT.status;
  const out: string[][] = [
    ['Questionnaire filled from the security check sheet'],
    ['Answers are the check sheet’s own words (Japanese) or its reviewed English translation. A person reviews the rows below before the file is sent.'],
    [],
    ['Check sheet', knowledge.title],
    ['Company', knowledge.company],
    ['Date', knowledge.date],
    ['Version', knowledge.version],
    [],
    ['Question rows', String(rows.length)],
    [s.answered, String(counts.answered)],
    [s.close, String(counts.close)],
    [s.no_match, String(counts.no_match)],
    [s.multi, String(counts.multi)],
    [],
    ['Rows that need a person'],
    ['Sheet', 'Row', 'Question', 'Status', 'Items cited, candidates, or nearest items (not covered: these are not answers)'],
  ];
  const nameLang = lang === 'en' ? 'en' : 'ja';
  for (const row of needsPerson(rows)) {
    out.push([row.sheet ?? '', String(row.row), row.question, statusLabel(row), [...row.cited, ...row.others].map((item) => citation(item, nameLang)).join(' / ')]);
  }
  if (needsPerson(rows).length === 0) out.push(['(none)']);
  return out;
}

export const SUMMARY_WIDTHS = [22, 8, 60, 20, 60];
