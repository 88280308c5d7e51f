import type { App } from '@slack/bolt';
import { commandWord } from '../../../answer/commands.js';
import { languageOf } from '../../../answer/language.js';
import { renderList } from '../../../render/blocks.js';
import { versionText } from '../../../render/text.js';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack, deliver } from '../../reply.js';

export const COMMAND = '/checklist';

/**
 * `/checklist <No. | words>`: the answer, ephemeral, with "Share in channel". `/checklist help` (or nothing) explains
 * usage; `/checklist list` shows every item by section; `/checklist version` shows which sheet is served.
 * Search alone answers in well under a millisecond, so the reply is the acknowledgement itself (which also works in
 * DMs and private channels the bot is not in). With the model layer on, the command is acknowledged at once and
 * the answer follows through `respond`, so Slack's 3-second limit holds however slow the model is.
 */
export function register(app: App, deps: SlackDeps): void {
  app.command(COMMAND, async ({ command, ack, respond }) => {
    const text = command.text ?? '';
    const word = commandWord(text);
    const lang = languageOf(text);
    if (word === 'list') {
      const [first, ...rest] = renderList(deps.base.knowledge, lang);
      await ack({ response_type: 'ephemeral', ...first! });
      for (const message of rest) await respond({ response_type: 'ephemeral', ...message });
      return;
    }
    if (word === 'version') {
      await ack({ response_type: 'ephemeral', text: versionText(deps.base.knowledge, lang) });
      return;
    }
    const context = { source: 'command', team: command.team_id, channel: command.channel_id, user: command.user_id } as const;
    // No "Share in channel" where customers of another organisation would see it.
    if ((command as { is_ext_shared_channel?: string }).is_ext_shared_channel === 'true') deps.shared.mark(command.channel_id);
    const shareable = !deps.shared.has(command.channel_id);
    if (deps.model) {
      await ack();
      const { message, answer } = await answerForSlack(deps, text, context, { shareable });
      await deliver(deps, { ...context, question: answer.question }, () => respond({ response_type: 'ephemeral', ...message }));
      return;
    }
    const { message } = await answerForSlack(deps, text, context, { shareable });
    await ack({ response_type: 'ephemeral', ...message });
  });
}
