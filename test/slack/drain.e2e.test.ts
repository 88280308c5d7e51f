import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpBot, TEST_SIGNING_SECRET, type HttpBot } from '../fakes/http-bot.js';
import { eventEnvelope, mentionEvent, slackHeaders } from '../fakes/slack-requests.js';

/**
 * A shutdown drains what it accepted: requests whose bodies are still arriving when stop() begins are received,
 * acknowledged (200, so Slack will not retry them) and answered before stop() resolves (the process exits after).
 */
let h: HttpBot;
beforeAll(async () => {
  h = await startHttpBot();
});
afterAll(async () => h?.fake.stop());

/** Sends a signed request's headers and the first half of its body, and returns a function sending the rest. */
function halfSent(port: number, body: string): { socket: Socket; finish: () => void; status: Promise<number> } {
  const socket = connect(port, '127.0.0.1');
  const headers = { ...slackHeaders(body, { secret: TEST_SIGNING_SECRET, contentType: 'application/json' }), host: '127.0.0.1', 'content-length': String(Buffer.byteLength(body)) };
  const half = Math.floor(body.length / 2);
  socket.write(`POST /slack/events HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body.slice(0, half)}`);
  let response = '';
  const status = new Promise<number>((resolve) => {
    socket.on('data', (chunk) => {
      response += chunk;
      const match = /^HTTP\/1\.1 (\d+)/.exec(response);
      if (match) resolve(Number(match[1]));
    });
    socket.on('close', () => resolve(0));
    socket.on('error', () => resolve(0));
  });
  return { socket, finish: () => socket.write(body.slice(half)), status };
}

describe('stop() (what SIGTERM runs)', () => {
  it('answers every request accepted before it, even those whose bodies were still arriving', async () => {
    const COUNT = 10;
    // Slack is slow to take the replies: longer than the 1 s that stop() used to give the server to close.
    h.fake.fail('chat.postMessage', { status: 200, delayMs: 1_200, times: COUNT });
    const requests = Array.from({ length: COUNT }, (_, i) => halfSent(h.bot.port, eventEnvelope(mentionEvent(`rpo? ${i}`)).body));
    await expect.poll(() => h.bot.inFlight(), { timeout: 5_000 }).toBe(COUNT); // every request has begun arriving

    const stopped = h.bot.stop(10_000);
    // The rest of each body arrives a while later (a slow network; the outside trial used 300 ms).
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const request of requests) request.finish();
    const statuses = await Promise.all(requests.map((request) => request.status));
    await stopped;

    expect(statuses).toEqual(Array(COUNT).fill(200));
    // When stop() resolves, every answer has been delivered: Slack took all ten replies.
    expect(h.fake.answered.filter((call) => call.method === 'chat.postMessage')).toHaveLength(COUNT);
    expect(h.logs.records().filter((r) => r.event === 'shutdown_timeout')).toEqual([]);
    for (const request of requests) request.socket.destroy();
  }, 20_000);
});
