import type { KnowledgeItem } from '../../../knowledge/load.js';
import { renderCustomerCopy } from '../../../render/blocks.js';
import type { SlackDeps } from '../../deps.js';
import { deliver } from '../../reply.js';
import { buttonValue, replyPrivately, type ButtonArgs } from './button.js';

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
  deps.logger.info({ event: 'copy', user: body.user.id, channel: body.channel?.id, items: items.map((item) => item.no), sheetVersion: knowledge.version }, 'customer copy shown');
  await deliver(deps, { source: 'copy', team: body.team?.id, channel: body.channel?.id, user: body.user.id }, () => replyPrivately(body, client, respond, renderCustomerCopy(items, knowledge)));
}
