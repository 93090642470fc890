/**
 * The first stage in memory: MiniSearch BM25+ over three fields (the default, for corpora up to
 * LARGE_CORPUS_PASSAGES). Its saved form is the passages' terms (IndexedPassage[]), not MiniSearch's JSON: adding
 * pre-computed terms is fast, and the same records let a document be removed exactly.
 */
import MiniSearch, { type Options } from 'minisearch';
import { OrQuery, type ScoredIndexState, type TermData } from './minisearch-or.js';
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

/**
 * Terms sorted in UTF-16 code-unit order, as one string and where each starts (term i is text[starts[i],
 * starts[i + 1])): v8.deserialize reads it back as two objects, where a Map of 200k terms is 200k strings and a
 * hash table (a saved index's start at 2k DRCD passages spent most of its 0.4 s deserializing and 0.6 s
 * collecting garbage on such Maps).
 */
interface PackedTerms {
  text: string;
  starts: Uint32Array;
}

/** Packs terms given sorted (compareTerms) and distinct. */
function packTerms(sorted: readonly string[]): PackedTerms {
  const starts = new Uint32Array(sorted.length + 1);
  let at = 0;
  sorted.forEach((t, i) => {
    starts[i] = at;
    at += t.length;
  });
  starts[sorted.length] = at;
  return { text: sorted.join(''), starts };
}

/** The order of packed terms: UTF-16 code units, as Array.prototype.sort without a comparator. */
const compareTerms = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The index of a term among packed terms (binary search, comparing in place), or -1. */
function findTerm({ text, starts }: PackedTerms, term: string): number {
  let low = 0;
  let high = starts.length - 2;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const from = starts[middle]!;
    const length = starts[middle + 1]! - from;
    let order = 0;
    for (let k = 0; k < length && k < term.length && order === 0; k++)
      order = text.charCodeAt(from + k) - term.charCodeAt(k);
    if (order === 0) order = length - term.length;
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

const termAt = ({ text, starts }: PackedTerms, i: number): string => text.slice(starts[i], starts[i + 1]);

/** Term counts as saved: packed terms and each one's count. */
interface PackedCounts {
  terms: PackedTerms;
  counts: Uint32Array;
}

function packCounts(counts: Map<string, number>): PackedCounts {
  const sorted = [...counts.keys()].sort(compareTerms);
  return { terms: packTerms(sorted), counts: Uint32Array.from(sorted, (t) => counts.get(t) ?? 0) };
}

/**
 * Term counts kept in a Map, updated as passages come and go; a saved index's are read in their packed form
 * until the first change.
 */
class CountMap implements TermCounts {
  private map?: Map<string, number>;

  constructor(
    map?: Map<string, number>,
    private packed?: PackedCounts,
  ) {
    this.map = map ?? (packed ? undefined : new Map());
  }

  /** The counts as a Map (a packed form is unpacked once). */
  get counts(): Map<string, number> {
    if (!this.map) {
      const { terms, counts } = this.packed!;
      this.map = new Map();
      for (let i = 0; i < counts.length; i++) this.map.set(termAt(terms, i), counts[i]!);
      this.packed = undefined;
    }
    return this.map;
  }

  /** The packed form (for a snapshot). */
  pack(): PackedCounts {
    return this.packed ?? packCounts(this.map ?? new Map());
  }

  get = (term: string): number | undefined => {
    if (this.map) return this.map.get(term);
    const i = findTerm(this.packed!.terms, term);
    return i < 0 ? undefined : this.packed!.counts[i];
  };
  has = (term: string): boolean => (this.map ? this.map.has(term) : findTerm(this.packed!.terms, term) >= 0);
  keys = (): Iterable<string> => (this.map ? this.map.keys() : packedKeys(this.packed!.terms));

  /** Every character of the terms. */
  characters(): Set<string> {
    const chars = new Set<string>();
    if (this.map) for (const term of this.map.keys()) for (const c of term) chars.add(c);
    else for (const c of this.packed!.terms.text) chars.add(c);
    return chars;
  }

  change(terms: Iterable<string>, delta: 1 | -1): void {
    const counts = this.counts;
    for (const t of new Set(terms)) {
      const n = (counts.get(t) ?? 0) + delta;
      if (n > 0) counts.set(t, n);
      else counts.delete(t);
    }
  }
}

function* packedKeys(terms: PackedTerms): Generator<string> {
  for (let i = 0; i + 1 < terms.starts.length; i++) yield termAt(terms, i);
}

class MapVocabulary implements Vocabulary {
  readonly words: CountMap;
  readonly bigrams: CountMap;
  readonly numbers: CountMap;
  private chars?: Set<string>;
  version = 0;

  constructor(saved?: SavedVocabulary | SnapshotVocabulary) {
    const counts = (entries?: Array<[string, number]> | PackedCounts) =>
      entries === undefined || Array.isArray(entries)
        ? new CountMap(new Map(entries))
        : new CountMap(undefined, entries);
    this.words = counts(saved?.words);
    this.bigrams = counts(saved?.bigrams);
    this.numbers = counts(saved?.numbers);
  }

  snapshot(): SnapshotVocabulary {
    return { words: this.words.pack(), bigrams: this.bigrams.pack(), numbers: this.numbers.pack() };
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
    this.chars ??= this.bigrams.characters();
    return this.chars.has(char);
  }
}

interface SavedVocabulary {
  words: Array<[string, number]>;
  bigrams: Array<[string, number]>;
  numbers: Array<[string, number]>;
}

/** The saved form of a MiniSearchStage's vocabulary. */
interface SnapshotVocabulary {
  words: PackedCounts;
  bigrams: PackedCounts;
  numbers: PackedCounts;
}

/** MiniSearch's index (a SearchableMap), as far as it is used here. */
interface TermIndex extends Iterable<[string, TermData]> {
  _tree?: Map<string, unknown>;
  set(term: string, data: TermData): unknown;
  constructor: new () => TermIndex;
}

/**
 * MiniSearch's own state (7.2: what loadJS sets), kept as it is in memory but for its index, which is packed
 * (PackedIndex): a saved form for v8.serialize, whose native deserializer rebuilds the Maps in 2.7 s at 2k DRCD
 * passages where JSON.parse and loadJS took 6.7 s (CPU).
 */
interface MiniSearchState {
  _index: TermIndex;
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

/**
 * MiniSearch's index packed: its terms (PackedTerms) and, for term i, postings[starts[i] .. starts[i + 1]): per
 * field, its id, its number of passages, then (short id, frequency) pairs, in the Maps' order. At 2k DRCD
 * passages the index is 196k terms: as Maps, 625k of them, 0.3 s of v8.deserialize and most of a start's
 * garbage collection; packed, three objects.
 */
interface PackedIndex {
  terms: PackedTerms;
  postings: Uint32Array;
  starts: Uint32Array;
}

function packIndex(index: Iterable<[string, TermData]>): PackedIndex {
  const sorted = [...index].sort(([a], [b]) => compareTerms(a, b));
  let size = 0;
  for (const [, data] of sorted) for (const docs of data.values()) size += 2 + 2 * docs.size;
  const postings = new Uint32Array(size);
  const starts = new Uint32Array(sorted.length + 1);
  let at = 0;
  sorted.forEach(([, data], i) => {
    starts[i] = at;
    for (const [field, docs] of data) {
      postings[at++] = field;
      postings[at++] = docs.size;
      for (const [doc, frequency] of docs) {
        postings[at++] = doc;
        postings[at++] = frequency;
      }
    }
  });
  starts[sorted.length] = at;
  return { terms: packTerms(sorted.map(([term]) => term)), postings, starts };
}

function unpackTermData({ postings, starts }: PackedIndex, i: number): TermData {
  const data: TermData = new Map();
  for (let at = starts[i]!; at < starts[i + 1]!;) {
    const field = postings[at++]!;
    const docs = new Map<number, number>();
    for (let n = postings[at++]!; n > 0; n--, at += 2) docs.set(postings[at]!, postings[at + 1]!);
    data.set(field, docs);
  }
  return data;
}

/**
 * MiniSearch's index read from its packed form as it is asked: a search gets the terms it looks up (each
 * unpacked once), anything else (adding, removing, iterating) unpacks the whole index into a SearchableMap that
 * replaces this one in MiniSearch's state. `packed` is the index while nothing changed it (for a snapshot).
 */
class PackedTermIndex {
  private readonly read = new Map<string, TermData>();
  private whole?: TermIndex;
  readonly proxy: TermIndex;

  constructor(
    readonly packed: PackedIndex,
    private readonly state: MiniSearchState,
    make: () => TermIndex,
  ) {
    const get = (term: string) => this.get(term);
    const has = (term: string) => this.read.has(term) || findTerm(packed.terms, term) >= 0;
    this.proxy = new Proxy({} as TermIndex, {
      get: (_, key) => {
        if (key === 'get') return get;
        if (key === 'has') return has;
        if (key === 'size') return packed.starts.length - 1;
        const index = this.unpack(make);
        const value: unknown = Reflect.get(index, key, index);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(index) : value;
      },
    });
  }

  /** Whether the index is still this one (nothing changed it since it was read). */
  get intact(): boolean {
    return this.state._index === this.proxy;
  }

  private get(term: string): TermData | undefined {
    let data = this.read.get(term);
    if (data === undefined) {
      const i = findTerm(this.packed.terms, term);
      if (i < 0) return undefined;
      this.read.set(term, (data = unpackTermData(this.packed, i)));
    }
    return data;
  }

  private unpack(make: () => TermIndex): TermIndex {
    if (!this.whole) {
      const index = make();
      for (let i = 0; i + 1 < this.packed.starts.length; i++) {
        const term = termAt(this.packed.terms, i);
        index.set(term, this.read.get(term) ?? unpackTermData(this.packed, i));
      }
      this.whole = index;
      this.state._index = index;
    }
    return this.whole;
  }
}

/** The saved form for v8.serialize (MiniSearchStage.snapshot). */
export interface MiniSearchSnapshot {
  state: Omit<MiniSearchState, '_index' | '_idToShortId'> & { packed: PackedIndex };
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

/** A MiniSearch whose state is the snapshot's (see MiniSearchState), its index read as it is asked. */
function restored(state: MiniSearchSnapshot['state']): { index: MiniSearch<IndexedPassage>; terms: PackedTermIndex } {
  const index = new MiniSearch<IndexedPassage>(miniSearchOptions());
  const internal = index as unknown as MiniSearchState;
  if (!STATE_KEYS.every((k) => k in internal) || !(internal._index._tree instanceof Map))
    throw new Error('MiniSearch keeps its state otherwise than this snapshot');
  if (!(state.packed?.postings instanceof Uint32Array)) throw new Error('A snapshot of another format');
  const { packed, ...rest } = state;
  const SearchableMap = internal._index.constructor;
  Object.assign(internal, rest);
  const terms = new PackedTermIndex(packed, internal, () => new SearchableMap());
  internal._index = terms.proxy;
  internal._idToShortId = new Map([...state._documentIds].map(([shortId, id]) => [id, shortId]));
  return { index, terms };
}

export class MiniSearchStage implements FirstStage {
  readonly kind = 'minisearch';
  readonly vocabulary: MapVocabulary;
  private readonly index: MiniSearch<IndexedPassage>;
  /** A snapshot's index, read as it is asked (see PackedTermIndex). */
  private readonly packedTerms?: PackedTermIndex;
  private readonly byDocument = new Map<string, IndexedPassage[]>();
  private readonly byId = new Map<string, IndexedPassage>();
  /** The query's sums, reused from question to question (see minisearch-or.ts). */
  private readonly orQuery = new OrQuery();
  /** 'minisearch' asks MiniSearch's own search (the reference the lean query is tested against). */
  scoring: 'lean' | 'minisearch' = 'lean';

  constructor(passages: Iterable<IndexedPassage> = [], saved?: SavedMiniSearch | MiniSearchSnapshot) {
    if (saved && 'state' in saved) {
      if (!(saved.vocabulary.words.counts instanceof Uint32Array)) throw new Error('A snapshot of another format');
      ({ index: this.index, terms: this.packedTerms } = restored(saved.state));
    } else
      this.index =
        saved === undefined
          ? new MiniSearch<IndexedPassage>(miniSearchOptions())
          : MiniSearch.loadJS<IndexedPassage>(saved.index as never, miniSearchOptions());
    this.vocabulary = new MapVocabulary(saved?.vocabulary);
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
    const packed = this.packedTerms?.intact ? this.packedTerms.packed : packIndex(_index);
    return {
      state: { ...state, packed },
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
    this.byId.set(p.id, p);
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
        this.byId.delete(p.id);
      }
      this.byDocument.delete(id);
    }
  }

  passageIds(documentId: string): string[] {
    return (this.byDocument.get(documentId) ?? []).map((p) => p.id);
  }

  storedMatchTexts(passageId: string): { text: string; sentences: string[] } | undefined {
    const p = this.byId.get(passageId);
    return p?.matchText !== undefined && p.sentenceMatchTexts
      ? { text: p.matchText, sentences: p.sentenceMatchTexts }
      : undefined;
  }

  /** The saved form: every indexed passage's terms. */
  passages(): IndexedPassage[] {
    return [...this.byDocument.values()].flat();
  }

  search(q: FirstStageQuery): FirstStageHit[] {
    const { synonymFactor } = q;
    const boosts = { ...q.boosts };
    const queries = [
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
    ];
    const state = this.index as unknown as ScoredIndexState;
    const lean =
      this.scoring === 'lean' && OrQuery.applies(state)
        ? this.orQuery.search(
            state,
            queries.map((s) => ({ ...s, terms: s.queries.flatMap(splitTerms) })),
            q.limit,
          )
        : undefined;
    const results = lean ?? this.index.search({ combineWith: 'OR', queries }).slice(0, Math.max(0, q.limit));
    return results.map((r) => ({ id: r.id as string, score: r.score }));
  }

  close(): void {}
}
