import OpenAI from 'openai';
import { z } from 'zod';
import { ModelError, type ChoiceRequest, type ModelChooser, type ModelReply } from '../answer/model.js';
import { loadPrompt, PROMPT_FILES } from './prompts.js';

/** The reply the model must give. Extra fields are ignored; anything else that does not fit is refused. */
export const ReplySchema = z.object({
  items: z.array(z.number().int().positive()).max(8),
  phrasing: z.string().max(600).nullish(),
});

const JSON_SCHEMA = {
  name: 'checklist_choice',
  strict: true,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['items', 'phrasing'],
    properties: {
      items: { type: 'array', items: { type: 'integer' }, maxItems: 3 },
      phrasing: { type: 'string' },
    },
  },
} as const;

export interface OpenAiChooserOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Overrides the prompt (tests); default: prompts/choose-items.md, validated when the chooser is created. */
  systemPrompt?: string;
}

type ResponseFormat = 'json_schema' | 'json_object' | 'none';

/**
 * Chooses items with an OpenAI-compatible Chat Completions endpoint (OpenAI, Azure OpenAI gateways, Ollama, vLLM,
 * LM Studio). Structured output is asked for as a JSON schema, falling back to JSON mode and then to the prompt
 * alone when a server refuses the format; the reply is parsed defensively either way. A 429 is retried once when
 * Retry-After fits in the remaining time; other failures become a ModelError at once.
 */
export class OpenAiChooser implements ModelChooser {
  readonly model: string;
  private readonly client: OpenAI;
  private readonly systemPrompt: string;
  private format: ResponseFormat = 'json_schema';

  constructor(options: OpenAiChooserOptions) {
    this.model = options.model;
    this.systemPrompt = options.systemPrompt ?? loadPrompt(PROMPT_FILES.chooseItems);
    // No SDK retries: the caller's deadline covers the whole exchange, and 429 is handled below.
    this.client = new OpenAI({ apiKey: options.apiKey, ...(options.baseURL ? { baseURL: options.baseURL } : {}), maxRetries: 0 });
  }

  async choose(request: ChoiceRequest, { signal, deadlineAt }: { signal: AbortSignal; deadlineAt: number }): Promise<ModelReply> {
    let retriedRateLimit = false;
    for (;;) {
      try {
        return await this.once(request, signal);
      } catch (error) {
        if (signal.aborted) throw new ModelError('timeout', 'the model did not answer in time');
        if (error instanceof ModelError) throw error;
        if (error instanceof OpenAI.APIError && error.status === 400 && this.format !== 'none' && /response_format|json_schema|json_object/i.test(error.message)) {
          this.format = this.format === 'json_schema' ? 'json_object' : 'none';
          continue; // the server does not support this output format: ask again with a simpler one
        }
        if (error instanceof OpenAI.APIError && error.status === 429) {
          const wait = retryAfterMs(error.headers);
          if (!retriedRateLimit && wait !== undefined && !signal.aborted && Date.now() + wait < deadlineAt - 200) {
            retriedRateLimit = true;
            await sleep(wait, signal);
            continue;
          }
          throw new ModelError('rate_limited', `the model server is rate limiting (429${wait !== undefined ? `, retry after ${wait} ms` : ''})`);
        }
        if (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof OpenAI.APIUserAbortError) throw new ModelError('timeout', 'the model did not answer in time');
        if (error instanceof OpenAI.APIConnectionError) throw new ModelError('connection', `cannot reach the model server: ${error.message}`);
        if (error instanceof OpenAI.APIError) throw new ModelError(error.status !== undefined && error.status >= 500 ? 'server_error' : 'http_error', `the model server answered ${error.status}`);
        throw new ModelError('connection', String(error));
      }
    }
  }

  private async once(request: ChoiceRequest, signal: AbortSignal): Promise<ModelReply> {
    const completion = await this.client.chat.completions.create(
      {
        model: this.model,
        temperature: 0,
        max_tokens: 300,
        messages: [
          { role: 'system', content: this.systemPrompt },
          { role: 'user', content: JSON.stringify({ question: request.question, language: request.language, candidates: request.candidates }) },
        ],
        ...(this.format === 'json_schema' ? { response_format: { type: 'json_schema' as const, json_schema: JSON_SCHEMA } } : {}),
        ...(this.format === 'json_object' ? { response_format: { type: 'json_object' as const } } : {}),
      },
      { signal },
    );
    const content = completion.choices[0]?.message?.content ?? '';
    const parsed = ReplySchema.safeParse(extractJson(content));
    if (!parsed.success) {
      throw new ModelError(extractJson(content) === undefined ? 'malformed' : 'schema', `the model's reply is not the expected JSON: ${content.slice(0, 200)}`);
    }
    const usage = completion.usage
      ? { usage: { prompt: completion.usage.prompt_tokens, completion: completion.usage.completion_tokens, total: completion.usage.total_tokens } }
      : {};
    return { items: parsed.data.items, ...(parsed.data.phrasing ? { phrasing: parsed.data.phrasing } : {}), ...usage };
  }
}

/** The first JSON object in a model's text (bare, or inside ```json fences or prose), or undefined. */
export function extractJson(content: string): unknown {
  const trimmed = content.trim();
  for (const candidate of [trimmed, /```(?:json)?\s*([\s\S]*?)```/.exec(trimmed)?.[1], /\{[\s\S]*\}/.exec(trimmed)?.[0]]) {
    if (!candidate) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next shape
    }
  }
  return undefined;
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after-ms') ?? undefined;
  if (value && Number.isFinite(Number(value))) return Number(value);
  const seconds = headers?.get('retry-after');
  if (!seconds) return undefined;
  if (Number.isFinite(Number(seconds))) return Number(seconds) * 1000;
  const date = Date.parse(seconds);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
