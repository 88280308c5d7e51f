import { describe, expect, it } from 'vitest';
import { httpBotPerFile, TEST_SIGNING_SECRET } from '../fakes/http-bot.js';
import { eventEnvelope, mentionEvent, signedPost } from '../fakes/slack-requests.js';

/** Requests are refused at once, with a status saying why: replays from either side of the clock, and signed non-payloads. */
const h = httpBotPerFile();

const now = () => Math.floor(Date.now() / 1000);
const post = (body: string, options: { timestamp?: number; form?: boolean } = {}) =>
  signedPost(h().eventsUrl, body, { secret: TEST_SIGNING_SECRET, contentType: options.form ? 'application/x-www-form-urlencoded' : 'application/json', ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}) });

describe('the events endpoint', () => {
  it('refuses timestamps more than 5 minutes away, in the future too', async () => {
    const { body } = eventEnvelope(mentionEvent('rpo?'));
    const statuses = [];
    for (const skew of [86_400, 6 * 60, -6 * 60]) statuses.push((await post(body, { timestamp: now() + skew })).status);
    expect(statuses).toEqual([401, 401, 401]);
    expect((await post(eventEnvelope(mentionEvent('rpo?')).body, { timestamp: now() + 4 * 60 })).status).toBe(200);
    expect(await h().bot.idle()).toBe(true);
    expect(h().fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    ['null', 'null'],
    ['an array', '[{"type":"event_callback"}]'],
    ['a number', '42'],
    ['a string', '"event_callback"'],
    ['an object without type', '{"team_id":"T0001","event":{"type":"app_mention"}}'],
    ['not JSON', '{"type":'],
  ])('answers a signed body of %s with 400 at once', async (_what, body) => {
    expect((await post(body)).status).toBe(400);
  });

  it('answers a signed form that is neither a command nor a payload with 400', async () => {
    expect((await post('team_id=T0001&text=hello', { form: true })).status).toBe(400);
    expect((await post(`payload=${encodeURIComponent('[1,2]')}`, { form: true })).status).toBe(400);
  });

  it('still answers url_verification and Slack’s ssl_check', async () => {
    const challenge = await post(JSON.stringify({ token: 'legacy', challenge: 'c-42', type: 'url_verification' }));
    expect(challenge.text).toContain('c-42');
    const ssl = await fetch(h().eventsUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ssl_check=1&token=x' });
    expect(ssl.status).toBe(200);
  });
});
