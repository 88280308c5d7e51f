import JSZip from 'jszip';
import { LIMITS, REFUSAL } from './errors.js';
import { columnLetters, parseCellRef, parseRange, type CellRange, type Table } from './table.js';

/**
 * Reading and patching .xlsx/.xlsm workbooks at the XML level.
 *
 * The filled copy is the customer's file with cells added, not a re-generated workbook: every part of the zip the
 * bot does not change (styles, themes, comments/notes, drawings, macros, printer settings, other sheets) is copied
 * byte for byte, and in a sheet it fills only the `<row>` elements it adds cells to, `<cols>` and `<dimension>` change.
 * Spreadsheet libraries that load a workbook into objects and write it back drop what they do not model (exceljs
 * 4.4.0 loses cell notes and splits data validations; see README), which a customer notices.
 */

const NS_WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface WorkbookSheet {
  name: string;
  /** Zip path of the sheet part, e.g. `xl/worksheets/sheet2.xml`. */
  path: string;
  hidden: boolean;
  table: Table;
}

export interface Workbook {
  zip: JSZip;
  sheets: WorkbookSheet[];
}

/** Opens a workbook; refuses (RefusedInput) old .xls, encrypted, corrupt and zip-bomb files with one clear line. */
export async function readWorkbook(bytes: Uint8Array): Promise<Workbook> {
  if (OLE2_MAGIC.every((byte, i) => bytes[i] === byte)) {
    // Both an Excel 97-2003 file and a password-protected .xlsx are OLE2 containers; only the latter holds these streams.
    throw hasUtf16(bytes, 'EncryptionInfo') || hasUtf16(bytes, 'EncryptedPackage') ? REFUSAL.encrypted() : REFUSAL.oldXls();
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw REFUSAL.corrupt('not a zip container');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw REFUSAL.corrupt((error as Error).message.split('\n')[0] ?? 'unreadable zip');
  }
  let unpacked = 0;
  // jszip keeps each entry's declared uncompressed size from the central directory; summing it costs no inflation.
  zip.forEach((_, file) => (unpacked += (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0));
  if (unpacked > LIMITS.maxUnpackedBytes) throw REFUSAL.corrupt(`it would unpack to ${Math.round(unpacked / 1024 / 1024)} MB`);

  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  if (!workbookXml) throw REFUSAL.corrupt('no xl/workbook.xml inside');
  const rels = parseRelationships((await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '', 'xl/');
  const sharedPath = [...rels.values()].find((rel) => rel.type.endsWith('/sharedStrings'))?.target;
  const shared = sharedPath ? parseSharedStrings((await zip.file(sharedPath)?.async('string')) ?? '') : [];

  const sheets: WorkbookSheet[] = [];
  const rawLists: Array<{ sheet: WorkbookSheet; lists: RawList[] }> = [];
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const attrs = match[1]!;
    const name = decodeXml(attr(attrs, 'name') ?? '');
    const rel = rels.get(attr(attrs, 'r:id') ?? attrByLocalName(attrs, 'id') ?? '');
    if (!rel || !rel.type.endsWith('/worksheet')) continue; // chart sheets and dialog sheets hold no questions
    const xml = await zip.file(rel.target)?.async('string');
    if (xml === undefined) throw REFUSAL.corrupt(`sheet "${name}" is missing`);
    const { table, lists } = parseSheet(name, xml, shared);
    const sheet = { name, path: rel.target, hidden: /state="(?:hidden|veryHidden)"/.test(attrs), table };
    sheets.push(sheet);
    rawLists.push({ sheet, lists });
  }
  if (sheets.length === 0) throw REFUSAL.corrupt('it has no worksheets');
  const definedNames = new Map([...workbookXml.matchAll(/<(?:\w+:)?definedName\b[^>]*?name="([^"]+)"[^>]*>([^<]*)</g)].map((m) => [decodeXml(m[1]!), decodeXml(m[2]!)]));
  for (const { sheet, lists } of rawLists) {
    sheet.table.lists = lists.map((list) => ({ ranges: list.ranges, options: listOptions(list.formula, sheet, sheets, definedNames) }));
  }
  return { zip, sheets };
}

const hasUtf16 = (bytes: Uint8Array, text: string): boolean => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, 'utf16le'));

interface Relationship {
  type: string;
  /** Zip path, resolved against the folder of the part that owns the relationships. */
  target: string;
}

function parseRelationships(xml: string, base: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  for (const match of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(match[1]!, 'Id');
    const target = attr(match[1]!, 'Target');
    if (!id || !target) continue;
    rels.set(id, { type: attr(match[1]!, 'Type') ?? '', target: target.startsWith('/') ? target.slice(1) : normalizePath(base + target) });
  }
  return rels;
}

const normalizePath = (path: string): string => {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
};

const attr = (attrs: string, name: string): string | undefined => new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}="([^"]*)"`).exec(attrs)?.[1];
const attrByLocalName = (attrs: string, local: string): string | undefined => new RegExp(`\\s\\w+:${local}="([^"]*)"`).exec(attrs)?.[1];

/** XML text → string, including OOXML's `_xHHHH_` escapes for control characters. */
export function decodeXml(text: string): string {
  return text
    .replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex: string, dec: string, named: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[named]!,
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** String → XML text; characters XML 1.0 cannot carry are dropped, a literal `_xHHHH_` is escaped. */
export function encodeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The visible text of a `<si>` or `<is>`: its `<t>` runs, without phonetic guides (furigana, `<rPh>`). */
function runsText(xml: string): string {
  let text = '';
  for (const m of xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) text += decodeXml(m[1] ?? '');
  return text;
}

function parseSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => runsText(m[1] ?? ''));
}

const ROW_RE = /<((?:\w+:)?)row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL_RE = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

interface RawList {
  ranges: CellRange[];
  formula: string;
}

function parseSheet(name: string, xml: string, shared: string[]): { table: Table; lists: RawList[] } {
  const rows: string[][] = [];
  let columns = 0;
  let rowNumber = 0;
  for (const row of xml.matchAll(ROW_RE)) {
    rowNumber = Number(attr(row[2]!, 'r') ?? rowNumber + 1);
    const cells: string[] = [];
    let column = 0;
    for (const cell of (row[3] ?? '').matchAll(CELL_RE)) {
      const ref = attr(cell[1]!, 'r');
      column = (ref && parseCellRef(ref)?.column) || column + 1;
      const text = cellValue(attr(cell[1]!, 't'), cell[2] ?? '', shared);
      if (text !== '') cells[column - 1] = text;
    }
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows[rowNumber - 1] = cells;
    columns = Math.max(columns, cells.length);
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const merges = [...xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?ref="([^"]+)"/g)].map((m) => parseRange(m[1]!)).filter((r): r is CellRange => r !== undefined);
  const lists: RawList[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?dataValidation\b([^>]*?)>([\s\S]*?)<\/(?:\w+:)?dataValidation>/g)) {
    if (attr(m[1]!, 'type') !== 'list') continue;
    const sqref = attr(m[1]!, 'sqref') ?? /<(?:\w+:)?sqref>([^<]*)</.exec(m[2]!)?.[1] ?? '';
    const formula = /<(?:\w+:)?formula1>\s*(?:<(?:\w+:)?f>)?([^<]*)</.exec(m[2]!)?.[1];
    if (formula === undefined) continue;
    lists.push({ ranges: sqref.split(/\s+/).map(parseRange).filter((r): r is CellRange => r !== undefined), formula: decodeXml(formula) });
  }
  return { table: { sheet: name, rows, columns, merges, lists: [] }, lists };
}

function cellValue(type: string | undefined, inner: string, shared: string[]): string {
  if (type === 'inlineStr') return runsText(/<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? '');
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (v === undefined) return '';
  if (type === 's') return shared[Number(v)] ?? '';
  if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  return decodeXml(v);
}

/** A list validation's choices: `"Yes,No,N/A"`, a range (`$H$1:$H$3`, `Lists!$A$1:$A$3`) or a defined name. */
function listOptions(formula: string, sheet: WorkbookSheet, sheets: WorkbookSheet[], names: Map<string, string>, depth = 0): string[] {
  const f = formula.trim().replace(/^=/, '');
  if (f.startsWith('"')) return f.slice(1, -1).split(',').map((option) => option.trim());
  if (names.has(f) && depth < 3) return listOptions(names.get(f)!, sheet, sheets, names, depth + 1);
  const match = /^(?:'?((?:[^'!]|'')+)'?!)?(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(f);
  if (!match) return [];
  const target = match[1] ? sheets.find((s) => s.name === match[1]!.replace(/''/g, "'")) : sheet;
  const range = parseRange(match[2]!.replace(/\$/g, ''));
  if (!target || !range) return [];
  const options: string[] = [];
  for (let r = range.top; r <= range.bottom && options.length < 100; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const text = target.table.rows[r - 1]?.[c - 1] ?? '';
      if (text) options.push(text);
    }
  }
  return options;
}

/** One cell the bot adds. `styleFrom` copies the style (`s`) of that column's cell in the same row. */
export interface CellWrite {
  column: number;
  text: string;
  styleFrom?: number;
}

/** Whole numbers (an item No.) are written as numbers, so Excel does not flag "number stored as text". */
const NUMBER = /^\d{1,9}$/;

/**
 * Adds cells to a sheet's XML. A cell that already has a value is never replaced; an existing empty cell (one that
 * only carries a style, such as a drop-down cell) gets the value and keeps its style. Only the rows written to,
 * `<dimension>` and `<cols>` change; everything else in the part is kept as it was.
 */
export function patchSheetXml(xml: string, writes: Map<number, CellWrite[]>, widths: Array<{ column: number; width: number }>): string {
  const prefix = /<((?:\w+:)?)sheetData\b/.exec(xml)?.[1] ?? '';
  const pending = new Map(writes);
  // Rows to write in ascending order; `next` points at the first one not yet placed (rows in the XML are ascending).
  const order = [...writes.keys()].sort((a, b) => a - b);
  let next = 0;
  let maxRow = 0;
  let maxColumn = 0;
  let rowNumber = 0;
  let out = xml.replace(ROW_RE, (whole, rowPrefix: string, attrs: string, inner: string | undefined) => {
    rowNumber = Number(attr(attrs, 'r') ?? rowNumber + 1);
    maxRow = Math.max(maxRow, rowNumber);
    const rowWrites = pending.get(rowNumber);
    let before = '';
    // Rows the XML does not have yet go before the first row numbered after them.
    for (; next < order.length && order[next]! <= rowNumber; next++) {
      const r = order[next]!;
      const w = pending.get(r);
      if (r === rowNumber || !w) continue;
      before += `<${prefix}row r="${r}">${w.map((cell) => newCell(prefix, r, cell, undefined)).join('')}</${prefix}row>`;
      maxColumn = Math.max(maxColumn, ...w.map((cell) => cell.column));
      pending.delete(r);
    }
    if (!rowWrites) return before + whole;
    pending.delete(rowNumber);
    const cells = [...(inner ?? '').matchAll(CELL_RE)];
    let column = 0;
    const existing = cells.map((cell) => {
      const ref = attr(cell[1]!, 'r');
      column = (ref && parseCellRef(ref)?.column) || column + 1;
      return { column, xml: cell[0], attrs: cell[1]!, empty: !/<(?:\w+:)?(?:v|is|f)\b/.test(cell[2] ?? '') };
    });
    const styleOf = (col: number | undefined): string | undefined => (col === undefined ? undefined : attr(existing.find((cell) => cell.column === col)?.attrs ?? '', 's'));
    const merged: Array<{ column: number; xml: string }> = existing.map(({ column: c, xml: x }) => ({ column: c, xml: x }));
    for (const write of rowWrites) {
      const at = existing.find((cell) => cell.column === write.column);
      if (at && !at.empty) continue; // never overwrite what the customer wrote
      const style = at ? attr(at.attrs, 's') : styleOf(write.styleFrom);
      const cellXml = newCell(rowPrefix, rowNumber, write, style);
      const index = merged.findIndex((cell) => cell.column >= write.column);
      if (index === -1) merged.push({ column: write.column, xml: cellXml });
      else if (merged[index]!.column === write.column) merged[index] = { column: write.column, xml: cellXml };
      else merged.splice(index, 0, { column: write.column, xml: cellXml });
      maxColumn = Math.max(maxColumn, write.column);
    }
    // `spans` is an optional hint of the row's column range; it is dropped rather than left wrong.
    const rowAttrs = attrs.replace(/\sspans="[^"]*"/, '');
    return `${before}<${rowPrefix}row${rowAttrs}>${merged.map((cell) => cell.xml).join('')}</${rowPrefix}row>`;
  });
  if (pending.size > 0) {
    const rest = [...pending]
      .sort(([a], [b]) => a - b)
      .map(([r, w]) => {
        maxRow = Math.max(maxRow, r);
        maxColumn = Math.max(maxColumn, ...w.map((cell) => cell.column));
        return `<${prefix}row r="${r}">${w.map((cell) => newCell(prefix, r, cell, undefined)).join('')}</${prefix}row>`;
      })
      .join('');
    out = out.replace(new RegExp(`<${prefix}sheetData\\s*/>`), `<${prefix}sheetData></${prefix}sheetData>`).replace(`</${prefix}sheetData>`, `${rest}</${prefix}sheetData>`);
  }
  out = out.replace(/(<(?:\w+:)?dimension\b[^>]*?ref=")([^"]+)(")/, (whole, open: string, ref: string, close: string) => {
    const range = parseRange(ref.split(':').length === 2 ? ref : `${ref}:${ref}`);
    if (!range) return whole;
    return `${open}${columnLetters(range.left)}${range.top}:${columnLetters(Math.max(range.right, maxColumn))}${Math.max(range.bottom, maxRow)}${close}`;
  });
  return addColumnWidths(out, prefix, widths);
}

function newCell(prefix: string, row: number, write: CellWrite, style: string | undefined): string {
  if (NUMBER.test(write.text)) return `<${prefix}c r="${columnLetters(write.column)}${row}"${style ? ` s="${style}"` : ''}><${prefix}v>${write.text}</${prefix}v></${prefix}c>`;
  return `<${prefix}c r="${columnLetters(write.column)}${row}"${style ? ` s="${style}"` : ''} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${encodeXml(write.text)}</${prefix}t></${prefix}is></${prefix}c>`;
}

/**
 * Widths for the added columns; columns an existing `<col>` already covers keep theirs. Excel wants `<col>` elements
 * in ascending order, so the new ones are put in order among the customer's.
 */
function addColumnWidths(xml: string, prefix: string, widths: Array<{ column: number; width: number }>): string {
  const existing = [...xml.matchAll(/<(?:\w+:)?col\b([^>]*?)(?:\/>|>\s*<\/(?:\w+:)?col>)/g)].map((m) => ({ min: Number(attr(m[1]!, 'min')), max: Number(attr(m[1]!, 'max')), xml: m[0] }));
  const added = widths
    .filter(({ column }) => !existing.some((c) => column >= c.min && column <= c.max))
    .map(({ column, width }) => ({ min: column, max: column, xml: `<${prefix}col min="${column}" max="${column}" width="${width}" customWidth="1"/>` }));
  if (added.length === 0) return xml;
  const cols = [...existing, ...added].sort((a, b) => a.min - b.min).map((c) => c.xml).join('');
  const block = /<((?:\w+:)?)cols\b([^>]*)>[\s\S]*?<\/(?:\w+:)?cols>/;
  if (block.test(xml)) return xml.replace(block, (_, p: string, attrs: string) => `<${p}cols${attrs}>${cols}</${p}cols>`);
  return xml.replace(new RegExp(`<${prefix}sheetData\\b`), (open) => `<${prefix}cols>${cols}</${prefix}cols>${open}`);
}

/** A new, plain worksheet part (the Summary sheet, or the sheet of pasted questions). */
export function sheetXml(rows: string[][], widths: number[], boldFirstRow = false): string {
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((text, c) => (text === '' ? '' : newCell('', r + 1, { column: c + 1, text }, boldFirstRow && r === 0 ? '1' : undefined))).join('')}</row>`)
    .join('');
  const cols = widths.length > 0 ? `<cols>${widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols}<sheetData>${body}</sheetData></worksheet>`;
}

/**
 * Adds a worksheet part to the workbook, under a name no other sheet has; returns that name. It goes last, so the
 * positions that defined names (print areas, filters: `localSheetId`) and the active tab refer to stay right.
 */
export async function addSheet(zip: JSZip, wantedName: string, xml: string): Promise<string> {
  const workbookXml = (await zip.file('xl/workbook.xml')!.async('string'))!;
  const relsPath = 'xl/_rels/workbook.xml.rels';
  const relsXml = (await zip.file(relsPath)?.async('string')) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const names = new Set([...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*?name="([^"]*)"/g)].map((m) => decodeXml(m[1]!).toLowerCase()));
  let name = wantedName;
  for (let i = 2; names.has(name.toLowerCase()); i++) name = `${wantedName} (${i})`;
  let n = 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
  const path = `xl/worksheets/sheet${n}.xml`;
  const ids = [...relsXml.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]!);
  let rid = 1;
  while (ids.includes(`rId${rid}`)) rid++;
  const sheetIds = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*?sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const relType = /Type="([^"]*\/worksheet)"/.exec(relsXml)?.[1] ?? NS_WORKSHEET_TYPE;
  const relPrefix = /xmlns:(\w+)="http:\/\/(?:schemas\.openxmlformats\.org\/officeDocument\/2006|purl\.oclc\.org\/ooxml\/officeDocument)\/relationships"/.exec(workbookXml)?.[1];
  const sheetsPrefix = /<((?:\w+:)?)sheets\b/.exec(workbookXml)?.[1] ?? '';
  let wb = workbookXml;
  let idAttr = `${relPrefix ?? 'r'}:id`;
  if (!relPrefix) {
    wb = wb.replace(/<((?:\w+:)?)workbook\b/, (open) => `${open} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`);
    idAttr = 'r:id';
  }
  wb = wb.replace(`</${sheetsPrefix}sheets>`, `<${sheetsPrefix}sheet name="${encodeXml(name)}" sheetId="${Math.max(0, ...sheetIds) + 1}" ${idAttr}="rId${rid}"/></${sheetsPrefix}sheets>`);
  zip.file('xl/workbook.xml', wb);
  zip.file(relsPath, relsXml.replace(/<\/((?:\w+:)?)Relationships>/, (close, p: string) => `<${p}Relationship Id="rId${rid}" Type="${relType}" Target="worksheets/sheet${n}.xml"/>${close}`));
  const types = (await zip.file('[Content_Types].xml')!.async('string'))!;
  zip.file('[Content_Types].xml', types.replace(/<\/((?:\w+:)?)Types>/, (close, p: string) => `<${p}Override PartName="/${path}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>${close}`));
  zip.file(path, xml);
  return name;
}

/** A new workbook of one sheet (pasted questions): the minimal parts Excel needs, with a bold style for headings. */
export function newWorkbook(sheetName: string, xml: string): JSZip {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${WORKSHEET_CONTENT_TYPE}"/></Types>`,
  );
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${encodeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_WORKSHEET_TYPE}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  zip.file('xl/worksheets/sheet1.xml', xml);
  return zip;
}

/** The zip's bytes; unchanged parts keep their content (they are re-compressed, never re-generated). */
export async function workbookBytes(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
