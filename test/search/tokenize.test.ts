import { describe, expect, it } from 'vitest';
import { editDistance, SpellingCorrector } from '../../src/search/spelling.js';
import { Analyzer } from '../../src/search/tokenize.js';
import { fixtureKnowledge } from '../support/knowledge.js';

const analyzer = new Analyzer(fixtureKnowledge().vocabulary);
const analyze = (text: string): string[] => analyzer.analyze(text);
const tokenize = (text: string): string[] => analyzer.tokenize(text);

describe('tokenize and analyze', () => {
  it('folds width and case, and splits Japanese into words', () => {
    expect(analyze('ＲＰＯ')).toEqual(['rpo']);
    expect(analyze('RPOを教えてください')).toEqual(['rpo']);
    expect(analyze('障害はどのくらいの間隔で監視していますか')).toEqual(['障害', '間隔', '監視']);
  });

  it('folds katakana to hiragana, half-width kana, and a final long-vowel mark', () => {
    expect(analyze('ﾊﾞｯｸｱｯﾌﾟ')).toEqual(analyze('バックアップ'));
    expect(analyze('サーバー')).toEqual(analyze('サーバ'));
  });

  it('reads a loan word typed in hiragana as the katakana word', () => {
    expect(analyze('ばっくあっぷ')).toEqual(analyze('バックアップ'));
    expect(analyze('バックアップは毎日取っていますか')).toEqual(['ばっくあっぷ', '毎日', '取']);
  });

  it('stems English words but leaves short acronyms alone', () => {
    expect(analyze('Are backups encrypted?')).toEqual(['backup', 'encrypt']);
    expect(analyze('encryption')).toEqual(analyze('encrypted'));
    expect(analyze('TLS SLA RPO')).toEqual(['tls', 'sla', 'rpo']);
  });

  it('splits letters from digits so standards match however they are typed', () => {
    expect(tokenize('ISO27001 SAS70Type2')).toEqual(['iso', '27001', 'sas', '70', 'type', '2']);
  });

  it('drops chit-chat entirely', () => {
    expect(analyze('thanks!')).toEqual([]);
    expect(analyze('hello there, what is it?')).toEqual([]);
  });
});

describe('onlyMetaWords', () => {
  it('is true when every content word is a meta word, in any kana or width', () => {
    for (const text of ['help', 'test', 'Ｔｅｓｔ', 'can you help me?', 'テスト', 'ﾃｽﾄ', 'help help', 'bot usage']) expect(analyzer.onlyMetaWords(text), text).toBe(true);
  });

  it('is false with another content word anywhere, or with no content word at all', () => {
    for (const text of ['', '?', 'the', 'test restore', 'restore test', 'help with backups', 'テストの頻度', 'penetration testing', 'contest', 'helpdesk hours']) {
      expect(analyzer.onlyMetaWords(text), text).toBe(false);
    }
  });
});

describe('spelling correction', () => {
  const speller = new SpellingCorrector(['point', 'post', 'encryption', 'penetration', 'recovery']);

  it('counts a transposition as one edit', () => {
    expect(editDistance('encyrption', 'encryption')).toBe(1);
    expect(editDistance('pont', 'point')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });

  it('prefers a dropped letter over a substitution, and refuses words too far from any', () => {
    expect(speller.correct('pont')).toBe('point');
    expect(speller.correct('penetraton')).toBe('penetration');
    expect(speller.correct('zzzz')).toBeUndefined();
    expect(new SpellingCorrector(['arising']).correct('raining')).toBeUndefined(); // two edits across the first letters
    expect(new SpellingCorrector(['encryption']).correct('necryption')).toBe('encryption'); // a plain swap is fine
    expect(speller.correct('abc')).toBeUndefined(); // too short to correct safely
  });
});
