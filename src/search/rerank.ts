/**
 * Second stage of ranking: BM25 scores a passage by its words wherever they stand; a question is usually
 * answered by one sentence. The best candidates are re-scored by how much of the question one of their
 * sentences holds, and by whether they give the kind of answer asked for: a time for "when", a list of areas for
 * "which areas".
 */
import { holdsTerm, type ContentTerm } from './query.js';

/**
 * The sentence holding the largest share of the question's term weight: its index and that share (0–1).
 * `implied` terms count as held by every sentence (the document's year, for a passage that names none).
 */
export function bestSentence(
  matchTexts: string[],
  terms: ContentTerm[],
  implied: (term: string) => boolean = () => false,
): { index: number; coverage: number } {
  const total = terms.reduce((s, t) => s + t.idf, 0);
  let index = 0;
  let best = -1;
  matchTexts.forEach((text, i) => {
    const score = terms.reduce((s, t) => s + (holdsTerm(text, t) || implied(t.term) ? t.idf : 0), 0);
    if (score > best) {
      index = i;
      best = score;
    }
  });
  return { index, coverage: total > 0 ? Math.max(0, best) / total : 0 };
}

/** Weights of the second stage (see RankingOptions). */
export interface RerankWeights {
  sentenceWeight: number;
  kindWeight: number;
}

/**
 * The re-ranking score of a candidate: its first-stage score relative to the best candidate's (0–1], plus the
 * weighted share of the question its best sentence holds, plus the bonus for giving the kind of answer asked for.
 */
export function rerankScore(relativeScore: number, coverage: number, kindMatch: boolean, w: RerankWeights): number {
  return relativeScore + w.sentenceWeight * coverage + (kindMatch ? w.kindWeight : 0);
}
