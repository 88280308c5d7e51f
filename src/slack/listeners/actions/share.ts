import { escapeSlack } from '../../../render/slack-text.js';
import { STRINGS } from '../../../render/strings.js';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack, deliver } from '../../reply.js';
import { buttonValue, type ButtonArgs } from './button.js';

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
  const shared = channel ? await deps.shared.isShared(channel, client) : 'unknown';
  if (shared !== false) {
    if (shared === 'unknown') deps.logger.warn({ event: 'shared_unknown', channel, user: body.user.id }, 'could not check whether the channel is shared with another organisation (conversations.info); kept the answer private');
    await deliver(deps, { source: 'share', channel, user: body.user.id }, () => respond({ response_type: 'ephemeral', replace_original: false, text: shared === true ? STRINGS[value.lang].sharedChannel : STRINGS[value.lang].sharedUnknown }));
    return;
  }
  const { message } = await answerForSlack(deps, value.q, { source: 'share', team: body.team?.id, channel, user: body.user.id }, { lang: value.lang });
  const sharedBy = { type: 'context', elements: [{ type: 'mrkdwn', text: STRINGS[value.lang].sharedBy(body.user.id, escapeSlack(value.q)) }] };
  // Feedback and copy buttons stay: anyone in the channel may use them.
  await deliver(deps, { source: 'share', team: body.team?.id, channel, user: body.user.id, question: value.q }, () =>
    respond({ response_type: 'in_channel', delete_original: true, text: message.text, blocks: [sharedBy, ...message.blocks] }),
  );
}
