// `npm start`, `npm run check` and `npm run ask` in both kinds of install:
// - a development checkout (`npm ci`): TypeScript and tsx are installed, so `start` builds first and the commands run
//   the sources in src/ (never a stale build);
// - a production install (`npm ci --omit=dev`, the Docker image): there is no compiler and no tsx, so `start` runs the
//   dist/ it was shipped with and the commands run their compiled form, dist/cli/<name>.js.
// Usage: node scripts/dev-or-dist.mjs prestart | node scripts/dev-or-dist.mjs cli <name> [args…]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const installed = (pkg) => existsSync(join(root, 'node_modules', pkg, 'package.json'));
const [mode, name, ...args] = process.argv.slice(2);

/** Runs node with these arguments in the caller's terminal; returns its exit code. */
const node = (nodeArgs) => {
  const result = spawnSync(process.execPath, nodeArgs, { stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
};

if (mode === 'prestart') {
  if (installed('typescript')) {
    process.exitCode = node([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')]);
  } else if (!existsSync(join(root, 'dist', 'main.js'))) {
    console.error('checklist-bot: dist/main.js is missing and TypeScript is not installed to build it: run `npm ci && npm run build` first');
    process.exitCode = 2;
  }
} else if (mode === 'cli' && name && /^[a-z-]+$/.test(name)) {
  const source = join(root, 'src', 'cli', `${name}.ts`);
  const built = join(root, 'dist', 'cli', `${name}.js`);
  if (installed('tsx')) {
    process.exitCode = node(['--import', 'tsx', source, ...args]);
  } else if (existsSync(built)) {
    process.exitCode = node([built, ...args]);
  } else {
    console.error(`checklist-bot: ${built} is missing and tsx is not installed to run the sources: run \`npm ci && npm run build\` first`);
    process.exitCode = 2;
  }
} else {
  console.error('usage: node scripts/dev-or-dist.mjs prestart | cli <name> [args…]');
  process.exitCode = 2;
}
