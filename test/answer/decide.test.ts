import { describe, expect, it } from 'vitest';
import { Answerer, type Decision } from '../../src/answer/decide.js';
import { fixtureKnowledge } from '../support/knowledge.js';

const answerer = new Answerer(fixtureKnowledge());
const decide = (question: string): Decision => answerer.answer(question).decision;
const cited = (question: string): number | undefined => {
  const decision = decide(question);
  return decision.kind === 'answered' ? decision.item.no : undefined;
};

describe('Answerer', () => {
  it('cites the right item for everyday questions in English and Japanese', () => {
    expect(cited("what's our RPO?")).toBe(29);
    expect(cited('do we encrypt data at rest?')).toBe(33);
    expect(cited('RPOを教えてください')).toBe(29);
    expect(cited('ＲＰＯ')).toBe(29);
    expect(cited('Which TLS version?')).toBe(42);
    expect(cited('障害監視はどのくらいの間隔ですか')).toBe(16);
  });

  it('survives typos: a misspelt question gets the same answer as the correct one', () => {
    expect(cited('recovery pont objective')).toBe(29);
    expect(cited('disaster recovry')).toBe(6);
    expect(cited('backup retension')).toBe(30);
    for (const [typo, right] of [
      ['encyrption', 'encryption'],
      ['penetraton testing', 'penetration testing'],
      ['availabilty SLA', 'availability SLA'],
    ]) {
      expect(decide(typo!)).toEqual(decide(right!));
    }
  });

  it('looks items up by number and lists sections', () => {
    expect(decide('No.29')).toMatchObject({ kind: 'lookup', items: [{ no: 29 }] });
    expect(decide('28-32')).toMatchObject({ kind: 'lookup', items: [{ no: 28 }, { no: 29 }, { no: 30 }, { no: 31 }, { no: 32 }] });
    const all = decide('1-49');
    expect(all).toMatchObject({ kind: 'lookup', truncated: 39 });
    const section = decide('データ管理');
    expect(section.kind).toBe('section');
    expect(section.kind === 'section' && section.items.map((item) => item.no)).toEqual([28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38]);
    expect(decide('Security')).toMatchObject({ kind: 'section', title: 'セキュリティ' });
    expect(decide('可用性')).toMatchObject({ kind: 'section', title: '可用性' });
  });

  it('says a missing item number does not exist, with the valid range', () => {
    expect(decide('No.99')).toMatchObject({ kind: 'no_match', reason: 'unknown_item', detail: '99' });
  });

  it.each([
    'Do you support SAML single sign-on?',
    'Is MFA required?',
    'What is your password policy?',
    'How much does it cost per seat?',
    'Do you run background checks on staff?',
    'Who is your GDPR DPO?',
    'Are you FedRAMP authorized?',
    'hello',
    'thanks!',
    '今日のランチは何にしますか',
    'ＳＡＭＬ認証は使えますか',
    'ぱすわーどの長さは',
  ])('answers out-of-scope "%s" with no_match, never a confident item', (question) => {
    expect(decide(question).kind).toBe('no_match');
  });

  it('carries up to 3 labelled suggestions on a no_match about a known gap', () => {
    const decision = decide('Do you support SSO for backup administrators?');
    expect(decision).toMatchObject({ kind: 'no_match', reason: 'known_gap', detail: 'single sign-on' });
    expect(decision.kind === 'no_match' && decision.suggestions.length).toBeGreaterThan(0);
    expect(decision.kind === 'no_match' && decision.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('marks two close candidates as close instead of guessing silently', () => {
    const decision = decide('how do you dispose of old disks');
    expect(decision.kind).toBe('answered');
    expect(decision.kind === 'answered' && decision.close).toBe(true);
    expect(decision.kind === 'answered' && [decision.item.no, ...decision.seeAlso.map((item) => item.no)]).toEqual(expect.arrayContaining([31, 48]));
  });

  it('offers at most two see-also items', () => {
    for (const question of ['backup', 'data', 'security', 'support hours', 'logs']) {
      const decision = decide(question);
      if (decision.kind === 'answered') expect(decision.seeAlso.length).toBeLessThanOrEqual(2);
    }
  });

  it('answers help for an empty question and for people trying the bot out', () => {
    for (const text of ['', '   ', 'help', '?', 'test', 'テスト', 'can you help me?']) expect(decide(text)).toEqual({ kind: 'help' });
    expect(decide('penetration test')).toMatchObject({ kind: 'answered', item: { no: 40 } });
  });

  it('offers a picker, not a confident answer, for one vague word', () => {
    for (const text of ['what time is it', 'backup', 'data']) expect(decide(text)).toMatchObject({ kind: 'answered', close: true });
    expect(decide('RPO')).toMatchObject({ kind: 'answered', close: false, item: { no: 29 } });
  });

  it('is deterministic', () => {
    expect(JSON.stringify(answerer.answer('how long are backups kept'))).toBe(JSON.stringify(answerer.answer('how long are backups kept')));
  });
});
