import type { KnowledgeItem } from '../knowledge/load.js';
import type { Language } from './language.js';

/**
 * The contract between the answer core and an optional language model. The core never imports a model SDK: an
 * adapter (src/llm) implements `ModelChooser`. The model may only choose items from the candidates and phrase a
 * short introduction; the values shown always come from the sheet or the reviewed translation.
 */

/** What the model sees of one candidate item. */
export interface Candidate {
  no: number;
  name: string;
  nameEn?: string;
  definition: string;
  definitionEn?: string;
  answer: string;
  answerEn?: string;
}

export interface ChoiceRequest {
  question: string;
  language: Language;
  candidates: Candidate[];
}

export interface TokenUsage {
  prompt: number;
  completion: number;
  total: number;
}

export interface ModelReply {
  /** Item numbers that answer the question, best first; empty when none does. */
  items: number[];
  /** One or two sentences in the asker's language introducing the items. Optional. */
  phrasing?: string;
  usage?: TokenUsage;
}

/** Why a model's output was not used. Each one falls back to the search-only answer. */
export type ModelFailure = 'timeout' | 'rate_limited' | 'server_error' | 'connection' | 'http_error' | 'malformed' | 'schema' | 'outside_candidates';

export class ModelError extends Error {
  constructor(
    readonly failure: ModelFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

export interface ModelChooser {
  /** The model's name, for logs and labels. */
  readonly model: string;
  /**
   * Resolves with the model's reply, or rejects with a ModelError. Must stop when `signal` aborts; `deadlineAt`
   * (Date.now() time) says how long a retry may wait.
   */
  choose(request: ChoiceRequest, budget: { signal: AbortSignal; deadlineAt: number }): Promise<ModelReply>;
}

export const toCandidate = (item: KnowledgeItem): Candidate => ({
  no: item.no,
  name: item.name,
  definition: item.definition,
  answer: item.answer,
  ...(item.english.name !== undefined ? { nameEn: item.english.name } : {}),
  ...(item.english.definition !== undefined ? { definitionEn: item.english.definition } : {}),
  ...(item.english.answer !== undefined ? { answerEn: item.english.answer } : {}),
});
