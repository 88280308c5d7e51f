/**
 * Spelling correction against the index's own vocabulary. Stemming happens before minisearch's fuzzy matching sees a
 * word, and a misspelt word stems differently (penetraton → penetraton, but penetration → penetr), so typos are
 * corrected on the unstemmed word first: an unknown Latin word is replaced by the closest vocabulary word within
 * one edit (4–6 letters) or two edits (7+ letters), where swapping two neighbouring letters counts as one edit.
 */
export class SpellingCorrector {
  /**
   * Vocabulary by first letter and length. People rarely get the first letter wrong, so only words starting with
   * the typed word's first letter (or its second, for a swap of the first two) are compared: a twentieth of the work.
   */
  private readonly buckets = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of new Set(words)) {
      if (!/^[a-z]{4,}$/.test(word)) continue;
      const key = `${word[0]}${word.length}`;
      const list = this.buckets.get(key) ?? [];
      list.push(word);
      this.buckets.set(key, list);
    }
    for (const list of this.buckets.values()) list.sort();
  }

  /**
   * The closest known word, or undefined when none is close enough. Among equally close words, a longer one wins
   * (a dropped letter is the most common typo: pont → point, not post), then the alphabetically first.
   */
  correct(word: string): string | undefined {
    if (!/^[a-z]{4,}$/.test(word)) return undefined;
    const budget = word.length >= 7 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = budget + 1;
    // Longest candidates first, so the first word found at a given distance is the preferred one.
    for (let length = word.length + budget; length >= word.length - budget; length--) {
      // A word starting with the typed word's second letter is taken only as a swap of the first two letters with
      // nothing else changed: with two edits allowed there, "raining" became "arising".
      const sameInitial = this.buckets.get(`${word[0]}${length}`) ?? [];
      const swappedInitial = word[0] === word[1] ? [] : (this.buckets.get(`${word[1]}${length}`) ?? []).filter((c) => c[1] === word[0]);
      for (const candidate of [...sameInitial, ...swappedInitial]) {
        const distance = editDistance(word, candidate, candidate[0] === word[0] ? bestDistance : 1);
        if (candidate[0] !== word[0] && distance > 1) continue;
        if (distance === 0) return word;
        if (distance < bestDistance) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    return best;
  }
}

let rows: [Uint16Array, Uint16Array, Uint16Array] = [new Uint16Array(32), new Uint16Array(32), new Uint16Array(32)];

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), giving up above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rolling rows: the one before last is needed for transpositions. Reused from call to call (one call
  // compares a typed word with many candidates); a row is written before it is read.
  if (rows[0].length < b.length + 1) rows = [new Uint16Array(b.length + 1), new Uint16Array(b.length + 1), new Uint16Array(b.length + 1)];
  let [before, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}
