import { normalizeText } from '../text/normalize.js';
import { generalIdf, questionBigrams, wordTerms } from '../text/tokenize.js';
import type { NameMatcher } from '../corpus/topics.js';

/** A question word that carries meaning, weighted by how informative it is in general Chinese. */
export interface ContentTerm {
  term: string;
  idf: number;
}

/** Everything the ranker needs from a question, computed once. */
export interface AnalyzedQuestion {
  normalized: string;
  /** Search-mode words (sub-words included), names expanded to their canonical form. */
  words: string[];
  /** Han bigrams of the question's content words. */
  bigrams: string[];
  /** Whole content words (exact mode), the evidence "no answer" is judged on. */
  contentTerms: ContentTerm[];
  /** Agreements the question names (清华 → tsinghua). */
  topics: string[];
  /** Canonical names added for aliases the question used (上海交大 → 上海交通大学). */
  expansions: string[];
}

/** Extra Chinese text to search for a question (issue 5's English glossary plugs in here). */
export type QueryExpander = (normalizedQuestion: string) => string[];

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
const LATIN_WORD = /^\p{Script=Latin}[\p{Script=Latin}\d.'’&-]*$/u;
/** Weight of an English word the glossary could not translate, relative to its IDF. */
const UNKNOWN_ENGLISH_WEIGHT = 0.5;

/**
 * Analyzes a question with the same pipeline as the index (normalize → jieba → stop words), then expands
 * party aliases to canonical names so 上海交大 finds passages that only say 上海交通大学.
 */
export function analyzeQuestion(question: string, names: NameMatcher, expand?: QueryExpander): AnalyzedQuestion {
  const normalized = normalizeText(question);
  const found = names.find(normalized);
  const expansions = unique(found.filter((f) => f.alias !== f.canonical).map((f) => f.canonical));
  const extra = expand ? expand(normalized) : [];
  // Names in canonical form, set apart, then the expander's Chinese terms: one text for every term kind.
  const texts = [names.canonicalize(normalized), ...extra];
  // With an expander, the question's own Latin words are its business: it returns their Chinese terms, and
  // the words it could not translate as they are (still evidence the corpus may lack).
  const own = wordTerms(texts[0] ?? '', 'exact').filter((w) => !(expand && LATIN_WORD.test(w)));
  const contentTerms = unique([...own, ...extra.flatMap((t) => wordTerms(t, 'exact'))]).map((term) => ({
    term,
    // An English word the glossary does not know is often only a gap in the glossary (deal, heritage): it
    // weighs half as much as an unknown Chinese word.
    idf: LATIN_WORD.test(term) && expand ? generalIdf(term) * UNKNOWN_ENGLISH_WEIGHT : generalIdf(term),
  }));
  // A name is searched as one whole term: its sub-words and bigrams (上海, 交通, 海交 …) would let passages
  // that merely repeat the name outrank the passage that holds the question's other words.
  const namesRemoved = [names.canonicalize(normalized, () => '|'), ...extra];
  const nameTerms = names.find(normalized).map((f) => f.canonical);
  return {
    normalized,
    words: [...namesRemoved.flatMap((t) => wordTerms(t, 'search')), ...nameTerms],
    bigrams: unique(namesRemoved.flatMap(questionBigrams)),
    contentTerms,
    topics: unique(found.map((f) => f.topicId).filter((t): t is string => t !== null)),
    expansions,
  };
}
