/**
 * The fake Slack Web API as a process of its own, for the load test: the load generator and the fake then do not
 * compete for one event loop (measured: with both in one process, acknowledgements of the generator's requests came
 * back seconds late under load, and more so for apps that post larger replies). Prints one JSON line when listening,
 * then one line per chat.postMessage: `<thread_ts> <epoch ms with fraction>`.
 */
import { FakeSlackApi } from '../test/fakes/slack-api.js';

const fake = await new FakeSlackApi().start();
fake.record = false;
fake.parseBlocks = false;
let buffer = '';
fake.onCall = (call) => {
  if (call.method !== 'chat.postMessage') return;
  buffer += `${String(call.body.thread_ts)} ${(performance.timeOrigin + performance.now()).toFixed(3)}\n`;
  if (buffer.length > 4096) flush();
};
const flush = (): void => {
  if (buffer) process.stdout.write(buffer);
  buffer = '';
};
setInterval(flush, 20).unref();
process.stdout.write(`${JSON.stringify({ event: 'listening', apiUrl: fake.apiUrl })}\n`);
process.on('SIGTERM', () => {
  flush();
  void fake.stop().then(() => process.exit(0));
});
