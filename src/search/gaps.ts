import type { Gaps } from '../knowledge/types.js';
import { foldKana, isJapanese, normalizeText } from './normalize.js';

/**
 * Finds the known gaps (knowledge/gaps.yaml) a question mentions. Latin terms match as whole words or phrases,
 * with a plural s or not, also next to Japanese (so "CAS" does not match "cases", "DPIA" matches "DPIAs" and 「SSOに対応」 finds
 * SSO); Japanese terms match as substrings,
 * since Japanese has no spaces to mark word edges, in either kana. Terms are compiled once, when the knowledge is loaded.
 */
export class GapMatcher {
  private readonly matchers: Array<{ topic: string; latin?: RegExp; japanese: string[] }>;
  /** Every topic's terms in one pattern: most questions mention no gap, and one scan of the text tells. */
  private readonly anyTopic: RegExp | undefined;

  constructor(topics: Gaps['topics']) {
    const latinTerms: string[] = [];
    const japaneseTerms: string[] = [];
    this.matchers = topics.map(({ topic, terms }) => {
      const normalized = terms.map(normalizeText);
      const latin = normalized.filter((term) => !isJapanese(term)).map(escape);
      const japanese = normalized.filter(isJapanese).map(foldKana);
      latinTerms.push(...latin);
      japaneseTerms.push(...japanese.map(escape));
      return {
        topic,
        ...(latin.length > 0 ? { latin: latinPattern(latin) } : {}),
        japanese,
      };
    });
    // Matched against the kana-folded text, which leaves Latin letters as they are.
    const any = [...(latinTerms.length > 0 ? [latinPattern(latinTerms).source] : []), ...japaneseTerms];
    this.anyTopic = any.length > 0 ? new RegExp(any.join('|'), 'u') : undefined;
  }

  /** The topic of the first gap the question mentions, or undefined. */
  find(question: string): string | undefined {
    const text = ` ${normalizeText(question).replace(/[^\p{L}\p{N}/+.-]+/gu, ' ')} `;
    const kana = foldKana(text); // パスワード and ぱすわーど are the same word
    if (!this.anyTopic?.test(kana)) return undefined;
    for (const { topic, latin, japanese } of this.matchers) {
      if (latin?.test(text) || japanese.some((term) => kana.includes(term))) return topic;
    }
    return undefined;
  }
}

/** A Latin term's edges are anything but a Latin letter or digit: 「SSOに対応」 has no space after SSO. */
const latinPattern = (escapedTerms: string[]): RegExp => new RegExp(`(?<![a-z0-9])(?:${escapedTerms.join('|')})s?(?![a-z0-9])`, 'u');

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
