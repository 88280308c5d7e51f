import { answerWithModel } from '../answer/assisted.js';
import type { Knowledge } from '../knowledge/load.js';
import { toJson } from '../answer/json.js';
import { languageOf, type Language } from '../answer/language.js';
import { renderAnswerBlocks, type SlackMessage } from '../render/blocks.js';
import { citedItems, type Answer } from '../answer/decide.js';
import { stripSlackMarkup } from '../render/slack-text.js';
import type { SlackDeps } from './deps.js';

/** Where a question came from, for the log record. */
export interface AskContext {
  source: 'mention' | 'dm' | 'command' | 'share' | 'show' | 'copy' | 'feedback' | 'shortcut' | 'home';
  team?: string | undefined;
  channel?: string | undefined;
  user?: string | undefined;
}

export interface Reply {
  answer: Answer;
  message: SlackMessage;
  lang: Language;
}

/** A Slack user waits at most this long for the model before getting the search answer (Slack apps reply in ~3 s). */
export const DEFAULT_MODEL_PATIENCE_MS = 2500;

/**
 * Rendered messages of cached answers (KnowledgeBase keeps recent answers), so a popular question is rendered once
 * per language and shape rather than on every ask. Keyed weakly by the answer: it goes when the answer leaves the cache.
 */
const rendered = new WeakMap<Answer, Map<string, SlackMessage>>();

/** What the log record says about an answer; computed once per (cached) answer. */
const summaries = new WeakMap<Answer, Record<string, unknown>>();

function summaryOf(answer: Answer): Record<string, unknown> {
  let summary = summaries.get(answer);
  if (!summary) {
    const json = toJson(answer);
    summary = {
      status: json.status,
      kind: json.kind,
      ...(json.reason ? { reason: json.reason } : {}),
      cited: citedItems(answer.decision).map((item) => item.no),
      matches: json.matches.slice(0, 3),
      ...(json.model ? { model: json.model } : {}),
    };
    summaries.set(answer, summary);
  }
  return summary;
}

function render(answer: Answer, knowledge: Knowledge, lang: Language, shareable: boolean): SlackMessage {
  const key = `${lang}:${shareable}`;
  let byShape = rendered.get(answer);
  const hit = byShape?.get(key);
  if (hit) return hit;
  const message = renderAnswerBlocks(answer, knowledge, { lang, shareable });
  if (!byShape) rendered.set(answer, (byShape = new Map()));
  byShape.set(key, message);
  return message;
}

/**
 * A message's fields for a Web API call (chat.postMessage, chat.postEphemeral) with `blocks` already JSON-encoded.
 * The Web API takes form fields: WebClient JSON-encodes an array on every call, and deep-copies and encodes it once
 * more for a debug line it builds even when debug logging is off; a string it sends as it is. Cached per rendered
 * message, so a popular answer's blocks are encoded once. `extraFirst` blocks (a notice) are put before the rest.
 */
export function webApiMessage(message: SlackMessage, extraFirst: SlackMessage['blocks'] = []): { text: string; blocks: SlackMessage['blocks'] } {
  let encoded = extraFirst.length > 0 ? JSON.stringify([...extraFirst, ...message.blocks]) : encodedBlocks.get(message);
  if (encoded === undefined) encodedBlocks.set(message, (encoded = JSON.stringify(message.blocks)));
  return { text: message.text, blocks: encoded as unknown as SlackMessage['blocks'] }; // typed as blocks: WebClient's types don't list the string form
}

const encodedBlocks = new WeakMap<SlackMessage, string>();

/**
 * Answers one question for Slack and writes the one structured log record every answer gets: who asked where,
 * the question, the status, the cited items, latency, the sheet version and, with a model, what it did.
 * With the model layer on, the model gets `patienceMs`; if it is slower, the search answer is posted rather than
 * leaving the user waiting, and the model's late result is only logged.
 */
export async function answerForSlack(deps: SlackDeps, rawText: string, ctx: AskContext, options: { shareable?: boolean; lang?: Language } = {}): Promise<Reply> {
  const clock = deps.clock ?? (() => performance.now());
  const started = clock();
  const question = stripSlackMarkup(rawText);
  const { answer, knowledge } = deps.model ? await withPatience(deps, question, ctx) : deps.base.answer(question);
  const lang = options.lang ?? languageOf(question);
  const message = render(answer, knowledge, lang, options.shareable ?? false);
  deps.logger.info(
    {
      event: 'answer',
      source: ctx.source,
      team: ctx.team,
      channel: ctx.channel,
      user: ctx.user,
      question,
      ...summaryOf(answer),
      latencyMs: Math.round((clock() - started) * 1000) / 1000,
      sheetVersion: knowledge.version,
    },
    'answered a question',
  );
  if (answer.assist?.fallback && answer.assist.fallback !== 'slow') {
    deps.logger.warn({ event: 'model_fallback', fallback: answer.assist.fallback, model: answer.assist.model, latencyMs: answer.assist.latencyMs }, 'the model was not used; answered from search');
  }
  return { answer, message, lang };
}

async function withPatience(deps: SlackDeps, question: string, ctx: AskContext): Promise<{ answer: Answer; knowledge: Knowledge }> {
  const model = deps.model!;
  const assisted = answerWithModel(deps.base, question, model.chooser, { timeoutMs: model.timeoutMs });
  let timer: NodeJS.Timeout | undefined;
  const impatient = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), model.patienceMs)));
  const first = await Promise.race([assisted, impatient]);
  clearTimeout(timer);
  if (first) return first;
  void assisted.then(({ answer }) =>
    deps.logger.info({ event: 'model_late', channel: ctx.channel, user: ctx.user, model: answer.assist?.model, latencyMs: answer.assist?.latencyMs, used: answer.assist?.used, fallback: answer.assist?.fallback }, 'the model answered after the search answer was posted'),
  );
  const searchOnly = deps.base.answer(question);
  return { ...searchOnly, answer: { ...searchOnly.answer, assist: { model: model.chooser.model, used: false, fallback: 'slow', latencyMs: model.patienceMs } } };
}

/**
 * Delivers a reply; a failure (Slack down, 500, refused connection, retries exhausted) is logged with who asked
 * what, where, and the process goes on to the next question. Rate limits (429) are waited out by the Web API client
 * before this gives up (see WEB_API_RETRY).
 */
export async function deliver(deps: SlackDeps, ctx: AskContext & { question?: string }, send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    const e = error as { code?: string; data?: { error?: string }; message?: string };
    deps.logger.error(
      { event: 'reply_failed', source: ctx.source, team: ctx.team, channel: ctx.channel, user: ctx.user, question: ctx.question, code: e.code, slackError: e.data?.error, err: error },
      'could not deliver a reply to Slack',
    );
    return false;
  }
}
