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

/** The best documents of a search, best first, and the query terms that some document matched. */
export interface TermSearchResult {
  matches: TermMatches;
  foundTerms: string[];
}

/**
 * The best documents of a search, best first, read by position: ids, scores and each one's matched query terms
 * (minisearch's `queryTerms`), held in a few flat arrays rather than an object and an array per document.
 */
export class TermMatches {
  constructor(
    readonly ids: readonly number[],
    readonly scores: readonly number[],
    /** The matched terms of document i are `terms[termStarts[i]]` up to `terms[termStarts[i + 1]]`. */
    private readonly termStarts: readonly number[],
    private readonly terms: readonly string[],
  ) {}

  get length(): number {
    return this.ids.length;
  }

  /** Where the matched terms of document `i` start and end (see `termAt`). */
  termStart(i: number): number {
    return this.termStarts[i]!;
  }

  termEnd(i: number): number {
    return this.termStarts[i + 1]!;
  }

  termAt(position: number): string {
    return this.terms[position]!;
  }

  /** As objects, in minisearch's shape. */
  toArray(): TermMatch[] {
    return this.ids.map((id, i) => ({ id, score: this.scores[i]!, queryTerms: this.terms.slice(this.termStart(i), this.termEnd(i)) }));
  }
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
 * per field) for every term, recording which document term matched in which field (`match`, `terms`), which the
 * checklist never reads, three map lookups per posting, and sorting every match when only the best few are read.
 * test/search/term-search.test.ts compares both on every question of the fixture set.
 */
export class TermSearch<T> extends MiniSearch<T> {
  /**
   * Per-document sums, indexed by minisearch's short ids (0, 1, 2…), kept between searches: a search allocates
   * nothing per matching document but its result. A sum is valid when its stamp is the current term's or search's.
   */
  private scratch = TermSearch.newScratch(0);
  private figures: { key: number[]; alive: Uint8Array; lengthNorm: Float64Array[] } | undefined;
  /** How many documents the current term has found so far (their short ids are `scratch.touched[0…]`). */
  private touchedCount = 0;

  /**
   * The best `limit` documents for the query (minisearch's results up to `limit`), and the query terms found in
   * some document: all a caller needs from the rest, which is neither sorted nor turned into results.
   */
  searchTerms(queries: readonly TermQuery[], boost: Readonly<Record<string, number | undefined>>, limit = Infinity): TermSearchResult {
    const fields = this._options.fields;
    const fieldIds = fields.map((field) => this._fieldIds[field]!);
    const fieldBoosts = fields.map((field) => boost[field] || 1);
    const scratch = this.scratchFor(queries.length + 1);
    this.updateDocumentFigures();
    const { termScore, total, totalStamp, order, termCount, firstTerm, lastTerm } = scratch;
    const search = ++scratch.stamp;
    // Documents in the order some term first found them, as minisearch's OR keeps them; each document's matched
    // terms as a chain of query indexes in `linkTerm`/`linkNext` (a term listed twice in the query counts once).
    let found = 0;
    let links = 0;
    const foundTerms: string[] = [];
    const indexOf = new Map<string, number>();
    const firstIndex = queries.map(({ term }, i) => indexOf.get(term) ?? (indexOf.set(term, i), i));
    for (const [q, { term, prefix, boost: termBoost }] of queries.entries()) {
      // Each term's sum per document first, then added to the document's total, as minisearch adds them up.
      const stamp = ++scratch.stamp;
      this.touchedCount = 0;
      const under = subtree(this._index._tree, term);
      this.addTermResults(stamp, termBoost, 1, under?.key === term ? (under.node.get('') as FieldTermData | undefined) : undefined, fieldIds, fieldBoosts);
      if (prefix && under) {
        eachEntry<FieldTermData>(under.node, under.key, (derived, data) => {
          const distance = derived.length - term.length;
          if (!distance) return; // the exact match, scored above
          const weight = (PREFIX_WEIGHT * derived.length) / (derived.length + 0.3 * distance);
          this.addTermResults(stamp, termBoost, weight, data, fieldIds, fieldBoosts);
        });
      }
      if (this.touchedCount > 0 && !foundTerms.includes(term)) foundTerms.push(term);
      if (links + this.touchedCount > scratch.linkTerm.length) this.growLinks(links + this.touchedCount);
      const { linkTerm, linkNext } = this.scratch;
      const termIndex = firstIndex[q]!;
      for (let t = 0; t < this.touchedCount; t++) {
        const docId = scratch.touched[t]!;
        if (totalStamp[docId] !== search) {
          totalStamp[docId] = search;
          total[docId] = termScore[docId]!;
          order[found++] = docId;
          linkTerm[links] = termIndex;
          linkNext[links] = -1;
          firstTerm[docId] = lastTerm[docId] = links++;
          termCount[docId] = 1;
          continue;
        }
        total[docId] = total[docId]! + termScore[docId]!;
        if (termIndex !== q && this.hasTerm(docId, termIndex)) continue;
        linkTerm[links] = termIndex;
        linkNext[links] = -1;
        linkNext[lastTerm[docId]!] = links;
        lastTerm[docId] = links++;
        termCount[docId]!++;
      }
    }
    // minisearch multiplies each score by the number of terms matched, then sorts stably (ties keep their order).
    // In the scratch space too: a new typed array per search would be memory outside the heap to allocate and free.
    const { scores } = scratch;
    for (let i = 0; i < found; i++) scores[i] = total[order[i]!]! * (termCount[order[i]!]! || 1);
    const best = bestSlots(scores, found, limit);
    const ids: number[] = [];
    const bestScores: number[] = [];
    const termStarts: number[] = [0];
    const terms: string[] = [];
    for (const i of best) {
      const docId = order[i]!;
      ids.push(this._documentIds.get(docId) as number);
      bestScores.push(scores[i]!);
      for (let link = firstTerm[docId]!; link !== -1; link = this.scratch.linkNext[link]!) terms.push(queries[this.scratch.linkTerm[link]!]!.term);
      termStarts.push(terms.length);
    }
    return { matches: new TermMatches(ids, bestScores, termStarts, terms), foundTerms };
  }

  /** True when the document's chain of matched terms already holds this query index. */
  private hasTerm(docId: number, termIndex: number): boolean {
    const { linkTerm, linkNext, firstTerm } = this.scratch;
    for (let link = firstTerm[docId]!; link !== -1; link = linkNext[link]!) if (linkTerm[link] === termIndex) return true;
    return false;
  }

  private growLinks(needed: number): void {
    const size = Math.max(needed, this.scratch.linkTerm.length * 2);
    const linkTerm = new Int32Array(size);
    const linkNext = new Int32Array(size);
    linkTerm.set(this.scratch.linkTerm);
    linkNext.set(this.scratch.linkNext);
    this.scratch.linkTerm = linkTerm;
    this.scratch.linkNext = linkNext;
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
    const { alive, lengthNorm } = this.figures!; // brought up to date by searchTerms
    const { k, d } = BM25;
    for (let f = 0; f < fieldIds.length; f++) {
      const fieldId = fieldIds[f]!;
      const fieldTermFreqs = data.get(fieldId);
      if (fieldTermFreqs == null) continue;
      const matchingCount = fieldTermFreqs.size;
      // Depends on the field only (documents are never removed from this index), so computed once per field.
      const invDocFreq = Math.log(1 + (this._documentCount - matchingCount + 0.5) / (matchingCount + 0.5));
      const fieldBoost = fieldBoosts[f]!;
      const norms = lengthNorm[fieldId]!;
      const { touched } = this.scratch;
      // Keys, then each value: iterating entries would allocate a pair per entry.
      for (const docId of fieldTermFreqs.keys()) {
        if (alive[docId] !== 1) continue;
        const termFreq = fieldTermFreqs.get(docId)!;
        const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + norms[docId]!));
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

  /**
   * Per document (by short id): whether it is in the index, and per field BM25's length normalisation
   * `k · (1 − b + b · length / average length)`, the same operations on the same figures as minisearch computes for
   * every match; worked out again when documents are added or removed.
   */
  private updateDocumentFigures(): void {
    const key = [this._nextId, this._documentCount, this._dirtCount];
    if (this.figures?.key.every((value, i) => value === key[i])) return;
    const { k, b } = BM25;
    const alive = new Uint8Array(this._nextId);
    for (const shortId of this._documentIds.keys()) alive[shortId] = 1;
    const lengthNorm = this._avgFieldLength.map(() => new Float64Array(this._nextId));
    for (const [shortId, lengths] of this._fieldLength) {
      lengths.forEach((fieldLength, fieldId) => {
        lengthNorm[fieldId]![shortId] = k * (1 - b + (b * fieldLength) / this._avgFieldLength[fieldId]!);
      });
    }
    this.figures = { key, alive, lengthNorm };
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
    const perDocument = () => new Int32Array(size);
    return {
      termScore: new Float64Array(size),
      scores: new Float64Array(size),
      termStamp: perDocument(),
      total: new Float64Array(size),
      totalStamp: perDocument(),
      touched: perDocument(),
      order: perDocument(),
      termCount: perDocument(),
      firstTerm: perDocument(),
      lastTerm: perDocument(),
      linkTerm: new Int32Array(size * 4),
      linkNext: new Int32Array(size * 4),
      stamp: 0,
    };
  }
}

/** A node of minisearch's radix tree: edge labels to children, and '' to the value of the key ending here. */
type RadixNode = Map<string, unknown>;

/** What the index holds for one term: field id → document short id → term frequency. */
type FieldTermData = Map<number, Map<number, number>>;

/**
 * The node of minisearch's radix tree under which the keys beginning with `prefix` lie, and its key: what `get`
 * and `atPrefix` find, with one walk down the tree and without the path they record. The key is longer than the
 * prefix when the prefix ends inside an edge label ("enc" in "encrypt").
 */
function subtree(root: RadixNode, prefix: string): { node: RadixNode; key: string } | undefined {
  let node = root;
  let at = 0;
  descend: while (at < prefix.length) {
    for (const label of node.keys()) {
      if (label !== '' && prefix.startsWith(label, at)) {
        node = node.get(label) as RadixNode;
        at += label.length;
        continue descend;
      }
    }
    const rest = prefix.slice(at);
    for (const label of node.keys()) {
      if (label !== '' && label.startsWith(rest)) return { node: node.get(label) as RadixNode, key: prefix + label.slice(rest.length) };
    }
    return undefined;
  }
  return { node, key: prefix };
}

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

/**
 * The indexes of the `limit` highest of the first `count` scores, highest first, equal scores in index order: the
 * first `limit` of a stable sort, without sorting every matching document (thousands, on a large sheet).
 */
export function bestSlots(scores: Float64Array, count: number, limit: number): number[] {
  const kept: number[] = [];
  for (let i = 0; i < count; i++) {
    if (kept.length >= limit && !before(scores, i, kept[kept.length - 1]!)) continue;
    // Binary search for the first kept index that `i` goes before, then shift the rest up by one.
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(scores, kept[middle]!, i)) low = middle + 1;
      else high = middle;
    }
    if (kept.length < limit) kept.push(i);
    for (let j = kept.length - 1; j > low; j--) kept[j] = kept[j - 1]!;
    kept[low] = i;
  }
  return kept;
}

/** Score i ranks before score j: higher, or equal and earlier. */
const before = (scores: Float64Array, i: number, j: number): boolean => scores[i]! > scores[j]! || (scores[i] === scores[j] && i < j);
