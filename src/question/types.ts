/**
 * A question as the bot understands it: what language and script it is written in, which parties and agreements
 * it names, what kind of answer it asks for and its keywords. One typed value, built once by understand(), that
 * search, answering and conversation (follow-ups built on the previous turns) all read.
 */
import type { AnalyzedQuestion } from '../search/query.js';

/** The language a question is written in (Chinese or English; a mix counts as the one with more letters). */
export type Language = 'zh' | 'en';

/** How a question's Han characters are written: simplified, traditional, or none at all (English). */
export type Script = 'simplified' | 'traditional' | 'none';

/**
 * The kinds of answer a question can ask for. Most decide what passage may answer (see the rule table,
 * src/question/rules.ts); 'place', 'reason', 'yes-no', 'definition' and 'organisation' only label the question
 * (the conversation reads them); 'other' is a question asking for none of these. Their order of precedence is the
 * table's.
 */
export type AnswerKind =
  | 'areas'
  | 'aspect'
  | 'date'
  | 'definition'
  | 'district'
  | 'duration'
  | 'earlier'
  | 'expected-time'
  | 'gist'
  | 'heading'
  | 'money'
  | 'number'
  | 'opinion'
  | 'other-signing'
  | 'organisation'
  | 'outcome'
  | 'party'
  | 'person'
  | 'provenance'
  | 'place'
  | 'reason'
  | 'road'
  | 'time-of-day'
  | 'year'
  | 'yes-no'
  | 'other';

/** A party (the city or an agreement's partner, from corpus/topics.json) that the question names. */
export interface NamedParty {
  /** As the question writes it, normalized (上海交大, sjtu). */
  alias: string;
  /** Its canonical name (上海交通大学). */
  canonical: string;
  /** The agreement it is the party of, or null for the city. */
  topicId: string | null;
}

export interface Question {
  /** The question as the user wrote it. */
  text: string;
  /** Normalized (NFKC, simplified, Cantonese read as Mandarin, lower case, closing particles dropped). */
  normalized: string;
  language: Language;
  script: Script;
  /** Parties named, in the order they stand (set-aside ones included: see setAsideAgreements). */
  parties: NamedParty[];
  /** Agreements (topics.json ids) the question is about … */
  agreements: string[];
  /** … and those it names only to set them aside (除了清华，还跟哪所大学签了协议). */
  setAsideAgreements: string[];
  /** Other names it uses (jieba tags them as a person, place or organisation; unknown capitalized English words). */
  otherNames: string[];
  /** The kind of answer it asks for, the most specific first … */
  kind: AnswerKind;
  /** … and every kind it asks for ('other' alone when none). */
  kinds: AnswerKind[];
  /** Its content words (what it is about), in order, without those it sets aside. */
  keywords: string[];
  /** The earlier turns of the conversation it was asked in, oldest first (empty for a first question). */
  previous: readonly Question[];
  /** The analysis search ranks and judges by (terms with their weights, the rule flags). */
  analysis: AnalyzedQuestion;
}
