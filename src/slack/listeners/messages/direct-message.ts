import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack } from '../../reply.js';

/** A direct message to the bot gets the same answer, in the DM (in its thread when the question was in one). */
export function register(app: App, deps: SlackDeps): void {
  app.message(async ({ message, client, body }) => {
    if (message.channel_type !== 'im') return; // channel messages are answered only when the bot is mentioned
    if (message.subtype !== undefined) return; // edits, deletions, joins, bot messages
    if ('bot_id' in message && message.bot_id) return;
    const { message: reply } = await answerForSlack(deps, message.text ?? '', { source: 'dm', team: body.team_id, channel: message.channel, user: message.user });
    await client.chat.postMessage({ channel: message.channel, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}), ...reply });
  });
}
