import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAiServer, json } from '../fakes/openai-server.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { eventEnvelope, mentionEvent, signedPost } from '../fakes/slack-requests.js';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.js';

/**
 * No Docker engine runs on these machines, so this test plays the Dockerfile itself: each stage gets a folder, and
 * its WORKDIR, COPY (also --from another stage), ENV and RUN steps are carried out in order; then the runtime
 * stage's CMD is started like the container would be, and its HEALTHCHECK is run against it. Only what the
 * Dockerfile says is done, so a broken step here is a broken image.
 *
 * One shortcut: `RUN npm ci` (and `npm ci --omit=dev`) installs exactly what package-lock.json lists, and so did the
 * `npm ci` that made this checkout's node_modules. When that install still matches the lockfile, the step is replayed
 * from it (hard links, then the lockfile's dev-only packages removed for --omit=dev, as npm does) instead of two
 * installs of 10–20 s each; a package the runtime needs but the lockfile marks dev-only is still missing here, as it
 * would be in the image. When the checkout's install does not match the lockfile, the real command runs.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

interface Instruction {
  op: string;
  args: string;
}
const instructions: Instruction[] = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [op, ...rest] = line.split(/\s+/);
    return { op: op!.toUpperCase(), args: rest.join(' ') };
  });

const stageDirs = new Map<string, string>();
let runtime: { dir: string; env: Record<string, string>; cmd: string[]; healthcheck: string } | undefined;
const work = mkdtempSync(join(tmpdir(), 'docker-stages-'));

/** Maps a path inside a stage's image (/app/dist) to its folder here. */
const inStage = (stageDir: string, imagePath: string): string => join(stageDir, imagePath.replace(/^\/+/, ''));

function playDockerfile(): void {
  let stage: { dir: string; workdir: string; env: Record<string, string> } | undefined;
  let cmd: string[] = [];
  let healthcheck = '';
  for (const { op, args } of instructions) {
    switch (op) {
      case 'FROM': {
        const name = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? `stage${stageDirs.size}`;
        const dir = join(work, name);
        mkdirSync(dir, { recursive: true });
        stageDirs.set(name, dir);
        stage = { dir, workdir: '/', env: {} };
        break;
      }
      case 'WORKDIR':
        stage!.workdir = args;
        mkdirSync(inStage(stage!.dir, args), { recursive: true });
        break;
      case 'ENV':
        for (const [, key, value] of args.matchAll(/(\w+)=(\S+)/g)) stage!.env[key!] = value!;
        break;
      case 'COPY': {
        const from = /--from=(\S+)/.exec(args)?.[1];
        const parts = args.replace(/--from=\S+\s*/, '').split(/\s+/);
        const dest = parts.pop()!;
        const destDir = inStage(stage!.dir, dest.startsWith('/') ? dest : join(stage!.workdir, dest));
        for (const source of parts) {
          const src = from ? inStage(stageDirs.get(from)!, source) : join(ROOT, source);
          const target = dest.endsWith('/') ? join(destDir, source.split('/').pop()!) : destDir;
          cpSync(src, target, { recursive: true });
        }
        break;
      }
      case 'RUN': {
        const install = /^npm ci( --omit=dev)?$/.exec(args);
        if (install && replayNpmCi(inStage(stage!.dir, stage!.workdir), install[1] !== undefined)) break;
        const result = spawnSync('sh', ['-c', args], { cwd: inStage(stage!.dir, stage!.workdir), env: { ...process.env, ...stage!.env }, encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`RUN ${args} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
        break;
      }
      case 'CMD':
        cmd = JSON.parse(args) as string[];
        break;
      case 'HEALTHCHECK':
        healthcheck = args.replace(/^.*?\bCMD\s+/, '');
        break;
      default: // USER, EXPOSE: nothing to do outside a container
    }
  }
  runtime = { dir: inStage(stage!.dir, stage!.workdir), env: stage!.env, cmd, healthcheck };
}

interface LockFile {
  packages: Record<string, { version?: string; dev?: boolean; optional?: boolean; devOptional?: boolean }>;
}

/**
 * `npm ci [--omit=dev]` in `dir`, replayed from this checkout's own install of the same lockfile (see above).
 * Returns false, doing nothing, when that install does not match the lockfile or cannot be linked.
 */
function replayNpmCi(dir: string, omitDev: boolean): boolean {
  const lockPath = join(dir, 'package-lock.json');
  const installedPath = join(ROOT, 'node_modules', '.package-lock.json');
  if (!existsSync(lockPath) || !existsSync(installedPath)) return false;
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as LockFile;
  const installed = JSON.parse(readFileSync(installedPath, 'utf8')) as LockFile;
  const wanted = Object.entries(lock.packages).filter(([path]) => path !== '');
  // Optional packages for other platforms (esbuild's, rolldown's) are skipped by npm ci on this one.
  const matches = ([path, entry]: [string, LockFile['packages'][string]]) =>
    installed.packages[path] ? installed.packages[path].version === entry.version : entry.optional === true || entry.devOptional === true;
  if (!wanted.every(matches)) return false;
  if (spawnSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')]).status !== 0) return false;
  if (omitDev) {
    const dev = wanted.filter(([, entry]) => entry.dev).map(([path]) => path);
    for (const path of dev) rmSync(join(dir, path), { recursive: true, force: true });
    const bin = join(dir, 'node_modules', '.bin');
    for (const name of readdirSync(bin)) if (!existsSync(join(bin, name))) rmSync(join(bin, name)); // links into removed packages
    const kept = Object.fromEntries(Object.entries(installed.packages).filter(([path]) => !dev.includes(path)));
    // A new file, not a write through the hard link, which would rewrite this checkout's own record of its install.
    const hiddenLock = join(dir, 'node_modules', '.package-lock.json');
    rmSync(hiddenLock);
    writeFileSync(hiddenLock, JSON.stringify({ ...installed, packages: kept }, null, 2));
  }
  return true;
}

const SECRET = '0123456789abcdef0123456789abcdef';
let fake: FakeSlackApi;
let model: FakeOpenAiServer;
let child: ChildProcess | undefined;
let port = 0;
let output = '';

beforeAll(async () => {
  playDockerfile();
  fake = await new FakeSlackApi().start();
  model = await new FakeOpenAiServer().start();
  model.script = () => json({ items: [29], phrasing: '' });
  const env = {
    PATH: process.env.PATH!,
    ...runtime!.env,
    // The frozen fixture sheet, mounted over the baked-in one as the README's `-v …:/app/knowledge:ro` does.
    KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
    PORT: '0', // any free port; the app logs the one it got
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-1-2-docker',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    // With a model: the image must carry everything start-up reads, prompts/ included.
    OPENAI_API_KEY: 'sk-docker-0123456789abcdef',
    OPENAI_BASE_URL: model.baseURL,
  };
  const started = Date.now();
  child = spawn(runtime!.cmd[0]!, runtime!.cmd.slice(1), { cwd: runtime!.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  while (!output.includes('"event":"listening"')) {
    if (Date.now() - started > 20_000 || child.exitCode !== null) throw new Error(`the built app did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const listening = output.split('\n').find((line) => line.includes('"event":"listening"'))!;
  port = (JSON.parse(listening) as { port: number }).port;
}, 240_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await fake?.stop();
  await model?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the Dockerfile, played step by step', () => {
  it('builds in a build stage and installs only production dependencies in the runtime stage', () => {
    const runtimeDir = runtime!.dir;
    expect(() => readFileSync(join(runtimeDir, 'dist', 'main.js'))).not.toThrow();
    expect(() => readFileSync(join(runtimeDir, 'node_modules', '@slack', 'bolt', 'package.json'))).not.toThrow();
    expect(() => readFileSync(join(runtimeDir, 'node_modules', 'vitest', 'package.json'))).toThrow(); // dev only
    expect(readFileSync(join(runtimeDir, 'knowledge', 'security-checklist.txt'))).toEqual(readFileSync(join(ROOT, 'knowledge', 'security-checklist.txt')));
    expect(instructions.filter((i) => i.op === 'USER').map((i) => i.args)).toEqual(['node']);
  });

  it('starts the built output with a model, which answers a signed mention in its thread with No.29 and 24時間', async () => {
    const event = mentionEvent("what's our RPO?");
    const { body } = eventEnvelope(event);
    const response = await signedPost(`http://127.0.0.1:${port}/slack/events`, body, { secret: SECRET, contentType: 'application/json' });
    expect(response.status).toBe(200);
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post!.body).toMatchObject({ channel: 'C0CHAN', thread_ts: event.ts, text: 'No.29 Backup timing (RPO): 24 hours' });
    expect(JSON.stringify(post!.body.blocks)).toContain('24時間');
    expect(model.requests.map((r) => r.user.question)).toEqual(["what's our RPO?"]);
  });

  /** Runs an npm script in the production install, as `docker run … checklist-bot npm run -s <script>` would. */
  const npmInImage = (args: string[]) =>
    spawnSync('npm', ['run', '-s', ...args], { cwd: runtime!.dir, env: { PATH: process.env.PATH!, ...runtime!.env, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE }, encoding: 'utf8' });

  it('runs npm run check, npm run ask and npm start\'s prestart in the production install (no tsc, no tsx)', () => {
    expect(existsSync(join(runtime!.dir, 'node_modules', '.bin', 'tsx'))).toBe(false);
    expect(existsSync(join(runtime!.dir, 'node_modules', '.bin', 'tsc'))).toBe(false);
    const check = npmInImage(['check']);
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('0 errors, 2 warnings');
    expect(check.status).toBe(0);
    const ask = npmInImage(['ask', '--', "what's our RPO?"]);
    expect(ask.stdout).toContain('Japanese original (設定等): 24時間');
    expect(ask.status).toBe(0);
    const prestart = npmInImage(['prestart']);
    expect(prestart.stderr).toBe('');
    expect(prestart.status).toBe(0);
  });

  it('passes its own HEALTHCHECK', () => {
    const result = spawnSync('sh', ['-c', runtime!.healthcheck], { env: { PATH: process.env.PATH!, PORT: String(port) }, encoding: 'utf8' });
    expect(result.status).toBe(0);
  });

  it('uses the same build commands as the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- build-steps -->\s*```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const readmeSteps = block.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter(Boolean);
    const dockerSteps = [...instructions.filter((i) => i.op === 'RUN').map((i) => i.args), runtime!.cmd.join(' ')];
    expect(readmeSteps).toEqual(dockerSteps);
  });

  it('starts the bot with the same node flags as npm start', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
    expect(runtime!.cmd.join(' ')).toBe(scripts.start);
  });
});
