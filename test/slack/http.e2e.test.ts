import { beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot } from '../../src/main.js';
import { httpBotPerFile, type HttpBot } from '../fakes/http-bot.js';
import type { FakeSlackApi } from '../fakes/slack-api.js';
import { buttonClickBody, commandBody, directMessageEvent, eventEnvelope, mentionEvent, signedPost } from '../fakes/slack-requests.js';
import { buttons, visibleText } from '../support/slack-messages.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5'.replace(/[yz]/g, 'e');
const BOT_TOKEN = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';

const harness = httpBotPerFile({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET });
let fake: FakeSlackApi;
let bot: RunningBot;
let eventsUrl: string;
let logs: HttpBot['logs'];
beforeAll(() => ({ fake, bot, eventsUrl, logs } = harness()));

const postEvent = (event: Record<string, unknown>, options: { eventId?: string; headers?: Record<string, string> } = {}) => {
  const envelope = eventEnvelope(event, options.eventId);
  return signedPost(eventsUrl, envelope.body, { secret: SECRET, contentType: 'application/json', ...(options.headers ? { headers: options.headers } : {}) });
};
const postCommand = (text: string, extra: Record<string, string> = {}) => signedPost(eventsUrl, commandBody(text, fake.responseUrl('cmd'), extra), { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });
const click = (action: { action_id: string; value: string }, options: { ephemeral?: boolean; message?: Record<string, unknown>; channel?: string } = {}) =>
  signedPost(eventsUrl, buttonClickBody(action, { responseUrl: fake.responseUrl('act'), ...options }), { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });

describe('the bot over Slack HTTP (Events API, slash commands, interactivity)', () => {
  it('answers url_verification with the challenge, after checking the signature', async () => {
    const body = JSON.stringify({ token: 'legacy', challenge: 'abc123', type: 'url_verification' });
    const ok = await signedPost(eventsUrl, body, { secret: SECRET, contentType: 'application/json' });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('abc123');
    const forged = await signedPost(eventsUrl, body, { secret: 'wrong-secret', contentType: 'application/json' });
    expect(forged.status).toBe(401);
  });

  it('answers a mention in its thread with the cited item and the verbatim answer', async () => {
    const event = mentionEvent("what's our RPO?");
    const response = await postEvent(event);
    expect(response.status).toBe(200);
    const [call] = await fake.waitFor('chat.postMessage');
    expect(call!.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(call!.body).toMatchObject({ channel: 'C0CHAN', thread_ts: event.ts });
    expect(call!.body.text).toBe('No.29 Backup timing (RPO): 24 hours');
    const shown = visibleText(call!.body);
    expect(shown).toContain('*No.29 Backup timing (RPO)*');
    expect(shown).toContain('>24時間'); // the sheet cell, verbatim
    expect(shown).toContain('2022/6/1');
    expect(buttons(call!.body).map((b) => b.action_id)).toEqual(expect.arrayContaining(['checklist_copy', 'checklist_feedback:up', 'checklist_feedback:down']));
  });

  it('replies inside an existing thread when mentioned there', async () => {
    const event = mentionEvent('No.42', { thread_ts: '1690000000.000100' });
    await postEvent(event);
    const [call] = await fake.waitFor('chat.postMessage');
    expect(call!.body.thread_ts).toBe('1690000000.000100');
    expect(visibleText(call!.body)).toContain('有。TLS 1.2');
  });

  it('answers a mention in Japanese in Japanese', async () => {
    await postEvent(mentionEvent('バックアップの保存期間は？'));
    const [call] = await fake.waitFor('chat.postMessage');
    expect(call!.body.text).toBe('No.30 バックアップデータの保存期間：72時間');
  });

  it('gives short help for a mention with no question', async () => {
    await postEvent(mentionEvent(''));
    const [call] = await fake.waitFor('chat.postMessage');
    expect(visibleText(call!.body)).toContain('Look an item up by number');
  });

  it('answers a DM in the DM, and ignores bot messages, its own messages and edits', async () => {
    await postEvent(directMessageEvent('do we encrypt data at rest?'));
    const [call] = await fake.waitFor('chat.postMessage');
    expect(call!.body.channel).toBe('D0DM');
    expect(call!.body.thread_ts).toBeUndefined();
    expect(call!.body.text).toBe('No.33 Encryption requirements for data protection: Yes');

    fake.calls.length = 0;
    await postEvent(directMessageEvent('rpo', { bot_id: 'B0OTHER', subtype: 'bot_message' }));
    await postEvent(directMessageEvent('rpo', { user: 'UBOT', bot_id: 'BBOT' }));
    await postEvent(directMessageEvent('rpo', { subtype: 'message_changed' }));
    await postEvent(directMessageEvent('rpo', { channel_type: 'channel', channel: 'C0CHAN' })); // plain channel chatter
    await postEvent(mentionEvent('rpo', { bot_id: 'B0OTHER' }));
    expect(await bot.idle()).toBe(true); // every request's work is over: nothing more can be sent
    expect(fake.calls).toHaveLength(0);
  });

  it('answers a retried event once', async () => {
    const event = mentionEvent('backup retention?');
    const first = await postEvent(event, { eventId: 'EvRETRY1' });
    const retry = await postEvent(event, { eventId: 'EvRETRY1', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await fake.waitFor('chat.postMessage');
    expect(await bot.idle()).toBe(true); // every request's work is over: nothing more can be sent
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(logs.records().some((r) => r.event === 'duplicate' && r.eventId === 'EvRETRY1')).toBe(true);
  });

  it('refuses forged signatures and replayed (old) timestamps with 401, and answers nothing', async () => {
    const { body } = eventEnvelope(mentionEvent('rpo'));
    const forged = await signedPost(eventsUrl, body, { secret: 'not-the-secret', contentType: 'application/json' });
    const unsigned = await signedPost(eventsUrl, body, { secret: SECRET, contentType: 'application/json', signature: null });
    const replay = await signedPost(eventsUrl, body, { secret: SECRET, contentType: 'application/json', timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect([forged.status, unsigned.status, replay.status]).toEqual([401, 401, 401]);
    expect(await bot.idle()).toBe(true); // every request's work is over: nothing more can be sent
    expect(fake.calls).toHaveLength(0);
  });

  it('never lets user text ping anyone: <!channel>, <!here> and user mentions are not echoed live', async () => {
    await postEvent(mentionEvent('<!channel> <!here> <@U999> what is SAML? <https://evil.example|click>'));
    const [call] = await fake.waitFor('chat.postMessage');
    const shown = visibleText(call!.body);
    expect(shown).not.toMatch(/<!channel>|<!here>|<@U999>|<https:/);
    expect(shown).toContain('does not cover');
  });

  it('/checklist 29 answers ephemerally in the acknowledgement, with a Share button', async () => {
    const response = await postCommand('29');
    expect(response.status).toBe(200);
    const body = response.json() as Record<string, unknown>;
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBe('No.29 Backup timing (RPO): 24 hours');
    expect(visibleText(body)).toContain('>24時間');
    expect(buttons(body)[0]?.action_id).toBe('checklist_share');
  });

  it.each([
    ['４２', 42],
    ['No.42', 42],
    ['#7', 7],
    ['29番', 29],
  ])('/checklist %s shows item %i', async (text, no) => {
    const body = (await postCommand(text)).json() as Record<string, unknown>;
    expect(String(body.text)).toMatch(new RegExp(`^No\\.${no} `));
  });

  it('/checklist help and an empty /checklist explain usage; /checklist list lists the sections', async () => {
    for (const text of ['help', '']) {
      const body = (await postCommand(text)).json() as Record<string, unknown>;
      expect(visibleText(body)).toContain('Look an item up by number');
    }
    const list = (await postCommand('list')).json() as Record<string, unknown>;
    const shown = visibleText(list);
    for (const section of ['アプリケーション運用', 'サポート', 'データ管理', 'セキュリティ']) expect(shown).toContain(section);
    expect(shown).toContain('`29` Backup timing (RPO)');
    expect(shown).toContain('`49` Policy on where data is stored');
  });

  it('/checklist for something unknown says so, with the nearest items as buttons', async () => {
    const body = (await postCommand('Do you support SAML SSO for access to customer data?')).json() as Record<string, unknown>;
    expect(visibleText(body)).toContain('The checklist does not cover this');
    expect(buttons(body).filter((b) => b.action_id.startsWith('checklist_show')).length).toBeGreaterThan(0);
  });

  it('"Share in channel" posts the same answer visibly and removes the ephemeral one', async () => {
    const body = (await postCommand('what is our RPO')).json() as Record<string, unknown>;
    const share = buttons(body).find((b) => b.action_id === 'checklist_share')!;
    expect((await click(share, { ephemeral: true })).status).toBe(200);
    const [call] = await fake.waitFor('response_url');
    expect(call!.body).toMatchObject({ response_type: 'in_channel', delete_original: true, text: 'No.29 Backup timing (RPO): 24 hours' });
    expect(visibleText(call!.body)).toContain('Shared by <@U0USER>');
  });

  it('"Share in channel" asks Slack first and keeps the answer private in a channel shared with another organisation', async () => {
    fake.sharedChannels.add('C0CONNECT');
    const body = (await postCommand('what is our RPO', { channel_id: 'C0CONNECT' })).json() as Record<string, unknown>;
    const share = buttons(body).find((b) => b.action_id === 'checklist_share')!; // a slash command does not say the channel is shared
    await click(share, { ephemeral: true, channel: 'C0CONNECT' });
    const [call] = await fake.waitFor('response_url');
    expect(call!.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('shared with another organisation') });
    expect(fake.callsTo('conversations.info').map((c) => c.body.channel)).toEqual(['C0CONNECT']);
    // Now known: the next /checklist there offers no Share button, and Slack is not asked again.
    const next = (await postCommand('what is our RPO', { channel_id: 'C0CONNECT' })).json() as Record<string, unknown>;
    expect(buttons(next).some((b) => b.action_id === 'checklist_share')).toBe(false);
  });

  it('"Share in channel" stays private when Slack cannot say whether the channel is shared', async () => {
    fake.fail('conversations.info', { status: 200, body: { ok: false, error: 'missing_scope' } });
    const body = (await postCommand('what is our RPO', { channel_id: 'C0UNKNOWN' })).json() as Record<string, unknown>;
    await click(buttons(body).find((b) => b.action_id === 'checklist_share')!, { ephemeral: true, channel: 'C0UNKNOWN' });
    const [call] = await fake.waitFor('response_url');
    expect(call!.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('could not check') });
    expect(logs.records().some((r) => r.event === 'shared_unknown' && r.channel === 'C0UNKNOWN')).toBe(true);
  });

  it('"Copy for customer" shows the paste-ready sentences privately, in the thread', async () => {
    await postEvent(mentionEvent('which TLS version do we use?'));
    const [answer] = await fake.waitFor('chat.postMessage');
    const copy = buttons(answer!.body).find((b) => b.action_id === 'checklist_copy')!;
    await click(copy, { message: { ts: '1700000000.000009', thread_ts: '1700000000.000001' } });
    const [call] = await fake.waitFor('chat.postEphemeral');
    expect(call!.body).toMatchObject({ channel: 'C0CHAN', user: 'U0USER', thread_ts: '1700000000.000001' });
    expect(call!.body.text).toBe(
      '弊社セキュリティチェックシート（2022年6月1日版）に基づき、以下のとおりご回答いたします。\n\n■ 通信の暗号化レベル\n有。TLS 1.2\n（参照：チェックシート No.42）\n\n' +
        'Please find our answers below, based on our security check sheet (2022-06-01).\n\nEncryption level of communications:\nYes. TLS 1.2\n(Reference: check sheet item No.42)',
    );
  });

  it('a "see also" button shows that item to the clicker', async () => {
    const body = (await postCommand('support hours')).json() as Record<string, unknown>;
    const see = buttons(body).find((b) => b.action_id.startsWith('checklist_show'));
    expect(see).toBeDefined();
    await click(see!, { ephemeral: true });
    const [call] = await fake.waitFor('response_url');
    expect(call!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const no = JSON.parse(see!.value).items[0];
    expect(String(call!.body.text)).toMatch(new RegExp(`^No\\.${no} `));
  });

  it('a picker offers both close items instead of guessing', async () => {
    const body = (await postCommand('what happens to our data when we cancel')).json() as Record<string, unknown>;
    const shown = visibleText(body);
    expect(shown).toMatch(/items fit your question. Which one did you mean\?/);
    const picks = buttons(body).filter((b) => b.action_id.startsWith('checklist_show')).map((b) => JSON.parse(b.value).items[0]);
    expect(picks).toEqual(expect.arrayContaining([31, 36]));
    expect(shown).not.toContain('>有。'); // no answer value is shown before the person picks
  });

  it('records 👍/👎 feedback in the log with the question and the cited item', async () => {
    const body = (await postCommand("what's our RPO?")).json() as Record<string, unknown>;
    const down = buttons(body).find((b) => b.action_id === 'checklist_feedback:down')!;
    await click(down, { ephemeral: true });
    await fake.waitFor('response_url');
    const record = logs.records().find((r) => r.event === 'feedback');
    expect(record).toMatchObject({ vote: 'down', question: "what's our RPO?", cited: [29], user: 'U0USER' });
  });

  it('refuses a button with a forged value without crashing', async () => {
    await click({ action_id: 'checklist_show:1', value: '{"items":"drop table"}' }, { ephemeral: true });
    await click({ action_id: 'checklist_copy', value: 'not json' }, { ephemeral: true });
    expect(await bot.idle()).toBe(true); // every request's work is over: nothing more can be sent
    expect(fake.calls).toHaveLength(0);
    expect(logs.records().filter((r) => r.event === 'bad_button').length).toBeGreaterThanOrEqual(2);
  });

  it('logs one structured record per answer, without tokens or secrets', async () => {
    await postEvent(mentionEvent("what's our RPO?"));
    await fake.waitFor('chat.postMessage');
    const record = logs.records().findLast((r) => r.event === 'answer');
    expect(record).toMatchObject({ source: 'mention', team: 'T0001', channel: 'C0CHAN', user: 'U0USER', question: "what's our RPO?", status: 'answered', cited: [29], sheetVersion: bot.base.knowledge.version });
    expect(typeof record!.latencyMs).toBe('number');
    const all = logs.lines.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SECRET);
  });

  it('serves GET /healthz', async () => {
    const response = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, sheet: { date: '2022/6/1', items: 49 } });
  });
});
