import { escapeSlack } from '../../../answer/slack-text.js';
import { SHARED_CHANNEL_TEXT } from '../../access.js';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack, deliver } from '../../reply.js';
import { buttonValue, type ButtonArgs } from './button.js';

/** "Share in channel" under an ephemeral /checklist answer: posts the same answer visibly and removes the private copy. */
export async function handle({ ack, action, body, respond }: ButtonArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const value = buttonValue(action);
  if (!value?.q) {
    deps.logger.warn({ event: 'bad_button', action: action.action_id, user: body.user.id }, 'refused a share button with a malformed value');
    return;
  }
  if (deps.shared.has(body.channel?.id)) {
    await deliver(deps, { source: 'share', channel: body.channel?.id, user: body.user.id }, () => respond({ response_type: 'ephemeral', replace_original: false, text: SHARED_CHANNEL_TEXT }));
    return;
  }
  const { message } = await answerForSlack(deps, value.q, { source: 'share', team: body.team?.id, channel: body.channel?.id, user: body.user.id }, { lang: value.lang });
  const sharedBy = { type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by <@${body.user.id}>: “${escapeSlack(value.q)}”` }] };
  // Feedback and copy buttons stay: anyone in the channel may use them.
  await deliver(deps, { source: 'share', team: body.team?.id, channel: body.channel?.id, user: body.user.id, question: value.q }, () =>
    respond({ response_type: 'in_channel', delete_original: true, text: message.text, blocks: [sharedBy, ...message.blocks] }),
  );
}
