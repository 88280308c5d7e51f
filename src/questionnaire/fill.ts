import type { KnowledgeBase } from '../answer/knowledge-base.js';
import type { Knowledge } from '../knowledge/load.js';
import { addedCells, addedHeaders, addedWidths, FILLED_TEXT, SUMMARY_WIDTHS, summaryRows, unlistedOf, type FillLanguage, type FilledRow } from './cells.js';
import { detectLayout, questionSheets, yesNoAt, type Layout, type LayoutOverrides } from './detect.js';
import { LIMITS, REFUSAL } from './errors.js';
import { rowOutcome } from './status.js';
import { cellText, type Table } from './table.js';
import { decodeText, parseDelimited, pastedQuestions, serializeCsv, stripListMarker, tableFromRows } from './text.js';
import { addSheet, newWorkbook, patchSheetXml, readWorkbook, sheetXml, workbookBytes, type CellWrite } from './xlsx.js';

export interface FillOptions {
  lang?: FillLanguage;
  overrides?: LayoutOverrides;
  /** Called every PROGRESS_EVERY rows and at the end, e.g. to update a Slack message. */
  onProgress?: (done: number, total: number) => void;
}

export interface FillResult {
  /** What was read; decides the output's type. */
  format: 'xlsx' | 'xlsm' | 'csv' | 'text';
  /** The filled copy: .xlsx/.xlsm for workbooks and pasted text, UTF-8 CSV with a BOM for CSV/TSV. */
  bytes: Uint8Array;
  /** The filled copy's extension, with the dot. */
  extension: '.xlsx' | '.xlsm' | '.csv';
  rows: FilledRow[];
  knowledge: Knowledge;
}

/** Rows answered between two progress reports (and between two yields to the event loop). */
export const PROGRESS_EVERY = 50;

/** The questionnaire to fill: a file (name and bytes) or pasted text. */
export type QuestionnaireInput = { name: string; bytes: Uint8Array } | { text: string };

/**
 * Fills a questionnaire with the chat decision for every question row. Throws RefusedInput (one clear line) for
 * input it will not fill; nothing is written then. The caller writes `bytes` where it wants.
 */
export async function fillQuestionnaire(input: QuestionnaireInput, base: KnowledgeBase, options: FillOptions = {}): Promise<FillResult> {
  const lang = options.lang ?? 'both';
  const knowledge = base.knowledge; // one version for the whole file, even if a reload happens meanwhile
  if ('text' in input) return fillText(input.text, base, knowledge, lang, options);
  if (input.bytes.byteLength > LIMITS.maxBytes) throw REFUSAL.tooLarge(input.bytes.byteLength);
  const format = formatOf(input.name, input.bytes);
  if (format === 'xlsx' || format === 'xlsm') return fillWorkbook(input.bytes, format, base, knowledge, lang, options);
  if (format === 'csv') return fillCsv(input.bytes, /\.tsv$/i.test(input.name) ? '\t' : undefined, base, knowledge, lang, options);
  if (format === 'text') return fillText(decodeText(input.bytes).text, base, knowledge, lang, options);
  throw REFUSAL.unsupported(input.name);
}

function formatOf(name: string, bytes: Uint8Array): FillResult['format'] | 'unknown' {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'xlsm') return 'xlsm';
  // .xls and encrypted workbooks are OLE2 files: readWorkbook refuses them with the right reason.
  if (ext === 'xlsx' || ext === 'xls' || (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) return 'xlsx';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (ext === 'txt' || ext === undefined) return 'text';
  return 'unknown';
}

/** A cell's question as asked: line breaks and runs of spaces made single spaces, a list marker dropped. */
const questionOf = (text: string): string => stripListMarker(text.replace(/\s+/g, ' '));

interface Located {
  table: Table;
  layout: Layout;
}

/** Answers every question row of the tables, yielding to the event loop between batches. */
async function answerRows(located: Located[], base: KnowledgeBase, options: FillOptions, lineOf: (row: number) => number = (row) => row): Promise<FilledRow[]> {
  const total = located.reduce((sum, { layout }) => sum + layout.questionRows.length, 0);
  if (total > LIMITS.maxQuestionRows) throw REFUSAL.tooManyRows(total);
  const rows: FilledRow[] = [];
  for (const { table, layout } of located) {
    for (const row of layout.questionRows) {
      const question = questionOf(cellText(table, row, layout.questionColumn));
      const { answer } = base.answer(question);
      rows.push({ sheet: table.sheet, row: lineOf(row), question, decision: answer.decision, ...rowOutcome(answer.decision) });
      if (rows.length % PROGRESS_EVERY === 0) {
        options.onProgress?.(rows.length, total);
        await new Promise((resolve) => setImmediate(resolve)); // let Slack acks and other questions through
      }
    }
  }
  options.onProgress?.(rows.length, total);
  return rows;
}

/** The first column after everything the customer wrote or merged: added columns never cover their cells. */
const firstFreeColumn = (table: Table): number => Math.max(table.columns, ...table.merges.map((m) => m.right)) + 1;

async function fillWorkbook(bytes: Uint8Array, format: 'xlsx' | 'xlsm', base: KnowledgeBase, knowledge: Knowledge, lang: FillLanguage, options: FillOptions): Promise<FillResult> {
  const workbook = await readWorkbook(bytes);
  const found = questionSheets(workbook.sheets, options.overrides ?? {});
  if (found.length === 0) throw REFUSAL.noQuestionColumn(workbook.sheets.length === 1 ? `sheet "${workbook.sheets[0]!.name}"` : 'any sheet');
  const rows = await answerRows(
    found.map(({ sheet, layout }) => ({ table: sheet.table, layout })),
    base,
    options,
  );
  const headers = addedHeaders(lang);
  const widths = addedWidths(lang);
  for (const { sheet, layout } of found) {
    const first = firstFreeColumn(sheet.table);
    const writes = new Map<number, CellWrite[]>();
    if (layout.headerRow > 0) writes.set(layout.headerRow, headers.map((text, i) => ({ column: first + i, text, styleFrom: layout.questionColumn })));
    for (const filled of rows.filter((r) => r.sheet === sheet.name)) {
      const cells: CellWrite[] = addedCells(filled, lang).map((text, i) => ({ column: first + i, text, styleFrom: layout.questionColumn }));
      const yesNo = layout.answerColumn !== undefined ? yesNoValue(filled, sheet.table, layout.answerColumn) : undefined;
      if (yesNo !== undefined && cellText(sheet.table, filled.row, layout.answerColumn!) === '') cells.unshift({ column: layout.answerColumn!, text: yesNo });
      writes.set(filled.row, cells.filter((cell) => cell.text !== ''));
    }
    const xml = (await workbook.zip.file(sheet.path)!.async('string'))!;
    workbook.zip.file(sheet.path, patchSheetXml(xml, writes, widths.map((width, i) => ({ column: first + i, width }))));
  }
  await addSheet(workbook.zip, FILLED_TEXT.summarySheet, sheetXml(summaryRows(rows, knowledge, lang), SUMMARY_WIDTHS));
  return { format, bytes: await workbookBytes(workbook.zip), extension: format === 'xlsm' ? '.xlsm' : '.xlsx', rows, knowledge };
}

/**
 * The customer's Yes/No drop-down is filled only for a confident answer whose sheet cell is exactly 有 or 無;
 * anything longer ("有。TLS 1.2") or less certain is left for a person.
 */
function yesNoValue(row: FilledRow, table: Table, column: number): string | undefined {
  if (row.status !== 'answered' || row.cited.length !== 1 || unlistedOf(row.decision).length > 0) return undefined;
  const options = yesNoAt(table, row.row, column);
  const answer = row.cited[0]!.answer.trim();
  if (!options) return undefined;
  return answer === '有' ? options.yes : answer === '無' ? options.no : undefined;
}

async function fillCsv(bytes: Uint8Array, delimiter: '\t' | undefined, base: KnowledgeBase, knowledge: Knowledge, lang: FillLanguage, options: FillOptions): Promise<FillResult> {
  const { rows: cells, lines } = parseDelimited(decodeText(bytes).text, delimiter);
  const table = tableFromRows(cells);
  const layout = detectLayout(table, options.overrides ?? {});
  if (!layout) throw REFUSAL.noQuestionColumn('the file');
  if (layout.questionRows.length === 0) throw REFUSAL.noQuestions('the file');
  const rows = await answerRows([{ table, layout }], base, options);
  const first = firstFreeColumn(table);
  const byRow = new Map(rows.map((row) => [row.row, row]));
  const out = cells.map((cellsOfRow, i) => {
    const padded = [...cellsOfRow, ...Array<string>(Math.max(0, first - 1 - cellsOfRow.length)).fill('')];
    const filled = byRow.get(i + 1);
    if (i + 1 === layout.headerRow) return [...padded, ...addedHeaders(lang)];
    return filled ? [...padded, ...addedCells(filled, lang)] : cellsOfRow;
  });
  // Rows are reported by the line they start on (a quoted line break makes a row span lines).
  for (const row of rows) row.row = lines[row.row - 1] ?? row.row;
  return { format: 'csv', bytes: serializeCsv(out), extension: '.csv', rows, knowledge };
}

/** Pasted lines (or a .txt file): one question per line, filled into a new workbook with a Summary sheet. */
async function fillText(text: string, base: KnowledgeBase, knowledge: Knowledge, lang: FillLanguage, options: FillOptions): Promise<FillResult> {
  const questions = pastedQuestions(text);
  if (questions.length === 0) throw REFUSAL.noLines();
  const table = tableFromRows(questions.map(({ question }) => [question]));
  const layout: Layout = { headerRow: 0, questionColumn: 1, questionRows: questions.map((_, i) => i + 1) };
  const rows = await answerRows([{ table, layout }], base, options, (row) => questions[row - 1]!.line);
  const sheet = [[...FILLED_TEXT.pastedHeaders, ...addedHeaders(lang)], ...rows.map((row) => [String(row.row), row.question, ...addedCells(row, lang)])];
  const zip = newWorkbook(FILLED_TEXT.pastedSheet, sheetXml(sheet, [6, 60, ...addedWidths(lang)], true));
  await addSheet(zip, FILLED_TEXT.summarySheet, sheetXml(summaryRows(rows, knowledge, lang), SUMMARY_WIDTHS));
  return { format: 'text', bytes: await workbookBytes(zip), extension: '.xlsx', rows, knowledge };
}
