import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack } from '../../reply.js';

/** `@bot what's our RPO?` in a channel: the answer goes in the thread of the mention. */
export function register(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client, body }) => {
    if ('bot_id' in event && event.bot_id) return; // another bot mentioning us: never start a bot-to-bot exchange
    if ('subtype' in event && event.subtype) return; // edits and other changes are not new questions
    const { message } = await answerForSlack(deps, event.text ?? '', { source: 'mention', team: body.team_id, channel: event.channel, user: event.user });
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, ...message });
  });
}
