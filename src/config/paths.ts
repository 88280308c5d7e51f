import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project root: two levels above this file, both in src/ (tsx) and in dist/ (built). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The knowledge folder: `KNOWLEDGE_DIR` when set (a mounted volume in Docker), else the bundled `knowledge/`. */
export const knowledgeDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env.KNOWLEDGE_DIR ? resolve(env.KNOWLEDGE_DIR) : resolve(PROJECT_ROOT, 'knowledge');

/** True when the module with this `import.meta.url` is the script Node was started with (not an import). */
export const isEntryPoint = (moduleUrl: string): boolean => process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
