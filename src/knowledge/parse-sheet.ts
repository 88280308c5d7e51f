import { findControlCharacter } from './control-characters.js';
import { SECTION_NAMES, SheetSchema, type Item, type Problem, type SectionName, type Sheet } from './types.js';

/** The header row the parser expects, cell for cell. */
export const SHEET_HEADER = ['No.', '種別', 'サービスレベル項目', '規定内容', '測定単位', '設定等'] as const;
const COLUMNS = SHEET_HEADER.length;

export interface ParsedSheet {
  sheet?: Sheet;
  errors: Problem[];
  warnings: Problem[];
}

const isSection = (value: string): value is SectionName => (SECTION_NAMES as readonly string[]).includes(value);

/**
 * Cells of a tab-separated line with trailing empty cells dropped (the sheet pads rows with tabs). Cells keep their
 * exact text, since answers are shown byte for byte; a cell of only white space counts as empty.
 */
function cellsOf(line: string): string[] {
  const cells = line.split('\t').map((cell) => (cell.trim() === '' ? '' : cell));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/**
 * Parses the check sheet exactly as exported from the spreadsheet.
 *
 * Quirks handled without editing the file: blank lines anywhere, a title line and a "company date" line before the
 * header, section rows (a section name alone on its line), a blank category meaning "same as the row above",
 * trailing tabs, and rows whose category cell is missing so every later cell sits one column to the left (items 38
 * and 49 in the 2022/6/1 sheet): those are realigned and reported as warnings.
 * Everything else that does not fit is an error naming its line; with any error there is no `sheet`.
 */
export function parseSheet(text: string, file = 'security-checklist.txt'): ParsedSheet {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const error = (line: number, message: string) => errors.push({ file, line, message });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);

  let title: string | undefined;
  let company: string | undefined;
  let date: string | undefined;
  let headerSeen = false;
  let section: SectionName | undefined;
  let category: string | undefined;
  const items: Item[] = [];
  const seen = new Map<number, number>();

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const control = findControlCharacter(raw);
    if (control) {
      // Posted to Slack as is, a NUL or an escape sequence would corrupt the answer: refuse the row, naming the cell.
      const column = raw.slice(0, control.index).split('\t').length - 1;
      const cell = headerSeen ? `cell ${column + 1}${SHEET_HEADER[column] ? ` (${SHEET_HEADER[column]})` : ''}` : 'this line';
      error(lineNo, `${cell} contains the control character ${control.label}: the sheet must be plain text`);
      return;
    }
    const cells = cellsOf(raw);
    if (cells.length === 0) return; // blank line, or a line of tabs

    if (!headerSeen) {
      if (cells[0]?.trim() === SHEET_HEADER[0]) {
        if (cells.length !== COLUMNS || cells.some((cell, i) => cell.trim() !== SHEET_HEADER[i])) {
          error(lineNo, `header row should be "${SHEET_HEADER.join(' | ')}", found "${cells.join(' | ')}"`);
        }
        headerSeen = true;
        return;
      }
      const dated = /^(.*?)\s*(\d{4}\/\d{1,2}\/\d{1,2})$/.exec(cells.join(' ').trim());
      if (dated && !date) {
        company = dated[1]?.trim() || undefined;
        date = dated[2];
      } else if (!title) {
        title = cells.join(' ').trim();
      } else {
        error(lineNo, `unexpected text before the header row: "${cells.join(' ')}"`);
      }
      return;
    }

    const first = (cells[0] ?? '').trim();
    if (cells.length === 1 && isSection(first)) {
      section = first;
      category = undefined; // a new section never inherits the previous section's category
      return;
    }
    if (!/^\d+$/.test(first)) {
      error(lineNo, `expected an item row starting with its No. or a section name (${SECTION_NAMES.join(', ')}), found "${first}"`);
      return;
    }
    const no = Number(first);
    if (!section) {
      error(lineNo, `item ${no} comes before any section row`);
      return;
    }

    let [, categoryCell = '', name, definition, unit, answer] = cells;
    let realigned = false;
    if (cells.length === COLUMNS - 1 && categoryCell !== '') {
      // The category cell is missing: the item name sits in the category column and the answer column is empty.
      // (With an empty second cell the row is not shifted: its answer is missing, reported below.)
      [name, definition, unit, answer] = cells.slice(1);
      categoryCell = '';
      realigned = true;
    } else if (cells.length < COLUMNS - 1) {
      error(lineNo, `item ${no} has ${cells.length} cells; expected ${COLUMNS} (${SHEET_HEADER.join(', ')})`);
      return;
    } else if (cells.length > COLUMNS) {
      error(lineNo, `item ${no} has ${cells.length} cells; expected ${COLUMNS}: is there a tab inside a cell?`);
      return;
    }

    if (categoryCell) category = categoryCell.trim();
    if (!category) {
      error(lineNo, `item ${no} has no category and there is none above it in section ${section} to continue`);
      return;
    }
    if (realigned) {
      warnings.push({
        file,
        line: lineNo,
        code: 'realigned_row',
        message: `item ${no} has no category cell, so its cells were shifted left; realigned with category "${category}" continued from above`,
      });
    }
    const missing = (
      [
        ['サービスレベル項目', name],
        ['規定内容', definition],
        ['測定単位', unit],
        ['設定等', answer],
      ] as const
    ).filter(([, value]) => !value);
    if (missing.length > 0) {
      error(lineNo, `item ${no} has an empty ${missing.map(([column]) => column).join(', ')} cell`);
      return;
    }
    const previous = seen.get(no);
    if (previous !== undefined) {
      error(lineNo, `item ${no} appears twice (first on line ${previous})`);
      return;
    }
    seen.set(no, lineNo);
    items.push({
      no,
      section,
      category,
      name: name!,
      definition: definition!,
      unit: unit!,
      answer: answer!,
      line: lineNo,
      realigned,
    });
  });

  if (!headerSeen) errors.push({ file, message: `no header row ("${SHEET_HEADER.join(' | ')}") found` });
  if (!title) errors.push({ file, message: 'no title line found before the header row' });
  if (!date) errors.push({ file, message: 'no date line (e.g. "ITRA株式会社 2022/6/1") found before the header row' });
  if (headerSeen && items.length === 0 && errors.length === 0) errors.push({ file, message: 'the sheet has no items' });
  items.forEach((item, i) => {
    if (item.no !== i + 1) {
      warnings.push({ file, line: item.line, code: 'non_consecutive', message: `item numbers are not consecutive: ${item.no} follows ${items[i - 1]?.no ?? 'the header'}` });
    }
  });

  if (errors.length > 0) return { errors, warnings };
  const checked = SheetSchema.safeParse({ title, company: company ?? '', date, items });
  if (!checked.success) {
    return { errors: checked.error.issues.map((issue) => ({ file, message: `${issue.path.join('.')}: ${issue.message}` })), warnings };
  }
  return { sheet: checked.data, errors, warnings };
}
