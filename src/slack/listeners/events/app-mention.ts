import type { App } from '@slack/bolt';
import { visibility } from '../../access.js';
import { firstDeliveryOf } from '../../dedupe.js';
import type { SlackDeps } from '../../deps.js';
import type { SlackFile } from '../../files.js';
import { answerForSlack, deliver, webApiMessage } from '../../reply.js';
import { fillFilesFromMessage } from '../messages/file-share.js';

/**
 * `@bot what's our RPO?` in a channel: the answer goes in the thread of the mention. In a channel shared with
 * another organisation (Slack Connect, an invitation pending included), or one the bot cannot check, it goes only to
 * the asker, so customers in the channel never see it: the same rule as "Share in channel" (see `visibility`).
 */
export function register(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client, body, context }) => {
    if ('bot_id' in event && event.bot_id) return; // another bot mentioning us: never start a bot-to-bot exchange
    if ('subtype' in event && event.subtype && event.subtype !== 'file_share') return; // edits and other changes are not new questions
    if (!(await firstDeliveryOf(deps.dedupe, event.channel, event.ts))) return; // also delivered as a DM `message`
    const shared = (body as { is_ext_shared_channel?: boolean }).is_ext_shared_channel === true;
    if (shared) deps.shared.mark(event.channel);
    // A mention with a file is a questionnaire to fill (the same message may also arrive as file_share; filled once).
    const files = (event as { files?: SlackFile[] }).files;
    if (files?.length) {
      return fillFilesFromMessage(deps, client, context.botToken ?? '', { channel: event.channel, user: event.user, ts: event.ts, thread_ts: event.thread_ts, text: event.text, files, team: body.team_id, inDm: false, extShared: shared });
    }
    const ctx = { source: 'mention', team: body.team_id, channel: event.channel, user: event.user } as const;
    const { message, answer, lang } = await answerForSlack(deps, event.text ?? '', ctx);
    const where = await visibility(deps, event.channel, client, lang, event.user); // conversations.info, cached
    const thread_ts = event.thread_ts ?? event.ts;
    if (!where.visible && !event.user) return; // nobody to tell privately: posting visibly is not an option
    await deliver(deps, { ...ctx, question: answer.question }, () =>
      where.visible
        ? client.chat.postMessage({ channel: event.channel, thread_ts, ...webApiMessage(message) })
        : client.chat.postEphemeral({ channel: event.channel, user: event.user!, thread_ts, ...webApiMessage(message, [{ type: 'context', elements: [{ type: 'mrkdwn', text: where.notice }] }]) }),
    );
  });
}
