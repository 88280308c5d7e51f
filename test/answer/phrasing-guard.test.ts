import { describe, expect, it } from 'vitest';
import { checkPhrasing, kanjiNumberValue } from '../../src/answer/phrasing-guard.js';
import { fixtureKnowledge } from '../support/knowledge.js';

const k = fixtureKnowledge();
const items = (...numbers: number[]) => numbers.map((no) => k.byNo.get(no)!);

describe('checkPhrasing', () => {
  it.each([
    ['Our RPO is 24 hours (item No.29).', [29]],
    ['バックアップは24時間ごとに取得しています（No.29）。', [29]],
    ['We keep 3 generations of backups.', [32]],
    ['We keep three generations of backups.', [32]],
    ['Yes, communications use TLS 1.2.', [42]],
    ['We hold the Privacy Mark (registration 17001388-05).', [39]],
    ['Backups are full backups taken daily? The sheet says so in item 28.', [28]],
    ['This figure is not disclosed.', [11]],
    ['Availability is 99.9% or higher.', [5]],
    ['稼働率は99.9%以上です。', [5]],
    ['バックアップは二十四時間ごとに取得しています。', [29]],
    ['バックアップは三世代保管しています。', [32]],
    ['第三者の評価を受けており、一般的な対策として十分な体制です。万一の場合も同一データセンターから復旧します。', [40, 28]],
  ])('keeps "%s"', (phrasing, cited) => {
    expect(checkPhrasing(phrasing, items(...cited))).toEqual({ ok: true });
  });

  it.each([
    ['Our RPO is 1 hour.', [29], ['1']],
    ['Our RPO is one hour.', [29], ['1']],
    ['We are ISO 27001 certified.', [39], ['27001', 'iso']],
    ['We have a SOC 2 report.', [43], ['soc']],
    ['Backups are taken hourly.', [29], ['hourly']],
    ['Yes, we disclose MTTR.', [10], ['yes']],
    ['No, data is not encrypted.', [33], ['no']],
    ['We support TLS 1.3.', [42], ['1.3']],
    ['RPOは1時間です。', [29], ['1']],
    ['Uptime is 99.99%.', [5], ['99.99']],
    ['RPOは一時間です。', [29], ['1']],
    ['バックアップは七世代保管しています。', [32], ['7']],
    ['二〇二五年に更新しました。', [29], ['2025']],
  ])('drops "%s"', (phrasing, cited, claims) => {
    const result = checkPhrasing(phrasing, items(...(cited as number[])));
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.claims).toEqual(expect.arrayContaining(claims as string[]));
  });

  it.each([
    ['三', 3],
    ['十', 10],
    ['二十四', 24],
    ['三百六十五', 365],
    ['三千五百', 3500],
    ['一万', 10000],
    ['二万五千', 25000],
    ['二〇二二', 2022],
  ])('reads the kanji number %s as %d', (numerals, value) => {
    expect(kanjiNumberValue(numerals)).toBe(value);
  });
});
