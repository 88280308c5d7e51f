import type { Answer } from '../answer/decide.js';
import { toJson } from '../answer/json.js';
import { languageOf, type Language } from '../answer/language.js';
import { citedItems, renderAnswerBlocks, type SlackMessage } from '../answer/render-blocks.js';
import { stripSlackMarkup } from '../answer/slack-text.js';
import type { SlackDeps } from './deps.js';

/** Where a question came from, for the log record. */
export interface AskContext {
  source: 'mention' | 'dm' | 'command' | 'share' | 'show';
  team?: string | undefined;
  channel?: string | undefined;
  user?: string | undefined;
}

export interface Reply {
  answer: Answer;
  message: SlackMessage;
  lang: Language;
}

/**
 * Answers one question for Slack and writes the one structured log record every answer gets: who asked where,
 * the question, the status, the cited items, latency and the sheet version.
 */
export function answerForSlack(deps: SlackDeps, rawText: string, ctx: AskContext, options: { shareable?: boolean; lang?: Language } = {}): Reply {
  const clock = deps.clock ?? (() => performance.now());
  const started = clock();
  const question = stripSlackMarkup(rawText);
  const { answer, knowledge } = deps.base.answer(question);
  const lang = options.lang ?? languageOf(question);
  const message = renderAnswerBlocks(answer, knowledge, { lang, shareable: options.shareable ?? false });
  const json = toJson(answer);
  deps.logger.info(
    {
      event: 'answer',
      source: ctx.source,
      team: ctx.team,
      channel: ctx.channel,
      user: ctx.user,
      question,
      status: json.status,
      kind: json.kind,
      reason: json.reason,
      cited: citedItems(answer.decision).map((item) => item.no),
      matches: json.matches.slice(0, 3),
      latencyMs: Math.round((clock() - started) * 1000) / 1000,
      sheetVersion: knowledge.version,
    },
    'answered a question',
  );
  return { answer, message, lang };
}
