import type { App } from '@slack/bolt';
import { commandWord } from '../../../answer/commands.js';
import { languageOf } from '../../../answer/language.js';
import { normalizeText } from '../../../search/normalize.js';
import { renderList } from '../../../render/blocks.js';
import { versionText } from '../../../render/text.js';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack, deliver } from '../../reply.js';
import { MAINTAINERS_ONLY_TEXT, renderReview, REVIEW_PAGE } from '../actions/learn.js';

export const COMMAND = '/checklist';

/**
 * `/checklist <No. | words>`: the answer, ephemeral, with "Share in channel". `/checklist help` (or nothing) explains
 * usage; `/checklist list` shows every item by section; `/checklist version` shows which sheet is served.
 * Maintainers (MAINTAINER_USER_IDS) also have `/checklist report` (the last 30 days) and `/checklist learn` (review).
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
    const maintainerWord = normalizeText(text).trim();
    if (maintainerWord === 'report' || maintainerWord === 'learn') {
      await maintainerCommand(maintainerWord, deps, command.user_id, ack, respond);
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

/** The report covers this much of the past from Slack; `npm run report -- --since` chooses any period. */
const SLACK_REPORT_PERIOD_MS = 30 * 86_400_000;

/** `/checklist report` and `/checklist learn`, for maintainers only; acknowledged first, since both read the store. */
async function maintainerCommand(word: 'report' | 'learn', deps: SlackDeps, user: string, ack: (response?: object) => Promise<void>, respond: (message: object) => Promise<unknown>): Promise<void> {
  const tools = deps.maintainers;
  if (!tools?.isMaintainer(user)) {
    await ack({ response_type: 'ephemeral', text: MAINTAINERS_ONLY_TEXT });
    return;
  }
  await ack();
  let message: { text: string; blocks?: unknown[] };
  try {
    message = word === 'report' ? { text: `\`\`\`${(await tools.report(SLACK_REPORT_PERIOD_MS)).slice(0, 3_900)}\`\`\`` } : renderReview(await tools.pending(REVIEW_PAGE), deps.base.knowledge);
  } catch (error) {
    deps.logger.error({ event: 'maintainer_command_failed', word, err: error }, 'the store could not answer a maintainer command');
    message = { text: `The ${word === 'report' ? 'report' : 'review list'} is not available: the database did not answer. Try again later; answers are not affected.` };
  }
  await deliver(deps, { source: 'command', user }, () => respond({ response_type: 'ephemeral', ...message }));
}
