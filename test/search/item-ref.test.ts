import { describe, expect, it } from 'vitest';
import { parseItemReference } from '../../src/search/item-ref.js';

const known = new Set(Array.from({ length: 49 }, (_, i) => i + 1));
const ref = (text: string) => parseItemReference(text, known);

describe('parseItemReference', () => {
  it.each(['29', 'No.29', 'no 29', 'No. 29', 'NO.29', '#29', 'item 29', 'Item 29?', '項目29', '項番29', '項目番号29', '29番', '２９', 'Ｎｏ．２９', '＃２９', ' 29 ', 'show 29', 'No.29を見せて'])(
    '%s is item 29',
    (text) => expect(ref(text)).toEqual({ kind: 'items', numbers: [29] }),
  );

  it('reads lists and ranges in order, without repeats', () => {
    expect(ref('29, 30, 32')).toEqual({ kind: 'items', numbers: [29, 30, 32] });
    expect(ref('28-32')).toEqual({ kind: 'items', numbers: [28, 29, 30, 31, 32] });
    expect(ref('No.28〜No.30')).toEqual({ kind: 'items', numbers: [28, 29, 30] });
    expect(ref('29、30')).toEqual({ kind: 'items', numbers: [29, 30] });
    expect(ref('#3 #1 #3')).toEqual({ kind: 'items', numbers: [3, 1] });
    expect(ref('items 1 and 2')).toEqual({ kind: 'items', numbers: [1, 2] });
  });

  it('answers numbers that are not items with "unknown", never a search', () => {
    expect(ref('No.99')).toEqual({ kind: 'unknown', given: ['99'], numbers: [] });
    expect(ref('0')).toEqual({ kind: 'unknown', given: ['0'], numbers: [] });
    expect(ref('No.-1')).toEqual({ kind: 'unknown', given: ['-1'], numbers: [] });
    expect(ref('No.1e9')).toEqual({ kind: 'unknown', given: ['1e9'], numbers: [] });
    expect(ref('29, 50')).toEqual({ kind: 'unknown', given: ['50'], numbers: [29] });
    expect(ref('1-1000000')).toMatchObject({ kind: 'unknown' });
  });

  it('does not treat a number inside a sentence as a lookup', () => {
    for (const text of ['is uptime 99.9%?', 'do we keep 3 generations', 'RPO 24 hours?', 'TLS 1.2', 'ISO 27001', 'no', '', 'No.', '#', 'バックアップは3世代ですか']) {
      expect(ref(text)).toBeNull();
    }
  });
});
