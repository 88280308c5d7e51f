/**
 * Load test: 2,000 signed mentions at 100 concurrent requests, 10 % of them delivered again as Slack retries
 * (same event_id, `x-slack-retry-num: 1`), against the built bot in its own process (HTTP mode, fake Slack Web API
 * on loopback, in a third process: see bench/fake-slack-process.ts for why). The same script drives a bare bolt app that replies with a constant string, as the baseline: the
 * load generator, the fake Slack and the app share two cores, so latency is judged as a ratio to the bare app.
 *
 * Reports per app: questions answered exactly once, lost, duplicated, p50/p99 from request to chat.postMessage,
 * and peak RSS. Targets for the bot: 2,000/2,000 once, 0 lost, 0 duplicates, p99 ≤ 1.5 × the bare app's, peak
 * RSS ≤ 200 MB. Usage: npm run bench:load [-- --count 2000 --concurrency 100 --retries 0.1 --rounds 3]
 *
 * One round runs the bare app, then the bot. A single round's p99 ratio is noisy on two shared cores (both apps
 * are saturated, so p99 is queueing; it swung 0.8–2.2 between identical runs), so several rounds alternate and the
 * verdict uses the median ratio; every round must answer every mention exactly once, and peak RSS is the largest
 * of all rounds. Requests are built and signed before timing starts, and sent over a keep-alive `node:http` agent,
 * so the generator takes as little CPU from the apps as it can while timing.
 * --recording-ab also runs the bot with RECORDING=off in every round and reports what keeping records costs per mention.
 * Environment: BENCH_NODE_ARGS adds node flags to both apps (e.g. --cpu-prof), BENCH_BOT_NODE_FLAGS replaces the bot's
 * own flags (those of npm start), BENCH_DEBUG=1 lists the slowest requests, ANSWER_CACHE_SIZE=0 turns the bot's
 * answer cache off.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readLabelledSet } from '../src/eval/labelled-set.js';
import { cpuMs, peakRssMb, quantile, rssMb, startNodeFlags } from './measure.js';
import { eventEnvelope, mentionEvent, slackHeaders } from '../test/fakes/slack-requests.js';
import { prng } from '../test/fuzz/inputs.js';
import { startCluster, type Cluster } from '../test/store/postgres-cluster.js';

const ROOT = resolve(import.meta.dirname, '..');
const SECRET = '0123456789abcdef0123456789abcdef';
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '100' },
    retries: { type: 'string', default: '0.1' },
    warmup: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    'recording-ab': { type: 'boolean', default: false },
    replicas: { type: 'string', default: '1' },
  },
});
const COUNT = Number(values.count);
const CONCURRENCY = Number(values.concurrency);
const RETRY_SHARE = Number(values.retries);
/** Mentions sent first at the same concurrency and not counted: both apps' connections and JIT are warm when timing starts. */
const WARMUP = Number(values.warmup);
const ROUNDS = Number(values.rounds);
/** Each round also runs the bot with RECORDING=off, to measure what keeping records costs per mention. */
const RECORDING_AB = values['recording-ab'];
/**
 * --replicas N runs N bot processes on one PostgreSQL database (DATABASE_URL, or a throwaway cluster started here
 * from PostgreSQL's server binaries): mentions go to the replicas in turn and every retry to another replica than
 * the original, so only the shared dedupe keeps each mention answered once. CPU is summed, RSS is the largest.
 */
const REPLICAS = Number(values.replicas);
let cluster: Cluster | undefined;
let replicaDatabase = process.env.DATABASE_URL;
if (REPLICAS > 1 && !replicaDatabase) {
  cluster = await startCluster();
  replicaDatabase = cluster.url;
}
/** Event IDs differ between runs: the replicas' shared dedupe remembers them across runs on one database. */
let runNumber = 0;
const questions = readLabelledSet(resolve(ROOT, 'test', 'fixtures', 'questions.tsv'))
  .filter((q) => q.question.trim())
  .map((q) => q.question);


interface Result {
  name: string;
  once: number;
  lost: number;
  duplicated: number;
  retriesSent: number;
  httpErrors: number;
  p50: number;
  p90: number;
  p99: number;
  peakRss: number;
  /** RSS when the app said it was listening, before any request: what the load adds is peakRss minus this. */
  listeningRss: number;
  seconds: number;
  /** The app's CPU time per mention in the measured phase (retries included in the work, not in the count). */
  cpuPerMention: number;
  /** Warning and error log lines the app wrote during the run (the bot logs JSON; the bare app logs nothing). */
  warnings: number;
  warningSamples: string[];
}

/** A request as Slack would send it, signed in advance (Slack accepts a timestamp up to five minutes old). */
interface SignedRequest {
  body: Buffer;
  headers: Record<string, string>;
}

function signed(body: string, extraHeaders: Record<string, string> = {}): SignedRequest {
  const bytes = Buffer.from(body);
  return { body: bytes, headers: { ...slackHeaders(body, { secret: SECRET, contentType: 'application/json', headers: extraHeaders }), 'content-length': String(bytes.length) } };
}

/** POSTs a signed request; resolves with the HTTP status when the response has ended (0 on a connection error). */
function post(agent: Agent, port: number, { body, headers }: SignedRequest): Promise<number> {
  return new Promise((resolveStatus) => {
    const req = request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.once('end', () => resolveStatus(res.statusCode ?? 0));
    });
    req.once('error', () => resolveStatus(0));
    req.end(body);
  });
}

/** Wall-clock milliseconds with a fraction, comparable across processes on this machine. */
const now = (): number => performance.timeOrigin + performance.now();

/** Starts the fake Slack Web API in its own process; replies are reported as `<thread_ts> <epoch ms>` lines. */
async function startFakeSlack(onReply: (key: string, at: number) => void): Promise<{ apiUrl: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/fake-slack-process.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let pending = '';
  const apiUrl = await new Promise<string>((resolveUrl, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('{')) resolveUrl((JSON.parse(line) as { apiUrl: string }).apiUrl);
        else if (line) {
          const [key, at] = line.split(' ');
          onReply(key!, Number(at));
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`fake Slack exited with ${code}`)));
  });
  return {
    apiUrl,
    stop: () =>
      new Promise<void>((resolveStop) => {
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}

async function run(name: string, args: string[], extraEnv: Record<string, string> = {}, replicas = 1): Promise<Result> {
  const replies = new Map<string, number>();
  const firstReplyAt = new Map<string, number>();
  const fake = await startFakeSlack((key, at) => {
    replies.set(key, (replies.get(key) ?? 0) + 1);
    if (!firstReplyAt.has(key)) firstReplyAt.set(key, at);
  });
  const run = ++runNumber;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  const children: ChildProcess[] = Array.from({ length: replicas }, () =>
    spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        ...(process.env.ANSWER_CACHE_SIZE ? { ANSWER_CACHE_SIZE: process.env.ANSWER_CACHE_SIZE } : {}),
        SLACK_BOT_TOKEN: 'xoxb-1-2-load',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DATA_DIR: dataDir,
        ...(replicas > 1 ? { DATABASE_URL: replicaDatabase! } : {}),
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const ports = await Promise.all(
    children.map(
      (child) =>
        new Promise<number>((resolvePort, reject) => {
          let buffer = '';
          child.stdout!.on('data', (chunk: Buffer) => {
            buffer += chunk.toString();
            const line = buffer.split('\n').find((l) => l.includes('"event":"listening"'));
            if (line) resolvePort((JSON.parse(line) as { port: number }).port);
          });
          child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
        }),
    ),
  );
  let warnings = 0;
  const warningSamples = new Map<string, number>();
  for (const child of children) {
    let partial = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop()!; // a line cut between two chunks is finished by the next one
      for (const line of lines) {
        if (process.env.BENCH_DEBUG && line && !line.startsWith('{')) console.log(`[${name.split(' ')[0]}] ${line}`);
        if (!/"level":(40|50|60)/.test(line)) continue;
        warnings++;
        const msg = /"msg":"([^"]{0,80})/.exec(line)?.[1] ?? line.slice(0, 80);
        warningSamples.set(msg, (warningSamples.get(msg) ?? 0) + 1);
      }
    });
  }
  const listeningRss = Math.max(...children.map((child) => rssMb(child.pid!)));
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  // Warm-up, not counted: opens the connection pools and compiles the hot paths of both the app and this harness.
  const warmupJobs = Array.from({ length: WARMUP }, (_, i) => signed(eventEnvelope(mentionEvent(questions[i % questions.length]!, { ts: `1700000000.${String(i).padStart(6, '0')}` }), `EvWARM${run}-${i}`).body));
  let nextWarm = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (nextWarm < warmupJobs.length) {
        const index = nextWarm++;
        await post(agent, ports[index % replicas]!, warmupJobs[index]!);
      }
    }),
  );
  const warmDeadline = now() + 10_000;
  while (replies.size < WARMUP && now() < warmDeadline) await new Promise((r) => setTimeout(r, 50));
  replies.clear();
  firstReplyAt.clear();

  // The work list: every mention once, and a share of them again as a retry a little later in the queue.
  const random = prng(7);
  const sentAt = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  type Job = { key: string; request: SignedRequest; retry: boolean; port: number };
  const jobs: Job[] = [];
  const retries: Job[] = [];
  for (let i = 0; i < COUNT; i++) {
    const event = mentionEvent(questions[i % questions.length]!, { ts: `1800000000.${String(i).padStart(6, '0')}` });
    const { body } = eventEnvelope(event, `EvLOAD${run}-${i}`);
    jobs.push({ key: String(event.ts), request: signed(body), retry: false, port: ports[i % replicas]! });
    // A retry goes to another replica than the first delivery (with one replica, the same one).
    if (random() < RETRY_SHARE) retries.push({ key: String(event.ts), request: signed(body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }), retry: true, port: ports[(i + 1) % replicas]! });
  }
  retries.forEach((job, i) => jobs.splice(Math.min(jobs.length, (i + 1) * Math.floor(COUNT / (retries.length + 1)) + 50), 0, job));

  let httpErrors = 0;
  let next = 0;
  const started = now();
  const cpuOfAll = (): number => children.reduce((sum, child) => sum + cpuMs(child.pid!), 0);
  const cpuBefore = cpuOfAll();
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      if (!job.retry) sentAt.set(job.key, now());
      const status = await post(agent, job.port, job.request);
      if (!job.retry) ackedAt.set(job.key, now());
      if (status !== 200) httpErrors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // Give the last replies time to arrive, then count.
  const deadline = now() + 15_000;
  while (firstReplyAt.size < COUNT && now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
  const seconds = (now() - started) / 1000;
  const cpuPerMention = (cpuOfAll() - cpuBefore) / COUNT;

  const latencies = [...firstReplyAt.entries()].map(([key, at]) => at - sentAt.get(key)!).sort((a, b) => a - b);
  if (process.env.BENCH_DEBUG) {
    const slowest = [...firstReplyAt.entries()].map(([key, at]) => [at - sentAt.get(key)!, Number(key.split('.')[1])] as const).sort((a, b) => b[0] - a[0]).slice(0, 25);
    console.log(name, 'slowest (reply ms / ack ms @ index):', slowest.map(([ms, i]) => { const key = `1800000000.${String(i).padStart(6, '0')}`; return `${ms.toFixed(0)}/${(ackedAt.get(key)! - sentAt.get(key)!).toFixed(0)}@${i}`; }).join(' '));
  }
  const counts = [...sentAt.keys()].map((key) => replies.get(key) ?? 0);
  const result: Result = {
    name,
    once: counts.filter((c) => c === 1).length,
    lost: counts.filter((c) => c === 0).length,
    duplicated: counts.filter((c) => c > 1).length,
    retriesSent: retries.length,
    httpErrors,
    p50: quantile(latencies, 0.5),
    p90: quantile(latencies, 0.9),
    p99: quantile(latencies, 0.99),
    peakRss: Math.max(...children.map((child) => peakRssMb(child.pid!))),
    listeningRss,
    seconds,
    cpuPerMention,
    warnings,
    warningSamples: [...warningSamples.entries()].slice(0, 5).map(([m, n]) => `${n}× ${m}`),
  };
  agent.destroy();
  await Promise.all(
    children.map((child) => {
      child.kill('SIGTERM');
      return new Promise((r) => child.once('exit', r));
    }),
  );
  if (name.includes('embedded store') || replicas > 1) console.log(`  (the records of this run: ${replicas > 1 ? `DATABASE_URL=${replicaDatabase}` : `DATA_DIR=${dataDir}`} npm run report)`);
  await fake.stop();
  return result;
}

console.log(`Node ${process.version}; ${COUNT} mentions, ${CONCURRENCY} concurrent, ${Math.round(RETRY_SHARE * 100)} % re-sent as Slack retries, after ${WARMUP} uncounted warm-up mentions; ${ROUNDS} rounds\n`);
const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
/** The bot runs with the node flags of npm start and the Docker CMD, unless BENCH_BOT_NODE_FLAGS replaces them. */
const BOT_NODE_FLAGS = process.env.BENCH_BOT_NODE_FLAGS?.split(' ').filter(Boolean) ?? startNodeFlags();
const describe = (r: Result): string =>
  `  ${r.name}: answered once ${r.once}/${COUNT}, lost ${r.lost}, duplicated ${r.duplicated} (retries sent ${r.retriesSent}), HTTP errors ${r.httpErrors}\n` +
  `    request → chat.postMessage p50 ${r.p50.toFixed(1)} ms, p90 ${r.p90.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; peak RSS ${r.peakRss.toFixed(1)} MB (${r.listeningRss.toFixed(1)} MB when listening); ${r.seconds.toFixed(1)} s; CPU ${r.cpuPerMention.toFixed(2)} ms per mention` +
  (r.warnings > 0 ? `\n    ${r.warnings} warning/error log lines: ${r.warningSamples.join('; ')}` : '');

const rounds: { bare: Result; bot: Result; unrecorded?: Result }[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const bare = await run('bare bolt app (constant reply)', [...nodeArgs, 'bench/bare-bolt-app.mjs']);
  const unrecorded = RECORDING_AB ? await run('checklist bot, RECORDING=off', [...nodeArgs, ...BOT_NODE_FLAGS, 'dist/main.js'], { RECORDING: 'off' }) : undefined;
  const bot =
    REPLICAS > 1
      ? await run(`checklist bot, ${REPLICAS} replicas on PostgreSQL`, [...nodeArgs, ...BOT_NODE_FLAGS, 'dist/main.js'], {}, REPLICAS)
      : await run('checklist bot (dist/main.js, embedded store)', [...nodeArgs, ...BOT_NODE_FLAGS, 'dist/main.js']);
  rounds.push({ bare, bot, ...(unrecorded ? { unrecorded } : {}) });
  console.log(`round ${round}: p99 ratio ${(bot.p99 / bare.p99).toFixed(2)}, CPU per mention ratio ${(bot.cpuPerMention / bare.cpuPerMention).toFixed(2)}\n${describe(bare)}${unrecorded ? `\n${describe(unrecorded)}` : ''}\n${describe(bot)}`);
}

const median = (values: number[]): number => quantile([...values].sort((a, b) => a - b), 0.5);
const bots = rounds.map((r) => r.bot);
const p99Ratio = median(rounds.map((r) => r.bot.p99 / r.bare.p99));
const cpuRatio = median(rounds.map((r) => r.bot.cpuPerMention / r.bare.cpuPerMention));
const peakRss = Math.max(...bots.map((r) => r.peakRss));
const allOnce = bots.every((r) => r.once === COUNT && r.lost === 0 && r.duplicated === 0);
console.log(
  `\nbot over ${ROUNDS} rounds: answered once ${bots.map((r) => r.once).join(', ')} of ${COUNT}; lost ${bots.map((r) => r.lost).join(', ')}; duplicated ${bots.map((r) => r.duplicated).join(', ')}${allOnce ? ' (target met)' : ' (TARGET MISSED)'}\n` +
    `median p99 ratio bot / bare ${p99Ratio.toFixed(2)} (rounds: ${rounds.map((r) => (r.bot.p99 / r.bare.p99).toFixed(2)).join(', ')}; target ≤ 1.5${p99Ratio <= 1.5 ? ', met' : ', MISSED'})\n` +
    `median bot p50 / p99 ${median(bots.map((r) => r.p50)).toFixed(0)} / ${median(bots.map((r) => r.p99)).toFixed(0)} ms; bare ${median(rounds.map((r) => r.bare.p50)).toFixed(0)} / ${median(rounds.map((r) => r.bare.p99)).toFixed(0)} ms\n` +
    `peak RSS, largest of the rounds ${peakRss.toFixed(1)} MB (target ≤ 200${peakRss <= 200 ? ', met' : ', MISSED'}); median CPU per mention ratio ${cpuRatio.toFixed(2)}`,
);
if (RECORDING_AB) {
  const ratios = rounds.map((r) => r.bot.cpuPerMention / r.unrecorded!.cpuPerMention);
  const extra = median(ratios) - 1;
  console.log(`recording: median CPU per mention with / without records ${median(ratios).toFixed(3)} (rounds: ${ratios.map((r) => r.toFixed(3)).join(', ')}), i.e. ${(extra * 100).toFixed(1)} % (target ≤ 10 %${extra <= 0.1 ? ', met' : ', MISSED'})`);
}
cluster?.stop();
