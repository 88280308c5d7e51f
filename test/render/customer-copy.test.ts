import { describe, expect, it } from 'vitest';
import { Answerer, type AnsweredDecision, type Decision, type NoMatchDecision } from '../../src/answer/decide.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { renderCustomerCopy } from '../../src/render/blocks.js';
import { copyPartsOf, customerCopyText, sheetDate, type CopySpec } from '../../src/render/customer-copy.js';
import { fixtureKnowledge, knowledgeCopy } from '../support/knowledge.js';

const knowledge = fixtureKnowledge();
const answerer = new Answerer(knowledge);
const item = (no: number) => knowledge.byNo.get(no)!;
const answered = (no: number, unlisted: string[] = []): AnsweredDecision => ({ kind: 'answered', item: item(no), score: 10, seeAlso: [], close: false, hits: [], unlisted });
const notCovered: NoMatchDecision = { kind: 'no_match', reason: 'known_gap', detail: 'single sign-on', suggestions: [], hits: [] };
const copy = (decision: Decision, lang: 'ja' | 'en', ref = true) => customerCopyText({ parts: copyPartsOf(decision), ref }, knowledge, lang);

describe('customer copy text (exact strings a customer receives)', () => {
  it('one item, Japanese and English, with the item No. as a reference line', () => {
    expect(copy(answered(29), 'ja')).toBe('弊社セキュリティチェックシート（2022年6月1日版）に基づき、以下のとおりご回答いたします。\n\n■ バックアップデータを取得するタイミング(RPO)\n24時間\n（参照：チェックシート No.29）');
    expect(copy(answered(29), 'en')).toBe('Please find our answers below, based on our security check sheet (2022-06-01).\n\nBackup timing (RPO):\n24 hours\n(Reference: check sheet item No.29)');
  });

  it('without the reference line; 弊社 once; an ISO date in English', () => {
    const ja = copy(answered(42), 'ja', false);
    expect(ja).toBe('弊社セキュリティチェックシート（2022年6月1日版）に基づき、以下のとおりご回答いたします。\n\n■ 通信の暗号化レベル\n有。TLS 1.2');
    expect(ja.match(/弊社/g)).toHaveLength(1);
    expect(copy(answered(42), 'en', false)).toBe('Please find our answers below, based on our security check sheet (2022-06-01).\n\nEncryption level of communications:\nYes. TLS 1.2');
    expect(sheetDate('2022/6/1', 'en')).toBe('2022-06-01');
    expect(sheetDate('2022/6/1', 'ja')).toBe('2022年6月1日');
  });

  it('a 非公開 item becomes a polite "not disclosed" sentence, never the bare word', () => {
    expect(copy(answered(11), 'ja')).toBe('弊社セキュリティチェックシート（2022年6月1日版）に基づき、以下のとおりご回答いたします。\n\n■ 目標復旧時間(RTO)\n恐れ入りますが、本項目は非公開とさせていただいております。\n（参照：チェックシート No.11）');
    expect(copy(answered(11), 'en')).toBe('Please find our answers below, based on our security check sheet (2022-06-01).\n\nRecovery time objective (RTO):\nWe are unable to disclose this information.\n(Reference: check sheet item No.11)');
  });

  it('a known typo (案誤化) is offered corrected and marked as corrected in Japanese; English needs no note', () => {
    const ja = copy(answered(48), 'ja');
    expect(ja).toContain('■ 二次記憶媒体の安全性対策\n有。二次記憶媒体は使用せず、データセンター内のみに暗号化した状態で保管\n※ チェックシート原文の誤記「案誤化」を「暗号化」に訂正して記載しています。\n（参照：チェックシート No.48）');
    expect(item(48).answer).toContain('案誤化'); // the sheet's cell itself is untouched
    expect(copy(answered(48), 'en')).toContain('Yes. Secondary storage media are not used; data is kept encrypted only inside the data center.\n(Reference: check sheet item No.48)');
  });

  it('carries the "named thing not listed" caveat', () => {
    const decision = answered(item(1).no, ['ISO 27001']);
    expect(copy(decision, 'ja')).toContain('なお、ISO 27001につきましては、チェックシートに記載がございません（上記は本項目の記載内容です）。');
    expect(copy(decision, 'en')).toContain('Please note that our check sheet does not mention ISO 27001; the above is what the sheet states for this item.');
  });

  it('a multi-part answer is one message, an uncovered part included as a follow-up promise', () => {
    const decision: Decision = { kind: 'multi', parts: [{ question: 'RPOは？', decision: answered(29) }, { question: 'RTOは？', decision: answered(11) }, { question: 'SSOに対応していますか', decision: notCovered }], more: 0 };
    expect(copy(decision, 'ja')).toBe(
      [
        '弊社セキュリティチェックシート（2022年6月1日版）に基づき、以下のとおりご回答いたします。',
        '',
        '■ バックアップデータを取得するタイミング(RPO)\n24時間\n（参照：チェックシート No.29）',
        '',
        '■ 目標復旧時間(RTO)\n恐れ入りますが、本項目は非公開とさせていただいております。\n（参照：チェックシート No.11）',
        '',
        '■ ご質問「SSOに対応していますか」について\n本件はチェックシートに記載がないため、担当部署に確認のうえ、あらためてご連絡いたします。',
      ].join('\n'),
    );
    expect(copy(decision, 'en')).toContain('Regarding "SSOに対応していますか":\nOur security check sheet does not cover this point. We will check with the responsible team and get back to you.');
  });

  it('offers no copy for help, not covered, or a picker nobody has picked from', () => {
    expect(copyPartsOf(answerer.answer('help').decision)).toEqual([]);
    expect(copyPartsOf(notCovered)).toEqual([]);
    expect(copyPartsOf({ ...answered(31), close: true })).toEqual([]);
    expect(copyPartsOf({ kind: 'multi', parts: [{ question: 'SSO?', decision: notCovered }], more: 0 })).toEqual([]);
  });

  it('when only the answer cell changed: the English copy keeps the reviewed name, quotes the new Japanese answer marked as such, and tells staff', () => {
    const edited = knowledgeCopy();
    edited.edit('security-checklist.txt', (text) => text.replace('\t時間\t24時間\n', '\t時間\t12時間\n'));
    const stale = loadKnowledge(edited.dir);
    const spec: CopySpec = { lang: 'en', ref: true, parts: [{ items: [29, 30] }] };
    const text = customerCopyText(spec, stale, 'en');
    expect(text).toContain('Backup timing (RPO):\n12時間\n(The English translation of this answer is being reviewed; the answer above is quoted in the original Japanese.)');
    expect(text).not.toContain('24 hours');
    expect(text).toContain('72 hours'); // item 30's reviewed translation still holds
    expect(text.match(/being reviewed/g)).toHaveLength(1);
    const notes = JSON.stringify(renderCustomerCopy(spec, stale, 'en').blocks.filter((block) => block.type === 'context'));
    expect(notes).toContain("No.29: the sheet's answer changed since its English was reviewed, so the English copy shows the new Japanese answer, marked as such. Check it before sending.");
    expect(notes).not.toContain('No.30');
    expect(customerCopyText({ ...spec, parts: [{ items: [29] }] }, knowledge, 'en')).not.toContain('being reviewed');
  });
});

describe('customer copy in Slack', () => {
  const spec: CopySpec = { lang: 'both', ref: true, parts: [{ items: [11, 48] }] };
  const message = renderCustomerCopy(spec, knowledge, 'ja');
  const codeBlocks = message.blocks.filter((block) => block.type === 'section' && String((block.text as { text: string }).text).startsWith('```'));

  it('puts each language in its own code block, no markup inside, and the fallback is both texts', () => {
    expect(codeBlocks).toHaveLength(2);
    expect(message.text).toBe(`${customerCopyText(spec, knowledge, 'ja')}\n\n${customerCopyText(spec, knowledge, 'en')}`);
    expect(message.text).not.toMatch(/[*_`>~]|\p{Extended_Pictographic}/u);
  });

  it('tells staff about 非公開 and the corrected typo outside the copy, and offers the other formats', () => {
    const notes = JSON.stringify(message.blocks.filter((block) => block.type === 'context'));
    expect(notes).toContain('非公開の項目があります');
    expect(notes).toContain('No.48：チェックシート原文の既知の誤記');
    const ids = message.blocks.filter((block) => block.type === 'actions').flatMap((block) => (block.elements as Array<{ action_id: string }>).map((e) => e.action_id));
    expect(ids).toEqual(['checklist_copy:ja', 'checklist_copy:en', 'checklist_copy:ref']);
  });
});
