import { normalizeText } from '../text/normalize.js';
import { addUserWords, hanBigrams, numberPieces, wordJunctions, wordTerms } from '../text/tokenize.js';
import { MiniSearchStage } from './backend/minisearch.js';
import { PersistedIndex, type PersistOptions, type SyncReport } from './backend/persist.js';
import { documentHashes, indexedPassage, INDEX_FORMAT, isIndexed, joinedMatchText } from './backend/terms.js';
import type { FirstStage, IndexedPassage, TermCounts, Vocabulary } from './backend/types.js';
import { splitSentences } from '../corpus/split.js';
import { NameMatcher } from '../corpus/topics.js';
import type { Corpus, DocumentInfo, Passage } from '../corpus/types.js';
import { analyzeQuestion, yearOf, type AnalyzedQuestion, type ContentTerm, type QueryExpander } from './query.js';
import { bestSentence, secondStage, type WeightedJunction } from './rerank.js';
import { relativeYear, yearsNamed } from '../text/dates.js';
import { analyzeForCorpus } from './analyze.js';
import { ASPECT_HEADING } from '../question/kinds/subject.js';
import { DEFAULT_RANKING, type RankingOptions } from './ranking.js';

export { DEFAULT_RANKING, type RankingOptions };

/**
 * The least weight a word keeps however many passages hold it: in a one-passage corpus every word is in every
 * passage, and a weight of 0 would make every question unanswerable.
 */
const MIN_COMMON_WORD_WEIGHT = 0.2;

/** Passages whose match texts and sentences are kept: on a large corpus the caches would otherwise grow to it. */
const CACHED_PASSAGES = 20_000;

/** Caches a value, dropping the oldest entry once the cache holds CACHED_PASSAGES. */
function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHED_PASSAGES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, value);
}

export type { Vocabulary } from './backend/types.js';

/** A ranked passage. */
export interface RankedPassage {
  passage: Passage;
  score: number;
  /** The part of the score its wording earned (the phrasing share's bonus, rerank.ts), 0 when not re-scored. */
  wording?: number;
  /** Index of the passage's sentence (see passageSentences) that holds most of the question. */
  sentence: number;
}

/** Serialized form of an engine (in-memory MiniSearch only): the corpus plus every passage's indexed terms. */
export interface SerializedEngine {
  version: typeof INDEX_FORMAT;
  corpus: Corpus;
  passages: IndexedPassage[];
}

/** A change of documents for SearchEngine.withDocuments: documents added (or replaced) and removed. */
export interface DocumentChange {
  add?: Array<{ document: DocumentInfo; passages: Passage[] }>;
  remove?: string[];
}

/**
 * With an agreement boost, the first stage's order can change after its search: this many of its best are
 * re-weighed (a large corpus' FTS5 stage returns no more).
 */
const BOOSTED_POOL = 1000;

/**
 * Full-text search over a corpus' passages: a first stage (MiniSearch BM25+ in memory, or SQLite FTS5 for large
 * corpora; search/backend) on jieba words and Han bigrams, then the second stage (search/rerank.ts).
 */
export class SearchEngine {
  readonly names: NameMatcher;
  private readonly byId: Map<string, Passage>;
  private readonly normalizedById = new Map<string, string>();
  private readonly sentencesById = new Map<string, [string[], string[]]>();
  private readonly matchSentencesById = new Map<string, string[]>();
  private readonly yearsByDocument = new Map<string, string>();
  /** The documents' headings as passages (see Passage.heading), and how many passages are indexed besides. */
  private readonly headings: Passage[];
  private readonly indexedCount: number;
  /** Every indexed word and bigram: whether the corpus mentions a term at all. */
  readonly vocabulary: Vocabulary;

  private constructor(
    readonly corpus: Corpus,
    private readonly stage: FirstStage,
    private readonly ranking: RankingOptions,
    private expander?: QueryExpander,
    /** Where the first stage is saved (SearchEngine.open), if it is. */
    private readonly persisted?: PersistedIndex,
  ) {
    this.names = new NameMatcher(corpus.topics);
    this.vocabulary = stage.vocabulary;
    this.byId = new Map(corpus.passages.map((p) => [p.id, p]));
    this.headings = corpus.passages.filter((p) => p.heading);
    this.indexedCount = corpus.passages.length - this.headings.length;
    for (const d of corpus.documents) {
      const year = /(?:^|\D)((?:1[89]|20)\d{2})(?:\D|$)/u.exec(d.date ?? '')?.[1];
      if (year) this.yearsByDocument.set(d.id, year);
    }
  }

  /** Indexes a corpus in memory. The corpus' user words go into the segmenter first, so index and query agree. */
  static build(corpus: Corpus, ranking: RankingOptions = DEFAULT_RANKING): SearchEngine {
    addUserWords(corpus.userWords);
    const names = new NameMatcher(corpus.topics);
    // Headings are found by rankHeadings, for questions about a heading only.
    const stage = new MiniSearchStage(corpus.passages.filter(isIndexed).map((p) => indexedPassage(p, names, true)));
    return new SearchEngine(corpus, stage, ranking);
  }

  /**
   * Opens the corpus' index persisted in DATA_DIR/index (search/backend/persist.ts), bringing it in line with
   * the corpus document by document: an unchanged corpus is not indexed again, a changed one only where it
   * changed. MiniSearch up to LARGE_CORPUS_PASSAGES passages, SQLite FTS5 from there (options.backend to choose).
   */
  static open(
    corpus: Corpus,
    options: PersistOptions,
    ranking: RankingOptions = DEFAULT_RANKING,
  ): { engine: SearchEngine; report: SyncReport } {
    addUserWords(corpus.userWords);
    const { index, report } = PersistedIndex.open(corpus, new NameMatcher(corpus.topics), options);
    return { engine: new SearchEngine(corpus, index.stage, ranking, undefined, index), report };
  }

  /**
   * Opens a persisted index that holds exactly the corpus file (JSONL) it was made from, without reading that
   * file: FTS5 reads the passages' texts from the index when ranked or shown, MiniSearch keeps the corpus with
   * its index. Undefined when there is no such index (then load the corpus and open() it).
   */
  static openStored(
    options: PersistOptions,
    ranking: RankingOptions = DEFAULT_RANKING,
  ): { engine: SearchEngine; report: SyncReport } | undefined {
    const stored = PersistedIndex.openStored(options);
    if (!stored) return undefined;
    const { corpus, index, report } = stored;
    return { engine: new SearchEngine(corpus, index.stage, ranking, undefined, index), report };
  }

  /**
   * The engine over this corpus with documents added, replaced or removed: only their passages are indexed or
   * dropped (and the persisted index updated in place), the rest is kept. This engine must not be used after.
   */
  withDocuments(change: DocumentChange): SearchEngine {
    const removed = new Set([...(change.remove ?? []), ...(change.add ?? []).map((a) => a.document.id)]);
    const added = change.add ?? [];
    const corpus: Corpus = {
      ...this.corpus,
      documents: [...this.corpus.documents.filter((d) => !removed.has(d.id)), ...added.map((a) => a.document)],
      passages: [
        ...this.corpus.passages.filter((p) => !removed.has(p.documentId) && !p.heading),
        ...added.flatMap((a) => a.passages.filter((p) => !p.heading)),
        ...this.corpus.passages.filter((p) => !removed.has(p.documentId) && p.heading),
        ...added.flatMap((a) => a.passages.filter((p) => p.heading)),
      ],
    };
    const passages = added.flatMap((a) => a.passages.filter(isIndexed)).map((p) => indexedPassage(p, this.names, true));
    if (this.persisted) {
      const hashes = documentHashes({ ...corpus, documents: added.map((a) => a.document) });
      this.persisted.apply(
        [...removed],
        passages,
        [...hashes],
        added.flatMap((a) => a.passages.filter(isIndexed)),
      );
    } else {
      this.stage.removeDocuments([...removed]);
      this.stage.add(passages);
    }
    return new SearchEngine(corpus, this.stage, this.ranking, this.expander, this.persisted);
  }

  /** Closes the persisted index (SearchEngine.open), if any. */
  close(): void {
    this.stage.close();
  }

  /** Restores an engine saved with toJSON(). */
  static fromJSON(json: string, ranking: RankingOptions = DEFAULT_RANKING): SearchEngine {
    const data = JSON.parse(json) as SerializedEngine;
    if (data.version !== INDEX_FORMAT)
      throw new Error(`Unsupported index version ${String(data.version)}: rebuild the index`);
    addUserWords(data.corpus.userWords);
    return new SearchEngine(data.corpus, new MiniSearchStage(data.passages), ranking);
  }

  toJSON(): SerializedEngine {
    if (!(this.stage instanceof MiniSearchStage))
      throw new Error('Only an in-memory (MiniSearch) index is saved as JSON');
    return { version: INDEX_FORMAT, corpus: this.corpus, passages: this.stage.passages() };
  }

  /** Sets the expander that adds Chinese terms for a question (e.g. from an English glossary). */
  setExpander(expander: QueryExpander | undefined): void {
    this.expander = expander;
  }

  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  /**
   * Text as questions are matched against it: normalized, names in canonical form (我市 → 重庆), exactly as
   * the index saw it. Passages' match texts are computed once.
   */
  matchText(text: string): string {
    return this.names.canonicalize(normalizeText(text));
  }

  /** A passage's sentences and their match texts (see matchText), computed once per passage. */
  passageSentences(passage: Passage): [sentences: string[], matchTexts: string[]] {
    let cached = this.sentencesById.get(passage.id);
    if (!cached) {
      // A heading is matched without the layout spaces it is written with (its section).
      const sentences = passage.heading ? [passage.text] : splitSentences(passage.text);
      const matchTexts = this.matchSentences(passage);
      // Stored match texts are of the same sentences (the index splits as this does); computed again otherwise.
      cached = [
        sentences,
        passage.heading || matchTexts.length === sentences.length
          ? matchTexts
          : sentences.map((s) => this.matchText(s)),
      ];
      remember(this.sentencesById, passage.id, cached);
      remember(this.matchSentencesById, passage.id, cached[1]);
    }
    return cached;
  }

  /**
   * The match texts of a passage's sentences (passageSentences' second half), without its text as shown where
   * the index keeps them (Passage.storedMatchTexts, FirstStage.storedMatchTexts): ranking reads twenty
   * candidates' and shows a few. Both backends keep them, computed with the terms: normalizing a DRCD passage's
   * sentences when it is first a candidate (OpenCC) was the tail of the first thousand questions after a start.
   */
  matchSentences(passage: Passage): string[] {
    let cached = this.sentencesById.get(passage.id)?.[1] ?? this.matchSentencesById.get(passage.id);
    if (!cached) {
      cached = passage.heading
        ? [this.matchText(passage.section)]
        : (this.storedMatchTexts(passage)?.sentences ?? splitSentences(passage.text).map((s) => this.matchText(s)));
      remember(this.matchSentencesById, passage.id, cached);
    }
    return cached;
  }

  /** The match texts the index keeps for a passage (computed with its terms), if it keeps them. */
  private storedMatchTexts(passage: Passage): { text: string; sentences: string[] } | undefined {
    return passage.storedMatchTexts?.() ?? this.stage.storedMatchTexts?.(passage.id);
  }

  /** A passage's match text (see matchText) with its keywords (照片 for a caption), cached. */
  passageMatchText(passage: Passage): string {
    let text = this.normalizedById.get(passage.id);
    if (text === undefined) {
      text = passage.heading
        ? this.matchText([passage.section, ...(passage.keywords ?? [])].join(' '))
        : (this.storedMatchTexts(passage)?.text ??
          joinedMatchText(this.matchSentences(passage), passage.keywords, this.names));
      remember(this.normalizedById, passage.id, text);
    }
    return text;
  }

  /**
   * The aspects the agreements' paragraphs open with (在决策咨询方面, 在产学研合作方面), normalized, once: how the
   * corpus heads an area its overview may name otherwise (战略决策咨询, 产学研协同). Only of passages of an agreement.
   */
  aspectHeadings(): readonly string[] {
    this.headingsOfAspects ??= [
      ...new Set(
        this.corpus.passages
          .filter((p) => p.topic && !p.heading)
          .flatMap((p) => ASPECT_HEADING.exec(this.passageMatchText(p))?.[1] ?? []),
      ),
    ];
    return this.headingsOfAspects;
  }
  private headingsOfAspects?: string[];

  /** Analyzes a question for this corpus (search/analyze.ts). */
  analyze(question: string): AnalyzedQuestion {
    return analyzeForCorpus(this, question, (text) => analyzeQuestion(text, this.names, this.expander));
  }

  /**
   * True when a question term is a year (2020年) that the passage is about without naming it: the passage names
   * no year and its document is of that year (a 2020 article's "6月3日" is in 2020).
   */
  impliesYear(passage: Passage, term: string): boolean {
    const year = yearOf(term);
    if (year === undefined || this.documentYear(passage.documentId) !== year) return false;
    return !/(?<!\d)(?:1[89]|20)\d{2}(?!\d)/u.test(this.passageMatchText(passage));
  }

  /**
   * True when the passage holds a question's year (2019年, or 去年 read against the passage's document) in
   * another form, read against its document's date: 2019年 asked of a 2020 article's "去年12月", 去年 of its
   * "以2019年为例", 今年 of a passage naming no year (see impliesYear). Evidence that the passage can answer,
   * not a ranking signal: where the question writes 2019年, the passage that writes 2019年 is the likelier answer
   * than one that says 去年 (ranking by this lost 12 answers over the question sets).
   */
  holdsYear(passage: Passage, term: string): boolean {
    const year = this.yearAsked(passage, term);
    if (year === undefined) return false;
    const documentYear = this.documentYear(passage.documentId);
    const text = this.passageMatchText(passage);
    return this.impliesYear(passage, `${year}年`) || yearsNamed(text, wordTerms(text, 'exact'), documentYear).has(year);
  }

  /** The year a question term names (2019年 → "2019"; 去年, in a passage of a 2020 document → "2019"), if any. */
  yearAsked(passage: Passage, term: string): string | undefined {
    const documentYear = this.documentYear(passage.documentId);
    return yearOf(term) ?? (documentYear === undefined ? undefined : relativeYear(term, documentYear));
  }

  /** The year of a document's front-matter date (2020-06, 2020年6月, June 2020 → "2020"), if it has one. */
  documentYear(documentId: string): string | undefined {
    return this.yearsByDocument.get(documentId);
  }

  /** Share of passages holding the term as an indexed word or, for a number with its unit, its rarest piece. */
  passageShare(term: string): number {
    const count = this.vocabulary.words.get(term) ?? this.numberCount(term) ?? 0;
    return count / Math.max(1, this.indexedCount);
  }

  /**
   * True when the corpus contains the term: as an indexed word, (Han words) as a run of indexed bigrams, or (a
   * lone Han character, which jieba leaves when it cannot cut a name: 华芯智造 → 华/芯/智/造) in any bigram.
   */
  mentions(term: string): boolean {
    if (this.vocabulary.words.has(term)) return true;
    const numbers = this.numberCount(term);
    if (numbers !== undefined) return numbers > 0;
    if (/^\p{Script=Han}$/u.test(term)) return this.vocabulary.hasChar(term);
    const grams = hanBigrams(term);
    return grams.length > 0 && grams.join('').length > 1 && grams.every((g) => this.vocabulary.bigrams.has(g));
  }

  /**
   * For a question term made of numbers with their units (2019年, 6月8日): how many passages hold its rarest
   * piece (an upper bound of those holding it whole); undefined for any other term.
   */
  private numberCount(term: string): number | undefined {
    const pieces = numberPieces(term);
    if (pieces.length === 0 || pieces.join('') !== term) return undefined;
    return Math.min(...pieces.map((p) => this.vocabulary.numbers.get(p) ?? 0));
  }

  /**
   * The question's content terms weighted for this corpus: a word most passages hold (重庆 in a corpus about
   * Chongqing) tells little about which passage answers, so its weight shrinks with the share of passages
   * that hold it.
   */
  weighTerms(terms: ContentTerm[]): ContentTerm[] {
    return terms.map((t) => ({ ...t, idf: t.idf * Math.max(MIN_COMMON_WORD_WEIGHT, 1 - this.passageShare(t.term)) }));
  }

  /**
   * The question's distinct word junctions (wordJunctions), each weighted by the rarity of its bigram among the
   * indexed passages (log(1 + N / (1 + passages holding it)): a junction no passage spans weighs most.
   */
  weighJunctions(normalizedQuestion: string): WeightedJunction[] {
    const n = this.indexedCount;
    const seen = new Set<string>();
    return wordJunctions(normalizedQuestion)
      .filter((j) => !seen.has(j.words) && seen.add(j.words))
      .map((j) => ({ ...j, weight: Math.log(1 + n / (1 + (this.vocabulary.bigrams.get(j.bigram) ?? 0))) }));
  }

  /**
   * The agreement boost of a passage of this topic: up when the question names the topic's party, down when it
   * names another party or sets this one aside (除了清华…).
   */
  private topicFactor(q: AnalyzedQuestion, topic: string): number {
    if (q.topics.includes(topic)) return this.ranking.topicBoost;
    if (q.topics.length > 0 || q.setAsideTopics.includes(topic)) return this.ranking.otherTopicFactor;
    return 1;
  }

  /** True when the passage names a party of every one of the topics (agreements). */
  private namesAll(passage: Passage, topics: string[]): boolean {
    const named = new Set(this.names.find(this.passageMatchText(passage)).map((f) => f.topicId));
    return topics.every((t) => named.has(t));
  }

  /**
   * Ranks the documents' headings for a question about a heading (清华那部分的大标题是什么, what does the headline
   * say): by the share of the question's weighted terms each heading holds, then by the agreement boost. Headings
   * holding none of them are left out. A question naming nothing (这篇报道的大标题是什么) gets the documents' titles.
   */
  rankHeadings(q: AnalyzedQuestion, limit = 10): RankedPassage[] {
    const terms = this.weighTerms(q.contentTerms.filter((t) => !t.setAside));
    if (terms.length === 0) {
      return this.headings
        .filter((p) => p.heading === 'title')
        .slice(0, limit)
        .map((passage) => ({ passage, sentence: 0, score: 1 }));
    }
    return this.headings
      .map((passage) => {
        const { coverage } = bestSentence([this.passageMatchText(passage)], terms);
        return { passage, sentence: 0, score: coverage * (passage.topic ? this.topicFactor(q, passage.topic) : 1) };
      })
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  /**
   * Ranks passages for an analyzed question. First stage: BM25+ over words and bigrams, then the agreement
   * boost (a question that names 清华 prefers 清华 passages and pushes the other agreement's passages down).
   * Second stage (search/rerank.ts): the best candidates re-scored by their best sentence.
   */
  rank(q: AnalyzedQuestion, limit = 10): RankedPassage[] {
    if (q.words.length === 0 && q.bigrams.length === 0 && q.synonymWords.length === 0) return [];
    // Terms held by a large share of a large corpus cost the most (long posting lists) and rank the least.
    const maxDf = Math.max(this.ranking.pruneMinPassages, this.ranking.pruneShare * this.indexedCount);
    const searched = (terms: string[], counts: TermCounts) => terms.filter((t) => (counts.get(t) ?? 0) <= maxDf);
    const words = searched(q.words, this.vocabulary.words);
    const bigrams = searched(q.bigrams, this.vocabulary.bigrams);
    const synonyms = searched(q.synonymWords, this.vocabulary.words);
    const { wordBoost, bigramBoost, sectionBoost, synonymFactor } = this.ranking;
    // Results come best first: only the agreement boost can reorder them.
    const boosting = q.topics.length > 0 || q.setAsideTopics.length > 0;
    // The second stage re-scores a fixed number of candidates, whatever the limit, so the best answer does not
    // depend on how many answers were asked for.
    const rerankDepth = this.stage.kind === 'fts5' ? this.ranking.largeRerankDepth : this.ranking.rerankDepth;
    const depth = Math.max(limit, rerankDepth);
    const results = this.stage.search({
      words,
      bigrams,
      synonyms,
      boosts: { words: wordBoost, bigrams: bigramBoost, section: sectionBoost },
      synonymFactor,
      limit: boosting ? Math.max(depth, BOOSTED_POOL) : depth,
    });
    const firstStage: Array<{ passage: Passage; score: number }> = [];
    for (const r of results) {
      const passage = this.byId.get(r.id);
      if (!passage) continue;
      let score = r.score;
      if (boosting && passage.topic) score *= this.topicFactor(q, passage.topic);
      // A question naming several agreements (清华、上海交大分别…) is about a passage naming them all as well.
      else if (q.topics.length > 1 && this.namesAll(passage, q.topics)) score *= this.ranking.topicBoost;
      firstStage.push({ passage, score });
    }
    const candidates = boosting ? firstStage.sort((a, b) => b.score - a.score).slice(0, depth) : firstStage;
    const top = candidates[0]?.score ?? 0;
    if (top <= 0) return [];
    return secondStage(this, q, candidates, limit, { ...this.ranking, rerankDepth });
  }
}
