/**
 * understand(text, reader, previous) → Question: the one place a question is read (see types.ts). The terms and
 * the rule flags come from the reader's analysis (SearchEngine.analyze: the corpus' names, synonyms and glossary);
 * this module adds what a conversation needs to refer back to: language, script, the parties and other names, the
 * kind of answer asked for and the keywords.
 */
import type { NameMatcher } from '../corpus/topics.js';
import type { AnalyzedQuestion } from '../search/query.js';
import { isEnglishQuestion } from '../text/english.js';
import { hasTraditionalChars } from '../text/normalize.js';
import { tagWords } from '../text/tokenize.js';
import type { AnswerKind, Language, Question, Script } from './types.js';

/** What reads a question for a corpus: its party names and its analysis (a SearchEngine is one). */
export interface QuestionReader {
  readonly names: NameMatcher;
  analyze(question: string): AnalyzedQuestion;
}

/** The kinds the rule flags of an analysis ask for, the most specific first. */
const FLAGGED_KINDS: ReadonlyArray<[AnswerKind, (q: AnalyzedQuestion) => boolean]> = [
  ['heading', (q) => q.asksHeading],
  ['opinion', (q) => q.asksOpinion],
  ['outcome', (q) => q.asksOutcome],
  ['money', (q) => q.asksMoney],
  ['duration', (q) => q.asksDuration],
  ['time-of-day', (q) => q.asksClock],
  ['expected-time', (q) => q.asksFutureWhen],
  ['year', (q) => q.asksYear],
  ['date', (q) => q.asksWhen],
  ['road', (q) => q.asksRoad],
  ['district', (q) => q.asksDistrict],
  ['person', (q) => q.asksPersonName],
  ['number', (q) => q.asksHowMany],
  ['areas', (q) => q.asksAspects],
  ['party', (q) => q.asksParty],
];

/**
 * Kinds that only label a question (no rule judges passages by them): where, which organisation, why, yes or no,
 * what is. Read on the normalized text (simplified, lower case).
 */
const LABELLED_KINDS: ReadonlyArray<[AnswerKind, RegExp]> = [
  ['place', /在哪|哪里|哪儿|什么地方|何处|何地|哪座城市|哪个城市|\bwhere\b/u],
  [
    'organisation',
    /哪家|哪个(?:公司|企业|机构|单位|部门)|什么(?:公司|企业|机构|单位|部门)|\bwhich (?:company|companies|organi[sz]ations?|institutions?|agency)\b/u,
  ],
  ['reason', /为什么|为何|为啥|原因|怎么会|\bwhy\b|\bfor what reason\b/u],
  [
    'yes-no',
    /[吗么][？?]?$|是否|有没有|是不是|能不能|会不会|^(?:is|are|was|were|did|does|do|has|have|had|will|can|could)\b/u,
  ],
  [
    'definition',
    /(?<!为)什么是|是(?:什么|啥)(?![时地])|指的?是?什么|\bwhat (?:is|are|does) (?!the (?:date|time|year))/u,
  ],
];

/** The kinds of answer an analyzed question asks for, the most specific first; ['other'] when none. */
export function kindsAsked(q: AnalyzedQuestion): AnswerKind[] {
  const kinds: AnswerKind[] = FLAGGED_KINDS.filter(([, asks]) => asks(q)).map(([kind]) => kind);
  for (const [kind, pattern] of LABELLED_KINDS) if (pattern.test(q.normalized)) kinds.push(kind);
  return kinds.length > 0 ? kinds : ['other'];
}

function languageOf(text: string): Language {
  return isEnglishQuestion(text) ? 'en' : 'zh';
}

function scriptOf(text: string): Script {
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c)).join('');
  if (han === '') return 'none';
  return hasTraditionalChars(han) ? 'traditional' : 'simplified';
}

/** Names the question uses besides the parties: words jieba tags a person, place or organisation, unknown English names. */
function otherNamesOf(q: AnalyzedQuestion, partyNames: ReadonlySet<string>): string[] {
  const tagged = q.contentTerms
    .filter((t) => !partyNames.has(t.term))
    .filter((t) => tagWords(t.term).some((w) => w.word === t.term && /^(?:nr|nrt|ns|nt|nz)$/u.test(w.tag)))
    .map((t) => t.term);
  return [...new Set([...tagged, ...q.unknownNames])];
}

/**
 * Reads a question: `reader` is the corpus' (SearchEngine), `previous` the earlier turns of the conversation, oldest
 * first. Nothing is resolved against them here (a follow-up's missing party stays missing): they are carried so
 * that the conversation can.
 */
export function understand(text: string, reader: QuestionReader, previous: readonly Question[] = []): Question {
  const analysis = reader.analyze(text);
  const parties = reader.names.find(analysis.normalized);
  const kinds = kindsAsked(analysis);
  const partyNames = new Set(parties.flatMap((p) => [p.alias, p.canonical]));
  return {
    text,
    normalized: analysis.normalized,
    language: languageOf(text),
    script: scriptOf(text),
    parties,
    agreements: analysis.topics,
    setAsideAgreements: analysis.setAsideTopics,
    otherNames: otherNamesOf(analysis, partyNames),
    kind: kinds[0] ?? 'other',
    kinds,
    keywords: [...new Set(analysis.contentTerms.filter((t) => !t.setAside).map((t) => t.term))],
    previous,
    analysis,
  };
}
