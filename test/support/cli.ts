import { Readable } from 'node:stream';
import { runAsk } from '../../src/cli/ask.js';
import { runCheck } from '../../src/cli/check.js';
import { FIXTURE_KNOWLEDGE } from './knowledge.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run ask -- …args` in this process through runAsk's io: the same argument parsing, loading and printing
 * as the command, without starting a process per case. `input` is stdin (batch mode); the knowledge folder is the
 * fixture unless `env` names another. test/cli/ask.test.ts keeps one real process run as a smoke test.
 */
export async function askInProcess(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = Readable.from(options.input === undefined ? [] : [options.input]) as Readable & { isTTY?: boolean };
  const code = await runAsk({
    argv: args,
    env: { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, ...options.env },
    stdin,
    out: (line) => out.push(`${line}\n`),
    err: (line) => err.push(`${line}\n`),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Runs `npm run check -- --dir DIR` in this process: its exit code and everything it printed. */
export function checkInProcess(dir: string): { code: number; output: string } {
  const lines: string[] = [];
  const code = runCheck(['--dir', dir], {}, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}
