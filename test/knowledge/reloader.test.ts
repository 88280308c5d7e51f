import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWLEDGE_FILES, loadKnowledge, type Knowledge } from '../../src/knowledge/load.js';
import { KnowledgeReloader } from '../../src/knowledge/reloader.js';
import { capturedLogger } from '../fakes/log-capture.js';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.js';

const SHEET = KNOWLEDGE_FILES.sheet;
const original = readFileSync(join(FIXTURE_KNOWLEDGE, SHEET), 'utf8');
const edited = original.replace('\t時間\t24時間\n', '\t時間\t12時間\n');
const broken = original.replace('\t時間\t72時間', '\t72時間');

const running: KnowledgeReloader[] = [];
afterEach(() => running.splice(0).forEach((reloader) => reloader.stop()));

/** A reloader on `dir` with short intervals, serving what it applies; `answer29()` is item 29's served answer. */
function reloaderOn(dir: string) {
  const logs = capturedLogger();
  let served: Knowledge = loadKnowledge(dir);
  const reloader = new KnowledgeReloader(dir, () => served, (next) => (served = next), logs.logger, { debounceMs: 20, pollMs: 50 });
  reloader.start();
  running.push(reloader);
  return { reloader, logs, answer29: () => served.byNo.get(29)!.answer };
}

/** A folder with the fixture's files, edited by `change` per file name. */
function folderWith(dir: string, sheet = original): string {
  mkdirSync(dir, { recursive: true });
  cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
  writeFileSync(join(dir, SHEET), sheet);
  return dir;
}

describe('the knowledge reloader notices every way a sheet is replaced', () => {
  it('picks up a Kubernetes ConfigMap update: the ..data symlink renamed over to a new timestamped folder', async () => {
    // The layout kubelet mounts: each file is a symlink through ..data, which points at a timestamped folder.
    const mount = mkdtempSync(join(tmpdir(), 'configmap-'));
    folderWith(join(mount, '..2026_11_26_05_00_00.1'));
    symlinkSync('..2026_11_26_05_00_00.1', join(mount, '..data'));
    for (const name of Object.values(KNOWLEDGE_FILES)) symlinkSync(join('..data', name), join(mount, name));
    const { answer29 } = reloaderOn(mount);
    expect(answer29()).toBe('24時間');

    // An update: a new timestamped folder, a new link to it, renamed over ..data in one step.
    folderWith(join(mount, '..2026_11_26_06_00_00.2'), edited);
    symlinkSync('..2026_11_26_06_00_00.2', join(mount, '..data_tmp'));
    renameSync(join(mount, '..data_tmp'), join(mount, '..data'));
    await expect.poll(answer29, { timeout: 5_000 }).toBe('12時間');
  });

  it('picks up a whole-folder swap, and the edits made after it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'swap-'));
    const dir = folderWith(join(parent, 'knowledge'));
    const { answer29 } = reloaderOn(dir);

    folderWith(join(parent, 'knowledge.new'), edited);
    renameSync(dir, join(parent, 'knowledge.old'));
    renameSync(join(parent, 'knowledge.new'), dir);
    await expect.poll(answer29, { timeout: 5_000 }).toBe('12時間');

    writeFileSync(join(dir, SHEET), original.replace('\t時間\t24時間\n', '\t時間\t6時間\n'));
    await expect.poll(answer29, { timeout: 5_000 }).toBe('6時間');
  });

  it('keeps a rejected edit as the pending error, logged once, until the folder loads again', async () => {
    const dir = folderWith(mkdtempSync(join(tmpdir(), 'pending-')));
    const { reloader, logs, answer29 } = reloaderOn(dir);
    expect(reloader.pendingError).toBeUndefined();

    writeFileSync(join(dir, SHEET), broken);
    await expect.poll(() => reloader.pendingError?.problems, { timeout: 5_000 }).toEqual(['security-checklist.txt:43: item 30 has an empty 設定等 cell']);
    expect(reloader.reload()).toMatchObject({ status: 'rejected' }); // the same problems again: not logged again
    expect(logs.records().filter((r) => r.event === 'knowledge_rejected')).toHaveLength(1);
    expect(answer29()).toBe('24時間'); // the previous version keeps serving

    writeFileSync(join(dir, SHEET), edited);
    await expect.poll(answer29, { timeout: 5_000 }).toBe('12時間');
    expect(reloader.pendingError).toBeUndefined();
  });
});
