import { describe, expect, it } from 'vitest';
import { Answerer, citedItems, type Decision } from '../../src/answer/decide.js';
import { renderAnswerText } from '../../src/render/text.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { fixtureKnowledge, knowledgeCopy } from '../support/knowledge.js';

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
    const decision = decide('what happens to our data when we cancel');
    expect(decision.kind).toBe('answered');
    expect(decision.kind === 'answered' && decision.close).toBe(true);
    expect(decision.kind === 'answered' && [decision.item.no, ...decision.seeAlso.map((item) => item.no)]).toEqual(expect.arrayContaining([31, 36]));
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

  it('needs no picker between items that give the same answer to the same kind of question, but does between unrelated items that happen to read alike', () => {
    const supportHours = answerer.answer('what are the support hours?').decision;
    expect(supportHours).toMatchObject({ kind: 'answered', close: false });
    // Service hours (可用性) given the very answer of support hours (サポート): "is the team there 24/7?" still needs a person to pick.
    const copy = knowledgeCopy();
    copy.edit('security-checklist.txt', (sheet) => sheet.replace('24時間365日（計画停止／定期保守を除く）', '24時間365日 (フォーム)'));
    const edited = new Answerer(loadKnowledge(copy.dir)).answer('is the team there 24/7?').decision;
    expect(edited).toMatchObject({ kind: 'answered', close: true });
    // Two items of one category that only say 有 ("yes") do not give the same answer to a question.
    const bare = knowledgeCopy();
    bare.edit('security-checklist.txt', (sheet) => sheet.replaceAll('24時間365日 (フォーム)', '有'));
    expect(new Answerer(loadKnowledge(bare.dir)).answer('what are the support hours?').decision).toMatchObject({ kind: 'answered', close: true });
  });

  it('is deterministic', () => {
    expect(JSON.stringify(answerer.answer('how long are backups kept'))).toBe(JSON.stringify(answerer.answer('how long are backups kept')));
  });
});

describe('messages as people write them', () => {
  const citedNos = (question: string): number[] => citedItems(decide(question)).map((item) => item.no);

  it('answers each question of a two-in-one message, in the order asked', () => {
    expect(citedNos("What's our RPO and RTO?")).toEqual([29, 11]);
    expect(citedNos('RPOとRTOを教えて')).toEqual([29, 11]);
    expect(citedNos('how long are backups kept? also, do we encrypt data in transit?')).toEqual([30, 42]);
    const multi = decide("What's our RPO and RTO?");
    expect(multi.kind === 'multi' && multi.parts.map((part) => part.question)).toEqual(["What's our RPO", 'RTO?']);
  });

  it('says "not covered" for the part the sheet does not cover and answers the rest', () => {
    const decision = decide('Do you support SSO? Also, what is the RPO?');
    expect(decision.kind).toBe('multi');
    expect(decision.kind === 'multi' && decision.parts.map((part) => (part.decision.kind === 'answered' ? part.decision.item.no : part.decision.reason))).toEqual(['known_gap', 29]);
  });

  it('reads "is that something we support?" with the sentence before it, which says what "that" is', () => {
    expect(decide('The customer signs in to all their tools through Okta. Is that something we support?')).toMatchObject({ kind: 'no_match', reason: 'known_gap' });
    expect(citedNos('We store patient files in the app. Is it encrypted?')).toEqual([33]);
  });

  it('answers each of several questions that have their own question marks', () => {
    expect(citedNos('What are the support hours? How often do you check whether the system is alive?')).toEqual([27, 16]);
    expect(citedNos('How often do you check whether the system is alive? Do you test that backups can be restored?')).toEqual([16, 37]);
  });

  it('says "not covered" with the nearest items when the clauses point weakly to different items and the whole to a third', () => {
    const decision = decide('How often do you check whether the system is alive. Do you test that backups can be restored.');
    expect(decision).toMatchObject({ kind: 'no_match', reason: 'low_coverage' });
    expect(decision.kind === 'no_match' && decision.suggestions.map((item) => item.no).slice(0, 2)).toEqual([16, 37]);
  });

  it('reads what a relayed request needs ("their BCP team needs our RPO and RTO") as asked, and "can we do that?" with what "that" is', () => {
    expect(citedNos("the prospect's BCP team needs our RPO and RTO")).toEqual([29, 11]);
    expect(decide('Their legal team wants us to sign a GDPR addendum. Can we do that?')).toMatchObject({ kind: 'no_match', reason: 'known_gap' });
    expect(citedNos('RPO、およびRTOを教えてください')).toEqual([29, 11]);
    expect(citedNos("what's the RTO and the MTTR? the client wants both numbers")).toEqual([11, 10]);
  });

  it('takes a sentence after a question about a known gap that is vague or shares its words as part of that question', () => {
    expect(decide('Do you run a bug bounty programme? Provide the date the programme started.')).toMatchObject({ kind: 'no_match', reason: 'known_gap' });
    expect(decide('Do you run a bug bounty? Describe how bounty reports reach customers.')).toMatchObject({ kind: 'no_match', reason: 'known_gap' });
    // A request of its own after the gap is answered.
    expect(decide('Do you support SSO? Provide your RTO.').kind).toBe('multi');
    expect(citedNos('Do you support SSO? Provide your RTO.')).toEqual([11]);
  });

  it('splits "is it turned on and…": a phrasal verb without a comma is no phrase cut short', () => {
    expect(citedNos('Is encryption turned on and what is the RPO?')).toEqual([42, 29]);
  });

  it('lets a referring question that names its own topic stand alone', () => {
    expect(citedNos('Our staff sign in through Okta. Is this service ISO 27001 certified?')).toEqual([39]);
  });

  it('shows a further question it is unsure of as a picker next to the answered one, citing only what it answers', () => {
    const decision = decide('what is the RPO? also, what happens to our data when we cancel?');
    expect(decision.kind).toBe('multi');
    expect(decision.kind === 'multi' && decision.parts.map((part) => part.decision.kind === 'answered' && part.decision.close)).toEqual([false, true]);
    expect(citedItems(decision).map((item) => item.no)).toEqual([29]);
  });

  it('answers both questions of "X, and if so, Y" and "if X, how…, and…", the follow-up read with the first one\'s topic', () => {
    expect(citedNos('Is there a workaround if the system is down for a week and, if so, in what format do we get our data?')).toEqual([7, 8]);
    expect(citedNos('if the service were ever discontinued, how much notice would we get, and could we download our data first?')).toEqual([3, 36]);
  });

  it('answers a follow-up that leans on the question before it with the item both are about, not the earlier item again', () => {
    expect(citedNos('操作ログは見られますか。また、何年分さかのぼれますか。')).toEqual([18, 46]);
    const decision = decide('which logs can admins view? also how far back?');
    expect(decision.kind === 'multi' && decision.parts.map((part) => part.question)).toEqual(['which logs can admins view?', 'how far back?']);
    // "how fast" shares no item with what "logs kept" is about: no item about speed is cited for it.
    expect(citedNos('how long are logs kept? and how fast?')).toEqual([46]);
  });

  it('reads "can other companies see our data" as tenant separation, and leaves integrating with other companies\' tools alone', () => {
    expect(citedNos('How do you stop other companies from seeing our records?')).toEqual([44]);
    expect(citedNos('他社のユーザーにデータを見られることはない？')).toEqual([44]);
    expect(citedNos('他社のサービスと連携できますか')).toEqual([23]);
  });

  it('ranks the narrow variant of a topic (support-desk hours, planned-outage notice) lower when the question does not name it', () => {
    expect(citedNos('is it open round the clock?')).toEqual([1]);
    expect(citedNos('what hours can we call support?')).toEqual([26]);
    expect(citedNos('do you tell us before maintenance?')).toEqual([2]);
  });

  it('reads what kind of answer a question wants: "how many" a count, 「いつまで」 a period', () => {
    expect(citedNos('how many nightly copies are retained?')).toEqual([32]);
    expect(citedNos('how many days of backups do you hold?')).toEqual([30]);
    expect(citedNos('バックアップはいつまで持っておくの？')).toEqual([30]);
  });

  it('keeps one question that only mentions two things as one answer', () => {
    expect(citedNos('is the customer data encrypted when stored on disk and in the backups?')).toHaveLength(1);
    expect(decide('メール？電話？障害の時どうやって連絡くるの？').kind).not.toBe('multi');
  });

  it('answers a long relayed question on what is asked, not on the framing and names around it', () => {
    expect(citedNos("Hi team, Initech's IT manager is asking whether we encrypt their data in transit, they have a strict policy on this.")).toEqual([42]);
    expect(citedNos('お客様から、障害が起きた時にどのような方法で連絡をもらえるのかとのご質問です。')).toEqual([14]);
  });

  it('offers a picker, citing nothing, when two items with different answers fit about equally', () => {
    const decision = decide('backup');
    expect(decision).toMatchObject({ kind: 'answered', close: true });
    expect(citedItems(decision)).toEqual([]);
  });

  it('says first what the sheet does not list, instead of a bare "Yes"', () => {
    expect(decide('are you ISO 27001 certified?')).toMatchObject({ kind: 'answered', item: { no: 39 }, unlisted: ['ISO 27001'] });
    expect(decide('do we support TLS 1.3?')).toMatchObject({ kind: 'answered', item: { no: 42 }, unlisted: ['TLS 1.3'] });
    expect(decide('which TLS version do we use?')).toMatchObject({ kind: 'answered', item: { no: 42 }, unlisted: [] });
  });

  it('keeps product names a question is about: known gaps and named things are read before names are removed', () => {
    expect(decide('Do you support Okta?')).toMatchObject({ kind: 'no_match', reason: 'known_gap' });
    expect(decide('Do you integrate with Shibboleth?')).toMatchObject({ kind: 'no_match', reason: 'known_gap' });
    expect(decide('Is the service Cyber Essentials certified?')).toMatchObject({ kind: 'answered', item: { no: 39 }, unlisted: ['Cyber Essentials'] });
  });

  it('does not take kanji words ending in 様 or 社 for names (仕様, 会社)', () => {
    expect(citedNos('暗号化仕様は？')).toEqual([42]);
    expect(citedNos('ログ保管仕様は？')).toEqual([46]);
  });

  it('answers two short questions that each name something, instead of merging them', () => {
    expect(citedNos('What is the RPO? What is the RTO?')).toEqual([29, 11]);
    expect(citedNos('RPOは？RTOは？')).toEqual([29, 11]);
    expect(citedNos('Do you encrypt data at rest? What about the RPO?')).toEqual([33, 29]);
  });

  it('answers at most three questions of a message and says how many more it did not take', () => {
    const decision = decide("What's the RPO? What's the RTO? How long are backups kept? Do you have a bug bounty?");
    expect(decision).toMatchObject({ kind: 'multi', more: 1 });
    expect(renderAnswerText(answerer.answer("What's the RPO? What's the RTO? How long are backups kept? Do you have a bug bounty?"), answerer.knowledge, 'en')).toContain('…and 1 more question in your message: please ask it separately.');
  });

  it('answers the covered questions of a message that also asks about a known gap', () => {
    expect(citedNos("What's the RPO? Do you have a bug bounty?")).toEqual([29]);
    expect(decide("What's the RPO? Do you have a bug bounty?").kind).toBe('multi');
  });

  it('does not split a Japanese clause after a time or condition (障害発生時、…)', () => {
    expect(decide('障害発生時、誰に連絡が来ますか？').kind).not.toBe('multi');
  });

  it('reads runs of spaces as one space', () => {
    expect(decide(`what is the ${' '.repeat(1900)} RPO?`)).toMatchObject({ kind: 'answered', item: { no: 29 } });
  });
});

