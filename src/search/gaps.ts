import type { Gaps } from '../knowledge/types.js';
import { isJapanese, normalizeText } from './normalize.js';

/**
 * Returns the topic of the first known gap (knowledge/gaps.yaml) the question mentions, or undefined.
 * Latin terms match as whole words or phrases, plural or not (so "CAS" does not match "cases", and "DPIA" matches "DPIAs"); Japanese terms match as substrings,
 * since Japanese has no spaces to mark word edges.
 */
export function findGap(question: string, gaps: Gaps['topics']): string | undefined {
  const text = ` ${normalizeText(question).replace(/[^\p{L}\p{N}/+.-]+/gu, ' ')} `;
  for (const { topic, terms } of gaps) {
    for (const term of terms) {
      const wanted = normalizeText(term);
      if (isJapanese(wanted) ? text.includes(wanted) : new RegExp(`[\\s/]${escape(wanted)}(?:s|es)?[\\s/.]`, 'u').test(text)) return topic;
    }
  }
  return undefined;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
