import { nodeVersionProblem } from './node-version.js';

// Imported first by every entry point (src/main.ts, src/cli/*.ts). ES modules run their imports in order, so this
// stops an older Node with one clear line before any module that needs a newer one runs.
const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(2);
}
