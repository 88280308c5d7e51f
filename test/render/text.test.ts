import { describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/decide.js';
import { customerSentence, pasteLine, renderAnswerText } from '../../src/render/text.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { fixtureKnowledge, knowledgeCopy } from '../support/knowledge.js';

const knowledge = fixtureKnowledge();
const item = (no: number) => knowledge.byNo.get(no)!;

describe('plain-text renderers', () => {
  it('renders paste-ready lines in Japanese (verbatim cell) and English (reviewed translation)', () => {
    expect(pasteLine(item(29), 'ja')).toBe('No.29 バックアップデータを取得するタイミング(RPO)：24時間');
    expect(pasteLine(item(29), 'en')).toBe('No.29 Backup timing (RPO): 24 hours');
  });

  it('writes one polite customer sentence per language with the item No. and the sheet date', () => {
    expect(customerSentence(item(42), 'ja', knowledge)).toBe('弊社セキュリティチェックシート（2022/6/1版）No.42「通信の暗号化レベル」に対する弊社の回答は「有。TLS 1.2」です。');
    expect(customerSentence(item(42), 'en', knowledge)).toBe('In our security check sheet (2022/6/1), our answer to item No.42 "Encryption level of communications" is: Yes. TLS 1.2.');
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

  it('marks the customer sentence when its English answer is the Japanese cell', () => {
    const copy = knowledgeCopy();
    copy.edit('security-checklist.txt', (text) => text.replace('\t時間\t24時間\n', '\t時間\t12時間\n'));
    const edited = loadKnowledge(copy.dir);
    expect(customerSentence(edited.byNo.get(29)!, 'en', edited)).toBe(
      'In our security check sheet (2022/6/1), our answer to item No.29 "Backup timing (RPO)" is: 12時間. (The English translation of this answer is awaiting review; the answer is quoted in the original Japanese.)',
    );
    expect(customerSentence(knowledge.byNo.get(29)!, 'en', knowledge)).toBe('In our security check sheet (2022/6/1), our answer to item No.29 "Backup timing (RPO)" is: 24 hours.');
  });

  it('says "not covered" and labels the nearest items as suggestions', () => {
    const text = renderAnswerText(new Answerer(knowledge).answer('Do you support SAML for access to customer data?'), knowledge, 'en');
    expect(text).toMatch(/^The checklist does not cover this \(single sign-on\)/);
    expect(text).toContain('Nearest items (these do not answer the question as asked):');
  });
});
