/**
 * MiniSearch's OR query, evaluated over MiniSearch's own index and scored exactly as MiniSearch 7 scores it
 * (BM25+ per field, × the field's boost, summed per term, per sub-query, then × the number of distinct query terms
 * a passage matched), without what MiniSearch builds on the way: a result object, a terms array and a match object
 * per matching passage per term, Maps merged term by term, and every matching passage sorted. Over the 7,017 DRCD
 * questions (2,000 passages) that was half of a question's CPU and of its garbage; here sums go into arrays
 * reused from question to question and only the best `limit` are kept (bench figures in DESIGN.md).
 *
 * The index, its updates and its saved form stay MiniSearch's; this reads its state as MiniSearchStage's snapshot
 * does (MiniSearchState), and test/search/minisearch-or.test.ts holds it to MiniSearch's own search, score for
 * score. Only plain terms (no prefix or fuzzy match, no document boost, MiniSearch's default BM25 parameters),
 * and only while no passage is discarded-but-indexed (MiniSearchStage removes passages, it never discards them).
 */

/** A term's entry in MiniSearch's index: field id → short document id → term frequency. */
export type TermData = Map<number, Map<number, number>>;

/** What the query reads of MiniSearch's state. */
export interface ScoredIndexState {
  _index: { get(term: string): TermData | undefined };
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
  _dirtCount: number;
}

/** One sub-query: its terms, searched in these fields with these boosts (a missing or 0 boost is 1, as MiniSearch reads it). */
export interface OrSubQuery {
  terms: readonly string[];
  fields: readonly string[];
  boost: Readonly<Record<string, number>>;
}

/** MiniSearch's default BM25+ parameters (defaultBM25params): k₁, b and the BM25+ floor d. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/**
 * Stamps are reset past this, 2^30 short of an Int32Array's limit: a query takes one, and one per sub-query and term.
 */
const MAX_STAMP = 2 ** 30;
/** Below this many passages touched per passage wanted, the best are kept in order as they come (OrQuery.best). */
const FEW_WANTED = 8;

/**
 * The per-passage sums of a query, kept from one query to the next (indexed by MiniSearch's short ids). A stamp
 * array tells whether a slot was written in the current term, sub-query or query, so nothing is cleared between.
 */
export class OrQuery {
  private capacity = 0;
  private termScore = new Float64Array(0);
  private subScore = new Float64Array(0);
  private total = new Float64Array(0);
  private matched = new Uint32Array(0);
  private termStamp = new Int32Array(0);
  private subStamp = new Int32Array(0);
  private queryStamp = new Int32Array(0);
  private termList = new Int32Array(0);
  private subList = new Int32Array(0);
  private touched = new Int32Array(0);
  private stamp = 0;

  /** True when the query can be evaluated here (otherwise ask MiniSearch). */
  static applies(state: ScoredIndexState): boolean {
    return state._dirtCount === 0;
  }

  /**
   * The best `limit` passages for the sub-queries combined with OR, best first, with MiniSearch's scores; ties
   * keep the order in which MiniSearch would have met the passages (its sort is stable). Each sub-query is one
   * query string of MiniSearch's (its terms split) over distinct fields. Undefined when a posting names a passage
   * the index no longer has (left by a removal given other terms than were added): MiniSearch skips those, so ask it.
   */
  search(
    state: ScoredIndexState,
    queries: readonly OrSubQuery[],
    limit: number,
  ): Array<{ id: unknown; score: number }> | undefined {
    if (!(limit >= 1)) return [];
    this.reserve(state._nextId);
    if (this.stamp > MAX_STAMP) this.resetStamps();
    const query = ++this.stamp;
    // A term searched more than once (大学 as a word and as a bigram) counts once towards a passage's matched terms.
    const occurrences = new Map<string, number>();
    for (const q of queries) for (const t of q.terms) if (t) occurrences.set(t, (occurrences.get(t) ?? 0) + 1);
    const counted = new Map<string, Set<number>>();
    const { termScore, subScore, total, matched, termStamp, subStamp, queryStamp, termList, subList, touched } = this;
    const n = state._documentCount;
    let touchedCount = 0;
    for (const q of queries) {
      const sub = ++this.stamp;
      let subCount = 0;
      const boosts = q.fields.map((f) => (Object.hasOwn(q.boost, f) ? q.boost[f] : undefined) || 1);
      for (const term of q.terms) {
        const data = term ? state._index.get(term) : undefined;
        if (data === undefined) continue;
        const occurrence = ++this.stamp;
        let termCount = 0;
        let seen: Set<number> | undefined;
        if ((occurrences.get(term) ?? 0) > 1) {
          seen = counted.get(term) ?? new Set();
          counted.set(term, seen);
        }
        for (let f = 0; f < q.fields.length; f++) {
          const fieldId = state._fieldIds[q.fields[f]!]!;
          const frequencies = data.get(fieldId);
          if (frequencies === undefined) continue;
          const boost = boosts[f]!;
          const matching = frequencies.size;
          const average = state._avgFieldLength[fieldId]!;
          const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
          for (const [doc, frequency] of frequencies) {
            const lengths = state._fieldLength.get(doc);
            if (lengths === undefined) return undefined;
            const length = lengths[fieldId]!;
            const score =
              boost * (idf * (D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * length) / average))));
            if (termStamp[doc] === occurrence) {
              termScore[doc]! += score;
              continue;
            }
            termStamp[doc] = occurrence;
            termScore[doc] = score;
            termList[termCount++] = doc;
            if (queryStamp[doc] !== query) {
              queryStamp[doc] = query;
              matched[doc] = 0;
              total[doc] = 0;
              touched[touchedCount++] = doc;
            }
            if (seen === undefined) matched[doc]!++;
            else if (!seen.has(doc)) {
              seen.add(doc);
              matched[doc]!++;
            }
          }
        }
        for (let i = 0; i < termCount; i++) {
          const doc = termList[i]!;
          if (subStamp[doc] === sub) subScore[doc]! += termScore[doc]!;
          else {
            subStamp[doc] = sub;
            subScore[doc] = termScore[doc]!;
            subList[subCount++] = doc;
          }
        }
      }
      for (let i = 0; i < subCount; i++) total[subList[i]!]! += subScore[subList[i]!]!;
    }
    return this.best(state, touchedCount, limit);
  }

  /**
   * The `limit` best of the touched passages (score × matched terms), best first, earlier met first among equals:
   * kept in order as they come when few are wanted (twenty of thousands), else all sorted (a pool of a thousand).
   */
  private best(state: ScoredIndexState, count: number, limit: number): Array<{ id: unknown; score: number }> {
    const scoreOf = (doc: number) => this.total[doc]! * (this.matched[doc]! || 1);
    let top: Array<{ doc: number; score: number }> = [];
    if (limit * FEW_WANTED < count) {
      for (let i = 0; i < count; i++) {
        const doc = this.touched[i]!;
        const score = scoreOf(doc);
        if (top.length >= limit && !(score > top[top.length - 1]!.score)) continue;
        // After every equal score: the one met first stays ahead.
        let at = top.length;
        while (at > 0 && top[at - 1]!.score < score) at--;
        top.splice(at, 0, { doc, score });
        if (top.length > limit) top.pop();
      }
    } else {
      // Array.prototype.sort is stable: equal scores stay in the order met.
      top = Array.from(this.touched.subarray(0, count), (doc) => ({ doc, score: scoreOf(doc) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    }
    return top.map(({ doc, score }) => ({ id: state._documentIds.get(doc), score }));
  }

  private reserve(size: number): void {
    if (size <= this.capacity) return;
    const capacity = Math.max(size, Math.ceil(this.capacity * 1.5));
    const grow = <T extends Float64Array | Int32Array | Uint32Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old as never);
      return next;
    };
    this.termScore = grow(this.termScore, (n) => new Float64Array(n));
    this.subScore = grow(this.subScore, (n) => new Float64Array(n));
    this.total = grow(this.total, (n) => new Float64Array(n));
    this.matched = grow(this.matched, (n) => new Uint32Array(n));
    this.termStamp = grow(this.termStamp, (n) => new Int32Array(n));
    this.subStamp = grow(this.subStamp, (n) => new Int32Array(n));
    this.queryStamp = grow(this.queryStamp, (n) => new Int32Array(n));
    this.termList = new Int32Array(capacity);
    this.subList = new Int32Array(capacity);
    this.touched = new Int32Array(capacity);
    this.capacity = capacity;
  }

  private resetStamps(): void {
    this.termStamp.fill(0);
    this.subStamp.fill(0);
    this.queryStamp.fill(0);
    this.stamp = 0;
  }
}
