import { renderFeedbackReasons, renderNotice } from '../../../render/blocks.js';
import { STRINGS } from '../../../render/strings.js';
import type { SlackDeps } from '../../deps.js';
import { recordFeedback } from '../../feedback.js';
import { deliver } from '../../reply.js';
import { buttonValue, replyPrivately, type ButtonArgs } from './button.js';

/**
 * 👍/👎 under any reply: one log record with the question, the cited items and the sheet version. A 👍 gets a short
 * private thanks; a 👎 privately asks why, one click per reason (see reason.ts).
 */
export async function handle({ ack, action, body, client, respond }: ButtonArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const value = buttonValue(action);
  if (!value?.vote) {
    deps.logger.warn({ event: 'bad_button', action: action.action_id, user: body.user.id }, 'refused a feedback button with a malformed value');
    return;
  }
  recordFeedback(deps, { step: 'vote', value, team: body.team?.id, channel: body.channel?.id, user: body.user.id });
  const message = value.vote === 'down' ? renderFeedbackReasons(value) : renderNotice(STRINGS[value.lang].feedbackThanks);
  await deliver(deps, { source: 'feedback', team: body.team?.id, channel: body.channel?.id, user: body.user.id }, () => replyPrivately(body, client, respond, message));
}
