import { citedItems } from '../../../answer/decide.js';
import { escapeSlack, truncate } from '../../../render/slack-text.js';
import { STRINGS } from '../../../render/strings.js';
import { visibility } from '../../access.js';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack, deliver } from '../../reply.js';
import { buttonValue, type ButtonArgs } from './button.js';

/** How much of the question the "Shared by" line quotes. */
const SHARED_QUESTION_CHARS = 300;

/**
 * "Share in channel" under an ephemeral /checklist answer: posts the same answer visibly and removes the private
 * copy, unless the channel is (or may be) shared with another organisation; then the answer stays private.
 */
export async function handle({ ack, action, body, client, respond }: ButtonArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const value = buttonValue(action);
  if (!value?.q) {
    deps.logger.warn({ event: 'bad_button', action: action.action_id, user: body.user.id }, 'refused a share button with a malformed value');
    return;
  }
  const channel = body.channel?.id;
  const where = channel ? await visibility(deps, channel, client, value.lang, body.user.id) : { visible: false as const, notice: STRINGS[value.lang].sharedUnknown };
  if (!where.visible) {
    await deliver(deps, { source: 'share', channel, user: body.user.id }, () => respond({ response_type: 'ephemeral', replace_original: false, text: where.notice }));
    return;
  }
  const { message, answer } = await answerForSlack(deps, value.q, { source: 'share', team: body.team?.id, channel, user: body.user.id }, { lang: value.lang });
  // Cut before escaping (an entity is never cut in half): 300 characters escape to at most 1,500, within Slack's 3,000.
  const sharedBy = { type: 'context', elements: [{ type: 'mrkdwn', text: STRINGS[value.lang].sharedBy(body.user.id, escapeSlack(truncate(value.q, SHARED_QUESTION_CHARS))) }] };
  // Feedback and copy buttons stay: anyone in the channel may use them.
  const posted = await deliver(deps, { source: 'share', team: body.team?.id, channel, user: body.user.id, question: value.q }, () =>
    respond({ response_type: 'in_channel', delete_original: true, text: message.text, blocks: [sharedBy, ...message.blocks] }),
  );
  if (posted) {
    const items = citedItems(answer.decision).map((item) => item.no);
    deps.recorder?.record({ type: 'disclosure', action: 'share', items, external: 'no', question: value.q, sheetVersion: deps.base.knowledge.version, team: body.team?.id, channel, user: body.user.id });
  }
}

/** For the disclosure ledger: a DM is not shared; a channel known to be Slack Connect is; otherwise the bot does not know. */
export function externalState(deps: SlackDeps, channel: string | undefined): 'yes' | 'no' | 'unknown' {
  if (channel && deps.shared.has(channel)) return 'yes';
  return channel?.startsWith('D') ? 'no' : 'unknown';
}
