// First: stops an older Node with one clear line (see config/require-node.ts).
import '../config/require-node.js';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { answerWithModel } from '../answer/assisted.js';
import { toJson, type AnswerJson } from '../answer/json.js';
import { KnowledgeBase } from '../answer/knowledge-base.js';
import type { ModelChooser } from '../answer/model.js';
import { loadLlmConfig } from '../config/llm.js';
import { createChooser } from '../llm/index.js';
import { isEntryPoint, knowledgeDir, PROJECT_ROOT } from '../config/paths.js';
import { readLabelledSet } from '../eval/labelled-set.js';
import { scoreOne, TABLE_HEADER, tableRow, tally, type Scored } from '../eval/score.js';
import { KnowledgeError, loadKnowledge } from '../knowledge/load.js';

const USAGE = `usage: npm run eval [-- [--set FILE.tsv ...] [--verbose] [--llm]]
Scores the search-only answer core on labelled question sets (default: the project's own sets, test/fixtures/questions.tsv
and eval/*.tsv, then ../shared/eval/*.tsv when that folder exists) and prints, per set, language and kind: top-1, top-3,
wrong (answered citing an unexpected item first), multi-part questions answered with all their items, and the share
of out-of-scope questions answered "not covered". --verbose lists every question not scored correct.
--llm scores the same sets with the model layer (needs OPENAI_API_KEY, and OPENAI_BASE_URL for a local server).`;

export interface EvalIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the eval command; returns the exit code (0 scored, 2 bad arguments, no model for --llm, or unreadable input). */
export async function runEval(io: EvalIo): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: io.argv, options: { set: { type: 'string', multiple: true }, verbose: { type: 'boolean', short: 'v' }, llm: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    io.out(USAGE);
    return 0;
  }
  const sets = args.values.set ?? defaultSets();
  let chooser: ModelChooser | undefined;
  let timeoutMs = 0;
  if (args.values.llm) {
    const llm = loadLlmConfig(io.env);
    if (!llm.ok) {
      io.err(`eval: ${llm.error}`);
      return 2;
    }
    if (!llm.llm.enabled) {
      io.err('eval: --llm needs a model, and none is configured: set OPENAI_API_KEY (with OPENAI_BASE_URL and OPENAI_MODEL for a local or compatible server). Nothing was evaluated; `npm run eval` without --llm scores search alone.');
      return 2;
    }
    chooser = await createChooser(llm.llm);
    timeoutMs = llm.llm.timeoutMs;
    io.out(`with the model layer: ${llm.llm.model}${llm.llm.baseURL ? ` at ${llm.llm.baseURL}` : ''}`);
  }
  let base: KnowledgeBase;
  try {
    base = new KnowledgeBase(loadKnowledge(knowledgeDir(io.env)));
  } catch (error) {
    io.err(error instanceof KnowledgeError ? error.message : String(error));
    return 2;
  }
  const answerJson = async (question: string): Promise<AnswerJson> => toJson((await answerWithModel(base, question, chooser, { timeoutMs })).answer);

  io.out(TABLE_HEADER);
  for (const path of sets) {
    let scored: Scored[] = [];
    try {
      for (const question of readLabelledSet(path)) scored.push(scoreOne(question, await answerJson(question.question)));
    } catch (error) {
      io.err(`cannot read ${path}: ${(error as Error).message}`);
      return 2;
    }
    const name = basename(path);
    const groups = (field: 'lang' | 'kind'): string[] => [...new Set(scored.map((s) => s.question[field]))].sort();
    for (const lang of groups('lang')) io.out(tableRow(name, lang, tally(scored.filter((s) => s.question.lang === lang))));
    for (const kind of groups('kind')) io.out(tableRow(name, kind, tally(scored.filter((s) => s.question.kind === kind))));
    io.out(tableRow(name, 'all', tally(scored)));
    if (chooser) {
      const models = scored.map((s) => s.result.model).filter((m) => m !== undefined);
      const fallbacks = models.filter((m) => m.fallback).map((m) => m.fallback!);
      const tokens = models.reduce((sum, m) => sum + (m.usage?.total ?? 0), 0);
      io.out(`  model asked ${models.length}×, used ${models.filter((m) => m.used).length}×, fell back ${fallbacks.length}× (${[...new Set(fallbacks)].join(', ') || 'never'}), ${tokens} tokens`);
    }
    if (args.values.verbose) {
      for (const s of scored.filter((x) => !x.correct)) {
        const got = s.result.matches.slice(0, 3).map((m) => `${m.no}${m.score !== undefined ? `(${m.score})` : ''}`).join(' ');
        io.out(`  ${s.outcome.toUpperCase().padEnd(12)} ${s.question.id} [${s.question.expected.join(',') || '-'}] ${s.result.status}${s.result.reason ? `/${s.result.reason}` : ''}${s.result.close ? '/close' : ''} cited [${s.result.cited.join(',')}] → ${got}  ${s.question.question.slice(0, 110)}`);
      }
    }
  }
  return 0;
}

/** The project's own sets, then the shared ones when ../shared/eval exists (a fresh clone has only its own). */
function defaultSets(): string[] {
  const tsv = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.tsv')).sort().map((name) => join(dir, name)) : []);
  return [resolve(PROJECT_ROOT, 'test', 'fixtures', 'questions.tsv'), ...tsv(resolve(PROJECT_ROOT, 'eval')), ...tsv(resolve(PROJECT_ROOT, '..', 'shared', 'eval'))];
}

// Run when executed directly (npm run eval), not when imported by tests.
if (isEntryPoint(import.meta.url)) {
  runEval({ argv: process.argv.slice(2), env: process.env, out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`eval: ${String(error)}`);
      process.exitCode = 2;
    },
  );
}
