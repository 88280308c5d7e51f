import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Answerer } from '../answer/decide.js';
import { toJson } from '../answer/json.js';
import { knowledgeDir, PROJECT_ROOT } from '../config/paths.js';
import { readLabelledSet } from '../eval/labelled-set.js';
import { percent, scoreOne, tally, type Scored } from '../eval/score.js';
import { KnowledgeError, loadKnowledge } from '../knowledge/load.js';

const USAGE = `usage: npm run eval [-- [--set FILE.tsv ...] [--verbose]]
Scores the search-only answer core on labelled question sets (default: ../shared/eval/dev.tsv and questionnaires.tsv)
and prints, per set and per language, top-1, top-3 and the share of out-of-scope questions answered no_match.`;

function main(): number {
  let args;
  try {
    args = parseArgs({ options: { set: { type: 'string', multiple: true }, verbose: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const sets = args.values.set ?? ['dev.tsv', 'questionnaires.tsv'].map((name) => resolve(PROJECT_ROOT, '..', 'shared', 'eval', name));
  let answerer: Answerer;
  try {
    answerer = new Answerer(loadKnowledge(knowledgeDir()));
  } catch (error) {
    console.error(error instanceof KnowledgeError ? error.message : String(error));
    return 2;
  }

  console.log('set                  lang  in-scope  top-1    top-3    out-of-scope  no_match');
  for (const path of sets) {
    let scored: Scored[];
    try {
      scored = readLabelledSet(path).map((question) => scoreOne(question, toJson(answerer.answer(question.question))));
    } catch (error) {
      console.error(`cannot read ${path}: ${(error as Error).message}`);
      return 2;
    }
    const name = path.split('/').pop()!;
    const langs = [...new Set(scored.map((s) => s.question.lang))].sort();
    for (const lang of [...langs, 'all']) {
      const t = tally(lang === 'all' ? scored : scored.filter((s) => s.question.lang === lang));
      console.log(
        `${name.padEnd(20)} ${lang.padEnd(5)} ${String(t.inScope).padStart(8)}  ${percent(t.top1, t.inScope).padStart(6)}   ${percent(t.top3, t.inScope).padStart(6)}   ${String(t.outOfScope).padStart(12)}  ${percent(t.refused, t.outOfScope).padStart(8)}`,
      );
    }
    if (args.values.verbose) {
      for (const s of scored.filter((x) => !x.correct)) {
        const got = s.result.matches.slice(0, 3).map((m) => `${m.no}${m.score !== undefined ? `(${m.score})` : ''}`).join(' ');
        console.log(`  MISS ${s.question.id} [${s.question.expected.join(',') || '-'}] ${s.result.status}${s.result.reason ? `/${s.result.reason}` : ''}${s.result.close ? '/close' : ''} → ${got}  ${s.question.question.slice(0, 100)}`);
      }
    }
  }
  return 0;
}

process.exitCode = main();
