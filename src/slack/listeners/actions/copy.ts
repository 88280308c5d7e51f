import type { KnowledgeItem } from '../../../knowledge/load.js';
import { renderCustomerCopy } from '../../../answer/render-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { deliver } from '../../reply.js';
import { buttonValue, replyPrivately, type ButtonArgs } from './button.js';
import { externalState } from './share.js';

/** "Copy for customer": the paste-ready sentences (Japanese and English, no markup), shown only to the clicker. */
export async function handle({ ack, action, body, client, respond }: ButtonArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const value = buttonValue(action);
  const knowledge = deps.base.knowledge;
  const items = (value?.items ?? []).map((no) => knowledge.byNo.get(no)).filter((item): item is KnowledgeItem => item !== undefined);
  if (items.length === 0) {
    deps.logger.warn({ event: 'bad_button', action: action.action_id, user: body.user.id }, 'refused a copy button with no valid items');
    return;
  }
  const channel = body.channel?.id;
  deps.recorder?.record({ type: 'disclosure', action: 'copy', items: items.map((item) => item.no), external: externalState(deps, channel), sheetVersion: knowledge.version, team: body.team?.id, channel, user: body.user.id });
  deps.logger.info({ event: 'copy', user: body.user.id, channel: body.channel?.id, items: items.map((item) => item.no), sheetVersion: knowledge.version }, 'customer copy shown');
  await deliver(deps, { source: 'copy', team: body.team?.id, channel: body.channel?.id, user: body.user.id }, () => replyPrivately(body, client, respond, renderCustomerCopy(items, knowledge)));
}
