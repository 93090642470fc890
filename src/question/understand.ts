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
import { RULES } from './rules.js';
import type { AnswerKind, Language, Question, Script } from './types.js';

/** What reads a question for a corpus: its party names and its analysis (a SearchEngine is one). */
export interface QuestionReader {
  readonly names: NameMatcher;
  analyze(question: string): AnalyzedQuestion;
}

/** The kinds of answer an analyzed question asks for, the most specific first (the table's order); ['other'] when none. */
export function kindsAsked(q: AnalyzedQuestion): AnswerKind[] {
  const kinds = RULES.filter((r) => q.asks.has(r.id)).map((r) => r.kind);
  return kinds.length > 0 ? [...new Set(kinds)] : ['other'];
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
