/** Measuring helpers shared by the benchmarks. Process figures are read from /proc (Linux). */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The q-quantile of an ascending list (NaN when empty). */
export const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

const statusField = (pid: number, field: string): number =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Resident set size of a process now, in MB. */
export const rssMb = (pid: number): number => statusField(pid, 'VmRSS');
/** Peak resident set size of a process so far, in MB. */
export const peakRssMb = (pid: number): number => statusField(pid, 'VmHWM');

/** CPU time (user + system) a process has used, in milliseconds: a load-independent cost per request. */
export const cpuMs = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
};

/** The node flags of `npm start` (the Docker CMD has the same; a test checks), so benchmarks run the bot as production does. */
export function startNodeFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = scripts.start.split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('dist/main.js'));
}

/** The port a bot child process listens on, read from its `"event":"listening"` log line (LOG_LEVEL info or lower). */
export function listeningPort(child: ChildProcess, name = 'bot'): Promise<number> {
  return new Promise<number>((resolvePort, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.includes('"event":"listening"'));
      if (line) resolvePort((JSON.parse(line) as { port: number }).port);
      if (buffer.length > 1_000_000) buffer = buffer.slice(-10_000); // keep draining the pipe; only the tail can hold the line
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}; run npm run build first`)));
  });
}
