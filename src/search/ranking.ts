/** The ranking's tunables (SearchEngine, src/search/rerank.ts), with their defaults. */
/**
 * Tunables of ranking, with their defaults. Field boosts must be > 0: MiniSearch reads a boost of 0 as 1
 * (`boost[field] || 1`); to leave a field out, leave it out of the sub-query.
 */
export interface RankingOptions {
  /** Weight of the jieba-word field. */
  wordBoost: number;
  /** Weight of the Han-bigram field (recall backstop for segmentation mismatches). */
  bigramBoost: number;
  /** Weight of the section heading. */
  sectionBoost: number;
  /** Score factor for passages of an agreement the question names. */
  topicBoost: number;
  /** Score factor for passages of another agreement when the question names one. */
  otherTopicFactor: number;
  /** Query terms held by more than this share of passages are not searched … */
  pruneShare: number;
  /** … unless they are held by at most this many passages (small corpora keep every term). */
  pruneMinPassages: number;
  /** Weight of a question word's near-synonyms (searched when the corpus never uses the word itself), relative to the word. */
  synonymFactor: number;
  /** How many first-stage candidates the second stage re-scores (see search/rerank.ts). */
  rerankDepth: number;
  /**
   * The same over a large corpus' first stage (SQLite FTS5): each candidate's match texts are read from disk, and
   * among 100k passages the first stage's best ten hold what its best twenty do (bench/ranking-sweep.ts, 1,000
   * DRCD questions in the blackbox corpus: R@1 0.907 at 20, 15 and 10; CPU per question p50 3.6–4.1 → 3.2 ms).
   */
  largeRerankDepth: number;
  /** Weight of the share of the question that a candidate's best sentence holds. */
  sentenceWeight: number;
  /** Weight of the share of the question's rarity-weighted character bigrams that one sentence holds (phraseShare). */
  phraseWeight: number;
  /**
   * Bonus for a candidate that gives the kind of answer asked for: a time in its best sentence for "when", a list
   * of areas (在A、B、C5个方面, 围绕A、B等领域) for "which areas".
   */
  kindWeight: number;
  /**
   * Share of a term's weight that a sentence holding it only as one item of an enumeration (在A、B、C5个方面)
   * counts: the sentence names it among others, while the passage about it (在B方面, …) is the answer. Not
   * applied when the question itself enumerates (鮮卑、氐、羌、羯，還有哪一個), counts (几个方面) or asks whether
   * something is among others (合作内容里有决策咨询吗).
   */
  listedWeight: number;
}

export const DEFAULT_RANKING: RankingOptions = {
  wordBoost: 1,
  bigramBoost: 0.6,
  sectionBoost: 0.3,
  topicBoost: 1.6,
  otherTopicFactor: 0.4,
  pruneShare: 0.05,
  pruneMinPassages: 200,
  synonymFactor: 0.5,
  rerankDepth: 20,
  largeRerankDepth: 10,
  sentenceWeight: 1,
  phraseWeight: 1.5,
  kindWeight: 0.3,
  listedWeight: 0.5,
};
