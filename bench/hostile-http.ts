/**
 * Memory of the bot under unsigned requests that declare big bodies and stall (issue 10, item 5): `COUNT` requests
 * each declaring `BODY_BYTES` and sending all of it but the last byte, kept open. Prints the bot's RSS when
 * listening, at its peak, and after the connections close. Figures, not assertions. Run with
 * `npx tsx bench/hostile-http.ts [count] [source dir]` (the source dir lets an older checkout be measured the same way).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { resolve } from 'node:path';

const COUNT = Number(process.argv[2] ?? 400);
const ROOT = resolve(process.argv[3] ?? resolve(import.meta.dirname, '..'));
const BODY_BYTES = 3_900_000;
const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const fake = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'fake-slack-process.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
const apiUrl = await new Promise<string>((done) => fake.stdout.on('data', (chunk: Buffer) => { const m = /"apiUrl":"([^"]+)"/.exec(String(chunk)); if (m) done(m[1]!); }));
const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: ROOT,
  env: { PATH: process.env.PATH!, SLACK_BOT_TOKEN: 'xoxb-1-2-bench', SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef', PORT: '0', HOST: '127.0.0.1', SLACK_API_URL: apiUrl, LOG_LEVEL: 'info' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
const port = await new Promise<number>((done) => bot.stdout.on('data', (chunk: Buffer) => { out += chunk; const m = /"event":"listening".*?"port":(\d+)/.exec(out); if (m) done(Number(m[1])); }));
await sleep(500);
const listening = rssMb(bot.pid!);

const body = Buffer.alloc(BODY_BYTES - 1, 'a');
const sockets: Socket[] = [];
let refused = 0;
let peak = listening;
const sampler = setInterval(() => (peak = Math.max(peak, rssMb(bot.pid!))), 50);
const started = Date.now();
for (let i = 0; i < COUNT; i++) {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.on('data', (data) => { if (/^HTTP\/1\.1 4\d\d/.test(String(data))) refused++; });
  socket.write(`POST /slack/events HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${BODY_BYTES}\r\nx-slack-request-timestamp: 1\r\nx-slack-signature: v0=00\r\n\r\n`);
  socket.write(body);
  sockets.push(socket);
  if (i % 20 === 19) await sleep(50);
}
await sleep(3_000);
const stalled = rssMb(bot.pid!);
for (const socket of sockets) socket.destroy();
await sleep(3_000);
clearInterval(sampler);
const after = rssMb(bot.pid!);
console.log(`${COUNT} stalled ${(BODY_BYTES / 1e6).toFixed(1)} MB requests against ${ROOT}: RSS listening ${listening.toFixed(0)} MB, peak ${peak.toFixed(0)} MB (+${(peak - listening).toFixed(0)}), while stalled ${stalled.toFixed(0)} MB, 3 s after closing ${after.toFixed(0)} MB; ${refused} refused at once; ${((Date.now() - started) / 1000).toFixed(1)} s`);
bot.kill('SIGKILL');
fake.kill('SIGTERM');
