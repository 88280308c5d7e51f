import type { SlackDeps } from '../../deps.js';
import { publishHome } from '../events/app-home-opened.js';
import { buttonValue, type ButtonArgs } from './button.js';

/** The Home tab's language switch: publishes the Home view again in the other language. */
export async function handle({ ack, action, body, client }: ButtonArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const value = buttonValue(action);
  if (!value) {
    deps.logger.warn({ event: 'bad_button', action: action.action_id, user: body.user.id }, 'refused a Home language button with a malformed value');
    return;
  }
  await publishHome(client, deps, body.user.id, value.lang);
}
