import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NOT_ALLOWED_TEXT, STRINGS } from '../../src/render/strings.js';
import { buttonsOf, startHttpBot, TEST_SIGNING_SECRET, type HttpBot } from '../fakes/http-bot.js';
import { buttonClickBody, directMessageEvent, mentionEvent, signedPost } from '../fakes/slack-requests.js';

/**
 * Slack Connect: the envelope's team_id is the bot's workspace (T0001), the asker's own organisation is the event's
 * `user_team` / `team` (or a clicker's `user.team_id`). Access is judged on the asker's team, on every path, and a
 * channel is posted in visibly only when Slack says it is not shared (a pending invitation counts as shared).
 */
const EXTERNAL = 'TEXT0RG';
const INTERNAL_NOTE = 'do not give customers more than this';
let allowList: HttpBot;
let open: HttpBot;
beforeAll(async () => {
  [allowList, open] = await Promise.all([startHttpBot({ ALLOWED_TEAM_IDS: 'T0001' }), startHttpBot()]);
});
afterAll(async () => {
  await allowList?.stop();
  await open?.stop();
});
beforeEach(() => {
  for (const h of [allowList, open]) {
    h.fake.calls.length = 0;
    h.fake.rejected.length = 0;
  }
});

const everything = (h: HttpBot) => JSON.stringify(h.fake.calls.map((call) => call.body));

describe.each([
  ['ALLOWED_TEAM_IDS=T0001', () => allowList],
  ['no allow-list (the bot’s own workspace only)', () => open],
])('people of another organisation get no internal notes: %s', (_name, bot) => {
  it('a mention in a shared channel by an external user is refused, once and privately, without the answer', async () => {
    const h = bot();
    const external = { user: 'U0EXT', user_team: EXTERNAL, team: EXTERNAL, channel: 'C0SHARED' };
    await h.postEvent(mentionEvent('MTTR', external), { is_ext_shared_channel: true });
    await h.postEvent(mentionEvent('RTO', external), { is_ext_shared_channel: true });
    expect(await h.bot.idle()).toBe(true);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.fake.callsTo('chat.postEphemeral').map((call) => call.body.text)).toEqual([NOT_ALLOWED_TEXT]);
    expect(everything(h)).not.toContain(INTERNAL_NOTE);
    expect(h.logs.records().filter((r) => r.event === 'refused_access' && r.userTeam === EXTERNAL)).toHaveLength(2);
  });

  it('a Slack Connect DM is refused', async () => {
    const h = bot();
    await h.postEvent(directMessageEvent('MTTR', { user: 'U0EXT', user_team: EXTERNAL, team: EXTERNAL, channel: 'D0EXT' }));
    expect(await h.bot.idle()).toBe(true);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(everything(h)).not.toContain(INTERNAL_NOTE);
  });

  it('a button clicked by an external user does nothing', async () => {
    const h = bot();
    const body = { action_id: 'checklist_copy', value: JSON.stringify({ items: [10], lang: 'en' }) };
    // buttonClickBody's clicker is of T0001: change their team to the external one.
    const response = await h.click(body, { message: { ts: '1700000000.000001' }, channel: 'C0SHARED' });
    expect(response.status).toBe(200);
    expect(await h.bot.idle()).toBe(true);
    expect(h.fake.calls.length).toBeGreaterThan(0); // the same click from an internal user is answered…
    h.fake.calls.length = 0;
    const external = buttonClickBody(body, { responseUrl: h.fake.responseUrl('x'), message: { ts: '1700000000.000001' }, channel: 'C0SHARED' }).replace(encodeURIComponent('"team_id":"T0001"'), encodeURIComponent(`"team_id":"${EXTERNAL}"`));
    expect(external).toContain(EXTERNAL);
    await signedPost(h.eventsUrl, external, { secret: TEST_SIGNING_SECRET, contentType: 'application/x-www-form-urlencoded' });
    expect(await h.bot.idle()).toBe(true);
    expect(everything(h)).not.toContain(INTERNAL_NOTE); // …from an external one it is not
  });

  it('internal people are still answered in the same workspace', async () => {
    const h = bot();
    await h.postEvent(mentionEvent('rpo?', { team: 'T0001', user_team: 'T0001' }));
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post!.body.text).toBe('No.29 Backup timing (RPO): 24 hours');
  });
});

describe('one visibility rule for mentions and "Share in channel"', () => {
  it('a Share click in a pending channel is refused before any mention there', async () => {
    open.fake.pendingSharedChannels.add('C0PENDING2');
    await open.click({ action_id: 'checklist_share', value: JSON.stringify({ q: 'rpo', lang: 'en' }) }, { ephemeral: true, channel: 'C0PENDING2' });
    const [refused] = await open.fake.waitFor('response_url');
    expect(refused!.body).toMatchObject({ response_type: 'ephemeral', text: STRINGS.en.sharedChannel });
  });

  it('a channel with a pending Slack Connect invitation: the mention is answered privately, and Share refuses', async () => {
    const h = open;
    h.fake.pendingSharedChannels.add('C0PENDING');
    await h.postEvent(mentionEvent('rpo?', { channel: 'C0PENDING' }));
    const [ephemeral] = await h.fake.waitFor('chat.postEphemeral');
    expect(ephemeral!.body).toMatchObject({ channel: 'C0PENDING', user: 'U0USER' });
    expect(JSON.stringify(ephemeral!.body.blocks)).toContain(STRINGS.en.sharedChannel);
    // The channel is now known as shared: /checklist there offers no Share button…
    const ack = (await h.postCommand('rpo', { channel_id: 'C0PENDING' })).json() as Record<string, unknown>;
    expect(buttonsOf(ack).map((button) => button.action_id)).not.toContain('checklist_share');
    // …and a Share click there (an older message's button) is refused.
    await h.click({ action_id: 'checklist_share', value: JSON.stringify({ q: 'rpo', lang: 'en' }) }, { ephemeral: true, channel: 'C0PENDING' });
    const [refused] = await h.fake.waitFor('response_url');
    expect(refused!.body).toMatchObject({ response_type: 'ephemeral', text: STRINGS.en.sharedChannel });
    expect(await h.bot.idle()).toBe(true);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('Share from a private channel the bot is not in says to invite the bot, and logs Slack’s error code', async () => {
    const h = open;
    h.fake.hiddenChannels.add('G0PRIVATE');
    const ack = (await h.postCommand('rpo', { channel_id: 'G0PRIVATE' })).json() as Record<string, unknown>;
    const share = buttonsOf(ack).find((button) => button.action_id === 'checklist_share')!;
    await h.click(share, { ephemeral: true, channel: 'G0PRIVATE' });
    const [reply] = await h.fake.waitFor('response_url');
    expect(reply!.body).toMatchObject({ response_type: 'ephemeral', text: STRINGS.en.sharedNotMember });
    expect(String(reply!.body.text)).toContain('/invite');
    expect(String(reply!.body.text)).not.toContain('scope');
    expect(h.logs.records().find((r) => r.event === 'shared_unknown' && r.channel === 'G0PRIVATE')).toMatchObject({ slackError: 'channel_not_found' });
  });
});
