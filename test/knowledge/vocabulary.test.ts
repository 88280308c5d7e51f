import { describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/decide.js';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.js';
import { checkInProcess } from '../support/cli.js';
import { knowledgeCopy } from '../support/knowledge.js';

const check = checkInProcess;

describe('vocabulary and examples are data people maintain', () => {
  it('refuses a vocabulary pattern that does not compile, naming the file and the entry', () => {
    const copy = knowledgeCopy();
    copy.edit('vocabulary.yaml', (text) => text.replace('  - match: 混ざ|混じ', '  - match: 混ざ|(混じ'));
    expect(() => loadKnowledge(copy.dir)).toThrow(KnowledgeError);
    const { code, output } = check(copy.dir);
    expect(code).toBe(1);
    expect(output).toMatch(/vocabulary\.yaml: phrases\.\d+\.match: not a valid regular expression/);
  });

  it('reports aliases of two items that analyse to the same terms, and aliases that analyse to nothing', () => {
    const copy = knowledgeCopy();
    copy.edit('checklist.en.yaml', (text) => text.replace('aliases: [RPO,', 'aliases: [encrypted, the and of, RPO,'));
    const { code, output } = check(copy.dir);
    expect(code).toBe(1);
    expect(output).toMatch(/error: checklist\.en\.yaml: aliases .*"encrypted" \(item 29\).* all analyse to "encrypt"/);
    expect(output).toContain('error: checklist.en.yaml: item 29: alias "the and of" analyses to no search term');
  });

  it('warns about a qualifier no question can use', () => {
    const copy = knowledgeCopy();
    copy.edit('checklist.en.yaml', (text) => text.replace('qualifiers: [planned,', 'qualifiers: [the, planned,'));
    expect(check(copy.dir).output).toContain('warning: checklist.en.yaml: item 2: qualifier "the" analyses to no search term');
  });

  it('reports an example listed under two items', () => {
    const copy = knowledgeCopy();
    copy.edit('examples.yaml', (text) => text.replace(/("30":\n    en:\n)/, '$1      - what is the RPO?\n').replace(/("29":\n    en:\n)/, '$1      - what is the RPO?\n'));
    const { code, output } = check(copy.dir);
    expect(code).toBe(1);
    expect(output).toContain('error: examples.yaml: example "what is the rpo?" is listed under items 29 and 30');
  });

  it('changes what search understands without touching code: a new synonym group takes effect', () => {
    const copy = knowledgeCopy();
    const before = new Answerer(loadKnowledge(copy.dir)).answer('do you have a zork plan?').decision;
    expect(before.kind).toBe('no_match');
    copy.edit('vocabulary.yaml', (text) => text.replace('synonyms:\n', 'synonyms:\n  - [zork, disaster recovery]\n'));
    const after = new Answerer(loadKnowledge(copy.dir)).answer('do you have a zork plan?').decision;
    expect(after).toMatchObject({ kind: 'answered', item: { no: 6 } });
  });
});
