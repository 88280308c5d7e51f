import { REFUSAL } from './errors.js';
import { cellText, columnNumber, inRange, type Table } from './table.js';

/** Where a table's questions are. Rows and columns are 1-based; `headerRow` is 0 when the table has no header. */
export interface Layout {
  headerRow: number;
  questionColumn: number;
  /** The customer's own answer column, when it has a Yes/No drop-down the bot may fill (see `yesNoOptions`). */
  answerColumn?: number;
  /** The rows holding a question, in order. */
  questionRows: number[];
}

/** What a person can force when detection guesses wrong (`--sheet`, `--header-row`, `--question-column`). */
export interface LayoutOverrides {
  sheet?: string;
  headerRow?: number;
  /** A letter (`C`) or a 1-based number (`3`). */
  questionColumn?: string;
}

/**
 * Header names of a question column (normalised: lower case, no spaces or punctuation). Headers that only contain
 * "question" (Question ID, Question No.) name an ID column and are excluded by ID_HEADER.
 */
const QUESTION_HEADERS = new Set([
  'question', 'questions', 'questiontext', 'controlquestion', 'controlquestions', 'questiondescription', 'securityquestion', 'assessmentquestion',
  '質問', '質問内容', '質問事項', '質問項目', '確認項目', '確認内容', '確認事項', '設問', '設問内容', 'チェック項目', 'チェック内容',
]);
/** Vaguer names, taken only when no row names a question column more clearly ("項目" is often the category). */
const WEAK_QUESTION_HEADERS = new Set(['item', 'requirement', 'controlrequirement', 'query', '要求事項', '要件', '項目', '内容']);
const QUESTION_WORD = /question|質問|設問|確認項目/;
/** An ID column's header (normalised, so "Question ID" is "questionid"), or a document title ("Security Questionnaire"). */
const ID_HEADER = /(?:id|no|num|number|nbr|ref|#|番号|項番)$|^(?:no|#|id)|questionnaire|アンケート/;
const ANSWER_HEADER = /answer|response|yes\/?no|回答|はい\/?いいえ/;
const NOT_ANSWER_HEADER = /comment|note|explanation|remark|evidence|detail|備考|補足|コメント|説明|根拠/;

/** Sheet names that hold instructions rather than questions; used only when no header names a question column. */
const COVER_SHEET = /cover|intro|instruction|readme|guide|about|overview|summary|change|history|version|glossary|表紙|はじめに|説明|目次|記入|注意|変更履歴|改訂|用語/i;

/** Rows scanned for a header: titles and legends above it rarely take more. */
const HEADER_SCAN_ROWS = 30;

const normalizeHeader = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s:：*＊()（）[\]【】「」・.。、,_-]+/g, '');

/** The yes and no choices of a drop-down, when it is a Yes/No (はい/いいえ) list. */
export function yesNoOptions(options: string[]): { yes: string; no: string } | undefined {
  const yes = options.find((o) => /^(yes|y|はい|有|あり)$/i.test(o.normalize('NFKC').trim()));
  const no = options.find((o) => /^(no|n|いいえ|無|なし)$/i.test(o.normalize('NFKC').trim()));
  return yes && no ? { yes, no } : undefined;
}

/**
 * Finds the header row and question column of one table. Returns undefined when the table has no question column
 * it can trust (the caller decides whether that is an error: a cover sheet is skipped, a lone CSV is refused).
 * `named` tells whether a header named the column (a strong sign) or it was the column of longest text (a guess).
 */
export function detectLayout(table: Table, overrides: LayoutOverrides = {}): (Layout & { named: boolean }) | undefined {
  const where = table.sheet === null ? 'the file' : `sheet "${table.sheet}"`;
  const forcedColumn = overrides.questionColumn !== undefined ? parseColumn(overrides.questionColumn) : undefined;
  if (overrides.questionColumn !== undefined && forcedColumn === undefined) throw REFUSAL.badOverride(`--question-column must be a column letter (C) or number (3), not "${overrides.questionColumn}"`);
  if (overrides.headerRow !== undefined && (!Number.isInteger(overrides.headerRow) || overrides.headerRow < 0 || overrides.headerRow > table.rows.length)) {
    throw REFUSAL.badOverride(`--header-row must be a row number between 1 and ${table.rows.length} in ${where}, not "${overrides.headerRow}"`);
  }

  let headerRow = overrides.headerRow;
  let questionColumn = forcedColumn;
  let named = forcedColumn !== undefined;
  if (questionColumn === undefined) {
    const found = findNamedHeader(table, headerRow);
    // A header that names questions over cells of short codes is an ID column after all (Question Ref: Q-1, Q-2…).
    if (found && averageLength(table, found.row, found.column) >= MIN_QUESTION_LENGTH) {
      headerRow = found.row;
      questionColumn = found.column;
      named = true;
    }
  }
  if (headerRow === undefined) headerRow = questionColumn !== undefined ? findHeaderRowFor(table, questionColumn) : guessHeaderRow(table);
  if (questionColumn === undefined) {
    questionColumn = longestTextColumn(table, headerRow);
    if (questionColumn === undefined) return undefined;
  }

  const questionRows = findQuestionRows(table, headerRow, questionColumn);
  const answerColumn = findAnswerColumn(table, headerRow, questionColumn, questionRows);
  return { headerRow, questionColumn, questionRows, named, ...(answerColumn ? { answerColumn } : {}) };
}

function parseColumn(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 16384) return Number(t);
  if (/^[A-Za-z]{1,3}$/.test(t)) return columnNumber(t);
  return undefined;
}

/** The row (within HEADER_SCAN_ROWS, or the given one) with the cell most clearly naming a question column; the first on a tie. */
function findNamedHeader(table: Table, onlyRow?: number): { row: number; column: number } | undefined {
  const rows = onlyRow !== undefined ? [onlyRow] : Array.from({ length: Math.min(HEADER_SCAN_ROWS, table.rows.length) }, (_, i) => i + 1);
  let best: { row: number; column: number; rank: number } | undefined;
  for (const row of rows) {
    if (nonEmptyCells(table, row) < 2) continue; // a title or a legend on its own, not a row of column headers
    for (let column = 1; column <= (table.rows[row - 1]?.length ?? 0); column++) {
      const raw = cellText(table, row, column);
      if (raw.length > 40) continue; // a sentence, not a header
      const header = normalizeHeader(raw);
      if (!header) continue;
      const rank = QUESTION_HEADERS.has(header) ? 3 : QUESTION_WORD.test(header) && !ID_HEADER.test(header) ? 2 : WEAK_QUESTION_HEADERS.has(header) ? 1 : 0;
      // The title row above a table is often merged across it: a merged cell is not a column header.
      if (rank > 0 && !isHeadingMerge(table, row, column) && (!best || rank > best.rank)) best = { row, column, rank };
    }
  }
  return best && { row: best.row, column: best.column };
}

/** For a forced question column: the first row whose cell there is short and followed by longer text. */
function findHeaderRowFor(table: Table, column: number): number {
  for (let row = 1; row <= Math.min(HEADER_SCAN_ROWS, table.rows.length); row++) {
    const text = cellText(table, row, column);
    if (text && text.length <= 40 && nonEmptyCells(table, row) >= 2) return row;
  }
  return 0;
}

/** Without a named header: the first row of two or more short cells that is followed by a row of text. */
function guessHeaderRow(table: Table): number {
  for (let row = 1; row <= Math.min(HEADER_SCAN_ROWS, table.rows.length); row++) {
    const cells = (table.rows[row - 1] ?? []).filter((cell) => cell.trim() !== '');
    if (cells.length >= 2 && cells.every((cell) => cell.length <= 40) && !/[?？]/.test(cells.join(''))) return row;
    if (cells.length >= 2) return 0; // data before any header-like row: the table has no header
  }
  return 0;
}

const nonEmptyCells = (table: Table, row: number): number => (table.rows[row - 1] ?? []).filter((cell) => cell.trim() !== '').length;

/** Average length of the text below the header in a column (headings merged across columns left out). */
function averageLength(table: Table, headerRow: number, column: number): number {
  let total = 0;
  let count = 0;
  for (let row = headerRow + 1; row <= table.rows.length; row++) {
    const text = cellText(table, row, column).trim();
    if (!text || isHeadingMerge(table, row, column)) continue;
    total += text.length;
    count++;
  }
  return count > 0 ? total / count : 0;
}

/** Questions average at least this many characters; IDs, Yes/No and short codes do not. */
const MIN_QUESTION_LENGTH = 10;

/** The column whose cells below the header are longest on average: questions are the longest text in a row. */
function longestTextColumn(table: Table, headerRow: number): number | undefined {
  let best: { column: number; average: number } | undefined;
  for (let column = 1; column <= table.columns; column++) {
    const average = averageLength(table, headerRow, column);
    if (average > 0 && (!best || average > best.average)) best = { column, average };
  }
  return best && best.average >= MIN_QUESTION_LENGTH ? best.column : undefined;
}

/** A cell inside a merge spanning several columns: a domain heading or a title, not a question. */
const isHeadingMerge = (table: Table, row: number, column: number): boolean => table.merges.some((m) => inRange(m, row, column) && m.right > m.left);

/** A question ends with a question mark or a Japanese question/request ending, or is long. */
const LOOKS_LIKE_QUESTION = /[?？]\s*$|(?:か|ますか|ですか|ください|下さい|こと|有無|について)[。\s]*$/;

/**
 * The rows below the header whose question cell holds a question: not blank, not a heading merged across columns,
 * not a repeated header, and not a section title (a short text without a question form in a row whose ID cell is
 * empty while most question rows have one).
 */
function findQuestionRows(table: Table, headerRow: number, questionColumn: number): number[] {
  const candidates: number[] = [];
  const header = cellText(table, headerRow, questionColumn).trim();
  for (let row = headerRow + 1; row <= table.rows.length; row++) {
    const text = cellText(table, row, questionColumn).trim();
    if (!text || isHeadingMerge(table, row, questionColumn) || (header && text === header)) continue;
    candidates.push(row);
  }
  // An ID column: a column left of the questions filled in most candidate rows.
  let idColumn: number | undefined;
  for (let column = 1; column < questionColumn && idColumn === undefined; column++) {
    const filled = candidates.filter((row) => cellText(table, row, column).trim() !== '' && !isHeadingMerge(table, row, column)).length;
    if (candidates.length >= 3 && filled >= candidates.length * 0.6) idColumn = column;
  }
  return candidates.filter((row) => {
    const text = cellText(table, row, questionColumn).trim();
    if (LOOKS_LIKE_QUESTION.test(text) || text.length > 60) return true;
    const alone = nonEmptyCells(table, row) === 1;
    const noId = idColumn !== undefined && cellText(table, row, idColumn).trim() === '';
    return !(noId || (alone && idColumn !== undefined));
  });
}

/** The customer's answer column, when its header says so and its cells on question rows have a Yes/No drop-down. */
function findAnswerColumn(table: Table, headerRow: number, questionColumn: number, questionRows: number[]): number | undefined {
  if (headerRow === 0) return undefined;
  for (let column = 1; column <= (table.rows[headerRow - 1]?.length ?? 0); column++) {
    if (column === questionColumn) continue;
    const header = normalizeHeader(cellText(table, headerRow, column));
    if (!ANSWER_HEADER.test(header) || NOT_ANSWER_HEADER.test(header)) continue;
    const hasYesNo = questionRows.some((row) => table.lists.some((list) => yesNoOptions(list.options) && list.ranges.some((range) => inRange(range, row, column))));
    if (hasYesNo) return column;
  }
  return undefined;
}

/** The Yes/No choices of the drop-down on one cell, if any. */
export function yesNoAt(table: Table, row: number, column: number): { yes: string; no: string } | undefined {
  for (const list of table.lists) {
    if (list.ranges.some((range) => inRange(range, row, column))) {
      const options = yesNoOptions(list.options);
      if (options) return options;
    }
  }
  return undefined;
}

/**
 * Which sheets of a workbook hold questions: sheets with a header naming a question column; when none has one,
 * sheets whose longest-text column looks like questions, except cover/instruction sheets. Hidden sheets are skipped.
 */
export function questionSheets<T extends { table: Table; hidden: boolean }>(sheets: T[], overrides: LayoutOverrides): Array<{ sheet: T; layout: Layout }> {
  if (overrides.sheet !== undefined) {
    const wanted = overrides.sheet;
    const sheet = sheets.find((s) => s.table.sheet === wanted) ?? (/^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined);
    if (!sheet) throw REFUSAL.badOverride(`No sheet "${wanted}": the sheets are ${sheets.map((s) => `"${s.table.sheet}"`).join(', ')}.`);
    const layout = detectLayout(sheet.table, overrides);
    if (!layout) throw REFUSAL.noQuestionColumn(`sheet "${sheet.table.sheet}"`);
    return [{ sheet, layout }];
  }
  const detected = sheets
    .filter((sheet) => !sheet.hidden)
    .map((sheet) => ({ sheet, layout: detectLayout(sheet.table, overrides) }))
    .filter((entry): entry is { sheet: T; layout: Layout & { named: boolean } } => entry.layout !== undefined && entry.layout.questionRows.length > 0);
  const named = detected.filter((entry) => entry.layout.named);
  if (named.length > 0) return named;
  return detected.filter((entry) => !COVER_SHEET.test(entry.sheet.table.sheet ?? '') && entry.layout.questionRows.length >= 3);
}
