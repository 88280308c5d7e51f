import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSheet } from '../../src/knowledge/parse-sheet.js';
import { SHEET_PATH, rawItemRows } from '../support/knowledge.js';

const sheetText = readFileSync(SHEET_PATH, 'utf8');
const HEADER = 'No.\t種別\tサービスレベル項目\t規定内容\t測定単位\t設定等';
const sheet = (...rows: string[]) => ['', 'タイトル', '', '会社 2022/6/1', '', HEADER, 'データ管理\t\t\t\t\t', ...rows].join('\n');

describe('parseSheet on the sheet as received', () => {
  const parsed = parseSheet(sheetText);

  it('loads all 49 items with no errors and the sheet metadata', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.sheet?.items.map((item) => item.no)).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
    expect(parsed.sheet?.title).toBe('クラウドサービスレベルのチェックリスト（経済産業省）に基づくセキュリティチェックシート');
    expect(parsed.sheet?.company).toBe('ITRA株式会社');
    expect(parsed.sheet?.date).toBe('2022/6/1');
  });

  it('realigns items 38 and 49, whose category cell is missing, and reports them as warnings with their lines', () => {
    expect(parsed.warnings.map((w) => [w.line, w.message.slice(0, 30)])).toEqual([
      [51, 'item 38 has no category cell, '],
      [64, 'item 49 has no category cell, '],
    ]);
    const item38 = parsed.sheet!.items[37]!;
    expect(item38).toMatchObject({ no: 38, section: 'データ管理', category: 'データ管理', name: '入力データ形式の制限機能', definition: '入力データ形式の制限機能の有無', unit: '有無', answer: '有', realigned: true });
    const item49 = parsed.sheet!.items[48]!;
    expect(item49).toMatchObject({ no: 49, section: 'セキュリティ', category: 'セキュリティ', name: 'データの外部保存方針', unit: '把握状況', answer: 'データの保存地ならびに法制度等による制約条件は適切に把握', realigned: true });
  });

  it('continues blank categories from the row above and resets them at each section', () => {
    const items = parsed.sheet!.items;
    expect(items[1]).toMatchObject({ no: 2, section: 'アプリケーション運用', category: '可用性' });
    expect(items[18]).toMatchObject({ no: 19, category: '性能' }); // after the blank line inside the table
    expect(items[25]).toMatchObject({ no: 26, section: 'サポート', category: 'サポート' });
    expect(items[38]).toMatchObject({ no: 39, section: 'セキュリティ', category: 'セキュリティ' });
  });

  it('hands out every answer cell byte for byte', () => {
    const raw = rawItemRows();
    for (const item of parsed.sheet!.items) {
      const cells = raw.get(item.no)!;
      const expected = item.realigned ? cells[4] : cells[5];
      expect(Buffer.from(item.answer)).toEqual(Buffer.from(expected!));
    }
  });

  it('reads the same sheet with CRLF line ends and a byte order mark', () => {
    const crlf = parseSheet('\uFEFF' + sheetText.replace(/\n/g, '\r\n'));
    expect(crlf.errors).toEqual([]);
    expect(crlf.sheet?.items).toEqual(parsed.sheet?.items);
  });
});

describe('parseSheet on broken sheets', () => {
  it('names the line of a row with too few cells and loads nothing', () => {
    const result = parseSheet(sheet('1\t可用性\tサービス時間\t定義\t時間帯\t24時間', '2\t\t名前'));
    expect(result.sheet).toBeUndefined();
    expect(result.errors).toEqual([{ file: 'security-checklist.txt', line: 9, message: expect.stringContaining('item 2 has 3 cells; expected 6') }]);
  });

  it('rejects duplicate numbers, empty answers, junk rows and a row with a tab inside a cell', () => {
    const result = parseSheet(
      sheet(
        '1\t可用性\t名前\t定義\t単位\t有',
        '1\t\t名前\t定義\t単位\t有',
        '2\t\t名前\t定義\t単位\t ',
        'これは何\t\t\t',
        '3\t\t名前\t定義\t単位\t有\t余分',
      ),
    );
    expect(result.sheet).toBeUndefined();
    expect(result.errors.map((e) => [e.line, e.message.split(' (')[0]])).toEqual([
      [9, 'item 1 appears twice'],
      [10, 'item 2 has an empty 設定等 cell'],
      [11, 'expected an item row starting with its No. or a section name'],
      [12, 'item 3 has 7 cells; expected 6: is there a tab inside a cell?'],
    ]);
  });

  it('refuses an item with no category to continue and a sheet without header or date', () => {
    expect(parseSheet(sheet('1\t\t名前\t定義\t単位\t有')).errors[0]?.message).toContain('has no category');
    const noHeader = parseSheet('タイトル\n1\t可用性\t名前\t定義\t単位\t有');
    expect(noHeader.sheet).toBeUndefined();
    expect(noHeader.errors.map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringContaining('no header row'), expect.stringContaining('no date line')]));
  });

  it('refuses a changed header', () => {
    const result = parseSheet(sheet('1\t可用性\t名前\t定義\t単位\t有').replace('設定等', '回答'));
    expect(result.errors[0]).toMatchObject({ line: 6, message: expect.stringContaining('header row should be') });
  });
});
