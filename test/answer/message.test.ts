import { describe, expect, it } from 'vitest';
import { MessageReader, nameCandidates, splitSentences } from '../../src/answer/message.js';
import { fixtureKnowledge } from '../support/knowledge.js';

const reader = new MessageReader(fixtureKnowledge().vocabulary.framing);

describe('reading a message', () => {
  it('splits sentences at question marks, full stops and line breaks, but not inside numbers or abbreviations', () => {
    expect(splitSentences("what's our RPO? my client keeps asking. thx")).toEqual(["what's our RPO?", 'my client keeps asking.', 'thx']);
    expect(splitSentences('Is uptime 99.9% or better, e.g. per month?')).toEqual(['Is uptime 99.9% or better, e.g. per month?']);
    expect(splitSentences('バックアップは毎日？世代数は？')).toEqual(['バックアップは毎日？', '世代数は？']);
    expect(splitSentences('Two things from the client: RPO, and TLS version?')).toEqual(['Two things from the client', 'RPO, and TLS version?']);
  });

  it('removes the framing of a relayed question and keeps the question word', () => {
    expect(reader.stripFraming("The customer's security lead is asking whether we encrypt backups")).toBe('we encrypt backups');
    expect(reader.stripFraming('their auditor wants to know how long logs are kept')).toBe('how long logs are kept');
    expect(reader.stripFraming('お客様から、ログは何年保存しているのかとのご質問です。')).toBe('ログは何年保存している');
    expect(reader.stripFraming('顧客より、障害時の連絡方法を知りたいとのことです')).toBe('障害時の連絡方法');
  });

  it('splits a sentence where the relayed question starts in the middle ("…, and they want to know how…")', () => {
    const segments = reader.segments('The client had a rough week with our outage, and they want to know how we would warn them next time.');
    expect(segments.map((segment) => segment.text)).toEqual(['The client had a rough week with our outage', 'how we would warn them next time.']);
  });

  it('does not take a question that itself mentions asking for framing', () => {
    expect(reader.stripFraming('how quickly do we reply when a customer asks for help')).toBe('how quickly do we reply when a customer asks for help');
  });

  it('tells clauses that ask from clauses that give context', () => {
    const segments = reader.segments('is the service up at night? the client runs a night shift');
    expect(segments.map((segment) => segment.asks)).toEqual([true, false]);
    expect(reader.segments('お客様は工場で使う予定とのことで、夜間も使えるのかとのご質問です。').map((s) => [s.text, s.asks])).toEqual([
      ['お客様は工場で使う予定とのことで、', false],
      ['夜間も使える', true],
    ]);
  });

  it('joins a question that refers back ("is that…", 「それって…」) to the clause before it', () => {
    const clauses = (message: string): string[] => reader.askingClauses(reader.segments(message).map((segment) => ({ ...segment, original: segment.text }))).map((segment) => segment.text);
    expect(clauses('Their SOC wants our logs in Splunk. Is that something we support?')).toEqual(['our logs in Splunk. Is that something we support?']);
    expect(clauses('お客様は全部のツールにSAMLでログインしています。それって対応してる？')).toEqual(['お客様は全部のツールにSAMLでログインしています。 それって対応してる？']);
    expect(clauses('the client runs night shifts. is the service up at night?')).toEqual(['is the service up at night?']);
  });

  it('marks a further question', () => {
    expect(reader.segments('RPOは？あとRTOも教えて').map((segment) => segment.additive)).toEqual([false, true]);
    expect(reader.segments('what is the RPO? also, how long are backups kept?').map((segment) => segment.additive)).toEqual([false, true]);
  });

  it('splits "X and Y" into the things asked, leaving context sides out', () => {
    expect(reader.conjunctionParts("what's our RPO and RTO")).toEqual(["what's our RPO", 'RTO']);
    expect(reader.conjunctionParts('RPOとRTOを教えて')).toEqual(['RPO', 'RTOを教えて']);
    expect(reader.conjunctionParts('confirm (a) the maintenance notice and (b) the shutdown notice')).toHaveLength(2);
    expect(reader.conjunctionParts('the customer is about to hit the storage limit and asks what it is')).toEqual(['the customer is about to hit the storage limit and asks what it is']);
    expect(reader.conjunctionParts('夜間や休日も対応していますか')).toEqual(['夜間や休日も対応していますか']);
  });

  it('reads a situation ("if…, how…") with the question after it, not as a side of its own', () => {
    expect(reader.conjunctionParts('if the service were discontinued, how much notice would we get, and could we export our data')).toEqual([
      'if the service were discontinued how much notice would we get',
      'could we export our data',
    ]);
    expect(reader.conjunctionParts('at termination, how do we get a full copy of our records')).toEqual(['at termination, how do we get a full copy of our records']);
  });

  it('splits "X and, if so, Y" into two questions, the first one asked through its framing', () => {
    const [segment] = reader.segments('The client wants to know whether there is a fallback during a long outage and, if so, how it works.');
    expect(segment!.framed).toBe(true);
    expect(reader.conjunctionParts(segment!.text, segment!.framed)).toEqual(['there is a fallback during a long outage', 'how it works.']);
  });

  it('reads "and if they are encrypted, which…" as a condition of the next question, not "and if they are" plus a stub', () => {
    expect(reader.conjunctionParts('Do you encrypt backups and if they are encrypted, which algorithm is used?')).toEqual([
      'Do you encrypt backups',
      'if they are encrypted which algorithm is used?',
    ]);
  });

  it('drops the joiner left at the end of a list entry', () => {
    expect(reader.conjunctionParts('(a) what is the RPO and (b) what is the RTO')).toEqual(['what is the RPO', 'what is the RTO']);
  });

  it('splits a numbered list at its markers only, and takes every side of "+" as asked', () => {
    expect(reader.conjunctionParts('1) when are logs kept and who sees them 2) is data encrypted 3) what is the RTO')).toEqual([
      'when are logs kept and who sees them',
      'is data encrypted',
      'what is the RTO',
    ]);
    expect(reader.conjunctionParts('encryption of the stored customer files + can admins limit who sees what')).toEqual([
      'encryption of the stored customer files',
      'can admins limit who sees what',
    ]);
  });

  it('keeps a clause whole when a side ends inside a phrase ("aware of, and does it comply with, the laws")', () => {
    const clause = 'Is the vendor aware of, and does it comply with, the laws and rules where data is stored?';
    expect(reader.conjunctionParts(clause)).toEqual([clause]);
  });

  it('finds names of companies and people, not acronyms', () => {
    expect(nameCandidates("Globex's CISO asks about our RPO and the SLA for Initech")).toEqual(expect.arrayContaining(['Globex', 'Initech']));
    expect(nameCandidates('What is the RPO? SLA too')).toEqual([]);
    expect(nameCandidates('アクメ商事さんからバックアップについて質問です')).toContain('アクメ商事');
  });

  it('reads only a bounded prefix of a pasted 40,000-character message', () => {
    expect(splitSentences('a'.repeat(1999) + '。b' + 'c'.repeat(38_000))).toEqual(['a'.repeat(1999) + '。']);
    expect(splitSentences(`RPO?${' '.repeat(30)}RTO?`)).toEqual(['RPO?', 'RTO?']);
  });
});
