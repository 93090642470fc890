/**
 * answerQuestion: the best passages for a question, or a plain "no answer" (see DESIGN.md). Ranking is the
 * engine's; whether a passage can answer is judge.ts's; this file picks the answer among the best few.
 */
import type { Passage } from '../corpus/types.js';
import { isCount } from '../text/tokenize.js';
import type { RankedPassage, SearchEngine } from '../search/engine.js';
import { givesDay } from '../text/dates.js';
import { holdsTerm, type AnalyzedQuestion, type ContentTerm } from '../search/query.js';
import { synonymsOf } from '../text/synonyms.js';
import { GIST_WORDS, NAMING_NOUNS, oneOf, TIME_OF_ANOTHER_WORDS, TIME_OF_ANOTHER_WORDS_EN } from '../text/lexicon.js';
import type { Question } from '../question/types.js';
import { countsUnit, listsUnit } from '../question/kinds/number.js';
import { answers, judge, type Verdict } from './judge.js';

export {
  appearsInOrder,
  EVIDENCE_FLOOR,
  MISSING_NAME_IDF,
  MISSING_NOUN_EVIDENCE,
  MISSING_NOUN_IDF,
  MISSING_SHARE_CEILING,
} from './judge.js';

/** Questions longer than this are refused by the answering core (the bot cuts them before asking). */
export const MAX_QUESTION_CHARS = 500;
/** Answers given by default (the CLI's --top). */
export const DEFAULT_TOP = 3;

export interface AnswerHit {
  passage: Passage;
  score: number;
  /** The sentence of the passage that best matches the question (the bot bolds it) … */
  bestSentence: string;
  /** … and its index among the passage's sentences. */
  sentence: number;
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

/** Nouns that name what a question asks for, a name (全称叫什么): a text gives the name without saying 全称. */
const NAMING = new Set(NAMING_NOUNS);

/** Longest corpus word looked for around a term (jieba's dictionary words are rarely longer). */
const MAX_STRADDLE_CHARS = 6;

/**
 * True when a word the corpus never mentions is only an accident of segmentation: every character of it is
 * covered by corpus words of the question that reach outside it (诺贝尔奖得主 cut as 诺贝尔 + 奖得主, where the
 * corpus has 诺贝尔奖 and 得主). A real unknown name (北京大学) has no such word reaching across its edges.
 */
function isSegmentationArtifact(engine: SearchEngine, questionText: string, term: string): boolean {
  const start = questionText.indexOf(term);
  if (start < 0 || term.length < 2) return false;
  const end = start + term.length;
  // Corpus words of the question that overlap the term, other than the term itself.
  const spans: Array<[number, number]> = [];
  for (let a = Math.max(0, start - MAX_STRADDLE_CHARS + 1); a < end; a++) {
    for (let b = Math.max(a + 2, start + 1); b <= Math.min(questionText.length, a + MAX_STRADDLE_CHARS); b++) {
      if ((a !== start || b !== end) && engine.vocabulary.words.has(questionText.slice(a, b))) spans.push([a, b]);
    }
  }
  const straddles = spans.some(([a, b]) => a < start || b > end);
  const covered = (p: number) => spans.some(([a, b]) => a <= p && p < b);
  return straddles && Array.from({ length: term.length }, (_, k) => start + k).every(covered);
}

function toHit(engine: SearchEngine, r: RankedPassage, q: AnalyzedQuestion): AnswerHit {
  const text = engine.passageMatchText(r.passage);
  const [sentences] = engine.passageSentences(r.passage);
  return {
    passage: r.passage,
    score: r.score,
    bestSentence: sentences[r.sentence] ?? r.passage.text,
    sentence: r.sentence,
    // The form the passage holds (协同 for cooperation's 合作 / 协同).
    matched: q.contentTerms
      .filter((t) => holdsTerm(text, t))
      .map((t) => [t.term, ...(t.alternatives ?? [])].find((f) => text.includes(f)) ?? t.term),
  };
}

/**
 * A passage that passes the rules the best one fails (a number for "how many", a year for "which year", a word
 * the best lacks) but ranks below it answers instead when its score is at least this share of the best score,
 * both without what wording earned (RankedPassage.wording: closeness is about holding the question) …
 */
export const ANSWER_KIND_MARGIN = 0.85;
/** … and it is among this many best-ranked passages (whatever the number of answers asked for). */
const ANSWER_KIND_DEPTH = 5;

/**
 * True when the text counts what a "how many" question counts (5个方面 for 几个方面, 10家企业 for 多少家企业): a
 * passage ranked below the best must give that number, not any number (5个方面 does not answer 多少人).
 */
const countsAsked = (q: AnalyzedQuestion, text: string): boolean =>
  !q.asks.has('number') || countsUnit(text, q.countedUnit) || listsUnit(text, q.countedUnit);

/** A time asked relative to the event named (签约后, 之后, 以后, after) or of its repeat (再, 重新, 续签, again, renew). */
const TIME_OF_ANOTHER = new RegExp(`${oneOf(TIME_OF_ANOTHER_WORDS)}|\\b(?:${oneOf(TIME_OF_ANOTHER_WORDS_EN)})\\b`, 'u');

/** The best passages of a question, weighed terms and all: what the answer is picked from. */
interface Candidates {
  engine: SearchEngine;
  q: AnalyzedQuestion;
  missingTerms: ContentTerm[];
  ranked: RankedPassage[];
}
type Picked = { r: RankedPassage; v: Verdict };

/** A passage ranked 2nd to 5th, scoring at least `margin` of the best, that passes every rule and `keep`. */
function closeAnswer(c: Candidates, keep: (r: RankedPassage) => boolean, margin: number): Picked | undefined {
  const content = (r: RankedPassage | undefined) => (r ? r.score - (r.wording ?? 0) : 0);
  const bestScore = content(c.ranked[0]);
  return c.ranked
    .slice(1, ANSWER_KIND_DEPTH)
    .filter((r) => content(r) >= margin * bestScore && keep(r))
    .map((r) => ({ r, v: judge(c.engine, c.q, c.missingTerms, r.passage) }))
    .find(({ v }) => answers(v));
}

/**
 * For "when": a passage ranked 2nd to 5th, at any score, with a sentence giving a time and holding every term of
 * the question but those it sets aside, itself or a near-synonym (6月8日,重庆市人民政府与上海交通大学签署… for
 * 重庆跟上交签约是哪天, where 签约 is only in 签约现场, a passage that says no day). Not when the time asked is of
 * something after it or of its repeat (签约后哪一年开始合作, 哪一年再签约): the sentence dates the event the question
 * counts from.
 */
function timedWhole(c: Candidates): Picked | undefined {
  if (TIME_OF_ANOTHER.test(c.q.normalized)) return undefined;
  const holds = (s: string, t: ContentTerm) => holdsTerm(s, t) || synonymsOf(t.term).some((w) => s.includes(w));
  const holdsWhole = (s: string) => givesDay(s) && c.q.contentTerms.every((t) => t.setAside || holds(s, t));
  return closeAnswer(c, (r) => c.engine.matchSentences(r.passage).some(holdsWhole), 0);
}

/**
 * The answer among the candidates, given the best one's verdict, or undefined for "no answer". When the best does
 * not give what is asked (no number for 几个方面) or lacks a word that a close passage holds in another form (中科院
 * in 中国科学院), a close passage that passes answers instead; for "when", one further down whose dated sentence holds
 * the whole question too. A "when" answer that gives no time (签约现场… for 哪天签的约) gives way to a close one that
 * does (6月8日…签署), or to that dated sentence; without one, it stands (a time may be told otherwise). For "how many"
 * of a named thing, a passage further down that counts it (countedBelow).
 */
function pickAnswer(c: Candidates, best: RankedPassage, verdict: Verdict): Picked | undefined {
  const asksWhen = c.q.asks.has('when');
  const text = (r: RankedPassage) => c.engine.passageMatchText(r.passage);
  if (verdict.elsewhere || verdict.wrongKind.length > 0) {
    return (
      closeAnswer(c, (r) => countsAsked(c.q, text(r)), ANSWER_KIND_MARGIN) ??
      (asksWhen ? timedWhole(c) : undefined) ??
      countedBelow(c)
    );
  }
  if (asksWhen && !givesDay(text(best))) {
    return closeAnswer(c, (r) => givesDay(text(r)), ANSWER_KIND_MARGIN) ?? timedWhole(c) ?? { r: best, v: verdict };
  }
  // A best passage that lists what is counted (…等领域) gives way to one that counts it (5个方面).
  if (countsNamed(c.q) && !countsUnit(text(best), c.q.countedUnit)) return countedBelow(c) ?? { r: best, v: verdict };
  return { r: best, v: verdict };
}

/** A "how many" question naming what it counts (几个方面, 多少家企业, 领域有几个, how many areas; not 多少 alone). */
const countsNamed = (q: AnalyzedQuestion): boolean => q.asks.has('number') && q.countedUnit.nouns.length > 0;

/** How deep a passage counting what the question counts is looked for (countedBelow). */
const COUNTED_DEPTH = 10;

/**
 * For "how many" of a named thing, when the best passage cannot answer and no close one does, or the best only lists
 * it: the best-ranked passage among the first COUNTED_DEPTH, at any score, that counts it (5个方面 for 清华那个协议有
 * 几个方面, where 协议 draws the passages saying the agreement was signed; 几个领域 counts 方面 too), holds every word
 * of the question in its text or under what it stands (its section's heading, its document's title: the
 * agreement's 协议), and passes every rule. 3个方面 of a cooperation does not answer how many aspects a laboratory it
 * names has. (dev30, written blind: 15 → 18 of 28 answered right, 10 of 12 declines kept; depth 5 gave 16. DESIGN.md
 * has the figures of the steps after.)
 */
function countedBelow(c: Candidates): Picked | undefined {
  if (!countsNamed(c.q)) return undefined;
  const { engine } = c;
  // What the passage stands under: its section's heading and its document's title (协议 of 清华的协议有几个方面 is
  // in the article's headline, not in the paragraph counting the areas).
  // The noun counted is held by the count (5个方面 for 几个领域).
  const counted = new Set(c.q.countedUnit.nouns);
  const context = (p: Passage) =>
    [p.section, engine.corpus.documents.find((d) => d.id === p.documentId)?.title ?? '']
      .map((t) => engine.matchText(t))
      .join(' ');
  return c.ranked
    .slice(1, COUNTED_DEPTH)
    .filter((r) => {
      const text = engine.passageMatchText(r.passage);
      if (!countsUnit(text, c.q.countedUnit)) return false;
      const around = context(r.passage);
      return c.q.contentTerms.every(
        (t) => t.setAside || counted.has(t.term) || holdsTerm(text, t) || holdsTerm(around, t),
      );
    })
    .map((r) => ({ r, v: judge(c.engine, c.q, c.missingTerms, r.passage) }))
    .find(({ v }) => answers(v));
}

/**
 * The question's terms the corpus never mentions: not a term with corpus words standing for it (老师 → 教师,
 * cooperation's 合作 / 协同), a count (这两份协议: the corpus may count with another measure word), a noun naming
 * what is asked for (全称叫什么) or a segmentation accident.
 */
function missingTermsOf(engine: SearchEngine, q: AnalyzedQuestion, question: string): ContentTerm[] {
  const questionText = engine.matchText(question);
  return q.contentTerms.filter(
    (t) =>
      !NAMING.has(t.term) &&
      !engine.mentions(t.term) &&
      !(t.alternatives ?? []).some((a) => engine.mentions(a)) &&
      !isCount(t.term) &&
      !isSegmentationArtifact(engine, questionText, t.term),
  );
}

/**
 * What a question about the document as a whole asks for (rule gist: 这篇文章讲了什么, summarize the article): the
 * passages that best tell its title (a news headline is its story in a line; the article's lede, 6月3日和6月8日,
 * 重庆市政府先后与清华大学、上海交通大学签署…, comes first), else its first passage. Only when the corpus is one
 * document and the question says nothing else (only GIST_WORDS besides its question words): of several documents,
 * "this article" names none.
 */
function documentLead(engine: SearchEngine, q: AnalyzedQuestion, top: number): RankedPassage[] {
  const [document] = engine.corpus.documents;
  const asked = q.asks.has('gist') || q.asks.has('provenance');
  if (!asked || !document || engine.corpus.documents.length !== 1) return [];
  if (!q.contentTerms.every((t) => GIST_WORDS.includes(t.term))) return [];
  const told = document.title ? engine.rank(engine.analyze(document.title), top) : [];
  const first = engine.corpus.passages.find((p) => !p.heading);
  return told.length > 0 ? told : first ? [{ passage: first, score: 1, sentence: 0 }] : [];
}

/**
 * A question of only question words (这篇报道的大标题是什么, 这篇新闻讲了什么事 of a corpus of several documents): a
 * heading question gets the titles; any other names nothing the documents could answer. Input without a word at all is no question.
 */
function answerWithoutTerms(engine: SearchEngine, q: AnalyzedQuestion, question: string, top: number): Answer {
  const titles = q.asks.has('heading') ? engine.rankHeadings(q, top) : [];
  if (titles.length > 0) return { kind: 'answer', question, hits: titles.map((r) => toHit(engine, r, q)), evidence: 1 };
  if (/[\p{Script=Han}\p{Script=Latin}]/u.test(question))
    return { kind: 'none', question, reason: 'weak-match', evidence: 0, missing: [] };
  return { kind: 'invalid', question, error: 'no words to search for: ask with Chinese or English words' };
}

/**
 * Answers a question from the engine's corpus: the best passages, or a plain "no answer" when the corpus
 * does not hold the question's information (see DESIGN.md, "No answer"). The question may come as text or as
 * understood already (src/question: understand(text, engine)), read by this engine.
 */
export function answerQuestion(engine: SearchEngine, asked: string | Question, options: AnswerOptions = {}): Answer {
  const question = typeof asked === 'string' ? asked : asked.text;
  const error = validateQuestion(question);
  if (error) return { kind: 'invalid', question, error };
  const analyzed = typeof asked === 'string' ? engine.analyze(question) : asked.analysis;
  // Evidence is weighed as the ranker weighs it: words most passages hold count for little.
  const q = { ...analyzed, contentTerms: engine.weighTerms(analyzed.contentTerms) };
  const top = Math.max(options.top ?? DEFAULT_TOP, 1);
  const lead = documentLead(engine, analyzed, top);
  if (lead.length > 0) return { kind: 'answer', question, hits: lead.map((r) => toHit(engine, r, q)), evidence: 1 };
  if (q.contentTerms.length === 0 && q.bigrams.length === 0)
    return answerWithoutTerms(
      engine,
      { ...q, contentTerms: analyzed.contentTerms },
      question,
      options.top ?? DEFAULT_TOP,
    );
  const missingTerms = missingTermsOf(engine, q, question);
  // An opinion is missing as a whole: its words (觉得, 更好) are not what the documents lack.
  const listMissing = (terms: ContentTerm[]) => (q.asks.has('opinion') ? [] : terms.map((t) => t.term));
  // A question about a heading is answered by a heading that holds it, if one does; else like any other.
  const headings = (q.asks.has('heading') ? engine.rankHeadings(analyzed, top) : [])
    .map((r) => ({ r, v: judge(engine, q, missingTerms, r.passage) }))
    .filter(({ v }) => answers(v));
  const hits = (rs: RankedPassage[]) => rs.map((r) => toHit(engine, r, q));
  const [heading] = headings;
  if (heading)
    return { kind: 'answer', question, hits: hits(headings.map(({ r }) => r)), evidence: heading.v.evidence };
  const ranked = engine.rank(analyzed, Math.max(top, countsNamed(q) ? COUNTED_DEPTH : ANSWER_KIND_DEPTH));
  const best = ranked[0];
  if (!best)
    return { kind: 'none', question, reason: 'not-in-corpus', evidence: 0, missing: listMissing(missingTerms) };
  const verdict = judge(engine, q, missingTerms, best.passage);
  const none = (reason: NoAnswerReason, missing: ContentTerm[]) =>
    ({ kind: 'none', question, reason, evidence: verdict.evidence, missing: listMissing(missing) }) as const;
  if (verdict.weak) return none('weak-match', missingTerms);
  const picked = pickAnswer({ engine, q, missingTerms, ranked }, best, verdict);
  if (!picked) return none('not-in-corpus', verdict.absent);
  // The answer first, the other passages by score (so the first answer's score may be below the next ones').
  const answer = picked.r;
  return {
    kind: 'answer',
    question,
    hits: hits([answer, ...ranked.filter((r) => r !== answer)].slice(0, top)),
    evidence: picked.v.evidence,
  };
}
