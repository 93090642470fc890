/**
 * The first stage of retrieval behind one small interface, so that the engine does not care which full-text
 * engine finds its candidates: MiniSearch in memory (small corpora, the default) or SQLite FTS5 on disk (large
 * corpora). Both index the same pre-computed terms (search/engine.ts indexedPassage) and count, per term, the
 * passages holding it, which the answering rules read ("does the corpus mention 落地", "how common is 重庆").
 */

/** What the first stage indexes per passage: terms computed by our own pipeline, space-joined. */
export interface IndexedPassage {
  id: string;
  /** The document the passage belongs to: added and removed together. */
  documentId: string;
  words: string;
  bigrams: string;
  section: string;
  /** Numbers with their unit (2019年, 6月, 14家): counted for the vocabulary, not searched. */
  numbers: string;
  /**
   * The passage's match text (normalized, names canonical, keywords added: SearchEngine.passageMatchText) and
   * its sentences' (SearchEngine.passageSentences), computed with the terms when the index keeps them (FTS5),
   * so that ranking a stored passage does not normalize it again.
   */
  matchText?: string;
  sentenceMatchTexts?: string[];
}

/** Per term, how many passages hold it. Read-only, Map-like, so that a backend may look terms up on disk. */
export interface TermCounts {
  get(term: string): number | undefined;
  has(term: string): boolean;
  /** Every term (for tools such as `npm run glossary`; not used when answering). */
  keys(): Iterable<string>;
}

/**
 * What the corpus holds, with the number of passages holding each: indexed words (of the text or the section
 * heading), Han bigrams, and numbers with their unit (2019年, 6月, 14家; jieba's words have multi-digit numbers
 * without their unit, and no lone digits, which are stop words).
 */
export interface Vocabulary {
  words: TermCounts;
  bigrams: TermCounts;
  numbers: TermCounts;
  /** True when a Han character stands in the indexed text (in any bigram). */
  hasChar(char: string): boolean;
  /** Bumped at each change of the index, so that what was computed from the counts is computed again. */
  readonly version: number;
  /**
   * Words of the index read like a sound key (reading/near-miss.ts soundKeys), when the backend keeps them (FTS5:
   * a table filled as passages are indexed, so that near misses need not walk the whole vocabulary); a word
   * whose passages were removed since may be among them. Without it, near-miss.ts builds them from words.keys().
   */
  soundAlike?(key: string): string[];
}

/** Field weights of the first stage. */
export interface FieldBoosts {
  words: number;
  bigrams: number;
  section: number;
}

/** A first-stage query: terms already pruned of the commonest (search/engine.ts rank). */
export interface FirstStageQuery {
  /** Searched in the words and section fields. */
  words: string[];
  /** Searched in the bigrams field. */
  bigrams: string[];
  /** Near-synonyms of words the corpus lacks, searched like words at `synonymFactor` of their weight. */
  synonyms: string[];
  boosts: FieldBoosts;
  synonymFactor: number;
  /** At most this many results, best first. */
  limit: number;
}

export interface FirstStageHit {
  id: string;
  score: number;
}

/** A full-text index of passages (BM25 family), updatable one document at a time. */
export interface FirstStage {
  readonly kind: 'minisearch' | 'fts5';
  readonly vocabulary: Vocabulary;
  /** Number of indexed passages. */
  readonly size: number;
  search(query: FirstStageQuery): FirstStageHit[];
  /** Indexes passages (of documents not indexed yet). */
  add(passages: Iterable<IndexedPassage>): void;
  /** Removes every passage of these documents. */
  removeDocuments(documentIds: string[]): void;
  /** Ids of the passages indexed for a document. */
  passageIds(documentId: string): string[];
  /**
   * A passage's match texts as indexed (IndexedPassage.matchText and sentenceMatchTexts), where the stage keeps
   * them with its terms (MiniSearch; FTS5 passages carry theirs: Passage.storedMatchTexts).
   */
  storedMatchTexts?(passageId: string): { text: string; sentences: string[] } | undefined;
  close(): void;
}
