/**
 * Second stage of ranking: BM25 scores a passage by its words wherever they stand; a question is usually
 * answered by one sentence. The best candidates are re-scored by how much of the question one of their
 * sentences holds, and by whether they give the kind of answer asked for: a time for "when", a list of areas for
 * "which areas".
 */
import type { Passage } from '../corpus/types.js';
import { askedRules } from '../question/rules.js';
import type { RankedPassage } from './engine.js';
import { hanBigrams } from '../text/tokenize.js';
import { LIST_ITEM_EDGE } from '../text/lexicon.js';
import { holdsTerm, withoutSetAside, type AnalyzedQuestion, type ContentTerm } from './query.js';
import type { RankingOptions } from './ranking.js';

/**
 * The sentence holding the largest share of the question's term weight: its index and that share (0–1).
 * `implied` terms count as held by every sentence (the document's year, for a passage that names none); a term
 * a sentence holds only as an item of an enumeration (see onlyListed) counts `listedWeight` of its weight.
 */
export function bestSentence(
  matchTexts: string[],
  terms: ContentTerm[],
  implied: (term: string) => boolean = () => false,
  listedWeight = 1,
): { index: number; coverage: number } {
  const total = terms.reduce((s, t) => s + t.idf, 0);
  let index = 0;
  let best = -1;
  const held = (text: string, t: ContentTerm): number => {
    if (implied(t.term)) return 1;
    if (!holdsTerm(text, t)) return 0;
    return listedWeight !== 1 && onlyListed(text, t) ? listedWeight : 1;
  };
  matchTexts.forEach((text, i) => {
    const score = terms.reduce((s, t) => s + t.idf * held(text, t), 0);
    if (score > best) {
      index = i;
      best = score;
    }
  });
  return { index, coverage: total > 0 ? Math.max(0, best) / total : 0 };
}

/** Two neighbouring words of the question, the bigram across their junction, and how rare that is (phraseShare). */
export interface WeightedJunction {
  /** The two words as the question writes them (战曲是, 是由). */
  words: string;
  bigram: string;
  weight: number;
}

/**
 * The largest share of the question's word junctions, each weighted by its rarity in the corpus, that one sentence
 * holds as the question writes them: how closely a sentence follows the question's wording, function words and
 * word order included (德利斯勒…譜寫了萊茵守軍戰曲 for 萊茵守軍戰曲是由誰寫的). Content-term coverage sees words
 * wherever they stand in the sentence and not the words around them; junctions see the phrase. Only junctions
 * count, not the characters inside a word: 方面 in 哪方面 is the question's way of asking, and a passage's 在决策
 * 咨询方面 does not follow its wording. A sentence holding one of the question's terms only as an item of an
 * enumeration (see onlyListed) counts `listedWeight` of its share: it names the thing among others, so the
 * wording it shares with the question is the list's frame (丙大学在A、B、C方面合作 for 丙大学在B方面做什么), not
 * what the question asks about.
 */
export function phraseShare(
  matchTexts: string[],
  junctions: WeightedJunction[],
  terms: ContentTerm[] = [],
  listedWeight = 1,
): number {
  const total = junctions.reduce((s, j) => s + j.weight, 0);
  if (total <= 0) return 0;
  let best = 0;
  for (const text of matchTexts) {
    let held = junctions.reduce((s, j) => s + (text.includes(j.words) ? j.weight : 0), 0);
    if (listedWeight !== 1 && text.includes('、') && terms.some((t) => holdsTerm(text, t) && onlyListed(text, t)))
      held *= listedWeight;
    if (held > best) best = held;
  }
  return best / total;
}

/** Weights of the second stage (see RankingOptions). */
export interface RerankWeights {
  sentenceWeight: number;
  phraseWeight: number;
  kindWeight: number;
}

/** What the second stage measures of one candidate. */
export interface RerankFeatures {
  /** First-stage score relative to the best candidate's (0–1]. */
  relativeScore: number;
  /** Share of the question's weighted terms its best sentence holds (bestSentence). */
  coverage: number;
  /** Share of the question's weighted word junctions its best-phrased sentence holds (phraseShare). */
  phrase: number;
  /** It gives the kind of answer asked for. */
  kindMatch: boolean;
}

/** The re-ranking score of a candidate: its relative first-stage score plus the weighted second-stage features. */
export function rerankScore(f: RerankFeatures, w: RerankWeights): number {
  return f.relativeScore + w.sentenceWeight * f.coverage + w.phraseWeight * f.phrase + (f.kindMatch ? w.kindWeight : 0);
}

/**
 * What may stand between a list's first or last item and the 、 next to it, or the piece's other end: quotes,
 * brackets, 等 and conjunctions (在“A”、B…; …、Y和Z). Anything else means the term is more than the item
 * (清华的文、理、工: 清华 is not an item).
 */
const ITEM_EDGE = new RegExp(`^[${LIST_ITEM_EDGE}]*$`, 'u');

/**
 * True when every place the sentence holds the term is an item of an enumeration of at least three (A、B、C):
 * the sentence names it among others, it is not about it. Within a clause (split at ，；：), an item is a
 * middle piece between two 、, the end of the piece before the first 、, or the start of the piece after the
 * last one (only quotes, brackets, 等 or a conjunction between the term and the 、). False when the sentence does
 * not hold the term.
 */
export function onlyListed(sentence: string, t: ContentTerm): boolean {
  // No enumeration without 、 (most sentences): nothing to split.
  if (!sentence.includes('、')) return false;
  const forms = [t.term, ...(t.alternatives ?? [])].filter((f) => f.length > 0);
  let found = false;
  for (const clause of sentence.split(/[,，;；:：]/u)) {
    const pieces = clause.split('、');
    for (const form of forms) {
      let at = clause.indexOf(form);
      while (at >= 0) {
        found = true;
        if (pieces.length < 3) return false;
        // Which piece the occurrence starts in, and where that piece starts.
        let start = 0;
        let k = 0;
        while (k < pieces.length - 1 && start + pieces[k]!.length < at) {
          start += pieces[k]!.length + 1;
          k++;
        }
        const piece = pieces[k]!;
        const end = at + form.length - start;
        const listed =
          (k > 0 && k < pieces.length - 1) ||
          (k === 0 && ITEM_EDGE.test(piece.slice(end))) ||
          (k === pieces.length - 1 && ITEM_EDGE.test(piece.slice(0, at - start)));
        if (!listed) return false;
        at = clause.indexOf(form, at + 1);
      }
    }
  }
  return found;
}

/** What the second stage reads of the corpus (SearchEngine). */
export interface RerankCorpus {
  weighTerms(terms: ContentTerm[]): ContentTerm[];
  /** The match texts of a passage's sentences (SearchEngine.matchSentences). */
  matchSentences(passage: Passage): string[];
  passageMatchText(passage: Passage): string;
  impliesYear(passage: Passage, term: string): boolean;
  documentYear(documentId: string): string | undefined;
  /** The question's word junctions with their rarity in the corpus (phraseShare). */
  weighJunctions(normalizedQuestion: string): WeightedJunction[];
}

/**
 * The second stage over the first stage's candidates (best first, scores > 0): the best `rerankDepth` re-scored
 * by their best sentence and the kind of answer they give, the rest after them in their first-stage order.
 */
export function secondStage(
  corpus: RerankCorpus,
  q: AnalyzedQuestion,
  candidates: Array<{ passage: Passage; score: number }>,
  limit: number,
  ranking: RankingOptions,
): RankedPassage[] {
  const top = candidates[0]?.score ?? 1;
  // The second stage looks for the sentence that answers: what the question sets aside is not asked about.
  const terms = corpus.weighTerms(q.contentTerms.filter((t) => !t.setAside));
  // A question that enumerates or counts asks about the list itself.
  const aboutList = q.normalized.includes('、') || q.asks.has('number');
  const listedWeight = aboutList ? 1 : ranking.listedWeight;
  // The kind of answer asked for (a time for "when", a list of areas): the rule table's ranking rules tell.
  const kindRules = askedRules(q.asks, 'rank');
  const asked = { normalized: q.normalized, terms: q.contentTerms, counted: q.countedUnit };
  // Where the question's words meet: its phrasing, not its words again (a junction inside a term is the term).
  const inTerms = new Set(terms.flatMap((t) => hanBigrams(t.term)));
  const junctions =
    ranking.phraseWeight > 0
      ? corpus.weighJunctions(withoutSetAside(q.normalized)).filter((j) => !inTerms.has(j.bigram))
      : [];
  const reranked = candidates
    .slice(0, ranking.rerankDepth)
    .map(({ passage, score }) => {
      const matchTexts = corpus.matchSentences(passage);
      const implied = new Set(terms.filter((t) => corpus.impliesYear(passage, t.term)).map((t) => t.term));
      const { index, coverage } = bestSentence(matchTexts, terms, (term) => implied.has(term), listedWeight);
      const view = {
        text: corpus.passageMatchText(passage),
        sentences: matchTexts,
        documentYear: corpus.documentYear(passage.documentId),
        about: () => matchTexts[index] ?? '',
      };
      const kindMatch = kindRules.some((rule) => rule.gives?.(view, asked) ?? false);
      const phrase = phraseShare(matchTexts, junctions, terms, listedWeight);
      return {
        passage,
        sentence: index,
        score: rerankScore({ relativeScore: score / top, coverage, phrase, kindMatch }, ranking),
        wording: ranking.phraseWeight * phrase,
      };
    })
    .sort((a, b) => b.score - a.score);
  // Candidates past the second stage keep their first-stage order; their relative score is below any
  // re-scored one (a re-scored score is its relative score plus bonuses).
  const rest = candidates.slice(ranking.rerankDepth, limit).map(({ passage, score }) => ({
    passage,
    sentence: bestSentence(corpus.matchSentences(passage), terms).index,
    score: score / top,
  }));
  return [...reranked, ...rest].slice(0, limit);
}
