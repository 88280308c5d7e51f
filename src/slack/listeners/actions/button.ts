import type { AllMiddlewareArgs, BlockAction, ButtonAction, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { FEEDBACK_REASONS, type ButtonValue, type SlackMessage } from '../../../render/blocks.js';
import { webApiMessage } from '../../reply.js';

/** What bolt hands a button click listener. */
export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const ItemNumbers = z.array(z.number().int()).max(50);

const ButtonValueSchema = z.object({
  items: ItemNumbers.optional(),
  q: z.string().max(2000).optional(),
  lang: z.enum(['en', 'ja']),
  vote: z.enum(['up', 'down']).optional(),
  k: z.enum(['help', 'lookup', 'section', 'answered', 'no_match', 'multi', 'picker']).optional(),
  v: z.string().max(64).optional(),
  reason: z.enum(FEEDBACK_REASONS).optional(),
  copy: z
    .object({
      lang: z.enum(['en', 'ja', 'both']),
      ref: z.boolean(),
      parts: z.array(z.object({ items: ItemNumbers, unlisted: z.array(z.string().max(200)).max(10).optional(), q: z.string().max(500).optional() })).max(20),
    })
    .optional(),
});

/** The value of a clicked button, validated: a forged or garbled value is refused (undefined), never trusted. */
export function buttonValue(action: ButtonAction): ButtonValue | undefined {
  return parseValue(action.value ?? '');
}

/** A button value (or a modal's private_metadata, which carries one), validated. */
export function parseValue(text: string): ButtonValue | undefined {
  try {
    const parsed = ButtonValueSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as ButtonValue) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Shows a message to the clicking user only. Under an ephemeral message (slash command replies, shortcut answers)
 * that goes through `respond`; under a normal message it is a `chat.postEphemeral` in the same thread, which `respond`
 * cannot target; from the App Home (no channel, no response_url) it is a DM from the bot. `replace` swaps the
 * ephemeral message clicked in for this one (the copy's format buttons).
 */
export async function replyPrivately(body: BlockAction, client: AllMiddlewareArgs['client'], respond: RespondFn | undefined, message: SlackMessage, replace = false): Promise<void> {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const isEphemeral = body.container?.is_ephemeral === true || !body.message;
  if (!channel && !body.response_url) {
    await client.chat.postMessage({ channel: body.user.id, ...webApiMessage(message) });
    return;
  }
  if ((isEphemeral || !channel) && respond) {
    await respond({ response_type: 'ephemeral', replace_original: replace, ...message });
    return;
  }
  const threadTs = (body.message?.thread_ts as string | undefined) ?? undefined;
  await client.chat.postEphemeral({ channel: channel!, user: body.user.id, ...(threadTs ? { thread_ts: threadTs } : {}), ...webApiMessage(message) });
}
