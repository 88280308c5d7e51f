// First: stops an older Node with one clear line (see config/require-node.ts).
import '../config/require-node.js';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { answerWithModel } from '../answer/assisted.js';
import { toJson, type AnswerJson } from '../answer/json.js';
import { KnowledgeBase } from '../answer/knowledge-base.js';
import type { ModelChooser } from '../answer/model.js';
import { loadLlmConfig } from '../config/llm.js';
import { createChooser } from '../llm/index.js';
import { isEntryPoint, knowledgeDir, PROJECT_ROOT } from '../config/paths.js';
import { readLabelledSet } from '../eval/labelled-set.js';
import { percent, scoreOne, tally, type Scored } from '../eval/score.js';
import { KnowledgeError, loadKnowledge } from '../knowledge/load.js';

const USAGE = `usage: npm run eval [-- [--set FILE.tsv ...] [--verbose] [--llm]]
Scores the search-only answer core on labelled question sets (default: ../shared/eval/dev.tsv and questionnaires.tsv)
and prints, per set and per language, top-1, top-3 and the share of out-of-scope questions answered no_match.
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
  const sets = args.values.set ?? ['dev.tsv', 'questionnaires.tsv'].map((name) => resolve(PROJECT_ROOT, '..', 'shared', 'eval', name));
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

  io.out('set                  lang  in-scope  top-1    top-3    out-of-scope  no_match');
  for (const path of sets) {
    let scored: Scored[] = [];
    try {
      for (const question of readLabelledSet(path)) scored.push(scoreOne(question, await answerJson(question.question)));
    } catch (error) {
      io.err(`cannot read ${path}: ${(error as Error).message}`);
      return 2;
    }
    const name = path.split('/').pop()!;
    const langs = [...new Set(scored.map((s) => s.question.lang))].sort();
    for (const lang of [...langs, 'all']) {
      const t = tally(lang === 'all' ? scored : scored.filter((s) => s.question.lang === lang));
      io.out(
        `${name.padEnd(20)} ${lang.padEnd(5)} ${String(t.inScope).padStart(8)}  ${percent(t.top1, t.inScope).padStart(6)}   ${percent(t.top3, t.inScope).padStart(6)}   ${String(t.outOfScope).padStart(12)}  ${percent(t.refused, t.outOfScope).padStart(8)}`,
      );
    }
    if (chooser) {
      const models = scored.map((s) => s.result.model).filter((m) => m !== undefined);
      const fallbacks = models.filter((m) => m.fallback).map((m) => m.fallback!);
      const tokens = models.reduce((sum, m) => sum + (m.usage?.total ?? 0), 0);
      io.out(`  model asked ${models.length}×, used ${models.filter((m) => m.used).length}×, fell back ${fallbacks.length}× (${[...new Set(fallbacks)].join(', ') || 'never'}), ${tokens} tokens`);
    }
    if (args.values.verbose) {
      for (const s of scored.filter((x) => !x.correct)) {
        const got = s.result.matches.slice(0, 3).map((m) => `${m.no}${m.score !== undefined ? `(${m.score})` : ''}`).join(' ');
        io.out(`  MISS ${s.question.id} [${s.question.expected.join(',') || '-'}] ${s.result.status}${s.result.reason ? `/${s.result.reason}` : ''}${s.result.close ? '/close' : ''} → ${got}  ${s.question.question.slice(0, 100)}`);
      }
    }
  }
  return 0;
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
