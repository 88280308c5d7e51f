import type { App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { FEEDBACK_COMMENT, FEEDBACK_MODAL_ID } from '../../../render/blocks.js';
import type { SlackDeps } from '../../deps.js';
import { recordFeedback } from '../../feedback.js';
import { parseValue } from '../actions/button.js';

/**
 * The "other" modal after a 👎 is submitted: its optional comment is recorded with the feedback's question and items
 * (carried in the view's private_metadata, validated like a button value). Acknowledging closes the modal.
 */
export async function handle({ ack, view, body }: SlackViewMiddlewareArgs<ViewSubmitAction>, deps: SlackDeps): Promise<void> {
  await ack();
  const value = parseValue(view.private_metadata);
  if (!value) {
    deps.logger.warn({ event: 'bad_view', callbackId: view.callback_id, user: body.user.id }, 'refused a feedback modal with malformed metadata');
    return;
  }
  const comment = view.state.values[FEEDBACK_COMMENT.block]?.[FEEDBACK_COMMENT.action]?.value?.trim().slice(0, FEEDBACK_COMMENT.maxLength);
  recordFeedback(deps, { step: 'comment', value: { ...value, reason: 'other' }, ...(comment ? { comment } : {}), team: body.team?.id, user: body.user.id });
}

export function register(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>({ callback_id: FEEDBACK_MODAL_ID, type: 'view_submission' }, (args) => handle(args, deps));
}
