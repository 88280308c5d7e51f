/**
 * The oldest Node the bot runs on: 20.12 brought `process.loadEnvFile` (reading .env) and `import.meta.dirname`.
 * package.json's `engines` says the same (a test keeps them equal).
 */
export const MINIMUM_NODE_VERSION = '20.12.0';

const parts = (version: string): number[] => version.replace(/^v/, '').split(/[.+-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0);

/** One line saying why this Node cannot run the bot, or undefined when it can. `version` as in `process.versions.node`. */
export function nodeVersionProblem(version: string, minimum = MINIMUM_NODE_VERSION): string | undefined {
  const have = parts(version);
  const need = parts(minimum);
  for (let i = 0; i < 3; i++) {
    if (have[i]! > need[i]!) return undefined;
    if (have[i]! < need[i]!) return `checklist-bot needs Node ${minimum} or newer (this is Node ${version.replace(/^v/, '')}): install a current Node 20 or 22`;
  }
  return undefined;
}
