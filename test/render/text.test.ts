import { describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/decide.js';
import { pasteLine, renderAnswerText } from '../../src/render/text.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { fixtureKnowledge, knowledgeCopy } from '../support/knowledge.js';

const knowledge = fixtureKnowledge();
const item = (no: number) => knowledge.byNo.get(no)!;

describe('plain-text renderers', () => {
  it('renders paste-ready lines in Japanese (verbatim cell) and English (reviewed translation)', () => {
    expect(pasteLine(item(29), 'ja')).toBe('No.29 バックアップデータを取得するタイミング(RPO)：24時間');
    expect(pasteLine(item(29), 'en')).toBe('No.29 Backup timing (RPO): 24 hours');
  });

  it('shows the English answer labelled as a translation, with the Japanese original, and the sheet as source', () => {
    const text = renderAnswerText(new Answerer(knowledge).answer("what's our RPO?"), knowledge, 'en');
    expect(text).toContain('No.29 Backup timing (RPO)');
    expect(text).toContain('Answer (reviewed English translation): 24 hours');
    expect(text).toContain('Japanese original (設定等): 24時間');
    expect(text).toContain('2022/6/1');
  });

  it('flags 非公開 answers in both languages', () => {
    const answerer = new Answerer(knowledge);
    expect(renderAnswerText(answerer.answer('No.11'), knowledge, 'en')).toContain('Not disclosed (非公開): do not give customers more than this.');
    expect(renderAnswerText(answerer.answer('No.11'), knowledge, 'ja')).toContain('非公開項目です');
  });

  it('falls back to the Japanese cell, labelled, when the answer translation is stale, keeping the reviewed name, unit and definition', () => {
    const copy = knowledgeCopy();
    copy.edit('security-checklist.txt', (text) => text.replace('\t時間\t24時間\n', '\t時間\t12時間\n'));
    const edited = loadKnowledge(copy.dir);
    const text = renderAnswerText(new Answerer(edited).answer('No.29'), edited, 'en');
    expect(text).toContain('No.29 Backup timing (RPO)  (バックアップデータを取得するタイミング(RPO))');
    expect(text).toContain('Answer (Japanese original; the English translation is out of date and awaiting review): 12時間');
    expect(text).toContain('· Unit: Time');
    expect(text).toContain('Definition: The point in time up to which backup data is taken and data is guaranteed (the recovery point objective)');
    expect(text).not.toContain('24 hours');
    expect(text).not.toContain('Japanese original (設定等)'); // the answer line already is the Japanese original
  });

  it('says "not covered" and labels the nearest items as suggestions', () => {
    const text = renderAnswerText(new Answerer(knowledge).answer('Do you support SAML for access to customer data?'), knowledge, 'en');
    expect(text).toMatch(/^The checklist does not cover this \(single sign-on\)/);
    expect(text).toContain('Nearest items (these do not answer the question as asked):');
  });
});

describe('Japanese replies read as Japanese', () => {
  const answerer = new Answerer(knowledge);
  const ja = (question: string) => renderAnswerText(answerer.answer(question), knowledge, 'ja');

  it('names a known gap in Japanese, for Japanese and katakana terms', () => {
    expect(ja('シングルサインオンに対応していますか')).toMatch(/^シングルサインオン（SSO）はチェックシートの対象外です。/);
    expect(ja('SSO対応していますか')).toMatch(/^シングルサインオン（SSO）はチェックシートの対象外です。/);
    for (const question of ['多要素認証は使えますか', '二要素認証はありますか', '２段階認証は？', 'パスキーでログインできますか']) {
      expect(ja(question), question).toMatch(/^多要素認証（MFA）はチェックシートの対象外です。/);
    }
    expect(ja('多要素認証は使えますか')).not.toMatch(/multi-factor/);
    // English replies keep the English name.
    expect(renderAnswerText(answerer.answer('Do you support MFA?'), knowledge, 'en')).toMatch(/^The checklist does not cover this \(multi-factor authentication\)/);
  });

  it('shows the sheet once per message and a section once when the category repeats it', () => {
    const text = ja('28-32');
    expect(text.match(/出典：/g)).toHaveLength(1);
    expect(text).toContain('区分：データ管理　測定単位：');
    expect(text).not.toContain('データ管理 › データ管理');
    expect(renderAnswerText(answerer.answer('No.31'), knowledge, 'en')).toContain('Section: Data management · Unit:');
    expect(ja('No.1')).toContain('区分：アプリケーション運用 › 可用性');
  });

  it('tells staff about a known typo right under the verbatim cell', () => {
    const text = ja('No.48');
    expect(text).toContain('回答（チェックシート原文）：有。二次記憶媒体は使用せず、データセンター内のみに案誤化した状態で保管\n※ 原文の誤記：「案誤化」は「暗号化」の誤りです');
    expect(renderAnswerText(answerer.answer('No.48'), knowledge, 'en')).toContain('Known typo in the sheet: "案誤化" should read "暗号化"');
  });
});
