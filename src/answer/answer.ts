import { splitSentences } from '../corpus/split.js';
import type { Passage } from '../corpus/types.js';
import { normalizeText } from '../text/normalize.js';
import { hanBigrams } from '../text/tokenize.js';
import type { RankedPassage, SearchEngine } from '../search/engine.js';
import type { AnalyzedQuestion, ContentTerm } from '../search/query.js';

/** Questions longer than this are refused by the answering core (the bot cuts them before asking). */
export const MAX_QUESTION_CHARS = 500;
/** Answers given by default (the CLI's --top). */
export const DEFAULT_TOP = 3;

/**
 * "No answer" thresholds, calibrated on test/questions/dev.jsonl (see DESIGN.md):
 * the best passage must contain this share of the question's information (jieba IDF mass) …
 */
export const EVIDENCE_FLOOR = 0.5;

export interface AnswerHit {
  passage: Passage;
  score: number;
  /** The sentence of the passage that best matches the question (the bot bolds it). */
  bestSentence: string;
  /** The question's content terms found in this passage. */
  matched: string[];
}

export type Answer =
  | { kind: 'answer'; question: string; hits: AnswerHit[]; evidence: number }
  | { kind: 'none'; question: string; reason: NoAnswerReason; evidence: number; missing: string[] }
  | { kind: 'invalid'; question: string; error: string };

/** Why the corpus has no answer: nothing it mentions, or a best passage too weak to trust. */
export type NoAnswerReason = 'not-in-corpus' | 'weak-match';

export interface AnswerOptions {
  /** How many passages to return (default DEFAULT_TOP). */
  top?: number;
}

/** Checks a question before search; returns an error message or null. */
export function validateQuestion(question: string): string | null {
  const text = question.trim();
  if (!text) return 'empty question: type a question, e.g. 上海交大的合作涵盖哪些领域？';
  if ([...text].length > MAX_QUESTION_CHARS) {
    return `question too long (${[...text].length} characters; the limit is ${MAX_QUESTION_CHARS})`;
  }
  // Binary data decoded as text shows up as replacement characters and control bytes.
  const junk = text.match(/[\uFFFD\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (junk > 0 && junk / text.length > 0.05) return 'the question is not readable text';
  return null;
}

/** True when a term occurs in the passage's matched query terms, as a word or as all its bigrams. */
function termMatched(term: string, matchedTerms: Set<string>): boolean {
  if (matchedTerms.has(term)) return true;
  const grams = hanBigrams(term);
  return term.length > 1 && grams.length > 0 && grams.every((g) => matchedTerms.has(g));
}

function idfShare(terms: ContentTerm[], keep: (t: ContentTerm) => boolean): number {
  const total = terms.reduce((s, t) => s + t.idf, 0);
  if (total === 0) return 0;
  return terms.filter(keep).reduce((s, t) => s + t.idf, 0) / total;
}

/** The sentence that holds most of the question's information; the first one on a tie. */
export function bestSentence(passageText: string, terms: ContentTerm[]): string {
  const sentences = splitSentences(passageText);
  let best = sentences[0] ?? passageText;
  let bestScore = -1;
  for (const sentence of sentences) {
    const normalized = normalizeText(sentence);
    const score = terms.reduce((s, t) => s + (normalized.includes(t.term) ? t.idf : 0), 0);
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return best;
}

function toHit(r: RankedPassage, q: AnalyzedQuestion): AnswerHit {
  return {
    passage: r.passage,
    score: r.score,
    bestSentence: bestSentence(r.passage.text, q.contentTerms),
    matched: q.contentTerms.filter((t) => termMatched(t.term, r.matchedTerms)).map((t) => t.term),
  };
}

/**
 * Answers a question from the engine's corpus: the best passages, or a plain "no answer" when the corpus
 * does not hold the question's information (see DESIGN.md, "No answer").
 */
export function answerQuestion(engine: SearchEngine, question: string, options: AnswerOptions = {}): Answer {
  const error = validateQuestion(question);
  if (error) return { kind: 'invalid', question, error };
  const q = engine.analyze(question);
  if (q.contentTerms.length === 0 && q.bigrams.length === 0) {
    return { kind: 'invalid', question, error: 'no words to search for: ask with Chinese or English words' };
  }
  const missing = q.contentTerms.filter((t) => !engine.mentions(t.term)).map((t) => t.term);
  const ranked = engine.rank(q, Math.max(options.top ?? DEFAULT_TOP, 1));
  const top = ranked[0];
  if (!top) return { kind: 'none', question, reason: 'not-in-corpus', evidence: 0, missing };
  const evidence = idfShare(q.contentTerms, (t) => termMatched(t.term, top.matchedTerms));
  if (evidence < EVIDENCE_FLOOR) return { kind: 'none', question, reason: 'weak-match', evidence, missing };
  return { kind: 'answer', question, hits: ranked.map((r) => toHit(r, q)), evidence };
}
