// First: stops an older Node with one clear line (see config/require-node.ts).
import '../config/require-node.js';
import { loadKnowledgeForCommand, parseCommandLine } from '../config/command-line.js';
import { createInterface } from 'node:readline';
import { answerWithModel } from '../answer/assisted.js';
import { commandWord } from '../answer/commands.js';
import type { Answer } from '../answer/decide.js';
import { KnowledgeBase } from '../answer/knowledge-base.js';
import type { ModelChooser } from '../answer/model.js';
import { loadLlmConfig } from '../config/llm.js';
import { createChooser } from '../llm/index.js';
import { PromptError } from '../llm/prompts.js';
import { toJson } from '../answer/json.js';
import { languageOf, type Language } from '../answer/language.js';
import { STRINGS } from '../render/strings.js';
import { listText, renderAnswerText, versionText } from '../render/text.js';
import { isEntryPoint } from '../config/paths.js';
import type { Knowledge } from '../knowledge/load.js';

const USAGE = `usage: npm run ask -- [--lang en|ja] [--json] [--version] ["question" | list | version | help]
  Answers from the bundled check sheet (knowledge/, or KNOWLEDGE_DIR), no credentials needed.
  With no question, reads questions from stdin, one per line, and answers each in order.
  With OPENAI_API_KEY set, a model helps choose items and phrase a short introduction (see README).
  --json     one JSON object per question on stdout
  --lang     answer in this language (default: the question's language; item numbers alone answer in English)
  --version  show the sheet's title, date, content hash and load time

${STRINGS.en.help}`;

export interface AskIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the ask command; returns the exit code (0 answers, including no_match; 2 bad arguments or broken knowledge). */
export async function runAsk(io: AskIo): Promise<number> {
  const args = parseCommandLine(
    'ask',
    io,
    {
        lang: { type: 'string' },
        json: { type: 'boolean' },
        version: { type: 'boolean' },
    },
    USAGE,
    true,
  );
  if ('exit' in args) return args.exit;
  const { values, positionals } = args;
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'ja') {
    io.err(`ask: --lang must be en or ja, not "${values.lang}"`);
    return 2;
  }
  const forcedLang = values.lang as Language | undefined;

  const knowledge = loadKnowledgeForCommand('ask', io.env, io.err);
  if (!knowledge) return 2;
  // `list`, `version` (and 一覧, バージョン) as a question behave as they do in /checklist; `help` is answered as help.
  const command = (question: string): string | undefined => {
    const lang = forcedLang ?? languageOf(question);
    switch (commandWord(question)) {
      case 'version':
        return values.json ? JSON.stringify(versionJson(knowledge)) : versionText(knowledge, lang);
      case 'list':
        return values.json ? JSON.stringify(listJson(knowledge, question)) : listText(knowledge, lang);
      default:
        return undefined;
    }
  };
  if (values.version) {
    io.out(command('version')!);
    return 0;
  }

  const llmConfig = loadLlmConfig(io.env);
  if (!llmConfig.ok) {
    io.err(`ask: ${llmConfig.error}`);
    return 2;
  }
  let chooser: ModelChooser | undefined;
  try {
    chooser = await createChooser(llmConfig.llm);
  } catch (error) {
    io.err(`ask: ${error instanceof PromptError ? error.message : String(error)}`);
    return 2;
  }
  const timeoutMs = llmConfig.llm.enabled ? llmConfig.llm.timeoutMs : 0;
  const base = new KnowledgeBase(knowledge);
  const answer = async (question: string): Promise<Answer> => {
    const { answer: result } = await answerWithModel(base, question, chooser, { timeoutMs });
    if (result.assist?.fallback) io.err(`ask: warning: the model's output was not used (${result.assist.fallback}); this is the search-only answer`);
    if (result.assist?.phrasingDiscarded) io.err(`ask: warning: the model's phrasing was dropped (it stated ${result.assist.phrasingDiscarded.join(', ')}, which the cited items do not say)`);
    return result;
  };
  const print = (question: string, answer: Answer): void => {
    if (values.json) {
      io.out(JSON.stringify(toJson(answer, knowledge.version)));
    } else {
      io.out(renderAnswerText(answer, knowledge, forcedLang ?? languageOf(question)));
    }
  };

  const reply = async (question: string): Promise<void> => {
    const output = command(question);
    if (output !== undefined) io.out(output);
    else print(question, await answer(question));
  };

  if (positionals.length > 0) {
    const question = positionals.join(' ');
    await reply(question);
    return 0;
  }

  // Batch mode: one question per line, answered in order (the evaluation feeds questions this way).
  if (io.stdin.isTTY) io.err('Reading questions from stdin, one per line (Ctrl-D to finish). `npm run ask -- --help` for usage.');
  let first = true;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    if (!values.json && !first) io.out('\n' + '─'.repeat(40));
    first = false;
    await reply(line);
  }
  return 0;
}

/** `--version --json` and `version --json`: which sheet is served. */
const versionJson = (knowledge: Knowledge) => ({
  title: knowledge.title,
  company: knowledge.company,
  date: knowledge.date,
  version: knowledge.version,
  items: knowledge.items.length,
  loadedAt: knowledge.loadedAt.toISOString(),
  warnings: knowledge.warnings.length,
});

/** `list --json`: every item by section, with its names. */
const listJson = (knowledge: Knowledge, question: string) => ({
  question,
  kind: 'list',
  sheetVersion: knowledge.version,
  items: knowledge.items.map((item) => ({ no: item.no, section: item.section, category: item.category, name: item.name, ...(item.english.name !== undefined ? { nameEn: item.english.name } : {}) })),
});

// Run when executed directly (npm run ask), not when imported by tests.
if (isEntryPoint(import.meta.url)) {
  runAsk({ argv: process.argv.slice(2), env: process.env, stdin: process.stdin, out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`ask: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
