/**
 * Spelling correction against the index's own vocabulary. Stemming happens before minisearch's fuzzy matching sees a
 * word, and a misspelt word stems differently (penetraton → penetraton, but penetration → penetr), so typos are
 * corrected on the unstemmed word first: an unknown Latin word is replaced by the closest vocabulary word within
 * one edit (4–6 letters) or two edits (7+ letters), where swapping two neighbouring letters counts as one edit.
 */
export class SpellingCorrector {
  private readonly byLength = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of new Set(words)) {
      if (!/^[a-z]{4,}$/.test(word)) continue;
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
    for (const list of this.byLength.values()) list.sort();
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
      for (const candidate of this.byLength.get(length) ?? []) {
        const distance = editDistance(word, candidate, bestDistance);
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

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), giving up above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
