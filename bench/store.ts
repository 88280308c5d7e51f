/**
 * What writing records costs, per record, on the embedded store: batches of 500 answer records (the recorder's batch
 * size) written in one transaction, CPU time and wall time (the event loop is held for the wall time: the embedded
 * engine is synchronous). Usage: npm run bench:store [-- --batches 20]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../src/store/open.js';
import type { AnswerRecord } from '../src/store/records.js';
import { quantile } from './measure.js';

const { values } = parseArgs({ options: { batches: { type: 'string', default: '20' }, size: { type: 'string', default: '500' } } });
const BATCHES = Number(values.batches);
const SIZE = Number(values.size);
const { store } = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'bench-store-')), retentionDays: 180 });
const record = (i: number): AnswerRecord => ({
  type: 'answer',
  at: Date.now(),
  question: `what's our RPO? (question ${i})`,
  status: 'answered',
  kind: 'answered',
  items: [29],
  sheetVersion: 'abcdef123456',
  team: 'T0001',
  channel: 'C0CHAN',
  user: 'U0USER',
  surface: 'mention',
  latencyMs: 0.123,
});
const cpu: number[] = [];
const wall: number[] = [];
for (let b = 0; b < BATCHES; b++) {
  const batch = Array.from({ length: SIZE }, (_, i) => record(b * SIZE + i));
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await store.write(batch);
  const used = process.cpuUsage(cpuBefore);
  wall.push(performance.now() - started);
  cpu.push((used.user + used.system) / SIZE);
}
await store.close();
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
console.log(
  `embedded store, ${BATCHES} batches of ${SIZE} records: CPU per record p50 ${quantile(sorted(cpu), 0.5).toFixed(1)} µs, p90 ${quantile(sorted(cpu), 0.9).toFixed(1)} µs; ` +
    `wall per batch p50 ${quantile(sorted(wall), 0.5).toFixed(1)} ms, max ${Math.max(...wall).toFixed(1)} ms`,
);
