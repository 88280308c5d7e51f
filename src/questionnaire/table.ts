/**
 * One grid of cells as the customer sees it: a worksheet, a CSV file or pasted lines. Rows and columns are 1-based
 * like Excel's; `cell(row, column)` is the displayed text ('' for an empty cell or a merged cell's hidden part).
 */
export interface Table {
  /** The worksheet's name; null for CSV and text. */
  sheet: string | null;
  /** rows[r - 1][c - 1]; rows may be shorter than `columns`. */
  rows: string[][];
  /** The widest row's column count. */
  columns: number;
  merges: CellRange[];
  /** Drop-down lists (list data validations) and the cells they apply to. */
  lists: Array<{ ranges: CellRange[]; options: string[] }>;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const cellText = (table: Table, row: number, column: number): string => table.rows[row - 1]?.[column - 1] ?? '';

export const inRange = (range: CellRange, row: number, column: number): boolean =>
  row >= range.top && row <= range.bottom && column >= range.left && column <= range.right;

/** `A` → 1, `AB` → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 → `A`, 28 → `AB`. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `C12` → {row: 12, column: 3}; undefined for anything else. */
export function parseCellRef(ref: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  return match ? { column: columnNumber(match[1]!), row: Number(match[2]) } : undefined;
}

/** `A1:E1` or `C4` → a range. */
export function parseRange(ref: string): CellRange | undefined {
  const [from, to = from] = ref.split(':');
  const a = from ? parseCellRef(from) : undefined;
  const b = to ? parseCellRef(to) : undefined;
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}
