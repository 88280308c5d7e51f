import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/load.js';

/**
 * Behaviour tests run on a frozen copy of the knowledge folder (`test/fixtures/knowledge/`), so editing the company's
 * sheet never breaks unrelated tests. Only `test/knowledge/live-knowledge.test.ts` reads the live `knowledge/`
 * (`LIVE_KNOWLEDGE`): it loads, passes `npm run check` and holds the answer-quality floors.
 */
export const FIXTURE_KNOWLEDGE = resolve(import.meta.dirname, '..', 'fixtures', 'knowledge');
export const LIVE_KNOWLEDGE = resolve(import.meta.dirname, '..', '..', 'knowledge');
export const SHEET_PATH = join(FIXTURE_KNOWLEDGE, 'security-checklist.txt');

let cached: Knowledge | undefined;
/** The fixture knowledge, loaded once per test file. */
export const fixtureKnowledge = (): Knowledge => (cached ??= loadKnowledge(FIXTURE_KNOWLEDGE));

/** A temporary copy of the fixture knowledge folder, with `edit(name, text)` to change one file in it. */
export function knowledgeCopy(): { dir: string; edit: (name: string, change: (text: string) => string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
  return {
    dir,
    edit: (name, change) => writeFileSync(join(dir, name), change(readFileSync(join(dir, name), 'utf8'))),
  };
}

/**
 * The fixture sheet's item rows read independently of the parser (split on tabs, nothing else), so tests can check
 * that the parser hands out each cell byte for byte.
 */
export function rawItemRows(): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  for (const line of readFileSync(SHEET_PATH, 'utf8').split('\n')) {
    const cells = line.split('\t');
    if (/^\d+$/.test(cells[0] ?? '')) rows.set(Number(cells[0]), cells);
  }
  return rows;
}
