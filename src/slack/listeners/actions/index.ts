import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION } from '../../../render/blocks.js';
import type { SlackDeps } from '../../deps.js';
import type { ButtonArgs } from './button.js';
import * as copy from './copy.js';
import * as feedback from './feedback.js';
import * as homeLanguage from './home-language.js';
import * as reason from './reason.js';
import * as share from './share.js';
import * as showItem from './show-item.js';

/** Each button's handler, one per file, by the action ID before the `:` suffix. */
export const BUTTON_HANDLERS: Record<(typeof ACTION)[keyof typeof ACTION], (args: ButtonArgs, deps: SlackDeps) => Promise<void>> = {
  [ACTION.share]: share.handle,
  [ACTION.copy]: copy.handle,
  [ACTION.show]: showItem.handle,
  [ACTION.feedback]: feedback.handle,
  [ACTION.reason]: reason.handle,
  [ACTION.home]: homeLanguage.handle,
};

/** Every action ID the bot's buttons use: an ID of ACTION, optionally with a `:…` suffix. */
export const BUTTON_ACTION_ID = new RegExp(`^(?:${Object.values(ACTION).join('|')})(?::.*)?$`);

/**
 * The bot's buttons, as one bolt listener that routes by action ID. One registration, not one per button: bolt
 * runs every registered listener's matching middleware on every request, mentions included, and four more
 * registrations measured ~30 µs of the bot's ~185 µs per mention (in-process, bolt's processEvent).
 */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: BUTTON_ACTION_ID }, async (args) => {
    const handler = BUTTON_HANDLERS[args.action.action_id.split(':')[0] as keyof typeof BUTTON_HANDLERS];
    await handler(args, deps);
  });
}
