import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBot } from '../support/bot.js';
import { type RunningBot } from '../../src/main.js';
import { capturedLogger } from '../fakes/log-capture.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { buttonClickBody, commandBody, directMessageEvent, eventEnvelope, mentionEvent, messageShortcutBody, signedPost } from '../fakes/slack-requests.js';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.js';

const SECRET = 'abcdef0123456789abcdef0123456789';
let fake: FakeSlackApi;
let bot: RunningBot;
let url = '';
const logs = capturedLogger();

const post = (event: Record<string, unknown>, team = 'T0001') => {
  const body = JSON.stringify({ ...JSON.parse(eventEnvelope(event).body), team_id: team });
  return signedPost(url, body, { secret: SECRET, contentType: 'application/json' });
};
const command = (channel: string, team = 'T0001') =>
  signedPost(url, commandBody('29', fake.responseUrl('a'), { channel_id: channel, team_id: team }), { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  bot = await startBot(
    { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, SLACK_BOT_TOKEN: 'xoxb-1-2-access', SLACK_SIGNING_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', SLACK_API_URL: fake.apiUrl, ALLOWED_TEAM_IDS: 'T0001', ALLOWED_CHANNEL_IDS: 'C0CHAN, C0OTHER' },
    logs.logger,
  );
  url = `http://127.0.0.1:${bot.port}/slack/events`;
});
afterAll(async () => {
  await bot.stop(100);
  await fake.stop();
});
beforeEach(() => {
  fake.calls.length = 0;
});

describe('allow-lists', () => {
  it('answers in an allowed channel and in a DM of an allowed workspace', async () => {
    await post(mentionEvent('rpo?'));
    await post(directMessageEvent('rpo?'));
    const posts = await fake.waitFor('chat.postMessage', 2);
    expect(posts.map((p) => p.body.channel).sort()).toEqual(['C0CHAN', 'D0DM']);
  });

  it('does not answer in another channel, and tells the asker once, privately', async () => {
    await post(mentionEvent('rpo?', { channel: 'C0SECRET' }));
    const [told] = await fake.waitFor('chat.postEphemeral');
    expect(told!.body).toMatchObject({ channel: 'C0SECRET', user: 'U0USER', text: expect.stringContaining('not enabled here') });
    await post(mentionEvent('rpo again?', { channel: 'C0SECRET' }));
    expect(await bot.idle()).toBe(true); // every request's work is over: nothing more can be sent
    expect(fake.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(logs.records().filter((r) => r.event === 'refused_access' && r.channel === 'C0SECRET')).toHaveLength(2);
  });

  it('refuses another workspace, DMs included', async () => {
    await post(directMessageEvent('rpo?'), 'T0EVIL');
    await post(mentionEvent('rpo?'), 'T0EVIL');
    expect(await bot.idle()).toBe(true); // every request's work is over: nothing more can be sent
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('tells a person who uses the message shortcut outside the lists, privately through its response_url, and answers nothing', async () => {
    const body = messageShortcutBody({ text: "what's your RPO?" }, { responseUrl: fake.responseUrl('s'), channel: 'C0SECRET3', extShared: true });
    await signedPost(url, body, { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });
    const [told] = await fake.waitFor('response_url');
    expect(told!.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('not enabled here') });
    expect(await bot.idle()).toBe(true);
    expect(fake.calls.map((call) => call.method)).toEqual(['response_url']);
  });

  it('answers /checklist outside the lists with a one-time private notice instead of the answer', async () => {
    const first = (await command('C0SECRET2')).json() as { text: string; response_type: string };
    expect(first).toEqual({ response_type: 'ephemeral', text: expect.stringContaining('not enabled here') });
    const second = await command('C0SECRET2');
    expect(second.text).toBe('');
    const allowed = (await command('C0OTHER')).json() as { text: string };
    expect(allowed.text).toBe('No.29 Backup timing (RPO): 24 hours');
  });

  it('ignores button clicks from outside the lists', async () => {
    const click = buttonClickBody({ action_id: 'checklist_show:29', value: '{"items":[29],"lang":"en"}' }, { responseUrl: fake.responseUrl('b'), ephemeral: true }).replace(/C0CHAN/g, 'C0SECRET3');
    expect((await signedPost(url, click, { secret: SECRET, contentType: 'application/x-www-form-urlencoded' })).status).toBe(200);
    expect(await bot.idle()).toBe(true); // every request's work is over: nothing more can be sent
    expect(fake.calls).toHaveLength(0);
  });
});
