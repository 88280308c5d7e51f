// First: stops an older Node with one clear line (see config/require-node.ts).
import '../config/require-node.js';
import { loadKnowledgeForCommand, parseCommandLine } from '../config/command-line.js';
import { isEntryPoint } from '../config/paths.js';
import { loadDotEnv } from '../config/env.js';
import { openStoreFromEnv } from '../store/open.js';
import { buildReport, parseDuration, renderReport } from '../store/report.js';

const USAGE = `usage: npm run report -- [--since 30d] [--json]
  What the bot's records say about the period (default: the last 30 days; h, d or w): the most frequent unanswered
  questions (near-duplicates grouped), 👎 by item and reason, the most asked items, disclosures by channel (Copy for
  customer, Share in channel), and items whose English translation is stale.
  Reads the store the bot writes: DATABASE_URL, or the embedded database under DATA_DIR (default ./data).
  --json  one JSON object: {"unanswered": [{"question", "count", "variants"}], "feedback": […], "mostAsked": […],
          "disclosures": […], "staleTranslations": […], "answers": {…}, "since", "until"}`;

export interface CliIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  err: (line: string) => void;
}

/** Prints the report; returns the exit code (0, or 2 for bad arguments, an unreachable store or broken knowledge). */
export async function runReport(io: CliIo, now = Date.now()): Promise<number> {
  const args = parseCommandLine('report', io, { since: { type: 'string', default: '30d' }, json: { type: 'boolean' } }, USAGE);
  if ('exit' in args) return args.exit;
  const { values } = args;
  const period = parseDuration(values.since);
  if (period === undefined) {
    io.err(`report: --since must be a number of hours, days or weeks such as 30d, 12h or 2w, not "${values.since}"`);
    return 2;
  }
  const knowledge = loadKnowledgeForCommand('report', io.env, io.err);
  if (!knowledge) return 2;
  const store = await openStoreFromEnv(io.env, io.err, 'report');
  if (!store) return 2;
  try {
    const report = await buildReport(store, knowledge, now - period, now);
    io.out(values.json ? JSON.stringify(report, null, 2) : renderReport(report));
    return 0;
  } catch (error) {
    io.err(`report: the database could not answer: ${(error as Error).message.split('\n')[0]}`);
    return 1;
  } finally {
    await store.close();
  }
}

if (isEntryPoint(import.meta.url)) {
  loadDotEnv();
  process.exitCode = await runReport({ argv: process.argv.slice(2), env: process.env, out: (text) => console.log(text), err: (line) => console.error(line) });
}
