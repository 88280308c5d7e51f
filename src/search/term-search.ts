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
  /**
   * Per-document sums, indexed by minisearch's short ids (0, 1, 2…), kept between searches: a search allocates
   * nothing per matching document but its result. A sum is valid when its stamp is the current term's or search's;
   * `slot` is the document's place in the search's result order.
   */
  private scratch = TermSearch.newScratch(0);
  /** How many documents the current term has found so far (their short ids are `scratch.touched[0…]`). */
  private touchedCount = 0;

  searchTerms(queries: readonly TermQuery[], boost: Readonly<Record<string, number | undefined>>): TermMatch[] {
    const fields = this._options.fields;
    const fieldIds = fields.map((field) => this._fieldIds[field]!);
    const fieldBoosts = fields.map((field) => boost[field] || 1);
    const scratch = this.scratchFor(queries.length + 1);
    const { termScore, total, totalStamp, slot } = scratch;
    const search = ++scratch.stamp;
    // Documents in the order some term first found them, as minisearch's OR keeps them, and their matched terms.
    const order: number[] = [];
    const matched: string[][] = [];
    for (const { term, prefix, boost: termBoost } of queries) {
      // Each term's sum per document first, then added to the document's total, as minisearch adds them up.
      const stamp = ++scratch.stamp;
      this.touchedCount = 0;
      this.addTermResults(stamp, termBoost, 1, this._index.get(term), fieldIds, fieldBoosts);
      if (prefix) {
        const completions = this._index.atPrefix(term);
        eachEntry<FieldTermData>(completions._tree, completions._prefix, (derived, data) => {
          const distance = derived.length - term.length;
          if (!distance) return; // the exact match, scored above
          const weight = (PREFIX_WEIGHT * derived.length) / (derived.length + 0.3 * distance);
          this.addTermResults(stamp, termBoost, weight, data, fieldIds, fieldBoosts);
        });
      }
      for (let t = 0; t < this.touchedCount; t++) {
        const docId = scratch.touched[t]!;
        if (totalStamp[docId] !== search) {
          totalStamp[docId] = search;
          total[docId] = termScore[docId]!;
          slot[docId] = order.length;
          order.push(docId);
          matched.push([term]);
        } else {
          total[docId] = total[docId]! + termScore[docId]!;
          const terms = matched[slot[docId]!]!;
          if (!terms.includes(term)) terms.push(term);
        }
      }
    }
    const matches = order.map((docId, i): TermMatch => {
      const queryTerms = matched[i]!;
      return { id: this._documentIds.get(docId) as number, score: total[docId]! * (queryTerms.length || 1), queryTerms };
    });
    // Stable, as minisearch's; a comparison rather than a difference, which would allocate a number per call.
    return matches.sort((a, b) => (b.score > a.score ? 1 : b.score < a.score ? -1 : 0));
  }

  /** minisearch's termResults for one index term, adding to the current term's sums; no document boosts. */
  private addTermResults(
    stamp: number,
    termBoost: number,
    termWeight: number,
    data: FieldTermData | undefined,
    fieldIds: readonly number[],
    fieldBoosts: readonly number[],
  ): void {
    if (data == null) return;
    const { termScore, termStamp } = this.scratch;
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
      const { touched } = this.scratch;
      for (const docId of fieldTermFreqs.keys()) {
        if (!this._documentIds.has(docId)) continue;
        const termFreq = fieldTermFreqs.get(docId)!;
        const fieldLength = this._fieldLength.get(docId)![fieldId]!;
        const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
        const weightedScore = termWeight * termBoost * fieldBoost * rawScore;
        if (termStamp[docId] === stamp) {
          termScore[docId] = termScore[docId]! + weightedScore;
        } else {
          termStamp[docId] = stamp;
          termScore[docId] = weightedScore;
          touched[this.touchedCount++] = docId;
        }
      }
    }
  }

  /** The scratch arrays, sized for every short id, with room for `stamps` more stamps (restarted before they overflow). */
  private scratchFor(stamps: number): typeof this.scratch {
    const size = this._nextId;
    if (this.scratch.total.length < size) {
      this.scratch = TermSearch.newScratch(size);
    } else if (this.scratch.stamp + stamps >= 0x7fffffff) {
      this.scratch.termStamp.fill(0);
      this.scratch.totalStamp.fill(0);
      this.scratch.stamp = 0;
    }
    return this.scratch;
  }

  private static newScratch(size: number) {
    return { termScore: new Float64Array(size), termStamp: new Int32Array(size), total: new Float64Array(size), totalStamp: new Int32Array(size), slot: new Int32Array(size), touched: new Int32Array(size), stamp: 0 };
  }
}

/** A node of minisearch's radix tree: edge labels to children, and '' to the value of the key ending here. */
type RadixNode = Map<string, unknown>;

/** What the index holds for one term: field id → document short id → term frequency. */
type FieldTermData = Map<number, Map<number, number>>;

/**
 * Calls `visit` with each key and value under `node` in the order minisearch's own iterator yields them (depth
 * first, each node's entries last-inserted first), which the order of additions, and so the scores' last bits,
 * depend on; without the iterator's path objects and the key string it rebuilds for every entry.
 */
function eachEntry<V>(node: RadixNode, key: string, visit: (key: string, value: V) => void): void {
  const labels = Array.from(node.keys());
  for (let i = labels.length - 1; i >= 0; i--) {
    const label = labels[i]!;
    if (label === '') visit(key, node.get(label) as V);
    else eachEntry(node.get(label) as RadixNode, key + label, visit);
  }
}
