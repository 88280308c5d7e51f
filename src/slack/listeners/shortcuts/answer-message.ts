import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { STRINGS } from '../../../render/strings.js';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack, deliver, webApiMessage } from '../../reply.js';

/** The message shortcut's callback ID, as declared in manifest.yml (`features.shortcuts`). */
export const CALLBACK_ID = 'answer_message';

export type AnswerMessageArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * The words of the message the shortcut was used on: its text, or, for a forwarded or unfurled message whose text is
 * empty, the text of its attachments (Slack puts a shared message there).
 */
export function messageText(message: MessageShortcut['message']): string {
  if (message.text?.trim()) return message.text;
  const attachments = (message.attachments as Array<{ text?: string; fallback?: string }> | undefined) ?? [];
  return attachments.map((attachment) => attachment.text ?? attachment.fallback ?? '').join('\n');
}

/**
 * "Answer from checklist" on any message (a customer's in a Slack Connect channel too): the answer goes only to the
 * person who used the shortcut. First through the shortcut's `response_url` as an ephemeral message, which works
 * whether or not the bot is in the channel; if Slack refuses that, as a DM from the bot. Never a visible post in the
 * channel: customers there must not see staff's tools.
 */
export async function handle({ ack, shortcut, respond, client, body }: AnswerMessageArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const channel = shortcut.channel.id;
  const user = shortcut.user.id;
  const team = shortcut.team?.id;
  if ((body as { is_ext_shared_channel?: boolean }).is_ext_shared_channel === true) deps.shared.mark(channel);
  const ctx = { source: 'shortcut', team, channel, user } as const;
  // "Share in channel" only where nobody outside the organisation can see it; the Share button checks again.
  const { message, answer, lang } = await answerForSlack(deps, messageText(shortcut.message), ctx, { shareable: !deps.shared.has(channel) });
  await deliver(deps, { ...ctx, question: answer.question }, async () => {
    try {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    } catch (error) {
      deps.logger.warn({ event: 'shortcut_dm', channel, user, err: error }, 'could not answer through response_url; sending the answer as a DM');
      // A user ID as the channel posts in the bot's DM with that person (the app's Messages tab).
      const why = { type: 'context', elements: [{ type: 'mrkdwn', text: STRINGS[lang].shortcutInDm(channel) }] };
      await client.chat.postMessage({ channel: user, ...webApiMessage(message, [why]) });
    }
  });
}

export function register(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: CALLBACK_ID }, (args) => handle(args, deps));
}
