import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../support/bot.js';
import { type RunningBot } from '../../src/main.js';
import { buildReport } from '../../src/store/report.js';
import { capturedLogger } from '../fakes/log-capture.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { buttonClickBody, commandBody, eventEnvelope, mentionEvent, signedPost } from '../fakes/slack-requests.js';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.js';
import { freshDataDir } from './engines.js';

const SECRET = '0123456789abcdef0123456789abcdef';
type Button = { action_id: string; value: string };
const buttonsOf = (blocks: unknown): Button[] =>
  ((blocks as Array<{ type: string; elements?: Array<Button & { type: string }> }>) ?? []).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []).filter((e) => e.type === 'button');

describe('what the Slack listeners record (embedded store)', () => {
  let fake: FakeSlackApi;
  let bot: RunningBot;
  let url: string;
  const command = (text: string, user = 'U0USER') => signedPost(url, commandBody(text, fake.responseUrl('cmd'), { user_id: user }), { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });
  const click = (button: Button, options: { ephemeral?: boolean } = {}) =>
    signedPost(url, buttonClickBody(button, { responseUrl: fake.responseUrl('act'), ...options }), { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    bot = await startBot(
      { SLACK_BOT_TOKEN: 'xoxb-1-2-records', SLACK_SIGNING_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', SLACK_API_URL: fake.apiUrl, DATA_DIR: freshDataDir(), MAINTAINER_USER_IDS: 'UMAINT', KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE },
      capturedLogger().logger,
    );
    url = `http://127.0.0.1:${bot.port}/slack/events`;
  });
  afterAll(async () => {
    await bot?.stop(1_000);
    await fake?.stop();
  });

  it('records the answer, a 👍 (proposed for review), Copy for customer and Share in channel in the disclosure ledger', async () => {
    await signedPost(url, eventEnvelope(mentionEvent("what's our RPO?")).body, { secret: SECRET, contentType: 'application/json' });
    const [posted] = await fake.waitFor('chat.postMessage');
    const footer = buttonsOf(posted!.body.blocks);
    await click(footer.find((b) => b.action_id === 'checklist_feedback:up')!);
    await click(footer.find((b) => b.action_id === 'checklist_copy')!);
    // /checklist answers privately with "Share in channel"; the channel is not shared, so it is posted visibly.
    const asked = await command('RTO');
    const share = buttonsOf((asked.json() as { blocks: unknown }).blocks).find((b) => b.action_id === 'checklist_share')!;
    await click(share, { ephemeral: true });
    await bot.idle();
    await bot.recorder.flush();

    const report = await buildReport(bot.store, bot.base.knowledge, Date.now() - 60_000);
    expect(report.answers.total).toBeGreaterThanOrEqual(3); // the mention, the command, the share's re-answer
    expect(report.mostAsked.find((m) => m.item === 29)).toMatchObject({ count: 1 });
    expect(report.feedback).toContainEqual(expect.objectContaining({ item: 29, up: 1, down: 0 }));
    const ledger = report.disclosures.find((d) => d.channel === 'C0CHAN')!;
    expect(ledger).toMatchObject({ copies: 1, shares: 1, items: [11, 29], external: 'unknown', sheetVersions: [bot.base.knowledge.version] });
    expect((await bot.store.proposals('pending')).map((p) => [p.question, p.item, p.source])).toEqual([["what's our RPO?", 29, 'thumbs_up']]);
  });

  it('shows /checklist report to maintainers only', async () => {
    const refused = await command('report');
    expect((refused.json() as { text: string }).text).toMatch(/Only the bot’s maintainers/);
    const before = fake.callsTo('response_url').length;
    await command('report', 'UMAINT');
    const [reply] = (await fake.waitFor('response_url', before + 1)).slice(before);
    expect(String(reply!.body.text)).toMatch(/Most asked items:\n(?: {2}.*\n)* {2}1× No\.29 /);
    expect(String(reply!.body.text)).toMatch(/Disclosures by channel:\n {2}C0CHAN \(shared: unknown\): 1 copied, 1 shared; items 11, 29/);
  });
});
