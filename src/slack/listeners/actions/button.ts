import type { AllMiddlewareArgs, BlockAction, ButtonAction, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { ButtonValue, SlackMessage } from '../../../render/blocks.js';

/** What bolt hands a button click listener. */
export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const ButtonValueSchema = z.object({
  items: z.array(z.number().int()).max(50).optional(),
  q: z.string().max(2000).optional(),
  lang: z.enum(['en', 'ja']),
  vote: z.enum(['up', 'down']).optional(),
});

/** The value of a clicked button, validated: a forged or garbled value is refused (undefined), never trusted. */
export function buttonValue(action: ButtonAction): ButtonValue | undefined {
  try {
    const parsed = ButtonValueSchema.safeParse(JSON.parse(action.value ?? ''));
    return parsed.success ? (parsed.data as ButtonValue) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Shows a message to the clicking user only. Under an ephemeral message (slash command replies) that goes through
 * `respond`; under a normal message it is a `chat.postEphemeral` in the same thread, which `respond` cannot target.
 */
export async function replyPrivately(body: BlockAction, client: AllMiddlewareArgs['client'], respond: RespondFn, message: SlackMessage): Promise<void> {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const isEphemeral = body.container?.is_ephemeral === true || !body.message;
  if (isEphemeral || !channel) {
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    return;
  }
  const threadTs = (body.message?.thread_ts as string | undefined) ?? undefined;
  await client.chat.postEphemeral({ channel, user: body.user.id, ...(threadTs ? { thread_ts: threadTs } : {}), ...message });
}
