import type { SlackDeps } from '../../deps.js';
import { answerForSlack, deliver } from '../../reply.js';
import { buttonValue, replyPrivately, type ButtonArgs } from './button.js';

/** A "see also", picker or suggestion button: shows that item to the clicker (a lookup by number). */
export async function handle({ ack, action, body, client, respond }: ButtonArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const value = buttonValue(action);
  const numbers = value?.items?.filter((no) => deps.base.knowledge.byNo.has(no)) ?? [];
  if (!value || numbers.length === 0) {
    deps.logger.warn({ event: 'bad_button', action: action.action_id, user: body.user.id }, 'refused a show button with no valid items');
    return;
  }
  // A picker button carries the question: the person chose this item for it (recorded, and proposed as an example).
  if (value.q && numbers.length === 1) {
    deps.recorder?.record({ type: 'pick', question: value.q, item: numbers[0]!, sheetVersion: deps.base.knowledge.version, team: body.team?.id, channel: body.channel?.id, user: body.user.id });
  }
  const { message } = await answerForSlack(deps, numbers.join(', '), { source: 'show', team: body.team?.id, channel: body.channel?.id, user: body.user.id }, { lang: value.lang });
  await deliver(deps, { source: 'show', team: body.team?.id, channel: body.channel?.id, user: body.user.id }, () => replyPrivately(body, client, respond, message));
}
