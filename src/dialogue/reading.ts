/**
 * What the conversation reads of a text: the agreements (parties from corpus/topics.json) it names and where, the
 * other names it uses, whether it asks for a party and whether it has words beyond question words: the question
 * module's understand() (src/question), plus where each party stands, which rewriting needs.
 */
import { correctPartyNames } from '../reading/near-miss.js';
import { understand } from '../question/index.js';
import type { SearchEngine } from '../search/engine.js';
import { normalizeText, stripControlChars } from '../text/normalize.js';
import { tagWords } from '../text/tokenize.js';
import { SUBJECT_LINK, SUBJECT_OPENERS } from '../text/conversation-lexicon.js';

export interface PartySpan {
  canonical: string;
  /** The agreement it is the party of; null for the city. */
  topicId: string | null;
  start: number;
  end: number;
}

export interface Reading {
  /** The text as shown back to the user (NFKC, trimmed). */
  shown: string;
  /** Normalized (simplified, lower case): what the lexicon's patterns are matched on. */
  normalized: string;
  /** True when shown and normalized have the same length, so a span of one is a span of the other. */
  aligned: boolean;
  /** Parties named (the city too), where they stand in `normalized`. */
  parties: PartySpan[];
  /** Agreements named, in order of first mention, without those set aside (除了清华…). */
  agreements: string[];
  /** The question asks which party (哪所大学, 谁, which university). */
  asksParty: boolean;
  /** The question asks for a time (哪天, when). */
  asksWhen: boolean;
  /** Its content words (question and stop words left out). */
  contentTerms: string[];
  /** Written in English. */
  english: boolean;
  /** Names the corpus does not know (北京大学, Zhejiang): the question is about another party than ours. */
  otherNames: string[];
}

export function readText(engine: SearchEngine, text: string): Reading {
  const written = stripControlChars(text).normalize('NFKC').trim();
  // A party's name typed with a read-alike character wrong (那请华呢) is the name, as search reads it too.
  const fixed = correctPartyNames(normalizeText(written), engine);
  const shown = fixed === normalizeText(written) ? written : fixed;
  const normalized = normalizeText(shown);
  const question = understand(shown, engine);
  const parties = engine.names.locate(normalized);
  const setAside = new Set(question.setAsideAgreements);
  const agreements = [...new Set(parties.flatMap((p) => (p.topicId && !setAside.has(p.topicId) ? [p.topicId] : [])))];
  return {
    shown,
    normalized,
    aligned: normalized.length === shown.length,
    parties: parties.map(({ canonical, topicId, start, end }) => ({ canonical, topicId, start, end })),
    agreements,
    asksParty: question.kinds.includes('party'),
    asksWhen: question.kinds.includes('date'),
    contentTerms: question.keywords,
    english: question.language === 'en',
    otherNames: question.otherNames,
  };
}

/** Where the other names a question uses (北京大学: src/question's otherNames) stand in its normalized text. */
export function otherNameSpans(engine: SearchEngine, text: string): Array<{ start: number; end: number }> {
  const question = understand(text, engine);
  return question.otherNames.flatMap((name) => {
    const start = question.normalized.indexOf(name);
    return start < 0 ? [] : [{ start, end: start + name.length }];
  });
}

/**
 * The subject of a Chinese question: its leading noun phrase (上海交通大学重庆研究院 in 上海交大重庆研究院采取什么建设模式),
 * past a leading 请问 / 那; '' when it does not open with nouns.
 */
export function subjectOf(normalized: string): { start: number; end: number } | undefined {
  let start = -1;
  let end = 0;
  let at = 0;
  for (const { word, tag } of tagWords(normalized)) {
    const pos = normalized.indexOf(word, at);
    at = pos + word.length;
    if (start < 0 && SUBJECT_OPENERS.test(word)) continue;
    // A user-dictionary word (tag x) is a domain noun: 上海交通大学重庆研究院.
    const noun = /^(n|nr|ns|nt|nz|nrt|ng|j|vn)$/.test(tag) || (tag === 'x' && /^\p{Script=Han}{2,}$/u.test(word));
    if (!noun && !(start >= 0 && SUBJECT_LINK.test(word))) break;
    if (start < 0) start = pos;
    if (!SUBJECT_LINK.test(word)) end = at;
  }
  return start < 0 ? undefined : { start, end: end };
}

/** Replaces [start, end) spans of a reading (in normalized positions) and returns the shown text. */
export function replaceSpans(r: Reading, edits: Array<{ start: number; end: number; text: string }>): string {
  const base = r.aligned ? r.shown : r.normalized;
  let out = base;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
