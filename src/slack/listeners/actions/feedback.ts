import { STRINGS } from '../../../render/strings.js';
import type { SlackDeps } from '../../deps.js';
import { deliver } from '../../reply.js';
import { buttonValue, replyPrivately, type ButtonArgs } from './button.js';

/** 👍/👎: recorded in the log with the question and the cited items; the clicker gets a short private thanks. */
export async function handle({ ack, action, body, client, respond }: ButtonArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const value = buttonValue(action);
  if (!value?.vote) {
    deps.logger.warn({ event: 'bad_button', action: action.action_id, user: body.user.id }, 'refused a feedback button with a malformed value');
    return;
  }
  deps.logger.info(
    { event: 'feedback', vote: value.vote, question: value.q, cited: value.items ?? [], team: body.team?.id, channel: body.channel?.id, user: body.user.id, sheetVersion: deps.base.knowledge.version },
    'feedback on an answer',
  );
  const text = STRINGS[value.lang].feedbackThanks;
  await deliver(deps, { source: 'feedback', team: body.team?.id, channel: body.channel?.id, user: body.user.id }, () => replyPrivately(body, client, respond, { text, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text }] }] }));
}
