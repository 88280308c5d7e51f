import type { KnowledgeItem } from '../knowledge/load.js';
import type { Hit } from '../search/index.js';
import { citedItems, type Answer, type QuestionPart } from './decide.js';
import { languageOf, type Language } from './language.js';

/** The machine-readable form of an answer: one object per question (`npm run ask -- --json`, the evaluation). */
export interface AnswerJson {
  question: string;
  /**
   * `answered` when the reply answers with at least one item (a multi-part question with one part covered too);
   * `close` when two or more items fit about equally and the reply asks the person to pick (`matches` lists them);
   * `no_match` for not covered; `help` for usage help.
   */
  status: 'answered' | 'close' | 'no_match' | 'help';
  kind: Answer['decision']['kind'];
  /** The items the reply answers with, best first: several for a multi-part question; `[]` for a picker, not covered and help. */
  cited: number[];
  /** Each cited item's name and answer: the Japanese exactly as the sheet has it, the English with its review status. */
  items: CitedItemJson[];
  /** Named things the question asks about that the cited item's answer does not state ("ISO 27001"). */
  unlisted?: string[];
  /** A multi-part question: each part with its own status and cited items. */
  parts?: Array<{ question: string; status: 'answered' | 'close' | 'no_match'; cited: number[]; unlisted?: string[] }>;
  language: Language;
  /** Best first: the cited item(s) first; for `no_match`, the suggestions. `score` is present for search results. */
  matches: Array<{ no: number; score?: number }>;
  /** For `answered`: the runner-up is close, so a person should pick (Slack shows a picker). */
  close?: boolean;
  seeAlso?: number[];
  reason?: string;
  detail?: string;
  sheetVersion?: string;
  /** Present when a model was asked: whether its choice was used, its guarded phrasing, or why it fell back. */
  model?: { name: string; used: boolean; phrasing?: string; phrasingDiscarded?: string[]; fallback?: string; latencyMs: number; usage?: { prompt: number; completion: number; total: number } };
}

export interface CitedItemJson {
  no: number;
  name: string;
  answer: string;
  notDisclosed?: true;
  /**
   * The reviewed translation's status (`stale`: a field of the sheet changed since review; `missing`), with the name
   * and answer whose review still holds: after a changed answer cell, the reviewed name stays and the answer goes.
   */
  en: { status: 'reviewed' | 'stale' | 'missing'; name?: string; answer?: string };
}

export const citedItemJson = (item: KnowledgeItem): CitedItemJson => ({
  no: item.no,
  name: item.name,
  answer: item.answer,
  ...(item.notDisclosed ? { notDisclosed: true as const } : {}),
  en: {
    status: item.translationStatus,
    ...(item.english.name !== undefined ? { name: item.english.name } : {}),
    ...(item.english.answer !== undefined ? { answer: item.english.answer } : {}),
  },
});

const round = (score: number): number => Math.round(score * 100) / 100;
const scored = (hits: Hit[]): AnswerJson['matches'] => hits.map((hit) => ({ no: hit.item.no, score: round(hit.score) }));

function partJson({ question, decision }: QuestionPart): NonNullable<AnswerJson['parts']>[number] {
  if (decision.kind === 'no_match') return { question, status: 'no_match', cited: [] };
  if (decision.close) return { question, status: 'close', cited: [] };
  return { question, status: 'answered', cited: [decision.item.no], ...(decision.unlisted.length > 0 ? { unlisted: decision.unlisted } : {}) };
}

function mergeMatches(parts: QuestionPart[]): AnswerJson['matches'] {
  const firsts = parts.flatMap((part) => scored(part.decision.hits.slice(0, 1)));
  const rest = parts.flatMap((part) => scored(part.decision.hits.slice(1)));
  const seen = new Set<number>();
  return [...firsts, ...rest].filter((match) => !seen.has(match.no) && seen.add(match.no));
}

export function toJson(answer: Answer, sheetVersion?: string): AnswerJson {
  const { decision, assist } = answer;
  const model = assist
    ? {
        model: {
          name: assist.model,
          used: assist.used,
          ...(assist.phrasing ? { phrasing: assist.phrasing } : {}),
          ...(assist.phrasingDiscarded ? { phrasingDiscarded: assist.phrasingDiscarded } : {}),
          ...(assist.fallback ? { fallback: assist.fallback } : {}),
          latencyMs: assist.latencyMs,
          ...(assist.usage ? { usage: assist.usage } : {}),
        },
      }
    : {};
  const citedList = citedItems(decision);
  const cited = citedList.map((item) => item.no);
  const base = { question: answer.question, kind: decision.kind, cited, items: citedList.map(citedItemJson), language: languageOf(answer.question), ...(sheetVersion ? { sheetVersion } : {}), ...model };
  switch (decision.kind) {
    case 'help':
      return { ...base, status: 'help', matches: [] };
    case 'lookup':
    case 'section':
      return { ...base, status: 'answered', matches: decision.items.map((item) => ({ no: item.no })) };
    case 'answered':
      return {
        ...base,
        status: decision.close ? 'close' : 'answered',
        matches: scored(decision.hits),
        close: decision.close,
        seeAlso: decision.seeAlso.map((item) => item.no),
        ...(decision.unlisted.length > 0 ? { unlisted: decision.unlisted } : {}),
      };
    case 'multi':
      return {
        ...base,
        status: cited.length > 0 ? 'answered' : 'no_match',
        // Each part's best hit first, then the rest of the parts' hits: `matches` stays "best first".
        matches: mergeMatches(decision.parts),
        parts: decision.parts.map(partJson),
      };
    case 'no_match':
      return {
        ...base,
        status: 'no_match',
        matches: scored(decision.hits),
        reason: decision.reason,
        ...(decision.detail ? { detail: decision.detail } : {}),
      };
  }
}
