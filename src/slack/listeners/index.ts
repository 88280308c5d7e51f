import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import * as copy from './actions/copy.js';
import * as feedback from './actions/feedback.js';
import * as share from './actions/share.js';
import * as showItem from './actions/show-item.js';
import * as checklistCommand from './commands/checklist.js';
import * as appMention from './events/app-mention.js';
import * as directMessage from './messages/direct-message.js';

/** Every listener of the bot, one per file. manifest.yml declares the same events, command and interactivity. */
export const LISTENERS = { appMention, directMessage, checklistCommand, share, copy, showItem, feedback } as const;

export function registerListeners(app: App, deps: SlackDeps): void {
  for (const listener of Object.values(LISTENERS)) listener.register(app, deps);
}
