import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.js';
import { fixtureKnowledge, knowledgeCopy } from '../support/knowledge.js';

describe('loadKnowledge', () => {
  it('joins every item with its reviewed English entry and flags 非公開 answers', () => {
    const knowledge = fixtureKnowledge();
    expect(knowledge.items).toHaveLength(49);
    expect(knowledge.items.every((item) => item.translationStatus === 'reviewed')).toBe(true);
    expect(knowledge.byNo.get(29)?.english).toEqual({
      name: 'Backup timing (RPO)',
      definition: 'The point in time up to which backup data is taken and data is guaranteed (the recovery point objective)',
      unit: 'Time',
      answer: '24 hours',
    });
    expect(knowledge.items.filter((item) => item.notDisclosed).map((item) => item.no)).toEqual([10, 11, 12, 17, 19, 20, 21]);
    expect(knowledge.version).toMatch(/^[0-9a-f]{12}$/);
    expect(knowledge.warnings.map((w) => w.line)).toEqual([51, 64]);
  });

  it('when one answer cell changes, drops only the English answer and keeps the reviewed name, definition and unit', () => {
    const copy = knowledgeCopy();
    copy.edit('security-checklist.txt', (text) => text.replace('\t時間\t24時間\n', '\t時間\t12時間\n'));
    const knowledge = loadKnowledge(copy.dir);
    const item = knowledge.byNo.get(29)!;
    expect(item.answer).toBe('12時間');
    expect(item.translationStatus).toBe('stale');
    expect(item.staleFields).toEqual(['answer']);
    expect(item.english).toEqual({
      name: 'Backup timing (RPO)',
      definition: 'The point in time up to which backup data is taken and data is guaranteed (the recovery point objective)',
      unit: 'Time',
    });
    expect(item.aliases).toContain('RPO'); // still findable
    expect(knowledge.warnings.map((w) => [w.file, w.line, w.message])).toContainEqual([
      'checklist.en.yaml',
      318,
      'item 29: the sheet\'s 設定等 changed since review: reviewed against "24時間", now "12時間" (security-checklist.txt:42); its English answer "24 hours" is not shown until this entry is reviewed',
    ]);
    expect(knowledge.version).not.toBe(fixtureKnowledge().version);
  });

  it('when a name cell changes, drops the English name and unit and keeps the reviewed definition and answer', () => {
    const copy = knowledgeCopy();
    copy.edit('security-checklist.txt', (text) => text.replace('\tバックアップデータを取得するタイミング(RPO)\t', '\tバックアップ取得タイミング(RPO)\t'));
    const item = loadKnowledge(copy.dir).byNo.get(29)!;
    expect(item.staleFields).toEqual(['name']);
    expect(item.english).toEqual({ definition: 'The point in time up to which backup data is taken and data is guaranteed (the recovery point objective)', answer: '24 hours' });
  });

  it('reports an item without an English entry', () => {
    const copy = knowledgeCopy();
    copy.edit('checklist.en.yaml', (text) => text.replace(/\n {2}"47":[\s\S]*?(?=\n {2}"48":)/, ''));
    const knowledge = loadKnowledge(copy.dir);
    expect(knowledge.byNo.get(47)?.translationStatus).toBe('missing');
    expect(knowledge.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('item 47 has no English entry'));
  });

  it('throws a KnowledgeError naming the file and line, never a half-loaded knowledge', () => {
    const copy = knowledgeCopy();
    // Row 30 loses its unit cell: every later cell moves left and the answer column is empty.
    copy.edit('security-checklist.txt', (text) => text.replace('\t時間\t72時間', '\t72時間'));
    expect(() => loadKnowledge(copy.dir)).toThrowError(KnowledgeError);
    try {
      loadKnowledge(copy.dir);
    } catch (error) {
      expect((error as KnowledgeError).problems).toEqual([{ file: 'security-checklist.txt', line: 43, message: 'item 30 has an empty 設定等 cell' }]);
      expect((error as Error).message).toContain('security-checklist.txt:43: item 30 has an empty 設定等 cell');
    }
  });

  it('reports invalid YAML with its line, a schema violation with its path, and a missing file', () => {
    const broken = knowledgeCopy();
    broken.edit('checklist.en.yaml', (text) => text.replace('items:\n', 'items:\n  "1": [unclosed\n'));
    expect(() => loadKnowledge(broken.dir)).toThrowError(/checklist\.en\.yaml:\d+: not valid YAML/);

    const wrongShape = knowledgeCopy();
    wrongShape.edit('checklist.en.yaml', (text) => text.replace('    answer: 24 hours\n', ''));
    expect(() => loadKnowledge(wrongShape.dir)).toThrowError(/checklist\.en\.yaml: items\.29\.answer/);

    const missing = knowledgeCopy();
    rmSync(join(missing.dir, 'gaps.yaml'));
    expect(() => loadKnowledge(missing.dir)).toThrowError(/gaps\.yaml: cannot read .*ENOENT/);
  });

  it('refuses an empty gaps topic list entry', () => {
    const copy = knowledgeCopy();
    writeFileSync(join(copy.dir, 'gaps.yaml'), 'topics:\n  - topic: sso\n    terms: []\n');
    expect(() => loadKnowledge(copy.dir)).toThrowError(/gaps\.yaml: topics\.0\.terms/);
  });

  it('refuses a control character in a sheet cell or a translation, naming the file and line (nothing is served)', () => {
    const sheet = knowledgeCopy();
    sheet.edit('security-checklist.txt', (text) => text.replace('\t時間\t24時間\n', '\t時間\t24\u0000時間\n'));
    expect(() => loadKnowledge(sheet.dir)).toThrowError('security-checklist.txt:42: cell 6 (設定等) contains the control character U+0000 (NUL): the sheet must be plain text');

    const escape = knowledgeCopy();
    escape.edit('security-checklist.txt', (text) => text.replace('\t時間\t24時間\n', '\t時間\t\u001b[31m24時間\n'));
    expect(() => loadKnowledge(escape.dir)).toThrowError('security-checklist.txt:42: cell 6 (設定等) contains the control character U+001B (ESC)');

    const literal = knowledgeCopy();
    literal.edit('checklist.en.yaml', (text) => text.replace('    answer: 24 hours\n', '    answer: 24 hours\u0007\n'));
    expect(() => loadKnowledge(literal.dir)).toThrowError('checklist.en.yaml:314: items.29.answer: contains the control character U+0007 (BEL)');

    const escaped = knowledgeCopy();
    escaped.edit('checklist.en.yaml', (text) => text.replace('    answer: 24 hours\n', '    answer: "24 hours\\u202e"\n'));
    expect(() => loadKnowledge(escaped.dir)).toThrowError('checklist.en.yaml: items.29.answer: contains the control character U+202E (RIGHT-TO-LEFT OVERRIDE)');
  });
});
