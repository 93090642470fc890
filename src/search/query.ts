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
  const contentTerms = unique(texts.flatMap((t) => wordTerms(t, 'exact'))).map((term) => ({ term, idf: generalIdf(term) }));
  return {
    normalized,
    words: texts.flatMap((t) => wordTerms(t, 'search')),
    bigrams: unique(texts.flatMap(questionBigrams)),
    contentTerms,
    topics: unique(found.map((f) => f.topicId).filter((t): t is string => t !== null)),
    expansions,
  };
}
