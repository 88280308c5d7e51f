/**
 * End-to-end benchmark of the Slack path: the built bot (`dist/main.js`, as in production) runs in its own process
 * in HTTP mode against the fake Slack Web API; signed mentions are sent one at a time and each is timed from the
 * request to the bot's `chat.postMessage` arriving at the fake. Reports cold start (spawn → listening), median and
 * p99 latency, and the bot's RSS. Targets: median ≤ 20 ms, p99 ≤ 100 ms, RSS ≤ 150 MB, cold start ≤ 1.5 s.
 *
 * Usage: npm run bench:slack [-- --count 1000]
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readLabelledSet } from '../src/eval/labelled-set.js';
import { peakRssMb, quantile, rssMb, startNodeFlags } from './measure.js';
import { FakeSlackApi } from '../test/fakes/slack-api.js';
import { eventEnvelope, mentionEvent, signedPost } from '../test/fakes/slack-requests.js';

const ROOT = resolve(import.meta.dirname, '..');
const SECRET = '0123456789abcdef0123456789abcdef';
const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' } } });
const count = Number(values.count);


const fake = await new FakeSlackApi().start();
fake.record = false;
fake.parseBlocks = false;
const pending = new Map<string, (at: number) => void>();
fake.onCall = (call) => {
  if (call.method === 'chat.postMessage') pending.get(String(call.body.thread_ts))?.(performance.now());
};

const t0 = performance.now();
// The same node flags as `npm start` and the Docker image's CMD.
const child = spawn(process.execPath, [...startNodeFlags(), 'dist/main.js'], {
  cwd: ROOT,
  env: { PATH: process.env.PATH, ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}), ...(process.env.ANSWER_CACHE_SIZE ? { ANSWER_CACHE_SIZE: process.env.ANSWER_CACHE_SIZE } : {}), SLACK_BOT_TOKEN: 'xoxb-1-2-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let port = 0;
await new Promise<void>((resolveStart, reject) => {
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const line = buffer.split('\n').find((l) => l.includes('"event":"listening"'));
    if (line && port === 0) {
      port = (JSON.parse(line) as { port: number }).port;
      resolveStart();
    }
  });
  child.once('exit', (code) => reject(new Error(`bot exited with ${code}; run npm run build first`)));
});
const coldStart = performance.now() - t0;
const rssAtStart = rssMb(child.pid!);
child.stdout!.resume(); // keep draining the answer logs

const questions = readLabelledSet(resolve(ROOT, 'test', 'fixtures', 'questions.tsv')).map((q) => q.question);
const url = `http://127.0.0.1:${port}/slack/events`;
const latencies: number[] = [];
let failures = 0;
for (let i = 0; i < count; i++) {
  const event = mentionEvent(questions[i % questions.length]!);
  const { body } = eventEnvelope(event);
  const started = performance.now();
  const replied = new Promise<number>((resolveReply) => pending.set(String(event.ts), resolveReply));
  const response = await signedPost(url, body, { secret: SECRET, contentType: 'application/json' });
  const at = await Promise.race([replied, new Promise<number>((r) => setTimeout(() => r(-1), 5_000))]);
  pending.delete(String(event.ts));
  if (response.status !== 200 || at < 0) failures++;
  else latencies.push(at - started);
}
latencies.sort((a, b) => a - b);
console.log(`Node ${process.version}; the built bot in its own process, HTTP mode, fake Slack Web API on loopback`);
console.log(`cold start (spawn → listening): ${coldStart.toFixed(0)} ms`);
console.log(`${count} signed mentions, one at a time: ${latencies.length} answered, ${failures} failed`);
console.log(`request → chat.postMessage: median ${quantile(latencies, 0.5).toFixed(2)} ms, p99 ${quantile(latencies, 0.99).toFixed(2)} ms, max ${latencies[latencies.length - 1]?.toFixed(2)} ms`);
console.log(`bot RSS: ${rssAtStart.toFixed(1)} MB when listening, ${rssMb(child.pid!).toFixed(1)} MB after the run (peak ${peakRssMb(child.pid!).toFixed(1)} MB)`);
child.kill('SIGTERM');
await fake.stop();
