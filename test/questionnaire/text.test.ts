import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/questionnaire/detect.js';
import { decodeText, parseDelimited, pastedQuestions, tableFromRows } from '../../src/questionnaire/text.js';
import { encodeShiftJis } from '../fixtures/questionnaires/build.js';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, UTF-16 with a BOM, and otherwise Shift_JIS', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFF質問')).text).toBe('質問');
    expect(decodeText(new TextEncoder().encode('質問')).encoding).toBe('utf-8');
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from('質問', 'utf16le')])).text).toBe('質問');
    const sjis = decodeText(encodeShiftJis('①バックアップ～は？'));
    expect(sjis).toEqual({ text: '①バックアップ～は？', encoding: 'shift_jis' });
  });
});

describe('parseDelimited', () => {
  it('reads quoted commas, doubled quotes, quoted line breaks and blank lines, with the line each row starts on', () => {
    const { rows, lines } = parseDelimited('No,Question\r\n1,"Backups, how often?"\r\n\r\n2,"Say ""hi""\nplease"\n3,last');
    expect(rows).toEqual([['No', 'Question'], ['1', 'Backups, how often?'], [''], ['2', 'Say "hi"\nplease'], ['3', 'last']]);
    expect(lines).toEqual([1, 2, 3, 4, 6]);
  });

  it('uses tabs when the first line has more tabs than commas (TSV)', () => {
    expect(parseDelimited('No\tQuestion, really\tAnswer\n1\tRPO?\t').rows).toEqual([['No', 'Question, really', 'Answer'], ['1', 'RPO?', '']]);
    expect(parseDelimited('No\tQuestion, really\n1\tRPO?', '\t').rows).toEqual([['No', 'Question, really'], ['1', 'RPO?']]); // a .tsv file
  });
});

describe('pastedQuestions', () => {
  it('drops list markers and blank lines but keeps numbers that belong to the question', () => {
    expect(pastedQuestions('1. RPO?\n\n2) RTO?\nQ3: backups\n・暗号化は？\n- SSO?\n99.9%の稼働率は保証されますか\nNo.29').map((q) => [q.line, q.question])).toEqual([
      [1, 'RPO?'],
      [3, 'RTO?'],
      [4, 'backups'],
      [5, '暗号化は？'],
      [6, 'SSO?'],
      [7, '99.9%の稼働率は保証されますか'],
      [8, 'No.29'],
    ]);
  });
});

describe('detectLayout', () => {
  it('without a named header, takes the column of longest text and skips short section titles', () => {
    const table = tableFromRows([
      ['#', 'Area', 'Text'],
      ['', 'Backups', ''],
      ['1', 'Backups', 'How often are backups taken?'],
      ['2', 'Backups', 'How long are backups kept for recovery?'],
      ['', '', 'Encryption'],
      ['3', 'Crypto', 'Is data encrypted at rest in the database?'],
    ]);
    expect(detectLayout(table)).toMatchObject({ headerRow: 1, questionColumn: 3, questionRows: [3, 4, 6], named: false });
  });

  it('prefers a header naming the questions (確認項目) over a vaguer one (項目) and ignores ID headers (Question No.)', () => {
    const table = tableFromRows([
      ['Question No.', '項目', '確認項目', '回答'],
      ['1', 'バックアップ', 'バックアップの頻度を教えてください。', ''],
    ]);
    expect(detectLayout(table)).toMatchObject({ headerRow: 1, questionColumn: 3, questionRows: [2], named: true });
  });

  it('is not fooled by a title row (Security Questionnaire), a Question ID column or a named column of short codes', () => {
    const table = tableFromRows([
      ['Security Questionnaire'],
      ['Question ID', 'Question Ref', 'Control', 'Vendor Response'],
      ['CC-1', 'Q-1', 'Describe how backups are taken and how often.', ''],
      ['CC-2', 'Q-2', 'Describe how long backups are retained.', ''],
    ]);
    expect(detectLayout(table)).toMatchObject({ headerRow: 2, questionColumn: 3, questionRows: [3, 4] });
  });

  it('returns nothing when no column holds text long enough to be questions', () => {
    expect(detectLayout(tableFromRows([['SKU', 'Qty'], ['A-1', '3'], ['B-2', '4']]))).toBeUndefined();
  });
});
