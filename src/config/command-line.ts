import { parseArgs, type ParseArgsConfig } from 'node:util';
import { KnowledgeError, loadKnowledge, type Knowledge } from '../knowledge/load.js';
import { knowledgeDir } from './paths.js';

/** What every command needs to report on its arguments. */
export interface ArgumentsIo {
  argv: string[];
  out: (text: string) => void;
  err: (line: string) => void;
}

/**
 * Parses a command's arguments the same way for every command: an unknown or malformed option prints
 * "COMMAND: what is wrong" and the usage (exit 2), `--help` prints the usage (exit 0). Either way `exit` is set and
 * the command returns it; otherwise the parsed values and positionals.
 */
export function parseCommandLine<T extends ParseArgsConfig['options']>(
  command: string,
  io: ArgumentsIo,
  options: T,
  usage: string,
  allowPositionals = false,
): ReturnType<typeof parseArgs<{ options: T; allowPositionals: boolean }>> | { exit: number } {
  let parsed;
  try {
    parsed = parseArgs({ args: io.argv, options: { ...options, help: { type: 'boolean', short: 'h' } } as T, allowPositionals });
  } catch (error) {
    io.err(`${command}: ${(error as Error).message}\n${usage}`);
    return { exit: 2 };
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.out(usage);
    return { exit: 0 };
  }
  return parsed;
}

/**
 * The knowledge folder a command works on (KNOWLEDGE_DIR, or the bundled one), or undefined after saying why it cannot
 * be loaded: "COMMAND: cannot load DIR" and every problem with its file and line. The command then exits 2.
 */
export function loadKnowledgeForCommand(command: string, env: NodeJS.ProcessEnv, err: (line: string) => void): Knowledge | undefined {
  const dir = knowledgeDir(env);
  try {
    return loadKnowledge(dir);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    err(`${command}: cannot load ${dir}\n${error.message}`);
    return undefined;
  }
}
