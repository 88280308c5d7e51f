import { z } from 'zod';

/** The default model: small, current, and served by OpenAI's Chat Completions with structured outputs. */
export const DEFAULT_MODEL = 'gpt-4.1-mini';
export const DEFAULT_LLM_TIMEOUT_MS = 8000;

const LlmEnvSchema = z.object({
  OPENAI_API_KEY: z.string().trim().min(1),
  OPENAI_BASE_URL: z.url('must be a URL such as http://localhost:11434/v1 (Ollama) or https://api.openai.com/v1').optional(),
  OPENAI_MODEL: z.string().trim().min(1).default(DEFAULT_MODEL),
  LLM_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds, e.g. 8000' })
    .int('must be a whole number of milliseconds')
    .min(100, 'must be at least 100 ms')
    .max(120_000, 'must be at most 120000 ms')
    .default(DEFAULT_LLM_TIMEOUT_MS),
});

export type LlmConfig = { enabled: false } | { enabled: true; apiKey: string; baseURL?: string; model: string; timeoutMs: number };
export type LlmConfigResult = { ok: true; llm: LlmConfig } | { ok: false; error: string };

/** The model layer is off unless OPENAI_API_KEY is set; a malformed related variable is one line naming it. */
export function loadLlmConfig(env: NodeJS.ProcessEnv): LlmConfigResult {
  const present = Object.fromEntries(
    ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL', 'LLM_TIMEOUT_MS'].filter((key) => env[key]?.trim()).map((key) => [key, env[key]!]),
  );
  if (!present.OPENAI_API_KEY) return { ok: true, llm: { enabled: false } };
  const result = LlmEnvSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, error: `${String(issue.path[0])} ${issue.message}` };
  }
  const { OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL, LLM_TIMEOUT_MS } = result.data;
  return { ok: true, llm: { enabled: true, apiKey: OPENAI_API_KEY, ...(OPENAI_BASE_URL ? { baseURL: OPENAI_BASE_URL } : {}), model: OPENAI_MODEL, timeoutMs: LLM_TIMEOUT_MS } };
}
