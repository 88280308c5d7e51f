import { describe, expect, it } from 'vitest';
import { GapMatcher } from '../../src/search/gaps.js';
import { fixtureKnowledge } from '../support/knowledge.js';

const gaps = new GapMatcher(fixtureKnowledge().gaps);

describe('finding the known gaps a question names', () => {
  it('matches terms as whole words, next to Japanese too, and in either kana', () => {
    expect(gaps.find('do we support sso?')).toBe('single sign-on');
    expect(gaps.find('SSOに対応していますか')).toBe('single sign-on');
    expect(gaps.find('what happens in these cases?')).toBeUndefined();
  });

  it('takes an acronym ending in S (IDS, IPS) only as written in capitals, not the plural of ID or IP', () => {
    expect(gaps.find('Do you run an IDS?')).toBe('network perimeter');
    expect(gaps.find('Are unique user IDs assigned to every person?')).toBeUndefined();
    expect(gaps.find('which IPs does the service send email from?')).toBeUndefined();
  });
});
