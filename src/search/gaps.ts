import type { Gaps } from '../knowledge/types.js';
import { foldKana, isJapanese, normalizeText } from './normalize.js';

/**
 * Finds the known gaps (knowledge/gaps.yaml) a question mentions. Latin terms match as whole words or phrases, with a
 * plural s or not, also next to Japanese: "CAS" does not match "cases", "DPIA" matches "DPIAs", 「SSOに対応」 finds SSO.
 * Acronyms ending in S (IDS) match only in capitals: "user IDs" is not IDS. Japanese terms match as substrings, since
 * Japanese has no spaces to mark word edges, in either kana. Terms are compiled once, when the knowledge is loaded.
 */
export class GapMatcher {
  private readonly matchers: Array<{ topic: string; latin?: RegExp; capitals?: RegExp; japanese: string[] }>;

  constructor(topics: Gaps['topics']) {
    this.matchers = topics.map(({ topic, terms }) => {
      // An acronym ending in S (IDS, IPS) is also the plural of a shorter one (user IDs, IPs): it matches only as
      // written, in capitals.
      const capitals = terms.filter(isPluralLikeAcronym).map((term) => escape(term.normalize('NFKC')));
      const normalized = terms.filter((term) => !isPluralLikeAcronym(term)).map(normalizeText);
      const latin = normalized.filter((term) => !isJapanese(term)).map(escape);
      return {
        topic,
        // A Latin term's edges are anything but a Latin letter or digit: 「SSOに対応」 has no space after SSO.
        ...(latin.length > 0 ? { latin: new RegExp(`(?<![a-z0-9])(?:${latin.join('|')})s?(?![a-z0-9])`, 'u') } : {}),
        ...(capitals.length > 0 ? { capitals: new RegExp(`(?<![A-Za-z0-9])(?:${capitals.join('|')})(?![A-Za-z0-9])`, 'u') } : {}),
        japanese: normalized.filter(isJapanese).map(foldKana),
      };
    });
  }

  /** The topic of the first gap the question mentions, or undefined. */
  find(question: string): string | undefined {
    const text = ` ${normalizeText(question).replace(/[^\p{L}\p{N}/+.-]+/gu, ' ')} `;
    const asWritten = question.normalize('NFKC');
    const kana = foldKana(text); // パスワード and ぱすわーど are the same word
    for (const { topic, latin, capitals, japanese } of this.matchers) {
      if (latin?.test(text) || capitals?.test(asWritten) || japanese.some((term) => kana.includes(term))) return topic;
    }
    return undefined;
  }
}

const isPluralLikeAcronym = (term: string): boolean => /^[A-Z]{2,}S$/u.test(term);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
