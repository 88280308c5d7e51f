import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MINIMUM_NODE_VERSION, nodeVersionProblem } from '../../src/config/node-version.js';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('the Node version check', () => {
  it('refuses versions before 20.12 (process.loadEnvFile, import.meta.dirname) with one clear line', () => {
    for (const old of ['20.11.1', 'v20.0.0', '18.20.4', '16.0.0']) {
      expect(nodeVersionProblem(old)).toBe(`checklist-bot needs Node 20.12.0 or newer (this is Node ${old.replace(/^v/, '')}): install a current Node 20 or 22`);
    }
    for (const current of ['20.12.0', '20.20.0', 'v22.3.1', '24.0.0-nightly20250101', process.versions.node]) expect(nodeVersionProblem(current)).toBeUndefined();
  });

  it('says the same minimum as package.json engines', () => {
    const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(`${engines.node.replace(/^>=/, '')}.0`.split('.').slice(0, 3).join('.')).toBe(MINIMUM_NODE_VERSION);
  });

  it('runs first in every entry point', () => {
    const entryPoints = ['src/main.ts', ...readdirSync(join(ROOT, 'src', 'cli')).map((name) => `src/cli/${name}`)];
    for (const file of entryPoints) {
      const firstImport = readFileSync(join(ROOT, file), 'utf8').split('\n').find((line) => line.startsWith('import '));
      expect(firstImport, file).toMatch(/^import '(\.\.?\/)+config\/require-node\.js';$/);
    }
  });

  it('stops npm run check on an older Node with that line and exit 2, before anything else runs', async () => {
    const pretendOld = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.11.1"})';
    const result = await promisify(execFile)(process.execPath, ['--import', pretendOld, '--import', 'tsx', 'src/cli/check.ts', '--dir', FIXTURE_KNOWLEDGE], { cwd: ROOT }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'checklist-bot needs Node 20.12.0 or newer (this is Node 20.11.1): install a current Node 20 or 22\n' });
  });
});
