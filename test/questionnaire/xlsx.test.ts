import { describe, expect, it } from 'vitest';
import { decodeXml, encodeXml, patchSheetXml } from '../../src/questionnaire/xlsx.js';

const SHEET = (rows: string, cols = '') =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B3"/>${cols}<sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;

describe('patchSheetXml', () => {
  it('adds cells in column order, fills an empty styled cell keeping its style, never replaces a value, and inserts missing rows in order', () => {
    const xml = SHEET('<row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c></row><row r="3" spans="1:4"><c r="A3"><v>3</v></c><c r="B3" s="5"/><c r="D3" t="s"><v>1</v></c></row>');
    const out = patchSheetXml(
      xml,
      new Map([
        [3, [{ column: 2, text: 'Yes' }, { column: 4, text: 'never' }, { column: 3, text: 'C' }, { column: 5, text: '29' }]],
        [2, [{ column: 5, text: 'two & <three>' }]],
      ]),
      [{ column: 5, width: 12 }],
    );
    expect(out).toContain(
      '<row r="2"><c r="E2" t="inlineStr"><is><t xml:space="preserve">two &amp; &lt;three&gt;</t></is></c></row><row r="3"><c r="A3"><v>3</v></c><c r="B3" s="5" t="inlineStr"><is><t xml:space="preserve">Yes</t></is></c><c r="C3" t="inlineStr"><is><t xml:space="preserve">C</t></is></c><c r="D3" t="s"><v>1</v></c><c r="E3"><v>29</v></c></row>',
    );
    expect(out).toContain('<row r="1" spans="1:2">'); // untouched rows keep every attribute
    expect(out).toContain('<dimension ref="A1:E3"/>');
    expect(out).toContain('<cols><col min="5" max="5" width="12" customWidth="1"/></cols><sheetData>');
    expect(out).toContain('<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>');
  });

  it('keeps an existing column width that already covers an added column', () => {
    const xml = SHEET('<row r="1"><c r="A1"><v>1</v></c></row>', '<cols><col min="1" max="16384" width="9" customWidth="1"/></cols>');
    expect(patchSheetXml(xml, new Map([[1, [{ column: 3, text: 'x' }]]]), [{ column: 3, width: 40 }])).toContain('<cols><col min="1" max="16384" width="9" customWidth="1"/></cols>');
  });

  it('puts added column widths in ascending order among the customer’s (Excel wants them sorted)', () => {
    const xml = SHEET('<row r="1"><c r="A1"><v>1</v></c></row>', '<cols><col min="1" max="2" width="9" customWidth="1"/><col min="20" max="21" width="3" customWidth="1"/></cols>');
    expect(patchSheetXml(xml, new Map([[1, [{ column: 5, text: 'x' }]]]), [{ column: 5, width: 40 }])).toContain(
      '<cols><col min="1" max="2" width="9" customWidth="1"/><col min="5" max="5" width="40" customWidth="1"/><col min="20" max="21" width="3" customWidth="1"/></cols>',
    );
  });

  it('copies the style of the named column in the same row', () => {
    const out = patchSheetXml(SHEET('<row r="2"><c r="B2" s="7" t="s"><v>2</v></c></row>'), new Map([[2, [{ column: 4, text: 'x', styleFrom: 2 }]]]), []);
    expect(out).toContain('<c r="D2" s="7" t="inlineStr">');
  });
});

describe('XML text', () => {
  it('round-trips text, drops characters XML cannot carry, and reads OOXML _xHHHH_ escapes', () => {
    expect(decodeXml(encodeXml('a & b < c > "d" _x000D_ 質問'))).toBe('a & b < c > "d" _x000D_ 質問');
    expect(encodeXml('bell\u0007')).toBe('bell');
    expect(decodeXml('line_x000D_break &#x41;&#66;')).toBe('line\rbreak AB');
  });
});
