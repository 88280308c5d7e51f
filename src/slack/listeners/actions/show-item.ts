import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION, actionPattern } from '../../../answer/render-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack, deliver } from '../../reply.js';
import { buttonValue, replyPrivately } from './button.js';

/** A "see also", picker or suggestion button: shows that item to the clicker (a lookup by number). */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: actionPattern(ACTION.show) }, async ({ ack, action, body, client, respond }) => {
    await ack();
    const value = buttonValue(action);
    const numbers = value?.items?.filter((no) => deps.base.knowledge.byNo.has(no)) ?? [];
    if (!value || numbers.length === 0) {
      deps.logger.warn({ event: 'bad_button', action: action.action_id, user: body.user.id }, 'refused a show button with no valid items');
      return;
    }
    const { message } = await answerForSlack(deps, numbers.join(', '), { source: 'show', team: body.team?.id, channel: body.channel?.id, user: body.user.id }, { lang: value.lang });
    await deliver(deps, { source: 'show', team: body.team?.id, channel: body.channel?.id, user: body.user.id }, () => replyPrivately(body, client, respond, message));
  });
}
