import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFill } from '../../src/cli/fill.js';
import { buildFixtures } from '../fixtures/questionnaires/build.js';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.js';

let fixtures: Awaited<ReturnType<typeof buildFixtures>>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fill-cli-'));
  fixtures = await buildFixtures(dir);
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFill({ argv, env: { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE }, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('npm run fill', () => {
  it('--json prints one object per question row in order, in the documented shape, and a summary on stderr', async () => {
    const caiq = fixtures.labelled.find((f) => f.file.endsWith('caiq.xlsx'))!;
    const { code, out, err } = await run(caiq.file, '--json');
    expect(code).toBe(0);
    const rows = out.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((r) => r.row)).toEqual(caiq.labels.map((l) => l.row));
    for (const row of rows) expect(Object.keys(row)).toEqual(['sheet', 'row', 'question', 'status', 'cited', 'matches']);
    expect(rows.find((r) => r.row === 8)).toMatchObject({ sheet: 'Questionnaire', question: 'What is your Recovery Point Objective (RPO)?', status: 'answered', cited: [29], matches: expect.arrayContaining([{ no: 29, score: expect.any(Number) }]) });
    expect(rows.find((r) => r.status === 'no_match')).toMatchObject({ cited: [] });
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^fill: 25 question rows: \d+ answered, \d+ to check \(check: close items\), \d+ not covered.* → .*caiq\.filled\.xlsx$/);
    expect(existsSync(join(dir, 'caiq.filled.xlsx'))).toBe(true);
  });

  it('CSV rows are numbered by line with sheet null; --out and --lang are honoured', async () => {
    const csv = fixtures.labelled.find((f) => f.file.endsWith('questions.csv'))!;
    const out = join(dir, 'answers.csv');
    const result = await run(csv.file, '--json', '--out', out, '--lang', 'en');
    expect(result.code).toBe(0);
    expect(result.out.map((l) => JSON.parse(l) as { sheet: null; row: number }).map((r) => [r.sheet, r.row])).toEqual(csv.labels.map((l) => [null, l.row]));
    expect(readFileSync(out, 'utf8')).toContain('Answer (English');
  });

  it('exits 2 with one line for a refused file, and writes nothing', async () => {
    const { code, out, err } = await run(fixtures.refused.encrypted);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([expect.stringMatching(/^fill: protected\.xlsx: The workbook is password-protected/)]);
    expect(existsSync(join(dir, 'protected.filled.xlsx'))).toBe(false);
  });

  it('exits 2 on bad arguments and a missing file', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('x.xlsx', '--lang', 'fr')).code).toBe(2);
    expect((await run('x.xlsx', '--header-row', 'three')).code).toBe(2);
    const missing = await run(join(dir, 'nope.xlsx'));
    expect(missing).toMatchObject({ code: 2, err: [expect.stringContaining('ENOENT')] });
  });
});
