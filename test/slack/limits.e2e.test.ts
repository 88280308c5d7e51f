import { describe, expect, it } from 'vitest';
import { asSlackSends, buttonsOf, httpBotPerFile } from '../fakes/http-bot.js';
import { blockKitProblems } from '../fakes/slack-api.js';
import { directMessageEvent, mentionEvent } from '../fakes/slack-requests.js';
import { fuzzInput, prng, punctuationRun, separatorRun } from '../fuzz/inputs.js';

/**
 * Every message the bot sends is one Slack would accept, for any input: the fake Web API refuses what Slack refuses
 * (`invalid_blocks`: button values over 2,000 characters, context or section text over 3,000, more than 50 blocks…),
 * and slash command acknowledgements are checked with the same rules.
 */
const h = httpBotPerFile();

const random = prng(4242);
const QUESTIONS = [
  '"'.repeat(3000) + ' rpo',
  'what is "our" \\"rpo\\"? '.repeat(150),
  '&'.repeat(3000),
  '<'.repeat(3000) + ' backup',
  '🔐'.repeat(2000),
  'バックアップ"の"保存期間'.repeat(300),
  '\u0000\u0007\u001b'.repeat(500) + ' encryption',
  punctuationRun(random),
  separatorRun(random),
  ...Array.from({ length: 12 }, (_, i) => fuzzInput(random, i)),
];

describe('Slack limits hold for any input (property test against a fake that validates like Slack)', () => {
  it('the fake refuses what Slack refuses', () => {
    expect(blockKitProblems({ text: 'x', blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'x' }, value: 'v'.repeat(2001) }] }] })).toHaveLength(1);
    expect(blockKitProblems({ text: 'x', blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: '&amp;'.repeat(601) }] }] })).toHaveLength(1);
    expect(blockKitProblems({ text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) })).toHaveLength(1);
    expect(blockKitProblems({ text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3000) } }] })).toEqual([]);
  });

  it('/checklist answers and "Share in channel" of those answers', async () => {
    for (const question of QUESTIONS) {
      const where = JSON.stringify(question.slice(0, 40));
      const ack = await h().postCommand(asSlackSends(question));
      expect(ack.status, where).toBe(200);
      const reply = ack.json() as Record<string, unknown>;
      expect(blockKitProblems(reply), where).toEqual([]);
      for (const button of buttonsOf(reply)) expect(button.value.length, where).toBeLessThanOrEqual(2000);
      const share = buttonsOf(reply).find((button) => button.action_id === 'checklist_share');
      if (share) expect((await h().click(share, { ephemeral: true })).status).toBe(200);
    }
    expect(await h().bot.idle()).toBe(true);
    expect(h().fake.rejected.map((call) => [call.method, call.problems])).toEqual([]);
    // Every share was delivered (none refused, none lost).
    expect(h().fake.callsTo('response_url').length).toBeGreaterThanOrEqual(QUESTIONS.length - 2);
  });

  it('mentions and DMs', async () => {
    for (const question of QUESTIONS) {
      await h().postEvent(mentionEvent(asSlackSends(question)));
      await h().postEvent(directMessageEvent(asSlackSends(question)));
    }
    await h().fake.waitFor('chat.postMessage', QUESTIONS.length * 2, 20_000);
    expect(await h().bot.idle()).toBe(true);
    expect(h().fake.rejected.map((call) => [call.method, call.problems])).toEqual([]);
  });
});
