/**
 * Reading a question as a person wrote it, before the rules read it as a question (issue 19, point 7): a long
 * question's preamble is context, not part of what is asked.
 */
import type { AnalyzedQuestion, ContentTerm } from '../search/query.js';
import { splitPreamble } from './preamble.js';

/** What reading needs to know of the corpus. */
export interface CorpusWords {
  /** True when the corpus contains the term (SearchEngine.mentions). */
  mentions(term: string): boolean;
}

/**
 * Weight of a preamble's words, relative to the question's: context that helps tell passages apart, never
 * evidence the answer must hold.
 */
export const PREAMBLE_WEIGHT = 0.25;

/**
 * Analyzes a question (with `analyze`, the rules' own analysis) as it was meant. A long question whose real
 * question comes after a preamble (我最近在看新闻……我想问：X) is analyzed on its question part; the preamble's
 * words that the corpus holds join its content terms at PREAMBLE_WEIGHT, those it lacks are dropped (a story
 * about one's cousin is not what the corpus must hold), and the parties it names are the question's when the
 * question part names none (听说交大在重庆也有研究院……这个研究院会不会培养研究生).
 */
export function readQuestion(
  question: string,
  corpus: CorpusWords,
  analyze: (text: string) => AnalyzedQuestion,
): AnalyzedQuestion {
  const split = splitPreamble(question);
  if (!split) return analyze(question);
  const asked = analyze(split.question);
  const context = analyze(split.preamble);
  const own = new Set(asked.contentTerms.map((t) => t.term));
  const contextTerms = context.contentTerms
    .filter((t) => !own.has(t.term) && !t.setAside && corpus.mentions(t.term))
    .map((t): ContentTerm => ({ ...t, idf: t.idf * PREAMBLE_WEIGHT }));
  const topics = asked.topics.length > 0 || asked.setAsideTopics.length > 0 ? asked.topics : context.topics;
  return {
    ...asked,
    contentTerms: [...asked.contentTerms, ...contextTerms],
    topics,
    expansions: [...new Set([...asked.expansions, ...context.expansions])],
  };
}
