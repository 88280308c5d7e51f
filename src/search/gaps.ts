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
  /**
   * Every topic's terms in one pattern (Latin and Japanese terms on the folded text, acronyms in capitals on the text
   * as written): most questions mention no gap, and one scan of the text tells.
   */
  private readonly anyTopic: RegExp | undefined;
  private readonly anyCapitals: RegExp | undefined;

  constructor(topics: Gaps['topics']) {
    const latinTerms: string[] = [];
    const japaneseTerms: string[] = [];
    const capitalTerms: string[] = [];
    this.matchers = topics.map(({ topic, terms }) => {
      // An acronym ending in S (IDS, IPS) is also the plural of a shorter one (user IDs, IPs): it matches only as
      // written, in capitals.
      const capitals = terms.filter(isPluralLikeAcronym).map((term) => escape(term.normalize('NFKC')));
      const normalized = terms.filter((term) => !isPluralLikeAcronym(term)).map((term) => wordsOnly(term).trim());
      const latin = normalized.filter((term) => !isJapanese(term)).map(escape);
      const japanese = normalized.filter(isJapanese).map(foldKana);
      latinTerms.push(...latin);
      japaneseTerms.push(...japanese.map(escape));
      capitalTerms.push(...capitals);
      return {
        topic,
        ...(latin.length > 0 ? { latin: latinPattern(latin) } : {}),
        ...(capitals.length > 0 ? { capitals: capitalsPattern(capitals) } : {}),
        japanese,
      };
    });
    // Matched against the kana-folded text, which leaves Latin letters as they are.
    const any = [...(latinTerms.length > 0 ? [latinPattern(latinTerms).source] : []), ...japaneseTerms];
    this.anyTopic = any.length > 0 ? new RegExp(any.join('|'), 'u') : undefined;
    this.anyCapitals = capitalTerms.length > 0 ? capitalsPattern(capitalTerms) : undefined;
  }

  /** The topic of the first gap the question mentions, or undefined. */
  find(question: string): string | undefined {
    const text = ` ${wordsOnly(question)} `;
    const asWritten = question.normalize('NFKC');
    const kana = foldKana(text); // パスワード and ぱすわーど are the same word
    if (!this.anyTopic?.test(kana) && !this.anyCapitals?.test(asWritten)) return undefined;
    for (const { topic, latin, capitals, japanese } of this.matchers) {
      if (latin?.test(text) || capitals?.test(asWritten) || japanese.some((term) => kana.includes(term))) return topic;
    }
    return undefined;
  }
}

/** A Latin term's edges are anything but a Latin letter or digit: 「SSOに対応」 has no space after SSO. */
const latinPattern = (escapedTerms: string[]): RegExp => new RegExp(`(?<![a-z0-9])(?:${escapedTerms.join('|')})s?(?![a-z0-9])`, 'u');
const capitalsPattern = (escapedTerms: string[]): RegExp => new RegExp(`(?<![A-Za-z0-9])(?:${escapedTerms.join('|')})(?![A-Za-z0-9])`, 'u');

/** Text and terms alike: normalized, with punctuation other than / + . - as spaces (「シングル・サインオン」). */
const wordsOnly = (text: string): string => normalizeText(text).replace(/[^\p{L}\p{N}/+.-]+/gu, ' ');

const isPluralLikeAcronym = (term: string): boolean => /^[A-Z]{2,}S$/u.test(term);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
