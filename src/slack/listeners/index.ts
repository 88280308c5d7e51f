import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import * as buttons from './actions/index.js';
import * as checklistCommand from './commands/checklist.js';
import * as appHomeOpened from './events/app-home-opened.js';
import * as appMention from './events/app-mention.js';
import * as directMessage from './messages/direct-message.js';
import * as fileShare from './messages/file-share.js';
import * as pastedList from './messages/pasted-list.js';
import * as answerMessageShortcut from './shortcuts/answer-message.js';
import * as feedbackComment from './views/feedback-comment.js';

/**
 * Every listener of the bot, one per file (the buttons share one registration that routes to a handler per file; see
 * actions/index.ts). manifest.yml declares the same events, command, shortcut, Home tab and interactivity.
 */
export const LISTENERS = { appMention, directMessage, pastedList, fileShare, appHomeOpened, checklistCommand, answerMessageShortcut, buttons, feedbackComment } as const;

export function registerListeners(app: App, deps: SlackDeps): void {
  for (const listener of Object.values(LISTENERS)) listener.register(app, deps);
}
