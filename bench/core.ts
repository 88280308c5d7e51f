/**
 * In-process benchmark of the answer core: index build time, answer latency (p50/p99) and memory, on the real
 * 49-item sheet and on a generated 20,000-item sheet. Run with `npm run bench`. Figures, not assertions: the
 * targets (p99 ≤ 1 ms at 49 items, ≤ 10 ms at 20,000; build ≤ 50 ms at 49 items) are judged by reading them.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Answerer } from '../src/answer/decide.js';
import { knowledgeDir } from '../src/config/paths.js';
import { readLabelledSet } from '../src/eval/labelled-set.js';
import { buildKnowledge, KNOWLEDGE_FILES, type KnowledgeSources } from '../src/knowledge/load.js';
import { ChecklistIndex } from '../src/search/index.js';
import { quantile } from './measure.js';

const dir = knowledgeDir();
const sources: KnowledgeSources = {
  sheet: readFileSync(resolve(dir, KNOWLEDGE_FILES.sheet), 'utf8'),
  companion: readFileSync(resolve(dir, KNOWLEDGE_FILES.companion), 'utf8'),
  gaps: readFileSync(resolve(dir, KNOWLEDGE_FILES.gaps), 'utf8'),
  vocabulary: readFileSync(resolve(dir, KNOWLEDGE_FILES.vocabulary), 'utf8'),
  examples: readFileSync(resolve(dir, KNOWLEDGE_FILES.examples), 'utf8'),
};
const questions = readLabelledSet(resolve(import.meta.dirname, '..', 'test', 'fixtures', 'questions.tsv')).map((q) => q.question);

const ms = (value: number): string => `${value.toFixed(3)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function timeBuild(label: string, src: KnowledgeSources, runs: number): Answerer {
  const parse: number[] = [];
  const index: number[] = [];
  let answerer: Answerer | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const knowledge = buildKnowledge(src);
    const t1 = performance.now();
    answerer = new Answerer(knowledge, {}, new ChecklistIndex(knowledge));
    const t2 = performance.now();
    parse.push(t1 - t0);
    index.push(t2 - t1);
  }
  parse.sort((a, b) => a - b);
  index.sort((a, b) => a - b);
  const total = parse.map((p, i) => p + index[i]!).sort((a, b) => a - b);
  console.log(`${label}: load+validate median ${ms(quantile(parse, 0.5))}, index median ${ms(quantile(index, 0.5))}, build total median ${ms(quantile(total, 0.5))} (first ${ms(total[0]!)}… over ${runs} runs)`);
  return answerer!;
}

function timeAnswers(label: string, answerer: Answerer, rounds: number): void {
  // Steady state, as in a long-running bot: let the JIT compile the hot paths before timing.
  for (let r = 0; r < 10; r++) for (const q of questions) answerer.answer(q);
  globalThis.gc?.(); // start clean, so the builds' garbage is not collected inside a timed answer
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t0 = performance.now();
      answerer.answer(q);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: ${times.length} answers, p50 ${ms(quantile(times, 0.5))}, p99 ${ms(quantile(times, 0.99))}, max ${ms(times[times.length - 1]!)}`);
}

/** A generated sheet: the real rows repeated with their numbers rewritten, plus a few unique words per row. */
function generatedSheet(count: number): KnowledgeSources {
  const lines = sources.sheet.split('\n');
  const headerEnd = lines.findIndex((line) => line.startsWith('No.\t'));
  const rows = lines.slice(headerEnd + 1).filter((line) => /^\d+\t/.test(line));
  const out = lines.slice(0, headerEnd + 1);
  out.push('データ管理\t\t\t\t\t');
  for (let i = 0; i < count; i++) {
    const cells = rows[i % rows.length]!.split('\t');
    cells[0] = String(i + 1);
    if (i === 0 && cells[1] === '') cells[1] = 'データ管理';
    cells[2] = `${cells[2]} 変種${i} variant${i}`;
    out.push(cells.join('\t'));
  }
  return { ...sources, sheet: out.join('\n') };
}

// Latencies are wall-clock: on a machine busier than its cores, the tail (p99, max) mostly measures the scheduler and
// the garbage collector's threads waiting for a core. The load is printed so such a run can be told apart.
const load = loadavg().map((value) => value.toFixed(1)).join(', ');
console.log(`Node ${process.version}, ${questions.length} questions from test/fixtures/questions.tsv; load average ${load} on ${availableParallelism()} CPUs\n`);
const small = timeBuild('49 items', sources, 30);
timeAnswers('49 items', small, 20);
console.log(`RSS after 49-item runs: ${mb(process.memoryUsage().rss)}, heap used ${mb(process.memoryUsage().heapUsed)}\n`);

const big = timeBuild('20,000 items', generatedSheet(20_000), 3);
timeAnswers('20,000 items', big, 3);
globalThis.gc?.();
console.log(`RSS with the 20,000-item index: ${mb(process.memoryUsage().rss)}, heap used ${mb(process.memoryUsage().heapUsed)}`);
