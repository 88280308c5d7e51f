import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/answer/knowledge-base.js';
import { FILLED_TEXT, type FilledRow } from '../../src/questionnaire/cells.js';
import { LIMITS, RefusedInput } from '../../src/questionnaire/errors.js';
import { fillQuestionnaire, type FillResult } from '../../src/questionnaire/fill.js';
import { decodeText } from '../../src/questionnaire/text.js';
import { fixtureKnowledge, knowledgeCopy } from '../support/knowledge.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildFixtures, caiqWorkbook, EXAMPLE_PATH, type Fixture } from '../fixtures/questionnaires/build.js';
import { readWorkbook } from '../../src/questionnaire/xlsx.js';

let fixtures: Awaited<ReturnType<typeof buildFixtures>>;
let base: KnowledgeBase;
const filled = new Map<string, { input: Uint8Array; result: FillResult }>();

const fill = async (path: string, options: Parameters<typeof fillQuestionnaire>[2] = {}) => fillQuestionnaire({ name: basename(path), bytes: readFileSync(path) }, base, options);
const fixture = (name: string): Fixture => fixtures.labelled.find((f) => basename(f.file) === name)!;
const result = (name: string): FillResult => filled.get(name)!.result;

beforeAll(async () => {
  fixtures = await buildFixtures(mkdtempSync(join(tmpdir(), 'questionnaires-')));
  base = new KnowledgeBase(fixtureKnowledge());
  for (const { file } of fixtures.labelled) filled.set(basename(file), { input: readFileSync(file), result: await fill(file) });
});

async function parts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('uint8array'));
  return out;
}
const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);
const cellsOf = (xml: string): string[] => [...xml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].map((m) => m[0]);
const element = (xml: string, name: string): string | undefined => new RegExp(`<${name}\\b[\\s\\S]*?</${name}>`).exec(xml)?.[0];

describe('round trip: the customer workbook survives, byte for byte where untouched', () => {
  it('keeps every part except the filled sheets, the workbook index and the content types identical', async () => {
    for (const name of ['caiq.xlsx', 'sig-lite.xlsx', 'japanese.xlsx']) {
      const before = await parts(filled.get(name)!.input);
      const after = await parts(result(name).bytes);
      const changed = [...before.keys()].filter((part) => !Buffer.from(before.get(part)!).equals(Buffer.from(after.get(part) ?? new Uint8Array())));
      // Sheets with questions, the sheet list (the Summary sheet), its relationships and content types: nothing else.
      expect(changed.filter((part) => !/^xl\/worksheets\/sheet\d+\.xml$/.test(part)).sort(), name).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml']);
      expect([...after.keys()].filter((part) => !before.has(part)), name).toHaveLength(1); // the Summary sheet's part
    }
  });

  it('keeps notes (comments), other sheets, styles and themes, and in the filled sheet: every original cell, merges, drop-downs, frozen panes and column widths', async () => {
    const before = await parts(filled.get('caiq.xlsx')!.input);
    const after = await parts(result('caiq.xlsx').bytes);
    expect([...before.keys()].filter((p) => /comments|vmlDrawing|styles|theme|sharedStrings/.test(p)).length).toBeGreaterThanOrEqual(5);
    const sheetPart = [...before.keys()].find((p) => text(before.get(p)).includes('<mergeCell ref="A1:E1"/>'))!;
    const original = text(before.get(sheetPart));
    const patched = text(after.get(sheetPart));
    for (const cell of cellsOf(original).filter((c) => !/^<c r="D\d+" s="\d+"\/>$/.test(c))) expect(patched).toContain(cell);
    for (const name of ['mergeCells', 'dataValidations', 'sheetViews']) expect(element(patched, name), name).toBe(element(original, name));
    expect(element(patched, 'sheetViews')).toContain('state="frozen"');
    for (const col of original.match(/<col\b[^>]*\/>/g)!) expect(patched).toContain(col);
  });

  it('loads in an independent reader (exceljs) with the answers, the notes, merges, drop-downs and the Summary sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(result('caiq.xlsx').bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Questionnaire')!;
    expect(ws.getCell('F3').text).toBe(FILLED_TEXT.headers.itemNo);
    expect(ws.getCell('F8').value).toBe(29);
    expect(ws.getCell('G8').text).toBe(fixtureKnowledge().byNo.get(29)!.answer);
    expect(ws.getCell('E6').text).toBe('Contract requires 99.9 %');
    expect(ws.getCell('D10').dataValidation).toMatchObject({ type: 'list', formulae: ['"Yes,No,NA"'] });
    expect((ws as unknown as { _merges: Record<string, unknown> })._merges).toHaveProperty('A1');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Cover', 'Questionnaire', FILLED_TEXT.summarySheet]);
  });

  it('a macro-enabled workbook (.xlsm) comes back as .xlsm with its macros byte for byte', async () => {
    const input = readFileSync(fixtures.xlsm);
    const out = await fill(fixtures.xlsm);
    expect(out.extension).toBe('.xlsm');
    const before = await parts(input);
    const after = await parts(out.bytes);
    expect(Buffer.from(after.get('xl/vbaProject.bin')!).equals(Buffer.from(before.get('xl/vbaProject.bin')!))).toBe(true);
    expect(text(after.get('[Content_Types].xml'))).toContain('macroEnabled');
  });
});

describe('filling', () => {
  /** The question sheet of the CAIQ-like and Japanese fixtures: the one whose title is merged over A1:E1. */
  const sheetXml = async (name: string): Promise<string> => {
    const zip = await JSZip.loadAsync(result(name).bytes);
    for (const [path, file] of Object.entries(zip.files)) {
      const xml = await file.async('string');
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(path) && xml.includes('<mergeCell ref="A1:E1"/>')) return xml;
    }
    throw new Error('sheet not found');
  };
  const cell = (xml: string, ref: string): string => new RegExp(`<c r="${ref}"[^>]*?(?:/>|>([\\s\\S]*?)</c>)`).exec(xml)?.[1] ?? '';

  it('finds the question rows: skips the cover sheet, titles, legends and domain headings merged across columns', () => {
    const rows = result('caiq.xlsx').rows;
    expect(rows.map((r) => [r.sheet, r.row])).toEqual(fixture('caiq.xlsx').labels.map((l) => [l.sheet, l.row]));
    expect(result('sig-lite.xlsx').rows.map((r) => r.sheet)).not.toContain('Instructions');
    expect(result('japanese.xlsx').rows.map((r) => r.row)).toEqual(fixture('japanese.xlsx').labels.map((l) => l.row));
  });

  it('fills the Yes/No drop-down only for a confident answer that is exactly 有 or 無, and never a customer cell', async () => {
    const xml = await sheetXml('caiq.xlsx');
    const byRow = new Map(result('caiq.xlsx').rows.map((r) => [r.row, r]));
    expect(byRow.get(13)).toMatchObject({ status: 'answered', cited: [expect.objectContaining({ no: 33, answer: '有' })] });
    expect(cell(xml, 'D13')).toContain('Yes');
    expect(byRow.get(19)!.cited[0]!.answer).toBe('無');
    expect(cell(xml, 'D19')).toContain('No');
    expect(byRow.get(5)!.cited[0]!.answer).toMatch(/^有。/); // answered, but more than a plain yes: left for a person
    expect(xml).toMatch(/<c r="D5" s="\d+"\/>/);
    expect(cell(xml, 'D7')).toMatch(/<v>\d+<\/v>/); // the customer's own "Yes" (a shared string) is untouched
    const ja = await sheetXml('japanese.xlsx');
    const jaRow = result('japanese.xlsx').rows.find((r) => r.status === 'answered' && r.cited[0]?.answer === '有')!;
    expect(cell(ja, `D${jaRow.row}`)).toContain('はい');
  });

  it('reads drop-downs Excel stores in the x14 extension list (lists on another sheet) and keeps that list verbatim', async () => {
    const zip = await JSZip.loadAsync(filled.get('japanese.xlsx')!.input);
    const path = Object.keys(zip.files).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))!;
    const xml = await zip.file(path)!.async('string');
    const x14 =
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>"はい,いいえ"</xm:f></x14:formula1><xm:sqref>D5:D19</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
    zip.file(path, xml.replace(/<dataValidations\b[\s\S]*?<\/dataValidations>/, '').replace('</worksheet>', `${x14}</worksheet>`));
    const out = await fillQuestionnaire({ name: 'x14.xlsx', bytes: await zip.generateAsync({ type: 'uint8array' }) }, base);
    const patched = await (await JSZip.loadAsync(out.bytes)).file(path)!.async('string');
    const yes = out.rows.find((r) => r.status === 'answered' && r.cited[0]?.answer === '有')!;
    expect(new RegExp(`<c r="D${yes.row}"[^>]*><is><t[^>]*>はい</t>`).test(patched)).toBe(true);
    expect(patched).toContain(x14);
  });

  it('writes the cited cell verbatim, the reviewed translation, the status and the item name', async () => {
    const knowledge = fixtureKnowledge();
    const xml = await sheetXml('caiq.xlsx');
    expect(cell(xml, 'G9')).toContain(knowledge.byNo.get(30)!.answer);
    expect(cell(xml, 'H9')).toContain(knowledge.byNo.get(30)!.english.answer!);
    expect(cell(xml, 'I9')).toContain(FILLED_TEXT.status.answered);
    const notCovered = result('caiq.xlsx').rows.find((r) => r.status === 'no_match')!;
    expect(cell(xml, `G${notCovered.row}`)).toBe('');
    expect(cell(xml, `I${notCovered.row}`)).toContain(FILLED_TEXT.status.no_match);
  });

  it('a close row names its candidates and writes no answer (a person picks, as in chat); a multi-part row cites each part', async () => {
    // One vague word is a picker in chat ("backup": several items fit); the file then names the candidates.
    const picked = await fillQuestionnaire({ text: 'backup' }, base);
    const close = picked.rows[0]!;
    expect(close).toMatchObject({ status: 'close', cited: [] });
    const wbClose = new ExcelJS.Workbook();
    await wbClose.xlsx.load(Buffer.from(picked.bytes) as unknown as ArrayBuffer);
    const closeRow = wbClose.getWorksheet(FILLED_TEXT.pastedSheet)!.getRow(2);
    expect([3, 4, 5].map((c) => closeRow.getCell(c).text)).toEqual(['', '', '']); // no item No., no answers
    expect(closeRow.getCell(6).text).toBe(FILLED_TEXT.status.close);
    expect(closeRow.getCell(7).text).toContain(`${FILLED_TEXT.candidates}: No.${close.others[0]!.no} `);

    const knowledge = fixtureKnowledge();
    const out = await fillQuestionnaire({ text: "What's our RPO and RTO?" }, base, { lang: 'ja' });
    expect(out.rows[0]).toMatchObject({ status: 'multi', cited: [knowledge.byNo.get(29), knowledge.byNo.get(11)] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
    const row = wb.getWorksheet(FILLED_TEXT.pastedSheet)!.getRow(2);
    expect(row.getCell(3).text).toBe('29, 11');
    expect(row.getCell(4).text).toBe(`No.29: ${knowledge.byNo.get(29)!.answer}\nNo.11: ${knowledge.byNo.get(11)!.answer}`);
    expect(row.getCell(5).text).toBe(FILLED_TEXT.status.multi);
  });

  it('adds a Summary sheet with the counts, the check sheet title, date and version, and the rows that need a person', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(result('japanese.xlsx').bytes) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet(FILLED_TEXT.summarySheet)!;
    const all = summary.getSheetValues().flat().map(String).join('\n');
    const knowledge = fixtureKnowledge();
    for (const value of [knowledge.title, knowledge.date, knowledge.version]) expect(all).toContain(value);
    const needing = result('japanese.xlsx').rows.filter((r) => r.status !== 'answered');
    expect(needing.length).toBeGreaterThan(0);
    for (const row of needing) expect(all).toContain(row.question);
  });

  it('CSV in, CSV out: UTF-8 with BOM, the customer cells (quoted commas, blank line) kept, rows numbered by line', () => {
    const out = result('questions.csv');
    expect(out.extension).toBe('.csv');
    expect([...out.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(out.bytes);
    expect(csv).toContain('"Do you back up data, and how often?"');
    expect(csv).toContain('"Do you support SCIM provisioning, or ""just-in-time"" provisioning?"');
    expect(csv.split('\r\n')[0]).toBe(['No', 'Question', 'Answer', ...Object.values(FILLED_TEXT.headers)].join(','));
    expect(csv.split('\r\n')[3]).toBe(''); // the blank line stays
    expect(out.rows.map((r) => [r.sheet, r.row])).toEqual(fixture('questions.csv').labels.map((l) => [null, l.row]));
  });

  it('reads a Shift_JIS CSV (CP932 characters such as ① and ～ included) and writes UTF-8', () => {
    const input = filled.get('shift-jis.csv')!.input;
    expect(decodeText(input).encoding).toBe('shift_jis');
    const csv = new TextDecoder().decode(result('shift-jis.csv').bytes);
    for (const label of fixture('shift-jis.csv').labels) expect(csv).toContain(label.question);
    expect(result('shift-jis.csv').rows[0]!.question).toBe(fixture('shift-jis.csv').labels[0]!.question);
  });

  it('leaves the English answer empty and says so when the translation is stale (the sheet changed since review)', async () => {
    const copy = knowledgeCopy();
    copy.edit('security-checklist.txt', (text) => text.replace(/^(30\t.*\t)72時間$/m, '$196時間'));
    const stale = new KnowledgeBase(loadKnowledge(copy.dir));
    expect(stale.knowledge.byNo.get(30)).toMatchObject({ answer: '96時間', translationStatus: 'stale' });
    const out = await fillQuestionnaire({ text: 'How long are backups retained?\nWhat is your RPO?' }, stale);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(FILLED_TEXT.pastedSheet)!;
    expect([3, 4, 5, 6].map((c) => ws.getRow(2).getCell(c).text)).toEqual(['30', '96時間', '', `${FILLED_TEXT.status.answered}; ${FILLED_TEXT.englishStale}`]);
    expect(ws.getRow(3).getCell(5).text).toBe('24 hours'); // item 29 is still reviewed
  });

  it('--lang ja and en add only that answer column', async () => {
    const path = fixture('questions.csv').file;
    const ja = new TextDecoder().decode((await fill(path, { lang: 'ja' })).bytes).split('\r\n')[0]!;
    const en = new TextDecoder().decode((await fill(path, { lang: 'en' })).bytes).split('\r\n')[0]!;
    expect(ja).toContain(FILLED_TEXT.headers.answerJa);
    expect(ja).not.toContain(FILLED_TEXT.headers.answerEn);
    expect(en).toContain(FILLED_TEXT.headers.answerEn);
    expect(en).not.toContain(FILLED_TEXT.headers.answerJa);
  });

  it('overrides pick the sheet, header row and question column; a wrong override is refused with the sheet names', async () => {
    const path = fixture('sig-lite.xlsx').file;
    const one = await fill(path, { overrides: { sheet: 'Information Protection', headerRow: 1, questionColumn: 'B' } });
    expect(new Set(one.rows.map((r) => r.sheet))).toEqual(new Set(['Information Protection']));
    await expect(fill(path, { overrides: { sheet: 'Nope' } })).rejects.toThrow(/"Business Resiliency"/);
    await expect(fill(path, { overrides: { questionColumn: '?!' } })).rejects.toThrow(RefusedInput);
  });

  it('pasted lines become a new workbook of the questions with the same columns and a Summary', async () => {
    const out = await fillQuestionnaire({ text: "1. What's our RPO?\n\n2) Do you support SAML SSO?\n・バックアップの保存期間は？" }, base);
    expect(out.rows.map((r) => [r.row, r.question, r.status])).toEqual([
      [1, "What's our RPO?", 'answered'],
      [3, 'Do you support SAML SSO?', 'no_match'],
      [4, 'バックアップの保存期間は？', 'answered'],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([FILLED_TEXT.pastedSheet, FILLED_TEXT.summarySheet]);
    expect(wb.getWorksheet(FILLED_TEXT.pastedSheet)!.getCell('C2').value).toBe(29);
  });
});

describe('the README example', () => {
  it('examples/questionnaire.xlsx is what the fixture script builds (rebuild: npx tsx test/fixtures/questionnaires/build.ts --example)', async () => {
    const committed = await readWorkbook(readFileSync(EXAMPLE_PATH));
    const built = await readWorkbook((await caiqWorkbook()).bytes);
    const view = (w: typeof committed) => w.sheets.map((s) => ({ name: s.name, table: s.table }));
    expect(view(committed)).toEqual(view(built));
  });
});

describe('refused input: one clear line, nothing filled', () => {
  it.each([
    ['old_xls', /Excel 97–2003/],
    ['encrypted', /password-protected/],
    ['corrupt', /cannot be read as a workbook/],
    ['no_question_column', /No question column found.*--question-column/],
    ['too_many_rows', /5001 question rows; at most 5000/],
  ] as const)('%s', async (kind, message) => {
    const error = await fill(fixtures.refused[kind]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedInput);
    expect((error as RefusedInput).reason).toBe(kind);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('files over 10 MB are refused before they are read', async () => {
    const error = await fillQuestionnaire({ name: 'big.xlsx', bytes: new Uint8Array(LIMITS.maxBytes + 1) }, base).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'too_large' });
  });

  it('a zip that would unpack past the limit (a zip bomb) is refused before it is inflated', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', '<worksheet/>');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // Declare a huge uncompressed size in the central directory, as a bomb does (inflating one is slow for a test).
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at !== -1; at = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) view.writeUInt32LE(LIMITS.maxUnpackedBytes, at + 24);
    const error = await fillQuestionnaire({ name: 'bomb.xlsx', bytes }, base).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'corrupt', message: expect.stringMatching(/unpack to \d+ MB/) });
  });

  it('a text file without questions is refused', async () => {
    await expect(fillQuestionnaire({ name: 'empty.txt', bytes: new TextEncoder().encode('\n \n- \n') }, base)).rejects.toThrow('No questions found: write one question per line.');
  });

  it('an unknown file type is refused', async () => {
    await expect(fillQuestionnaire({ name: 'deck.pdf', bytes: new TextEncoder().encode('%PDF-1.7') }, base)).rejects.toMatchObject({ reason: 'unsupported_type' });
  });
});

/**
 * Quality on the hand-labelled fixture rows, scored by cited items like the chat evaluation: top-1 counts a row that
 * cites an expected item (a label lists the items that each answer it); wrong is a row citing only other items; a close
 * row cites none and is neither; rows the sheet does not cover should be no_match.
 */
export function scoreRows(rows: FilledRow[], labels: Fixture['labels']) {
  let inScope = 0;
  let top1 = 0;
  let wrong = 0;
  let outOfScope = 0;
  let refused = 0;
  labels.forEach((label, i) => {
    const row = rows[i]!;
    if (label.expected.length === 0) {
      outOfScope++;
      if (row.status === 'no_match') refused++;
      return;
    }
    inScope++;
    // Answered (or multi-part) rows cite items; a close row cites none (a person picks), so it is neither.
    if (row.cited.length === 0) return;
    if (row.cited.some((item) => label.expected.includes(item.no))) top1++;
    else wrong++;
  });
  return { inScope, top1, wrong, outOfScope, refused };
}

describe('quality on the labelled fixture rows', () => {
  it('meets the targets: top-1 ≥ 88 %, wrong ≤ 5 %, ≥ 80 % of uncovered rows marked not covered', () => {
    const total = { inScope: 0, top1: 0, wrong: 0, outOfScope: 0, refused: 0 };
    for (const { file, labels } of fixtures.labelled) {
      const rows = result(basename(file)).rows;
      expect(rows.map((r) => r.row), file).toEqual(labels.map((l) => l.row));
      const s = scoreRows(rows, labels);
      for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += s[key];
    }
    const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)} %`;
    console.info(`questionnaire fixtures: top-1 ${total.top1}/${total.inScope} (${pct(total.top1, total.inScope)}), wrong ${total.wrong} (${pct(total.wrong, total.inScope)}), not covered ${total.refused}/${total.outOfScope} (${pct(total.refused, total.outOfScope)})`);
    expect(total.top1 / total.inScope).toBeGreaterThanOrEqual(0.88);
    expect(total.wrong / total.inScope).toBeLessThanOrEqual(0.05);
    expect(total.refused / total.outOfScope).toBeGreaterThanOrEqual(0.8);
  });
});
