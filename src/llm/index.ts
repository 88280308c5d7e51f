import type { ModelChooser } from '../answer/model.js';
import type { LlmConfig } from '../config/llm.js';
import { OpenAiChooser } from './openai-chooser.js';

/** The model chooser for a configuration, or undefined when the model layer is off (no OPENAI_API_KEY). */
export function createChooser(llm: LlmConfig): ModelChooser | undefined {
  if (!llm.enabled) return undefined;
  return new OpenAiChooser({ apiKey: llm.apiKey, model: llm.model, ...(llm.baseURL ? { baseURL: llm.baseURL } : {}) });
}
