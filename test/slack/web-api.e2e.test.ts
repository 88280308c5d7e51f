import { describe, expect, it } from 'vitest';
import { ChannelRateLimits } from '../../src/slack/rate-limit.js';
import { httpBotPerFile } from '../fakes/http-bot.js';
import { directMessageEvent, mentionEvent } from '../fakes/slack-requests.js';

/** Slack Web API calls are bounded in time, and one channel's rate limit does not hold up another's answers. */
const h = httpBotPerFile({ SLACK_API_TIMEOUT_MS: '300' });

describe('Slack Web API calls', () => {
  it('time out: a hanging chat.postMessage is given up (and logged) instead of holding the answer', async () => {
    h().fake.fail('chat.postMessage', { status: 200, delayMs: 60_000, times: 4 }); // the first try and three retries
    await h().postEvent(directMessageEvent('rpo?'));
    await expect.poll(() => h().logs.records().some((r) => r.event === 'reply_failed' && r.channel === 'D0DM'), { timeout: 15_000 }).toBe(true);
    // Slack is back: the next question is answered.
    await h().postEvent(directMessageEvent('rto?', { channel: 'D0DM2' }));
    await expect.poll(() => h().fake.answered.some((call) => call.method === 'chat.postMessage' && call.body.channel === 'D0DM2'), { timeout: 5_000 }).toBe(true);
  }, 30_000);

  it('a 429 on one channel does not delay another channel’s answer', async () => {
    h().fake.fail('chat.postMessage', { status: 429, retryAfterSeconds: 20, channel: 'C0BUSY' });
    await h().postEvent(mentionEvent('rpo?', { channel: 'C0BUSY' }));
    await h().fake.waitFor('chat.postMessage'); // C0BUSY's answer met the rate limit
    await h().postEvent(directMessageEvent('rto?', { channel: 'D0OTHER' }));
    // Answered while C0BUSY still waits out its 20 seconds (WebClient used to pause every call for them).
    await expect.poll(() => h().fake.answered.some((call) => call.method === 'chat.postMessage' && call.body.channel === 'D0OTHER'), { timeout: 5_000 }).toBe(true);
    expect(h().fake.callsTo('chat.postMessage').filter((call) => call.body.channel === 'C0BUSY')).toHaveLength(1);
  }, 15_000);
});

describe('ChannelRateLimits', () => {
  const limited = Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter: 3 });
  it('waits out Retry-After for the limited channel only, and retries', async () => {
    let now = 0;
    const slept: number[] = [];
    const limits = new ChannelRateLimits({ attempts: 3, maxWaitMs: 60_000 }, () => now, async (ms) => {
      slept.push(ms);
      now += ms;
    });
    const sent: string[] = [];
    let failOnce = true;
    const post = (channel: string) => async () => {
      if (channel === 'C1' && failOnce) {
        failOnce = false;
        throw limited;
      }
      sent.push(`${channel}@${now}`);
    };
    await limits.send('C1', post('C1'));
    expect(sent).toEqual(['C1@3000']);
    expect(slept).toEqual([3000]);
    await limits.send('C2', post('C2'));
    expect(sent).toEqual(['C1@3000', 'C2@3000']); // no wait for another channel
  });

  it('gives up past its attempts or when Slack asks for too long a wait', async () => {
    const limits = new ChannelRateLimits({ attempts: 2, maxWaitMs: 1_000 }, () => 0, async () => undefined);
    await expect(limits.send('C1', async () => Promise.reject(limited))).rejects.toBe(limited); // 3 s > 1 s
  });
});
