import { renderCustomerCopy } from '../../../render/blocks.js';
import type { CopySpec } from '../../../render/customer-copy.js';
import type { SlackDeps } from '../../deps.js';
import { deliver } from '../../reply.js';
import { buttonValue, replyPrivately, type ButtonArgs } from './button.js';

/**
 * "Copy for customer" under an answer: the text a customer can receive, shown only to the clicker. Its format buttons
 * (`checklist_copy:ja`, `:en`, `:both`, `:ref`) replace that private message with the chosen format.
 */
export async function handle({ ack, action, body, client, respond }: ButtonArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const value = buttonValue(action);
  const knowledge = deps.base.knowledge;
  // Buttons posted before copy specs existed carry only the item numbers.
  const spec: CopySpec | undefined = value?.copy ?? (value?.items ? { lang: 'both', ref: true, parts: [{ items: value.items }] } : undefined);
  const known = spec?.parts.some((part) => part.items.some((no) => knowledge.byNo.has(no)));
  if (!value || !spec || !known) {
    deps.logger.warn({ event: 'bad_button', action: action.action_id, user: body.user.id }, 'refused a copy button with no valid items');
    return;
  }
  const items = spec.parts.flatMap((part) => part.items);
  deps.logger.info({ event: 'copy', user: body.user.id, channel: body.channel?.id, items, format: spec.lang, ref: spec.ref, sheetVersion: knowledge.version }, 'customer copy shown');
  const isFormatChange = action.action_id.includes(':');
  await deliver(deps, { source: 'copy', team: body.team?.id, channel: body.channel?.id, user: body.user.id }, () =>
    replyPrivately(body, client, respond, renderCustomerCopy(spec, knowledge, value.lang), isFormatChange),
  );
}
