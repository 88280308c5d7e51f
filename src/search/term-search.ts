import MiniSearch, { type BM25Params } from 'minisearch';

/** One term of an analysed query: the term, whether it also matches the longer terms it begins, and its weight. */
export interface TermQuery {
  term: string;
  prefix: boolean;
  boost: number;
}

/** A matching document: its id, BM25 score, and the query terms it matched, in query order. */
export interface TermMatch {
  id: number;
  score: number;
  queryTerms: string[];
}

/** A document's score and matched query terms while the query's terms are added up (keyed by minisearch's short id). */
type Accumulated = Omit<TermMatch, 'id'>;

/** minisearch's defaults, which the index uses: BM25+ parameters and the weight of a prefix match. */
const BM25: BM25Params = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;

/**
 * MiniSearch with a lean query path for a query that is already a list of analysed terms. `searchTerms` returns what
 * `search` returns for the same terms combined with OR, prefix matching as asked, no fuzzy matching and no document
 * boosts: the same documents in the same order, the same scores to the last bit (the same additions and
 * multiplications in the same order) and the same query terms. It skips what the general path spends most of its
 * time on for a question with many synonyms: merging the options and rebuilding the field boosts (an object spread
 * per field) for every term, and recording which document term matched in which field (`match`, `terms`), which
 * the checklist never reads. test/search/term-search.test.ts compares both on every question of the fixture set.
 */
export class TermSearch<T> extends MiniSearch<T> {
  searchTerms(queries: readonly TermQuery[], boost: Readonly<Record<string, number | undefined>>): TermMatch[] {
    const fields = this._options.fields;
    const fieldIds = fields.map((field) => this._fieldIds[field]!);
    const fieldBoosts = fields.map((field) => boost[field] || 1);
    let combined: Map<number, Accumulated> | undefined;
    for (const { term, prefix, boost: termBoost } of queries) {
      const results = new Map<number, Accumulated>();
      this.addTermResults(term, 1, termBoost, this._index.get(term), fieldIds, fieldBoosts, results);
      if (prefix) {
        for (const [derived, data] of this._index.atPrefix(term)) {
          const distance = derived.length - term.length;
          if (!distance) continue; // the exact match, scored above
          const weight = (PREFIX_WEIGHT * derived.length) / (derived.length + 0.3 * distance);
          this.addTermResults(term, weight, termBoost, data, fieldIds, fieldBoosts, results);
        }
      }
      if (!combined) {
        combined = results;
        continue;
      }
      // OR, as minisearch combines: documents keep the order in which some term first found them.
      for (const [docId, result] of results) {
        const existing = combined.get(docId);
        if (!existing) {
          combined.set(docId, result);
        } else {
          existing.score = existing.score + result.score;
          for (const queryTerm of result.queryTerms) if (!existing.queryTerms.includes(queryTerm)) existing.queryTerms.push(queryTerm);
        }
      }
    }
    const matches: TermMatch[] = [];
    for (const [docId, { score, queryTerms }] of combined ?? []) {
      matches.push({ id: this._documentIds.get(docId) as number, score: score * (queryTerms.length || 1), queryTerms });
    }
    return matches.sort((a, b) => b.score - a.score); // stable, as minisearch's
  }

  /** minisearch's termResults for one index term, without the `match` bookkeeping and with no document boosts. */
  private addTermResults(
    queryTerm: string,
    termWeight: number,
    termBoost: number,
    data: Map<number, Map<number, number>> | undefined,
    fieldIds: readonly number[],
    fieldBoosts: readonly number[],
    results: Map<number, Accumulated>,
  ): void {
    if (data == null) return;
    const { k, b, d } = BM25;
    for (let f = 0; f < fieldIds.length; f++) {
      const fieldId = fieldIds[f]!;
      const fieldTermFreqs = data.get(fieldId);
      if (fieldTermFreqs == null) continue;
      const matchingCount = fieldTermFreqs.size;
      const avgFieldLength = this._avgFieldLength[fieldId]!;
      // Depends on the field only (documents are never removed from this index), so computed once per field.
      const invDocFreq = Math.log(1 + (this._documentCount - matchingCount + 0.5) / (matchingCount + 0.5));
      const fieldBoost = fieldBoosts[f]!;
      for (const [docId, termFreq] of fieldTermFreqs) {
        if (!this._documentIds.has(docId)) continue;
        const fieldLength = this._fieldLength.get(docId)![fieldId]!;
        const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
        const weightedScore = termWeight * termBoost * fieldBoost * rawScore;
        const result = results.get(docId);
        if (result) result.score += weightedScore;
        else results.set(docId, { score: weightedScore, queryTerms: [queryTerm] });
      }
    }
  }
}
