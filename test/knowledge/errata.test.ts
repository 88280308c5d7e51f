import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.js';
import { fixtureKnowledge, knowledgeCopy, rawItemRows } from '../support/knowledge.js';

const errataFile = (entries: string) => `errata:\n${entries}`;

describe('knowledge/errata.yaml', () => {
  it('attaches the known typo to item 48 and leaves the cell byte for byte', () => {
    const item = fixtureKnowledge().byNo.get(48)!;
    expect(item.errata).toEqual([expect.objectContaining({ item: 48, field: 'answer', wrong: '案誤化', right: '暗号化' })]);
    expect(item.answer).toBe(rawItemRows().get(48)![5]);
  });

  it('is optional: without the file there are no errata', () => {
    const copy = knowledgeCopy();
    rmSync(join(copy.dir, 'errata.yaml'));
    expect(loadKnowledge(copy.dir).byNo.get(48)!.errata).toEqual([]);
  });

  it('refuses an erratum for an item that does not exist, or a malformed entry, naming the file', () => {
    const copy = knowledgeCopy();
    copy.edit('errata.yaml', () => errataFile('  - { item: 99, wrong: a, right: b }\n'));
    expect(() => loadKnowledge(copy.dir)).toThrow(/errata\.yaml: errata\.0: item 99 is not on the sheet/);
    copy.edit('errata.yaml', () => errataFile('  - { item: 48, wrong: 案誤化 }\n'));
    expect(() => loadKnowledge(copy.dir)).toThrow(KnowledgeError);
  });

  it('drops an erratum the sheet no longer has (corrected cell) with a warning; the bot keeps loading, npm run check fails', () => {
    const copy = knowledgeCopy();
    copy.edit('security-checklist.txt', (text) => text.replace('案誤化', '暗号化'));
    copy.edit('checklist.en.yaml', (text) => text.replace('内のみに案誤化した', '内のみに暗号化した'));
    const knowledge = loadKnowledge(copy.dir);
    expect(knowledge.byNo.get(48)!.errata).toEqual([]);
    expect(knowledge.warnings).toContainEqual(expect.objectContaining({ file: 'errata.yaml', code: 'stale_erratum' }));
    const out: string[] = [];
    expect(runCheck(['--dir', copy.dir], {}, (line) => out.push(line))).toBe(1);
    expect(out.join('\n')).toContain("error: errata.yaml: item 48's answer no longer contains \"案誤化\"");
  });
});
