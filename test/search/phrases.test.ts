import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/search/tokenize.js';
import { fixtureKnowledge } from '../support/knowledge.js';

const analyzer = new Analyzer(fixtureKnowledge().vocabulary);
const rewritePhrases = (text: string): string => analyzer.rewritePhrases(text);

describe('rewritePhrases', () => {
  it.each([
    ['How fast can you bring the service back after a failure?', 'restore'],
    ['when will it be brought back online', 'restore'],
    ['how long until you are back online', 'restore'],
    ['how long until we are up and running again', 'restore'],
    ['How soon will you tell us about an incident?', 'how soon time'],
    ['how quickly are we told', 'how quickly time'],
    ['who do you reach out to during an outage', 'contact'],
    ['how would you let us know about an incident', 'notify'],
    ['is there a DR site?', 'disaster recovery'],
    ['what if the data centre gets wiped out', 'disaster'],
  ])('rewrites "%s" with "%s"', (question, phrase) => {
    expect(rewritePhrases(question)).toContain(phrase);
  });

  it('reads "bring it back up" as a recovery, not a backup, and "back up" alone as a backup', () => {
    expect(rewritePhrases('can you bring it back up quickly')).not.toContain('backup');
    expect(rewritePhrases('do you back up our data')).toContain('backup');
  });

  it('reads "in the event of" as a condition, not as a security event', () => {
    expect(rewritePhrases('in the event of bankruptcy, will you give notice?')).not.toContain('event');
  });

  it('leaves "get back to us" (a reply) alone', () => {
    expect(rewritePhrases('when will you get back to us')).not.toContain('restore');
  });

  it('rewrites with patterns that refer back to their own groups, wherever they stand in the list', () => {
    const vocabulary = { ...fixtureKnowledge().vocabulary, phrases: [{ match: '(x)y', replace: 'z' }, { match: '(\\w+) \\1$', replace: '$1' }] };
    expect(new Analyzer(vocabulary).rewritePhrases('ab ab')).toBe('ab');
  });
});
