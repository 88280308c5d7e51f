import { beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot } from '../../src/main.js';
import { FEEDBACK_COMMENT, FEEDBACK_MODAL_ID } from '../../src/render/blocks.js';
import { versionText } from '../../src/render/text.js';
import { httpBotPerFile, type HttpBot } from '../fakes/http-bot.js';
import type { FakeSlackApi, RecordedCall } from '../fakes/slack-api.js';
import { appHomeOpenedEvent, buttonClickBody, homeButtonClickBody, commandBody, eventEnvelope, mentionEvent, messageShortcutBody, signedPost, viewSubmissionBody } from '../fakes/slack-requests.js';
import { buttons, visibleText } from '../support/slack-messages.js';

/**
 * Support staff's workflow over Slack's real protocol: signed HTTP requests to the bot in HTTP mode, its Web API
 * calls answered by the fake Slack. The message shortcut, the customer copy, feedback with reasons, the App Home.
 */
const SECRET = '0123456789abcdef0123456789abcdef';
const BOT_TOKEN = 'xoxb-1234567890-0987654321-SupportWorkflowTest';

const harness = httpBotPerFile({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET });
let fake: FakeSlackApi;
let bot: RunningBot;
let eventsUrl: string;
let logs: HttpBot['logs'];
beforeAll(() => ({ fake, bot, eventsUrl, logs } = harness()));

const form = { secret: SECRET, contentType: 'application/x-www-form-urlencoded' } as const;
const postEvent = (event: Record<string, unknown>) => signedPost(eventsUrl, eventEnvelope(event).body, { secret: SECRET, contentType: 'application/json' });
const postCommand = async (text: string) => (await signedPost(eventsUrl, commandBody(text, fake.responseUrl('cmd')), form)).json() as Record<string, unknown>;
const useShortcut = (message: Record<string, unknown>, options: { channel?: string; extShared?: boolean; callbackId?: string } = {}) =>
  signedPost(eventsUrl, messageShortcutBody(message, { responseUrl: fake.responseUrl('shortcut'), ...options }), form);
const click = (action: { action_id: string; value: string }, options: { ephemeral?: boolean; channel?: string; view?: boolean } = { ephemeral: true }) => {
  if (!options.view) return signedPost(eventsUrl, buttonClickBody(action, { responseUrl: fake.responseUrl('act'), ...options }), form);
  return signedPost(eventsUrl, homeButtonClickBody(action), form);
};
const button = (body: Record<string, unknown>, id: string) => {
  const found = buttons(body).find((b) => b.action_id === id);
  expect(found, `button ${id} in ${buttons(body).map((b) => b.action_id).join(', ')}`).toBeDefined();
  return found!;
};
/** Nothing visible in a channel: the only chat.postMessage calls allowed go to the user's DM (channel = user ID). */
const visiblePostsIn = (channel: string): RecordedCall[] => fake.callsTo('chat.postMessage').filter((call) => call.body.channel === channel);

describe('message shortcut "Answer from checklist"', () => {
  it('answers a customer message in a Slack Connect channel only to the person who used it, never visibly', async () => {
    const response = await useShortcut({ text: 'Hello, which TLS version do you use?' }, { channel: 'C0CONNECT', extShared: true });
    expect(response.status).toBe(200);
    const [reply] = await fake.waitFor('response_url');
    expect(reply!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(reply!.body)).toContain('No.42');
    expect(visibleText(reply!.body)).toContain('>有。TLS 1.2');
    // The same buttons as any answer: copy and feedback; no "Share in channel" in a shared channel.
    const ids = buttons(reply!.body).map((b) => b.action_id);
    expect(ids).toEqual(expect.arrayContaining(['checklist_copy', 'checklist_feedback:up', 'checklist_feedback:down']));
    expect(ids).not.toContain('checklist_share');
    expect(await bot.idle()).toBe(true);
    expect(visiblePostsIn('C0CONNECT')).toEqual([]);
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
    expect(logs.records().find((r) => r.event === 'answer' && r.source === 'shortcut')).toMatchObject({ channel: 'C0CONNECT', user: 'U0USER', cited: [42] });
  });

  it('sends the answer as a DM when Slack refuses the response_url (bot not in the channel), still nothing in the channel', async () => {
    fake.fail('response_url', { status: 404, body: { ok: false, error: 'channel_not_found' } });
    await useShortcut({ text: "what's your RPO?" }, { channel: 'C0NOTMEMBER', extShared: true });
    const [dm] = await fake.waitFor('chat.postMessage');
    expect(dm!.body.channel).toBe('U0USER');
    expect(dm!.body.text).toBe('No.29 Backup timing (RPO): 24 hours');
    expect(visibleText(dm!.body)).toContain('You used “Answer from checklist” in <#C0NOTMEMBER>. I could not reply there');
    expect(await bot.idle()).toBe(true);
    expect(visiblePostsIn('C0NOTMEMBER')).toEqual([]);
  });

  it('reads a forwarded message from its attachment and answers in the language of the message', async () => {
    await useShortcut({ text: '', attachments: [{ text: 'バックアップの保存期間を教えてください', fallback: 'x' }] });
    const [reply] = await fake.waitFor('response_url');
    expect(visibleText(reply!.body)).toContain('No.30 バックアップデータの保存期間');
  });

  it('the answer\'s Copy for customer works from the shortcut reply, privately', async () => {
    await useShortcut({ text: 'Which TLS version?' }, { channel: 'C0CONNECT', extShared: true });
    const [reply] = await fake.waitFor('response_url');
    fake.calls.length = 0;
    await click(button(reply!.body, 'checklist_copy'), { ephemeral: true, channel: 'C0CONNECT' });
    const [copy] = await fake.waitFor('response_url');
    expect(copy!.body).toMatchObject({ response_type: 'ephemeral' });
    expect(copy!.body.text).toContain('Yes. TLS 1.2');
    expect(visiblePostsIn('C0CONNECT')).toEqual([]);
  });
});

describe('notices in the asker\'s language', () => {
  it('a Japanese mention in a Slack Connect channel is answered privately with the notice in Japanese', async () => {
    const event = mentionEvent('RPOは？', { channel: 'C0CONNECTJA' });
    const envelope = JSON.parse(eventEnvelope(event).body) as Record<string, unknown>;
    await signedPost(eventsUrl, JSON.stringify({ ...envelope, is_ext_shared_channel: true }), { secret: SECRET, contentType: 'application/json' });
    const [post] = await fake.waitFor('chat.postEphemeral');
    expect(visibleText(post!.body)).toContain('このチャンネルは社外の組織と共有されているため、回答はあなただけに表示しています。');
    expect(visiblePostsIn('C0CONNECTJA')).toEqual([]);
  });
});

describe('Copy for customer', () => {
  it('shows Japanese and English as two separate blocks, and switches to one language or drops the item No. on a click', async () => {
    const answer = await postCommand('which TLS version do we use?');
    await click(button(answer, 'checklist_copy'));
    const [both] = await fake.waitFor('response_url');
    const codeBlocks = (b: Record<string, unknown>) => (b.blocks as Array<{ type: string; text?: { text: string } }>).filter((block) => block.type === 'section' && block.text?.text.startsWith('```')).map((block) => block.text!.text);
    expect(codeBlocks(both!.body)).toEqual([
      '```弊社セキュリティチェックシート（2022年6月1日版）に基づき、以下のとおりご回答いたします。\n\n■ 通信の暗号化レベル\n有。TLS 1.2\n（参照：チェックシート No.42）```',
      '```Please find our answers below, based on our security check sheet (2022-06-01).\n\nEncryption level of communications:\nYes. TLS 1.2\n(Reference: check sheet item No.42)```',
    ]);
    fake.calls.length = 0;
    await click(button(both!.body, 'checklist_copy:en'));
    const [english] = await fake.waitFor('response_url');
    expect(english!.body).toMatchObject({ replace_original: true });
    expect(codeBlocks(english!.body)).toHaveLength(1);
    fake.calls.length = 0;
    await click(button(english!.body, 'checklist_copy:ref'));
    const [bare] = await fake.waitFor('response_url');
    expect(bare!.body.text).toBe('Please find our answers below, based on our security check sheet (2022-06-01).\n\nEncryption level of communications:\nYes. TLS 1.2');
  });
});

describe('Copy for customer of a multi-part answer', () => {
  it('is one message with every part, in Japanese only on request', async () => {
    const answer = await postCommand('RPOとRTOを教えてください');
    await click(button(answer, 'checklist_copy'));
    const [both] = await fake.waitFor('response_url');
    fake.calls.length = 0;
    await click(button(both!.body, 'checklist_copy:ja'));
    const [japanese] = await fake.waitFor('response_url');
    expect(japanese!.body.text).toBe(
      '弊社セキュリティチェックシート（2022年6月1日版）に基づき、以下のとおりご回答いたします。\n\n' +
        '■ バックアップデータを取得するタイミング(RPO)\n24時間\n（参照：チェックシート No.29）\n\n' +
        '■ 目標復旧時間(RTO)\n恐れ入りますが、本項目は非公開とさせていただいております。\n（参照：チェックシート No.11）',
    );
  });
});

describe('feedback on every reply', () => {
  it.each([
    ['an answer', "what's our RPO?"],
    ['a picker', 'how do you dispose of old disks'],
    ['not covered', 'Do you support SAML?'],
    ['a lookup', '28-30'],
    ['a section list', 'データ管理'],
    ['help', 'help'],
  ])('%s has 👍 and 👎', async (_kind, question) => {
    const body = await postCommand(question);
    button(body, 'checklist_feedback:up');
    button(body, 'checklist_feedback:down');
  });

  it('a 👎 on "not covered" asks why in one click; "other" opens a modal whose comment is recorded', async () => {
    const body = await postCommand('Do you support SAML?');
    await click(button(body, 'checklist_feedback:down'));
    const [why] = await fake.waitFor('response_url');
    expect(visibleText(why!.body)).toContain('What was wrong with this answer?');
    expect(buttons(why!.body).map((b) => b.action_id)).toEqual(['checklist_reason:wrong_item', 'checklist_reason:should_be_covered', 'checklist_reason:outdated', 'checklist_reason:other']);
    const vote = logs.records().find((r) => r.event === 'feedback' && r.step === 'vote' && r.question === 'Do you support SAML?');
    expect(vote).toMatchObject({ vote: 'down', kind: 'no_match', cited: [], sheetVersion: bot.base.knowledge.version, user: 'U0USER' });
    // The items a "not covered" reply offered (if any) are recorded as offered, never as cited.
    expect(vote!.offered).toEqual(buttons(body).filter((b) => b.action_id.startsWith('checklist_show:')).map((b) => JSON.parse(b.value).items[0]));

    fake.calls.length = 0;
    await click(button(why!.body, 'checklist_reason:other'));
    const [open] = await fake.waitFor('views.open');
    expect(open!.body.trigger_id).toBe('123.456.def');
    const view = open!.body.view as { callback_id: string; private_metadata: string; type: string };
    expect(view).toMatchObject({ type: 'modal', callback_id: FEEDBACK_MODAL_ID });

    const submitted = await signedPost(
      eventsUrl,
      viewSubmissionBody({ callback_id: view.callback_id, private_metadata: view.private_metadata, values: { [FEEDBACK_COMMENT.block]: { [FEEDBACK_COMMENT.action]: { type: 'plain_text_input', value: 'We do support SAML via the IdP; the sheet should say so' } } } }),
      form,
    );
    expect(submitted.status).toBe(200);
    await bot.idle();
    expect(logs.records().find((r) => r.event === 'feedback' && r.step === 'comment')).toMatchObject({
      reason: 'other',
      comment: 'We do support SAML via the IdP; the sheet should say so',
      question: 'Do you support SAML?',
      kind: 'no_match',
      sheetVersion: bot.base.knowledge.version,
    });
  });

  it('a reason button is recorded with the question and the cited items, and the question is replaced by thanks', async () => {
    const body = await postCommand("what's our RPO?");
    await click(button(body, 'checklist_feedback:down'));
    const [why] = await fake.waitFor('response_url');
    fake.calls.length = 0;
    await click(button(why!.body, 'checklist_reason:outdated'));
    const [thanks] = await fake.waitFor('response_url');
    expect(thanks!.body).toMatchObject({ replace_original: true, text: expect.stringContaining('Thanks, noted') });
    expect(logs.records().find((r) => r.event === 'feedback' && r.reason === 'outdated')).toMatchObject({ step: 'reason', question: "what's our RPO?", cited: [29], kind: 'answered' });
  });

  it('refuses a modal submission with forged metadata without recording it', async () => {
    const before = logs.records().filter((r) => r.event === 'feedback').length;
    await signedPost(eventsUrl, viewSubmissionBody({ callback_id: FEEDBACK_MODAL_ID, private_metadata: '{"lang":"xx"}', values: {} }), form);
    await bot.idle();
    expect(logs.records().filter((r) => r.event === 'feedback')).toHaveLength(before);
    expect(logs.records().some((r) => r.event === 'bad_view')).toBe(true);
  });
});

describe('/checklist and npm run ask share their command words', () => {
  it('/checklist 一覧 lists in Japanese and /checklist バージョン shows the version line npm run ask shows', async () => {
    const list = await postCommand('一覧');
    expect(list.text).toBe('チェックシートの全項目（49件）');
    expect(visibleText(list)).toContain('*アプリケーション運用*');
    const version = await postCommand('バージョン');
    expect(version.text).toBe(versionText(bot.base.knowledge, 'ja'));
  });
});

describe('App Home', () => {
  it('publishes the Home tab: how to ask, the shortcut, the sheet version, every item with a show button', async () => {
    await postEvent(appHomeOpenedEvent());
    const [publish] = await fake.waitFor('views.publish');
    expect(publish!.body.user_id).toBe('U0USER');
    const view = publish!.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const shown = visibleText({ blocks: view.blocks });
    expect(shown).toContain('Answer from checklist');
    expect(shown).toContain("what's our RPO?");
    expect(shown).toContain(bot.base.knowledge.version);
    expect(shown).toContain('2022/6/1');
    const shows = buttons({ blocks: view.blocks }).filter((b) => b.action_id.startsWith('checklist_show:'));
    expect(shows).toHaveLength(bot.base.knowledge.items.length);
  });

  it('a show button in the Home tab sends that item to the person as a DM', async () => {
    await postEvent(appHomeOpenedEvent());
    const [publish] = await fake.waitFor('views.publish');
    const show = buttons({ blocks: (publish!.body.view as { blocks: unknown[] }).blocks }).find((b) => b.action_id === 'checklist_show:29')!;
    fake.calls.length = 0;
    await click(show, { view: true });
    const [dm] = await fake.waitFor('chat.postMessage');
    expect(dm!.body).toMatchObject({ channel: 'U0USER', text: 'No.29 Backup timing (RPO): 24 hours' });
  });

  it('switches to Japanese, and is not published again while the person has the current version', async () => {
    await postEvent(appHomeOpenedEvent());
    const [english] = await fake.waitFor('views.publish');
    fake.calls.length = 0;
    await click(button({ blocks: (english!.body.view as { blocks: unknown[] }).blocks }, 'checklist_home:ja'), { view: true });
    const [japanese] = await fake.waitFor('views.publish');
    const view = japanese!.body.view as { blocks: unknown[]; private_metadata: string };
    expect(visibleText({ blocks: view.blocks })).toContain('質問のしかた');
    fake.calls.length = 0;
    await postEvent(appHomeOpenedEvent({ view: { id: 'V1', type: 'home', private_metadata: view.private_metadata } }));
    await postEvent(mentionEvent('ping the bot so something is sent')); // a later call proves the event was handled
    await fake.waitFor('chat.postMessage');
    expect(await bot.idle()).toBe(true);
    expect(fake.callsTo('views.publish')).toEqual([]);
  });
});
