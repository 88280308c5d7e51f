import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/decide.js';
import { charSet, MAX_QUESTION_CHARS, questionPrefix, trimEndChars } from '../../src/search/bounded.js';
import { parseItemReference, stripReferenceTail } from '../../src/search/item-ref.js';
import { fixtureKnowledge } from '../support/knowledge.js';
import { LONG, prng, punctuationRun, separatorRun } from './inputs.js';
import { MeasuredIndex } from './measured-index.js';

/**
 * Linear time without timing: the answer core reads a bounded prefix (checked by what reaches the search), the
 * trimming helpers touch each character once (counted), and no source regex ends in an unanchored `[…]*$`, the shape
 * that went quadratic on '。'×39,999 + 'x'. Wall-clock figures are in bench/hostile.ts.
 */

const knowledge = fixtureKnowledge();
const HOSTILE = ['。'.repeat(LONG - 1) + 'x', '？'.repeat(LONG - 1) + 'x', '.'.repeat(LONG - 1) + 'x', '!'.repeat(LONG - 1) + 'x', ', '.repeat(LONG / 2) + 'x', 'バックアップ '.repeat(LONG / 7)];

describe('hostile 40,000-character messages are answered from a bounded prefix', () => {
  it('the search sees text of the first MAX_QUESTION_CHARS only, and the decision is the prefix’s decision', () => {
    const index = new MeasuredIndex(knowledge);
    const answerer = new Answerer(knowledge, {}, index);
    const reference = new Answerer(knowledge);
    const random = prng(7);
    const inputs = [...HOSTILE, ...Array.from({ length: 20 }, (_, i) => (i % 2 ? punctuationRun(random) : separatorRun(random)))];
    for (const input of inputs) {
      const decision = answerer.answer(input).decision;
      expect(decision, JSON.stringify(input.slice(0, 20))).toEqual(reference.answer(questionPrefix(input)).decision);
    }
    expect(index.longest).toBeGreaterThan(0);
    expect(index.longest).toBeLessThanOrEqual(2 * MAX_QUESTION_CHARS); // clauses of the prefix, joined with separators
  });

  it('what lies past the prefix cannot change the answer (a lookup stays a lookup)', () => {
    const answerer = new Answerer(knowledge);
    const question = `No.29${' '.repeat(MAX_QUESTION_CHARS)}and what is our password policy?`;
    expect(answerer.answer(question).decision).toMatchObject({ kind: 'lookup', items: [{ no: 29 }] });
  });

  it('questionPrefix never splits a surrogate pair', () => {
    const text = 'a'.repeat(MAX_QUESTION_CHARS - 1) + '😀'.repeat(10);
    const prefix = questionPrefix(text);
    expect(prefix.length).toBe(MAX_QUESTION_CHARS - 1);
    expect(prefix.endsWith('a')).toBe(true); // not the first half of 😀
  });
});

describe('trimming from the end is one pass', () => {
  it('trimEndChars looks at each trailing character once', () => {
    let lookups = 0;
    const punctuation = charSet('。？?', true);
    const counting = { has: (ch: string) => (lookups++, punctuation.has(ch)) } as ReadonlySet<string>;
    expect(trimEndChars('x' + '。'.repeat(LONG), counting)).toBe('x');
    expect(lookups).toBe(LONG + 1);
    lookups = 0;
    expect(trimEndChars('。'.repeat(LONG) + 'x', counting)).toBe('。'.repeat(LONG) + 'x');
    expect(lookups).toBe(1);
  });

  // The regex it replaces, kept here only as the specification of what the loop must do.
  const OLD_TRAIL = /(?:\s*(?:を見せて|を表示|を教えて(?:ください)?|は\?|について))?[\s?？!！。.、,]*$/u;
  it('stripReferenceTail does what the old regex did, on 5,000 short random strings', () => {
    const random = prng(11);
    const parts = ['29', 'No.', ' ', '?', '？', '!', '。', '、', ',', '.', 'は', 'は?', 'を見せて', 'を表示', 'を教えて', 'ください', 'について', 'x', '\n', '\u3000'];
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: Math.floor(random() * 7) }, () => parts[Math.floor(random() * parts.length)]).join('');
      expect(stripReferenceTail(text), JSON.stringify(text)).toBe(text.replace(OLD_TRAIL, ''));
    }
  });

  it('hostile references still parse the same way', () => {
    const known = new Set(knowledge.items.map((item) => item.no));
    expect(parseItemReference('29' + '。'.repeat(LONG), known)).toEqual({ kind: 'items', numbers: [29] });
    expect(parseItemReference('。'.repeat(LONG - 1) + 'x', known)).toBeNull();
    expect(parseItemReference('No.29を見せて？？？', known)).toEqual({ kind: 'items', numbers: [29] });
  });
});

describe('no source regex has the quadratic shape `[…]*$` without a ^ anchor', () => {
  const root = resolve(import.meta.dirname, '..', '..', 'src');
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
  // A regex literal (not in a comment) whose last atom is a repeated class or \s before `$`, and that does not start with ^.
  const TRAILING_RUN = /^(?!\s*(?:\/\/|\*)).*?(\/(?!\^)(?:[^/\\\n]|\\.)*(?:\]|\\s)[*+]\$\/[a-z]*)/;
  it.each(['search', 'answer', 'slack'])('src/%s', (dir) => {
    const offenders = files(join(root, dir)).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => [line.match(TRAILING_RUN)?.[1], `${file}:${i + 1}`] as const)
        .filter(([found]) => found !== undefined),
    );
    expect(offenders).toEqual([]);
  });
});
