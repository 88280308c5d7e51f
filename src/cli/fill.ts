// First: stops an older Node with one clear line (see config/require-node.ts).
import '../config/require-node.js';
import { loadKnowledgeForCommand, parseCommandLine } from '../config/command-line.js';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { KnowledgeBase } from '../answer/knowledge-base.js';
import { toJson } from '../answer/json.js';
import { isEntryPoint } from '../config/paths.js';
import { countStatuses, FILLED_TEXT, type FillLanguage, type FilledRow } from '../questionnaire/cells.js';
import { LIMITS, REFUSAL, RefusedInput } from '../questionnaire/errors.js';
import { fillQuestionnaire } from '../questionnaire/fill.js';

const USAGE = `usage: npm run fill -- FILE [--out OUT] [--lang ja|en|both] [--json] [--sheet NAME] [--header-row N] [--question-column C]
  Fills a customer's security questionnaire (.xlsx, .xlsm, .csv, .tsv, or .txt with one question per line) with
  the check sheet's answers, item numbers and a status per row, plus a Summary sheet. The customer's cells are kept.
  --out              where to write the filled copy (default: NAME.filled.xlsx or .csv beside FILE)
  --lang             answer columns: ja (the sheet's cell), en (reviewed translation), both (default)
  --json             print one JSON object per question row on stdout
  --sheet            fill only this sheet (name or 1-based position)
  --header-row       the header row's number, when detection picks the wrong one
  --question-column  the question column (letter or number), when detection picks the wrong one
Exit status: 0 filled, 2 refused input or bad arguments.`;

export interface FillIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** One question row for `--json`: where it is, what was asked, the status and the cited item(s). */
export interface FillRowJson {
  sheet: string | null;
  row: number;
  question: string;
  /** As in `npm run ask -- --json`: a multi-part row is answered when any part is; a picker is close. */
  status: 'answered' | 'close' | 'no_match';
  cited: number[];
  matches: Array<{ no: number; score?: number }>;
}

export function rowJson(row: FilledRow): FillRowJson {
  const json = toJson({ question: row.question, decision: row.decision });
  return { sheet: row.sheet, row: row.row, question: row.question, status: json.status === 'help' ? 'no_match' : json.status, cited: json.cited, matches: json.matches };
}

/** `12 question rows: 9 answered, 1 to check, 2 not covered` — the CLI's stderr line and Slack's headline. */
export function summaryLine(rows: FilledRow[]): string {
  const counts = countStatuses(rows);
  const s = FILLED_TEXT.status;
  return `${rows.length} question rows: ${counts.answered} ${s.answered}, ${counts.close} to check (${s.close}), ${counts.no_match} ${s.no_match}${counts.multi ? `, ${counts.multi} ${s.multi}` : ''}`;
}

/** The default output path: `NAME.filled.EXT` beside the input. */
export const defaultOutPath = (file: string, extension: string): string => join(dirname(file), `${basename(file, extname(file))}.filled${extension}`);

export async function runFill(io: FillIo): Promise<number> {
  const args = parseCommandLine(
    'fill',
    io,
    {
        out: { type: 'string' },
        lang: { type: 'string' },
        json: { type: 'boolean' },
        sheet: { type: 'string' },
        'header-row': { type: 'string' },
        'question-column': { type: 'string' },
    },
    USAGE,
    true,
  );
  if ('exit' in args) return args.exit;
  const { values, positionals } = args;
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    io.err(`fill: give exactly one questionnaire file\n${USAGE}`);
    return 2;
  }
  const lang = (values.lang ?? 'both') as FillLanguage;
  if (!['ja', 'en', 'both'].includes(lang)) {
    io.err(`fill: --lang must be ja, en or both, not "${values.lang}"`);
    return 2;
  }
  const headerRow = values['header-row'] !== undefined ? Number(values['header-row']) : undefined;
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1)) {
    io.err(`fill: --header-row must be a row number, not "${values['header-row']}"`);
    return 2;
  }

  let bytes: Uint8Array;
  try {
    const size = statSync(file).size;
    if (size > LIMITS.maxBytes) throw REFUSAL.tooLarge(size); // refused before reading it into memory
    bytes = readFileSync(file);
  } catch (error) {
    io.err(`fill: ${error instanceof RefusedInput ? error.message : `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`}`);
    return 2;
  }

  const knowledge = loadKnowledgeForCommand('fill', io.env, io.err);
  if (!knowledge) return 2;
  const base = new KnowledgeBase(knowledge); // the answer cache also serves a question repeated across sheets

  try {
    const result = await fillQuestionnaire({ name: basename(file), bytes }, base, {
      lang,
      overrides: {
        ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
        ...(headerRow !== undefined ? { headerRow } : {}),
        ...(values['question-column'] !== undefined ? { questionColumn: values['question-column'] } : {}),
      },
    });
    const out = values.out ?? defaultOutPath(file, result.extension);
    writeFileSync(out, result.bytes);
    if (values.json) for (const row of result.rows) io.out(JSON.stringify(rowJson(row)));
    io.err(`fill: ${summaryLine(result.rows)} → ${out}`);
    return 0;
  } catch (error) {
    if (error instanceof RefusedInput) {
      io.err(`fill: ${basename(file)}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

if (isEntryPoint(import.meta.url)) {
  // `npm run fill -- FILE --json | head`: a closed pipe ends the output, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(0) : undefined));
  runFill({ argv: process.argv.slice(2), env: process.env, out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`fill: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    },
  );
}
