import type { Knowledge, KnowledgeItem } from '../knowledge/load.js';
import type { Hit } from '../search/index.js';
import type { Answer, AssistOutcome, Decision } from './decide.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { languageOf } from './language.js';
import { ModelError, toCandidate, type ModelChooser, type ModelReply } from './model.js';
import { checkPhrasing } from './phrasing-guard.js';

export interface AssistOptions {
  /** The model's whole budget, retries included (LLM_TIMEOUT_MS). */
  timeoutMs: number;
  /** How many search candidates the model chooses from on a large sheet. Default 8. */
  candidates?: number;
  /**
   * On a sheet of at most this many items the model sees every item (search's ranking first), so a word search
   * does not know cannot hide the right item from it. Default 100.
   */
  allItemsUpTo?: number;
  clock?: () => number;
}

/**
 * Answers with the optional model layer. Without a chooser this is exactly the search answer. With one, questions
 * that went to search (not item numbers, sections, help, known gaps) are shown to the model with the top search
 * candidates; its choice replaces the search ranking only if it passes every check, and its phrasing is kept only
 * if the guard finds no claim outside the cited items. Any failure (timeout, refused connection, 429, 5xx, a reply
 * that is not JSON or not the schema, an item outside the candidates) gives the search answer, with the reason in
 * `assist.fallback`. The shown values are rendered from the sheet by the core, whatever the model says.
 */
export async function answerWithModel(
  base: KnowledgeBase,
  question: string,
  chooser: ModelChooser | undefined,
  options: AssistOptions,
): Promise<{ answer: Answer; knowledge: Knowledge }> {
  const { answer, knowledge } = base.answer(question);
  if (!chooser || !isEligible(answer.decision)) return { answer, knowledge };

  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const ranked = (answer.decision as { hits: Hit[] }).hits;
  const hits =
    knowledge.items.length <= (options.allItemsUpTo ?? DEFAULT_ALL_ITEMS_UP_TO)
      ? [...ranked, ...knowledge.items.filter((item) => !ranked.some((hit) => hit.item === item)).map((item): Hit => ({ item, score: 0, matchedTerms: [] }))]
      : ranked.slice(0, options.candidates ?? 8);
  const request = { question: answer.question, language: languageOf(answer.question), candidates: hits.map((hit) => toCandidate(hit.item)) };
  const outcome = (extra: Partial<AssistOutcome>): AssistOutcome => ({ model: chooser.model, used: false, latencyMs: Math.round(clock() - started), ...extra });

  let reply: ModelReply;
  try {
    reply = await withDeadline((signal, deadlineAt) => chooser.choose(request, { signal, deadlineAt }), options.timeoutMs);
  } catch (error) {
    const fallback = error instanceof ModelError ? error.failure : 'connection';
    return { answer: { ...answer, assist: outcome({ fallback }) }, knowledge };
  }
  const usage = reply.usage ? { usage: reply.usage } : {};
  const allowed = new Set(hits.map((hit) => hit.item.no));
  const chosen = [...new Set(reply.items)];
  if (chosen.some((no) => !allowed.has(no))) {
    return { answer: { ...answer, assist: outcome({ fallback: 'outside_candidates', ...usage }) }, knowledge };
  }

  const decision = decisionFrom(chosen, hits, (item) => base.unlisted(item, question));
  const cited = decision.kind === 'answered' ? [decision.item, ...decision.seeAlso] : [];
  let phrasing: Partial<AssistOutcome> = {};
  if (reply.phrasing?.trim() && cited.length > 0) {
    const guard = checkPhrasing(reply.phrasing, cited);
    phrasing = guard.ok ? { phrasing: reply.phrasing.trim() } : { phrasingDiscarded: guard.claims };
  }
  return { answer: { ...answer, decision, assist: outcome({ used: true, ...phrasing, ...usage }) }, knowledge };
}

const DEFAULT_ALL_ITEMS_UP_TO = 100;

/** Questions the model may help with: those that went to full-text search and were not refused as a known gap. */
function isEligible(decision: Decision): boolean {
  if (decision.kind === 'answered') return true;
  return decision.kind === 'no_match' && (decision.reason === 'low_coverage' || decision.reason === 'no_results') && decision.hits.length > 0;
}

function decisionFrom(chosen: number[], hits: Hit[], unlisted: (item: KnowledgeItem) => string[]): Decision {
  const byNo = new Map(hits.map((hit) => [hit.item.no, hit]));
  const ordered = [...chosen.map((no) => byNo.get(no)!), ...hits.filter((hit) => !chosen.includes(hit.item.no))];
  if (chosen.length === 0) {
    return { kind: 'no_match', reason: 'model_declined', suggestions: hits.slice(0, 3).map((hit) => hit.item), hits };
  }
  const [first, ...rest] = chosen.map((no) => byNo.get(no)!);
  const seeAlso: KnowledgeItem[] = rest.slice(0, 2).map((hit) => hit.item);
  return { kind: 'answered', item: first!.item, score: first!.score, seeAlso, close: false, hits: ordered, unlisted: unlisted(first!.item) };
}

/** Runs `task` with an AbortSignal that fires after `ms`; rejects with a timeout ModelError then, whatever the task does. */
export async function withDeadline<T>(task: (signal: AbortSignal, deadlineAt: number) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  const deadlineAt = Date.now() + ms;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ModelError('timeout', `no model reply within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([task(controller.signal, deadlineAt), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
