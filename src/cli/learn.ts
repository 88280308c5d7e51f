// First: stops an older Node with one clear line (see config/require-node.ts).
import '../config/require-node.js';
import { loadKnowledgeForCommand, parseCommandLine } from '../config/command-line.js';
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { languageOf } from '../answer/language.js';
import { loadDotEnv } from '../config/env.js';
import { isEntryPoint, knowledgeDir } from '../config/paths.js';
import type { Knowledge } from '../knowledge/load.js';
import { openStoreFromEnv } from '../store/open.js';
import type { Proposal } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './report.js';

/** The reviewable copy of the approved examples, next to the sheet (not read by the bot: the store is the source). */
export const LEARNED_EXPORT_FILE = 'learned-examples.yaml';

const USAGE = `usage: npm run learn -- [--approve ID]… [--reject ID]… [--by NAME] [--export [--file FILE]] [--json]
  Learned examples: a picker choice or a 👍 on a one-item answer proposes "this question → this item". Nothing
  changes until a maintainer approves; an approved example is added as a phrasing of the item for search (the
  answer stays the sheet's cell). Running bots pick up approvals within 30 seconds.
  (no option)  list the proposals waiting for review
  --approve ID / --reject ID   decide (repeatable); --by names the reviewer (default: your login name)
  --export     write every approved example to knowledge/${LEARNED_EXPORT_FILE} (or --file FILE) for review in git
  --json       the list as JSON`;

export async function runLearn(io: CliIo): Promise<number> {
  const args = parseCommandLine(
    'learn',
    io,
    {
        approve: { type: 'string', multiple: true, default: [] },
        reject: { type: 'string', multiple: true, default: [] },
        by: { type: 'string' },
        export: { type: 'boolean' },
        file: { type: 'string' },
        json: { type: 'boolean' },
    },
    USAGE,
  );
  if ('exit' in args) return args.exit;
  const { values } = args;
  const dir = knowledgeDir(io.env);
  const knowledge = loadKnowledgeForCommand('learn', io.env, io.err);
  if (!knowledge) return 2;
  const store = await openStoreFromEnv(io.env, io.err, 'learn');
  if (!store) return 2;
  try {
    const by = values.by ?? safeUserName();
    let failed = false;
    for (const [ids, status] of [[values.approve, 'approved'], [values.reject, 'rejected']] as const) {
      for (const id of ids) {
        const proposal = await store.proposal(id);
        if (proposal && (await store.decide(id, status, by))) io.out(`${status}: ${describe(proposal, knowledge)}`);
        else {
          io.err(`learn: ${proposal ? `${id} was already ${proposal.status}` : `no proposal ${id}`}`);
          failed = true;
        }
      }
    }
    if (values.export) {
      const file = values.file ?? join(dir, LEARNED_EXPORT_FILE);
      const count = await exportApproved(store, knowledge, file);
      io.out(`wrote ${count} approved example(s) to ${file}`);
    }
    if (values.approve.length === 0 && values.reject.length === 0 && !values.export) {
      const pending = await store.proposals('pending', 1000);
      if (values.json) io.out(JSON.stringify(pending, null, 2));
      else if (pending.length === 0) io.out('No learned examples are waiting for review.');
      else io.out([`${pending.length} proposal(s) waiting for review (approve with: npm run learn -- --approve ID):`, ...pending.map((p) => `  ${p.id}  ${describe(p, knowledge)}`)].join('\n'));
    }
    return failed ? 1 : 0;
  } finally {
    await store.close();
  }
}

const describe = (p: Proposal, knowledge: Knowledge): string =>
  `“${p.question}” → No.${p.item} ${knowledge.byNo.get(p.item)?.name ?? '(not on the current sheet)'} (${p.source === 'pick' ? 'picked' : '👍'}${p.proposedBy ? ` by ${p.proposedBy}` : ''})`;

const safeUserName = (): string => {
  try {
    return userInfo().username;
  } catch {
    return 'cli';
  }
};

/**
 * Writes the approved examples for review in a pull request, in the shape of knowledge/examples.yaml (items by
 * number, English and Japanese questions apart), so a reviewer can move good ones into that file.
 */
export async function exportApproved(store: Store, knowledge: Knowledge, file: string): Promise<number> {
  const examples = await store.approvedExamples();
  const items: Record<string, { en: string[]; ja: string[] }> = {};
  for (const { question, item } of examples) (items[String(item)] ??= { en: [], ja: [] })[languageOf(question)].push(question);
  const header = [
    '# Approved learned examples: questions people asked, confirmed by a maintainer as being about the item.',
    "# The bot adds them to the item's search phrasings (aliases); answers stay the sheet's cells.",
    '# Written by `npm run learn -- --export` (the store is the source); the same shape as examples.yaml.',
    `# Sheet version ${knowledge.version}; items: ${Object.keys(items).map((no) => `${no} ${knowledge.byNo.get(Number(no))?.name ?? '(not on the sheet)'}`).join(', ') || 'none'}`,
    '',
  ].join('\n');
  writeFileSync(file, header + stringify({ items }));
  return examples.length;
}

if (isEntryPoint(import.meta.url)) {
  loadDotEnv();
  process.exitCode = await runLearn({ argv: process.argv.slice(2), env: process.env, out: (text) => console.log(text), err: (line) => console.error(line) });
}
