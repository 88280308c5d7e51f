import type { Table } from './table.js';

/**
 * Decodes a text file: UTF-8 with or without a byte-order mark, UTF-16 with a BOM, else Shift_JIS (CP932), which
 * Japanese Excel writes for "CSV". Bytes that are not valid UTF-8 are the sign: Shift_JIS text with kana or kanji
 * is practically never valid UTF-8. Node's ICU decoder for 'shift_jis' is the WHATWG one (CP932: ①, ～, NEC and
 * IBM extensions), so no extra package is needed.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}

/**
 * Parses CSV or TSV (RFC 4180: quoted fields may hold the delimiter, doubled quotes and line breaks). The delimiter
 * is a tab when the first line has more tabs than commas. Returns the rows (a blank line is a row of one empty cell)
 * and the 1-based line each row starts on (a quoted line break makes a row span lines).
 */
export function parseDelimited(text: string, delimiter?: ',' | '\t'): { rows: string[][]; lines: number[] } {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = delimiter ?? ((firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',');
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let rowStart = 1;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      lines.push(rowStart);
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
      rowStart = ++line;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
    lines.push(rowStart);
  }
  return { rows, lines };
}

/** A table from CSV/TSV rows. */
export function tableFromRows(rows: string[][]): Table {
  return { sheet: null, rows, columns: Math.max(0, ...rows.map((row) => row.length)), merges: [], lists: [] };
}

/** Writes rows as CSV that Excel opens correctly: UTF-8 with a byte-order mark, CRLF, quotes where needed. */
export function serializeCsv(rows: string[][]): Uint8Array {
  const quote = (cell: string): string => (/[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return new TextEncoder().encode('\uFEFF' + rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n');
}

/**
 * Pasted questions, one per line: list markers (1. / 1) / Q1: / ・ / - / •) are dropped, blank lines skipped.
 * Returns each question with its 1-based line number.
 */
export function pastedQuestions(text: string): Array<{ line: number; question: string }> {
  return text
    .split(/\r?\n/)
    .map((raw, i) => ({ line: i + 1, question: stripListMarker(raw) }))
    .filter((entry) => entry.question !== '');
}

export function stripListMarker(line: string): string {
  return line
    .trim()
    // "99.9%…" keeps its number: a period ends a marker only when a space follows it.
    .replace(/^(?:[-*•・●■□◆◇>]+|(?:Q|No\.?|#)?\s*[0-9０-９]{1,4}(?:[.．](?=\s)|\s*[)）:：、])|[（(][0-9０-９]{1,4}[)）]|[①-⑳])\s*/iu, '')
    .trim();
}
