import { describe, expect, it } from 'vitest';
import { NamedThings } from '../../src/answer/claims.js';
import { fixtureKnowledge } from '../support/knowledge.js';

const knowledge = fixtureKnowledge();
const named = new NamedThings(knowledge.vocabulary);
const unlisted = (no: number, question: string): string[] => named.unlisted(knowledge.byNo.get(no)!, question);

describe('what a question names that the answer does not state', () => {
  it('finds standards, vendors, versions and figures however they are typed', () => {
    expect(named.find('Are you ISO 27001 certified, and do you have a SOC 2 Type II report?')).toEqual(['ISO 27001', 'SOC 2 Type II']);
    expect(named.find('ISO27001の認証は取得していますか')).toEqual(['ISO27001']);
    expect(named.find('Is it hosted on AWS with TLS 1.3?')).toEqual(['AWS', 'TLS 1.3']);
    expect(named.find('do you keep logs for 7 years and guarantee 99.99%?')).toEqual(['7 years', '99.99%']);
    expect(named.find('how many users can log in at once? we have 500')).toEqual([]);
  });

  it('flags a certification the sheet does not list, not the one it does', () => {
    expect(unlisted(39, 'are you ISO 27001 certified?')).toEqual(['ISO 27001']);
    expect(unlisted(39, 'do you have ISMS?')).toEqual(['ISMS']);
    expect(unlisted(39, 'do you hold the Privacy Mark?')).toEqual([]);
  });

  it('flags a country or region the answer about where data is stored does not name, and not the pronoun "us"', () => {
    expect(unlisted(49, 'Will all customer data stay in the EU?')).toEqual(['EU']);
    expect(unlisted(49, 'データは日本国内に保管されますか')).toEqual(['日本国内']);
    expect(named.find('can you tell us where the data is stored?')).toEqual([]);
    // Support hours are not about where data is: a place is no claim there.
    expect(unlisted(27, 'what are your support hours for customers in Japan?')).toEqual([]);
  });

  it('compares versions and figures with the answer, in either language', () => {
    expect(unlisted(42, 'do we support TLS 1.3?')).toEqual(['TLS 1.3']);
    expect(unlisted(42, 'is it TLS 1.2?')).toEqual([]);
    expect(unlisted(5, 'is uptime 99.99%?')).toEqual(['99.99%']);
    expect(unlisted(5, 'is uptime at least 99.9%?')).toEqual([]);
    expect(unlisted(46, 'can we see 1 year of logs?')).toEqual([]);
    expect(unlisted(46, 'ログは7年保存？')).toEqual(['7年']);
    expect(unlisted(29, 'is the RPO 24 hours?')).toEqual([]);
    expect(unlisted(46, 'do you keep logs for 1 week?')).toEqual(['1 week']);
    expect(unlisted(2, 'do you give 5 days notice?')).toEqual([]);
  });
});
