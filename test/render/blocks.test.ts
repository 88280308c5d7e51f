import { describe, expect, it } from 'vitest';
import { Answerer, type AnsweredDecision } from '../../src/answer/decide.js';
import { chunkLines, encodeValue, renderAnswerBlocks, renderList, type SlackMessage } from '../../src/render/blocks.js';
import { escapeSlack, stripSlackMarkup } from '../../src/render/slack-text.js';
import { fixtureKnowledge } from '../support/knowledge.js';

const knowledge = fixtureKnowledge();
const answerer = new Answerer(knowledge);
const render = (question: string, lang: 'en' | 'ja' = 'en', shareable = false) => renderAnswerBlocks(answerer.answer(question), knowledge, { lang, shareable });
const json = (message: SlackMessage) => JSON.stringify(message);

/** Asserts every limit Slack enforces on a message. */
function expectWithinLimits(message: SlackMessage): void {
  expect(message.text.length).toBeLessThanOrEqual(4000);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  for (const block of message.blocks) {
    const text = (block.text as { text?: string } | undefined)?.text;
    if (text) expect(Array.from(text).length).toBeLessThanOrEqual(3000);
    for (const element of (block.elements as Array<Record<string, unknown>> | undefined) ?? []) {
      if (element.type === 'button') {
        expect(Array.from((element.text as { text: string }).text).length).toBeLessThanOrEqual(75);
        expect(String(element.value).length).toBeLessThanOrEqual(2000);
      }
    }
    if (block.type === 'actions') {
      const ids = (block.elements as Array<{ action_id: string }>).map((e) => e.action_id);
      expect(new Set(ids).size).toBe(ids.length); // action_id unique within the block
    }
  }
}

describe('renderAnswerBlocks', () => {
  it('shows the item, the labelled translation and the verbatim Japanese cell', () => {
    const message = render("what's our RPO?");
    expect(message.text).toBe('No.29 Backup timing (RPO): 24 hours');
    const shown = json(message);
    expect(shown).toContain('*No.29 Backup timing (RPO)*');
    expect(shown).toContain('Answer (reviewed English translation)');
    expect(shown).toContain('>24時間');
    expect(shown).toContain('クラウドサービスレベルのチェックリスト');
    expectWithinLimits(message);
  });

  it('puts a visible "not disclosed" note on 非公開 items', () => {
    const shown = json(render('No.11'));
    expect(shown).toContain(':warning: *Not disclosed (非公開): do not give customers more than this.*');
    expect(json(render('No.11', 'ja'))).toContain('非公開項目です');
    expect(json(render('No.29'))).not.toContain('Not disclosed');
  });

  it('renders a picker, not an answer, when two items are close', () => {
    // Built by hand: which questions are close is search's business; this is about how a picker looks.
    const answered = answerer.answer('disposal').decision as AnsweredDecision;
    const close = { question: 'how do you dispose of old disks', decision: { ...answered, item: knowledge.byNo.get(31)!, seeAlso: [knowledge.byNo.get(48)!], close: true } };
    const message = renderAnswerBlocks(close, knowledge, { lang: 'en' });
    const shown = json(message);
    expect(shown).toContain('Two items fit your question. Which one did you mean?');
    expect(shown).toContain('checklist_show:31');
    expect(shown).toContain('checklist_show:48');
    expect(shown).not.toContain('Answer (reviewed English translation)');
    expectWithinLimits(message);
  });

  it('adds Share only to shareable (ephemeral) replies', () => {
    expect(json(render('No.29', 'en', true))).toContain('checklist_share');
    expect(json(render('No.29', 'en', false))).not.toContain('checklist_share');
  });

  it('says "not covered" with suggestion buttons, in both languages', () => {
    expect(json(render('Do you support SAML?'))).toContain('The checklist does not cover this');
    expect(json(render('SAML認証は使えますか', 'ja'))).toContain('チェックシートの対象外');
  });

  it('escapes anything that could ping or link, in every text of the message', () => {
    const message = render('<!channel> <!here> <@U123> <https://x.example|y> & what is SAML?');
    // Button values carry the question as typed (for feedback records); Slack never displays a value.
    const shown = JSON.stringify(message, (key, value: unknown) => (key === 'value' ? undefined : value));
    expect(shown).not.toMatch(/<!channel>|<!here>|<@U123>|<https:/);
    expectWithinLimits(message);
  });

  it('stays within limits for a long lookup, a list and a 40,000-character question', () => {
    expectWithinLimits(render('1-49'));
    expectWithinLimits(render('x'.repeat(40_000)));
    expectWithinLimits(render('backup '.repeat(5_000)));
    for (const lang of ['en', 'ja'] as const) for (const part of renderList(knowledge, lang)) expectWithinLimits(part);
  });

  it('keeps button values under 2,000 characters by shortening the question', () => {
    const value = encodeValue({ q: 'あ'.repeat(5000), lang: 'ja', items: [1] });
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(JSON.parse(value).items).toEqual([1]);
  });
});

describe('a reply too long for one message', () => {
  it('is shortened before its buttons, so it can still be copied and judged', () => {
    const parts = knowledge.items.slice(0, 14).map((item) => ({ question: `what about ${item.no}?`, decision: { kind: 'answered', item, score: 10, seeAlso: [], close: false, hits: [], unlisted: [] } as AnsweredDecision }));
    const message = renderAnswerBlocks({ question: 'many things', decision: { kind: 'multi', parts, more: 0 } }, knowledge, { lang: 'ja' });
    expectWithinLimits(message);
    expect(message.blocks).toHaveLength(50);
    expect(JSON.stringify(message.blocks.at(-2))).toContain('省略しました');
    const last = message.blocks.at(-1)!;
    expect((last.elements as Array<{ action_id: string }>).map((e) => e.action_id)).toEqual(['checklist_copy', 'checklist_feedback:up', 'checklist_feedback:down']);
  });
});

describe('labels and pickers', () => {
  it('asks どちら between two items and どれ among more, in both languages', () => {
    const two = { ...answerer.answer("what's our RPO?"), decision: { ...(answerer.answer("what's our RPO?").decision as AnsweredDecision), close: true, seeAlso: [knowledge.byNo.get(11)!] } };
    const three = { ...two, decision: { ...two.decision, seeAlso: [knowledge.byNo.get(11)!, knowledge.byNo.get(30)!] } };
    const text = (answer: typeof two, lang: 'en' | 'ja') => renderAnswerBlocks(answer, knowledge, { lang }).text;
    expect(text(two, 'ja')).toMatch(/^該当しそうな項目が2つあります。どちらについてのご質問ですか？/);
    expect(text(three, 'ja')).toMatch(/^該当しそうな項目が3つあります。どれについてのご質問ですか？/);
    expect(text(three, 'en')).toMatch(/^Several items fit your question/);
  });

  it('says Section in Block Kit as in text, and cites the sheet once per message', () => {
    const message = render('28-32');
    const shown = json(message);
    expect(shown).toContain('*Section:* Data management');
    expect(shown).not.toContain('Category');
    expect(shown.match(/Source: /g)).toHaveLength(1);
    expect(json(render('28-32', 'ja')).match(/出典：/g)).toHaveLength(1);
  });
});

describe('slack text helpers', () => {
  it('escapes &, < and >', () => expect(escapeSlack('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;'));
  it('strips mentions and link wrappers from incoming text', () => {
    expect(stripSlackMarkup('<@UBOT> what about <https://a.example|this link> &amp; <#C1|general>?')).toBe('what about this link & #general?');
  });
  it('chunks lines under a size', () => {
    const chunks = chunkLines(['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10)], 21);
    expect(chunks).toEqual([`${'a'.repeat(10)}\n${'b'.repeat(10)}`, 'c'.repeat(10)]);
  });
});
