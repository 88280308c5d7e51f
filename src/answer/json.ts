import type { Hit } from '../search/index.js';
import type { Answer } from './decide.js';
import { languageOf, type Language } from './language.js';

/** The machine-readable form of an answer: one object per question (`npm run ask -- --json`, the evaluation). */
export interface AnswerJson {
  question: string;
  status: 'answered' | 'no_match' | 'help';
  kind: Answer['decision']['kind'];
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

const round = (score: number): number => Math.round(score * 100) / 100;
const scored = (hits: Hit[]): AnswerJson['matches'] => hits.map((hit) => ({ no: hit.item.no, score: round(hit.score) }));

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
  const base = { question: answer.question, kind: decision.kind, language: languageOf(answer.question), ...(sheetVersion ? { sheetVersion } : {}), ...model };
  switch (decision.kind) {
    case 'help':
      return { ...base, status: 'help', matches: [] };
    case 'lookup':
    case 'section':
      return { ...base, status: 'answered', matches: decision.items.map((item) => ({ no: item.no })) };
    case 'answered':
      return {
        ...base,
        status: 'answered',
        matches: scored(decision.hits),
        close: decision.close,
        seeAlso: decision.seeAlso.map((item) => item.no),
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
