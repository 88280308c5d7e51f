import type { types } from '@slack/bolt';
import { renderFeedbackModal, renderNotice } from '../../../render/blocks.js';
import { STRINGS } from '../../../render/strings.js';
import type { SlackDeps } from '../../deps.js';
import { recordFeedback } from '../../feedback.js';
import { deliver } from '../../reply.js';
import { buttonValue, replyPrivately, type ButtonArgs } from './button.js';

/**
 * A reason button after a 👎: recorded at once, and the question is replaced by thanks. "Other" opens a small modal
 * for an optional comment instead (its submission is views/feedback-comment.ts).
 */
export async function handle({ ack, action, body, client, respond }: ButtonArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const value = buttonValue(action);
  if (!value?.reason) {
    deps.logger.warn({ event: 'bad_button', action: action.action_id, user: body.user.id }, 'refused a feedback reason with a malformed value');
    return;
  }
  const where = { team: body.team?.id, channel: body.channel?.id, user: body.user.id };
  recordFeedback(deps, { step: 'reason', value, ...where });
  // The renderer builds plain JSON (no Slack SDK types), hence the cast. The modal first: its trigger_id expires three seconds after the click.
  if (value.reason === 'other') await deliver(deps, { source: 'feedback', ...where }, () => client.views.open({ trigger_id: body.trigger_id, view: renderFeedbackModal(value) as unknown as types.View }));
  await deliver(deps, { source: 'feedback', ...where }, () => replyPrivately(body, client, respond, renderNotice(STRINGS[value.lang].feedbackReasonThanks), true));
}
