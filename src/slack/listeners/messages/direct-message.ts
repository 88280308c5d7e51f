import type { App } from '@slack/bolt';
import { firstDeliveryOf } from '../../dedupe.js';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack, deliver, webApiMessage } from '../../reply.js';
import { isPastedList } from './pasted-list.js';

/** A direct message to the bot gets the same answer, in the DM (in its thread when the question was in one). */
export function register(app: App, deps: SlackDeps): void {
  app.message(async ({ message, client, body }) => {
    if (message.channel_type !== 'im') return; // channel messages are answered only when the bot is mentioned
    if (message.subtype !== undefined) return; // edits, deletions, joins, bot messages
    if ('bot_id' in message && message.bot_id) return;
    if (!(await firstDeliveryOf(deps.dedupe, message.channel, message.ts))) return; // also delivered as an `app_mention`
    if (isPastedList(message.text ?? '')) return; // a pasted questionnaire: answered as a table and a file (pasted-list.ts)
    const ctx = { source: 'dm', team: body.team_id, channel: message.channel, user: message.user } as const;
    const { message: reply, answer } = await answerForSlack(deps, message.text ?? '', ctx);
    await deliver(deps, { ...ctx, question: answer.question }, () =>
      client.chat.postMessage({ channel: message.channel, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}), ...webApiMessage(reply) }),
    );
  });
}
