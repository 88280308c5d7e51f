import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../config/paths.js';

const PROMPTS_DIR = resolve(PROJECT_ROOT, 'prompts');
export const PROMPT_FILES = { chooseItems: 'choose-items.md' } as const;

/** Thrown at start-up when a prompt file is missing or unusable, so a broken deployment fails before answering. */
export class PromptError extends Error {
  override name = 'PromptError';
}

/**
 * Loads and checks a system prompt: it must exist, be non-empty, stay under 8,000 characters (it is sent with every
 * question), and still ask for the reply fields the code reads.
 */
export function loadPrompt(name: string, dir = PROMPTS_DIR): string {
  const path = join(dir, name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new PromptError(`cannot read prompt ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (!text) throw new PromptError(`prompt ${path} is empty`);
  if (text.length > 8000) throw new PromptError(`prompt ${path} has ${text.length} characters; keep it under 8000`);
  for (const field of ['"items"', '"phrasing"']) {
    if (!text.includes(field)) throw new PromptError(`prompt ${path} no longer asks for the ${field} field the bot reads`);
  }
  return text;
}
