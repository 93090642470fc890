/**
 * The first stage in memory: MiniSearch BM25+ over three fields (the default, for corpora up to
 * LARGE_CORPUS_PASSAGES). Its saved form is the passages' terms (IndexedPassage[]), not MiniSearch's JSON: adding
 * pre-computed terms is fast, and the same records let a document be removed exactly.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { FirstStage, FirstStageHit, FirstStageQuery, IndexedPassage, TermCounts, Vocabulary } from './types.js';

export const splitTerms = (text: string): string[] => (text ? text.split(' ') : []);

/**
 * The one MiniSearch options factory (MiniSearch does not save its tokenizer; a second factory could drift).
 * Fields hold pre-computed terms, so the tokenizer is a split on spaces and terms are not processed further.
 */
export function miniSearchOptions(): Options<IndexedPassage> {
  return {
    idField: 'id',
    fields: ['words', 'bigrams', 'section'],
    storeFields: [],
    tokenize: splitTerms,
    processTerm: (term) => term,
    searchOptions: { combineWith: 'OR' },
  };
}

/** Term counts kept in a Map, updated as passages come and go. */
class CountMap implements TermCounts {
  constructor(readonly counts = new Map<string, number>()) {}
  get = (term: string) => this.counts.get(term);
  has = (term: string) => this.counts.has(term);
  keys = () => this.counts.keys();
  change(terms: Iterable<string>, delta: 1 | -1): void {
    for (const t of new Set(terms)) {
      const n = (this.counts.get(t) ?? 0) + delta;
      if (n > 0) this.counts.set(t, n);
      else this.counts.delete(t);
    }
  }
}

class MapVocabulary implements Vocabulary {
  readonly words: CountMap;
  readonly bigrams: CountMap;
  readonly numbers: CountMap;
  private chars?: Set<string>;
  version = 0;

  constructor(saved?: SavedVocabulary | SnapshotVocabulary) {
    const map = (entries?: Array<[string, number]> | Map<string, number>) =>
      entries instanceof Map ? entries : new Map(entries);
    this.words = new CountMap(map(saved?.words));
    this.bigrams = new CountMap(map(saved?.bigrams));
    this.numbers = new CountMap(map(saved?.numbers));
  }

  snapshot(): SnapshotVocabulary {
    return { words: this.words.counts, bigrams: this.bigrams.counts, numbers: this.numbers.counts };
  }

  toJSON(): SavedVocabulary {
    return { words: [...this.words.counts], bigrams: [...this.bigrams.counts], numbers: [...this.numbers.counts] };
  }

  change(p: IndexedPassage, delta: 1 | -1): void {
    // A heading is corpus text too (清华大学优质科教资源将在渝落地 mentions 落地), for all its section's passages.
    this.words.change([...splitTerms(p.words), ...splitTerms(p.section)], delta);
    this.bigrams.change(splitTerms(p.bigrams), delta);
    this.numbers.change(splitTerms(p.numbers), delta);
    this.chars = undefined;
    this.version++;
  }

  hasChar(char: string): boolean {
    if (!this.chars) {
      this.chars = new Set();
      for (const gram of this.bigrams.keys()) for (const c of gram) this.chars.add(c);
    }
    return this.chars.has(char);
  }
}

interface SavedVocabulary {
  words: Array<[string, number]>;
  bigrams: Array<[string, number]>;
  numbers: Array<[string, number]>;
}

/** The saved form of a MiniSearchStage. */
interface SnapshotVocabulary {
  words: Map<string, number>;
  bigrams: Map<string, number>;
  numbers: Map<string, number>;
}

/**
 * MiniSearch's own state (7.2: what loadJS sets), kept as it is in memory: a saved form for v8.serialize, whose
 * native deserializer rebuilds the index's Maps in 2.7 s at 2k DRCD passages where JSON.parse and loadJS took
 * 6.7 s (CPU).
 */
interface MiniSearchState {
  _index: { _tree: Map<string, unknown>; constructor: new (tree: Map<string, unknown>) => unknown };
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
}
const STATE_KEYS = [
  '_index',
  '_documentCount',
  '_documentIds',
  '_idToShortId',
  '_fieldIds',
  '_fieldLength',
  '_avgFieldLength',
  '_nextId',
  '_storedFields',
  '_dirtCount',
] as const;

/** The saved form for v8.serialize (MiniSearchStage.snapshot). */
export interface MiniSearchSnapshot {
  state: Omit<MiniSearchState, '_index' | '_idToShortId'> & { tree: Map<string, unknown> };
  vocabulary: SnapshotVocabulary;
  passages: IndexedPassage[];
}

export interface SavedMiniSearch {
  /** MiniSearch's own JSON (loading it is several times faster than adding the passages again). */
  index: unknown;
  vocabulary: SavedVocabulary;
  /** Every passage's terms: what removing a document takes away from the index and the vocabulary. */
  passages: IndexedPassage[];
}

/** A MiniSearch whose state is the snapshot's (see MiniSearchState). */
function restored(state: MiniSearchSnapshot['state']): MiniSearch<IndexedPassage> {
  const index = new MiniSearch<IndexedPassage>(miniSearchOptions());
  const internal = index as unknown as MiniSearchState;
  if (!STATE_KEYS.every((k) => k in internal) || !(internal._index._tree instanceof Map))
    throw new Error('MiniSearch keeps its state otherwise than this snapshot');
  const { tree, ...rest } = state;
  Object.assign(internal, rest);
  internal._index = new internal._index.constructor(tree) as MiniSearchState['_index'];
  internal._idToShortId = new Map([...state._documentIds].map(([shortId, id]) => [id, shortId]));
  return index;
}

export class MiniSearchStage implements FirstStage {
  readonly kind = 'minisearch';
  readonly vocabulary: MapVocabulary;
  private readonly index: MiniSearch<IndexedPassage>;
  private readonly byDocument = new Map<string, IndexedPassage[]>();

  constructor(passages: Iterable<IndexedPassage> = [], saved?: SavedMiniSearch | MiniSearchSnapshot) {
    this.vocabulary = new MapVocabulary(saved?.vocabulary);
    this.index =
      saved === undefined
        ? new MiniSearch<IndexedPassage>(miniSearchOptions())
        : 'state' in saved
          ? restored(saved.state)
          : MiniSearch.loadJS<IndexedPassage>(saved.index as never, miniSearchOptions());
    if (saved) for (const p of saved.passages) this.remember(p);
    this.add(passages);
  }

  /** The stage from its snapshot; throws when this MiniSearch keeps its state otherwise (then rebuild). */
  static fromSnapshot(saved: MiniSearchSnapshot): MiniSearchStage {
    return new MiniSearchStage([], saved);
  }

  /** The saved form for v8.serialize: MiniSearch's state, the counts and the passages' terms, as they are. */
  snapshot(): MiniSearchSnapshot {
    const internal = this.index as unknown as MiniSearchState;
    const { _index, _idToShortId, ...state } = Object.fromEntries(
      STATE_KEYS.map((k) => [k, internal[k]]),
    ) as unknown as MiniSearchState;
    return {
      state: { ...state, tree: _index._tree },
      vocabulary: this.vocabulary.snapshot(),
      passages: this.passages(),
    };
  }

  /** Restores a stage saved with toJSON(). */
  static fromJSON(saved: SavedMiniSearch): MiniSearchStage {
    return new MiniSearchStage([], saved);
  }

  toJSON(): SavedMiniSearch {
    return { index: this.index.toJSON(), vocabulary: this.vocabulary.toJSON(), passages: this.passages() };
  }

  private remember(p: IndexedPassage): void {
    const list = this.byDocument.get(p.documentId);
    if (list) list.push(p);
    else this.byDocument.set(p.documentId, [p]);
  }

  get size(): number {
    return this.index.documentCount;
  }

  add(passages: Iterable<IndexedPassage>): void {
    for (const p of passages) {
      this.index.add(p);
      this.vocabulary.change(p, 1);
      this.remember(p);
    }
  }

  removeDocuments(documentIds: string[]): void {
    for (const id of documentIds) {
      for (const p of this.byDocument.get(id) ?? []) {
        this.index.remove(p);
        this.vocabulary.change(p, -1);
      }
      this.byDocument.delete(id);
    }
  }

  passageIds(documentId: string): string[] {
    return (this.byDocument.get(documentId) ?? []).map((p) => p.id);
  }

  /** The saved form: every indexed passage's terms. */
  passages(): IndexedPassage[] {
    return [...this.byDocument.values()].flat();
  }

  search(q: FirstStageQuery): FirstStageHit[] {
    const { synonymFactor } = q;
    const boosts = { ...q.boosts };
    const results = this.index.search({
      combineWith: 'OR',
      queries: [
        { queries: [q.words.join(' ')], fields: ['words', 'section'], boost: boosts },
        { queries: [q.bigrams.join(' ')], fields: ['bigrams'], boost: boosts },
        ...(q.synonyms.length === 0
          ? []
          : [
              {
                queries: [q.synonyms.join(' ')],
                fields: ['words', 'section'],
                boost: { words: boosts.words * synonymFactor, section: boosts.section * synonymFactor },
              },
            ]),
      ],
    });
    return results.slice(0, q.limit).map((r) => ({ id: r.id as string, score: r.score }));
  }

  close(): void {}
}
