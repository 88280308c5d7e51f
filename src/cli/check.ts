// First: stops an older Node with one clear line (see config/require-node.ts).
import '../config/require-node.js';
import { parseArgs } from 'node:util';
import { isEntryPoint, knowledgeDir } from '../config/paths.js';
import { FAILING_CODES, lintKnowledge } from '../knowledge/lint.js';
import { formatProblem, KnowledgeError, loadKnowledge } from '../knowledge/load.js';
import { lintAnalysis } from '../search/lint.js';
import type { Problem } from '../knowledge/types.js';

const USAGE = `usage: npm run check [-- --dir KNOWLEDGE_DIR]
Lints the knowledge folder (default: knowledge/, or KNOWLEDGE_DIR). Exits 1 on errors: rows that cannot be parsed,
duplicate item numbers, empty answers, control characters in a cell or translation, items without an English entry,
stale translations, aliases listed under two items or analysing to the same terms, aliases that analyse to nothing, an
example under two items, gap terms that hide an item, an invalid vocabulary pattern. Realigned rows and similar are
warnings.`;

export function runCheck(argv: string[], env: NodeJS.ProcessEnv, out: (line: string) => void): number {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    out(`check: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const dir = values.dir ?? knowledgeDir(env);
  let problems: Problem[];
  let errors: Problem[];
  try {
    const knowledge = loadKnowledge(dir);
    problems = [...knowledge.warnings, ...lintKnowledge(knowledge), ...lintAnalysis(knowledge)];
    errors = problems.filter((p) => p.code !== undefined && FAILING_CODES.has(p.code));
    out(`${dir}: ${knowledge.title} (${knowledge.date}), ${knowledge.items.length} items, version ${knowledge.version}`);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    problems = error.problems;
    errors = error.problems;
    out(`${dir}: cannot be loaded; the bot would keep serving the previous version`);
  }
  for (const problem of problems) out(`${errors.includes(problem) ? 'error' : 'warning'}: ${formatProblem(problem)}`);
  const warnings = problems.length - errors.length;
  out(`${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors.length > 0 ? 1 : 0;
}

if (isEntryPoint(import.meta.url)) process.exitCode = runCheck(process.argv.slice(2), process.env, (line) => console.log(line));
