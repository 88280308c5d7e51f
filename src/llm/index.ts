import type { ModelChooser } from '../answer/model.js';
import type { LlmConfig } from '../config/llm.js';

/**
 * The model chooser for a configuration, or undefined when the model layer is off (no OPENAI_API_KEY). The OpenAI
 * SDK is loaded only when a model is configured, so the default, offline bot neither loads nor pays for it.
 */
export async function createChooser(llm: LlmConfig): Promise<ModelChooser | undefined> {
  if (!llm.enabled) return undefined;
  const { OpenAiChooser } = await import('./openai-chooser.js');
  return new OpenAiChooser({ apiKey: llm.apiKey, model: llm.model, ...(llm.baseURL ? { baseURL: llm.baseURL } : {}) });
}
