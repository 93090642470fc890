/**
 * "No answer": whether one ranked passage can answer a question (see DESIGN.md). Two families of checks: about the
 * subject (how much of the question the passage holds, words and names the corpus never mentions, another year,
 * another party) and about the kind of answer asked for, which the rule table (src/question/rules.ts) decides.
 */
import type { Passage } from '../corpus/types.js';
import type { SearchEngine } from '../search/engine.js';
import { holdsTerm, type AnalyzedQuestion, type ContentTerm } from '../search/query.js';
import { bestSentence } from '../search/rerank.js';
import {
  ASKING_CHARS,
  ATTRIBUTIVE_PARTICLES,
  COMPASS_POINTS,
  DIGITS,
  INSTITUTION_ENDINGS,
  WHICH_KIND_SOURCE,
  ZEROS,
} from '../text/lexicon.js';
import { isMonthDay } from '../text/dates.js';
import { escapeRegExp } from '../text/regexp.js';
import { isDictionaryWord, tagWords } from '../text/tokenize.js';
import type { PassageView } from '../question/rule.js';
import { syllablesOf } from '../reading/homophones.js';
import { askedRules, isOn } from '../question/rules.js';

/**
 * "No answer" thresholds (see DESIGN.md), calibrated on the development sets in test/questions for declines
 * and on the public datasets (all answerable) for wrong declines. Evidence is the share of the question's information
 * (jieba IDF mass of its content words) that a passage contains.
 */
export const EVIDENCE_FLOOR = 0.3;
/** A noun the corpus never mentions, at least this informative, marks a question about something else … */
export const MISSING_NOUN_IDF = 6;
/** … unless the best passage holds at least this much of the question anyway. */
export const MISSING_NOUN_EVIDENCE = 0.7;
/**
 * A person's or place's name (jieba tags nr, ns) the corpus never mentions marks a question about something else
 * from a lower IDF than other nouns: a well-known place (香港, 5.8) is as much "something else" as a rare one. Not
 * organizations (nt 上市公司, nz 普通: jieba tags common words so) and not compass regions (西南 is how people
 * describe a city the text places in 西部). (Measured: declines 香港的大学 on a blind set and changes nothing on
 * CMRC 2018 / DRCD or the cross-dataset proxy; 4 would lose an answer to a typo, 工作战.)
 */
export const MISSING_NAME_IDF = 5;
const PERSON_OR_PLACE_TAG = /^(nr|nrt|ns)$/;
const COMPASS_REGION = new RegExp(`^[${COMPASS_POINTS}华][${COMPASS_POINTS.replace('中', '')}部方]$`, 'u');
/** When the corpus never mentions this share of the question's information, it is about something else. */
export const MISSING_SHARE_CEILING = 0.5;
/** jieba POS tags of names: nr person, ns place, nt organization, nz other proper noun. */
const PROPER_NAME_TAG = /^(nr|nrt|ns|nt|nz)$/;
/**
 * jieba tags abbreviations j: names of institutions (北大, 人大, 北师大, 中科大) but also common words (一共, 上下游,
 * 光伏). Those ending like an institution (大学 → 大, 学院 / 研究院 → 院, 研究所 → 所, 学校 → 校) count as names.
 */
const ABBREVIATED_INSTITUTION = new RegExp(`[${INSTITUTION_ENDINGS}]$`, 'u');
/** jieba POS tags of common nouns, and of Latin words (eng) the glossary could not read. */
const COMMON_NOUN_TAG = /^(n|eng)$/;

/** A word opening with 的 / 之: the phrase goes on to a noun. */
const ATTRIBUTIVE_START = new RegExp(`^[${ATTRIBUTIVE_PARTICLES}]`, 'u');

/**
 * True when the question uses the term for the kind of thing it asks for: the noun closing a phrase opened by
 * 哪些 / 哪个 / 哪两所 / 什么 … at most two characters before it (哪些合作范畴, 哪两所名校, 在什么范畴开展), not a
 * modifier inside it (哪些台湾的大学, 哪些台湾大学: 台湾 is what it is about), nor a word after 为什么 / 什么时候 /
 * 什么地方. The text may call that kind otherwise (领域 for 范畴), so the word is no evidence of another subject.
 */
export function namesAskedKind(question: string, term: string): boolean {
  // An organization's name stays one (哪些台湾大学: jieba's nt tags are names; its nr / ns tags also fall on
  // common words such as 范畴 and 东西).
  if (tagWords(term).some((w) => w.word === term && w.tag === 'nt')) return false;
  const opened = new RegExp(`(?:${WHICH_KIND_SOURCE})\\p{Script=Han}{0,2}?${escapeRegExp(term)}`, 'u').exec(question);
  if (!opened) return false;
  const next = tagWords(question.slice(opened.index + opened[0].length))[0];
  return next === undefined || !(/^n/.test(next.tag) || ATTRIBUTIVE_START.test(next.word));
}

/** Characters that ask when they open a word (何原因, 何用途, 啥东西): 何 / 啥 + the kind of thing asked for. */
const ASKING_CHAR = new RegExp(`^[${ASKING_CHARS}]`, 'u');

/**
 * True when a word is a question word glued to the noun naming the kind asked for (何原因 = 何 + 原因, which jieba
 * cuts as one and tags a person's name, surname 何): no name of something else.
 */
function isAskingWord(term: string): boolean {
  return ASKING_CHAR.test(term) && [...term].length >= 3 && isDictionaryWord(term.slice(1));
}

/** An informative noun or name (北京大学, 校长), judged by jieba's dictionary tag of the word alone. */
function isSalientNoun(term: ContentTerm, tags: RegExp, minIdf = MISSING_NOUN_IDF): boolean {
  return term.idf >= minIdf && tagWords(term.term).some((w) => w.word === term.term && tags.test(w.tag));
}

/**
 * True when the text holds a compound noun's head, so the noun is there said more generally: Chinese compounds
 * end in their head (研究成果 is a kind of 成果, found in 科技成果). The head is the last two characters, when
 * they are a word of their own; a two-character noun has no such head (学者 is no kind of 者).
 */
function holdsHead(noun: string, text: string): boolean {
  const head = noun.slice(-2);
  return noun.length >= 3 && isDictionaryWord(head) && text.includes(head);
}

/** Words this long may lose one character between question and passage (联合开发 / 联合研发, 年轻干部 / 青年干部). */
const LOOSE_MATCH_CHARS = 4;

/** Where `wanted` appears in order in `chars` within `span` characters: [first, last] index, or null. */
function inOrderWithin(chars: string[], wanted: string[], span: number): [number, number] | null {
  const [head = '', ...tail] = wanted;
  for (let start = chars.indexOf(head); start >= 0; start = chars.indexOf(head, start + 1)) {
    let at = start;
    for (const c of tail) {
      at = chars.indexOf(c, at + 1);
      if (at < 0 || at - start >= span) break;
    }
    if (at >= 0 && at - start < span) return [start, at];
  }
  return null;
}

/**
 * True when the characters of a word appear in the text in order, within twice the word's length: the word
 * shortened or written out (中科院 in 中国科学院, 名校 in 知名高校). A word of LOOSE_MATCH_CHARS or more may also
 * have one character replaced or dropped (联合开发 in 联合研发, 年轻干部 in 青年干部), but not inside a name the
 * text holds (华侨大学 is not in 清华大学): `isInName(first, last)` tells, by character index. Han words only.
 */
export function appearsInOrder(
  word: string,
  text: string,
  isInName: (first: number, last: number) => boolean = () => false,
): boolean {
  if (!/^\p{Script=Han}+$/u.test(word)) return false;
  const chars = [...text];
  const wanted = [...word];
  if (inOrderWithin(chars, wanted, 2 * wanted.length)) return true;
  if (wanted.length < LOOSE_MATCH_CHARS) return false;
  return wanted.some((_, k) => {
    const found = inOrderWithin(chars, [...wanted.slice(0, k), ...wanted.slice(k + 1)], wanted.length);
    return found !== null && !isInName(found[0], found[1]);
  });
}

/** Where a text's names lie, by character index, computed on first use. */
interface NameSpans {
  /** True when characters first..last overlap one of the text's names. */
  overlaps(first: number, last: number): boolean;
  /** True when characters first..last cut a name, begin or end inside it (京大学 in 南京大学), not a whole one. */
  cuts(first: number, last: number): boolean;
}

/**
 * The names of a text: words jieba tags nr/ns/nt/nz, and parties' names (topics.json; jieba tags the words it was
 * given x).
 */
function namesOf(engine: SearchEngine, text: string): NameSpans {
  let cached: Array<[number, number]> | undefined;
  const spans = () => {
    if (!cached) {
      cached = [];
      let at = 0;
      for (const { word, tag } of tagWords(text)) {
        const length = [...word].length;
        const isName = PROPER_NAME_TAG.test(tag) || engine.names.find(word).some((f) => f.alias === word);
        if (isName) cached.push([at, at + length - 1]);
        at += length;
      }
    }
    return cached;
  };
  return {
    overlaps: (first, last) => spans().some(([a, b]) => a <= last && first <= b),
    cuts: (first, last) => spans().some(([a, b]) => (a < first && first <= b) || (a <= last && last < b)),
  };
}

/**
 * True when the text holds the word with one character written as another read alike (满州 for 满洲, 挂勾 for
 * 挂钩): a variant spelling or a typo of the question's, of a word of 2–4 Han characters. The other characters
 * must match exactly.
 */
export function holdsSoundAlike(word: string, text: string): boolean {
  const chars = [...word];
  if (chars.length < 2 || chars.length > 4 || !/^\p{Script=Han}+$/u.test(word)) return false;
  return chars.some((c, k) => {
    const sounds = syllablesOf(c);
    if (sounds.length === 0) return false;
    const before = chars.slice(0, k).join('');
    const after = chars.slice(k + 1).join('');
    for (let at = text.indexOf(before); at >= 0 && at < text.length; at = text.indexOf(before, at + 1)) {
      const other = text[at + before.length];
      if (other === undefined || other === c || !text.startsWith(after, at + before.length + 1)) continue;
      if (syllablesOf(other).some((s) => sounds.includes(s))) return true;
    }
    return false;
  });
}

/**
 * True when a question's word is only a neighbour's character glued to a name or word the text holds: jieba cut
 * 明崇祯 (明 + 崇祯), 唐建中 (唐 + 建中), 何原因 (何 + 原因), 和兀良|哈 (兀良哈). The word less its first or last
 * character, run on into the question as far as the text follows, is at least 2 characters the text holds, and not
 * cutting a name of the text (北京大学 is not in 南京大学). Words of 3 characters or more.
 */
export function holdsGlued(word: string, question: string, text: string, names: NameSpans): boolean {
  const chars = [...word];
  const start = question.indexOf(word);
  if (chars.length < 2 || start < 0 || !/^\p{Script=Han}+$/u.test(word)) return false;
  const q = [...question];
  const at = [...question.slice(0, start)].length;
  // A two-character word keeps one: the span must hold two more of the question (县政府驻 for 县政府驻点).
  const minSpan = chars.length === 2 ? 3 : 2;
  const held = (from: number, to: number) => {
    if (to - from < minSpan) return false;
    const span = q.slice(from, to).join('');
    const found = text.indexOf(span);
    if (found < 0) return false;
    const first = [...text.slice(0, found)].length;
    return !names.cuts(first, first + to - from - 1);
  };
  // Less the first character: run on after the word while the text still holds the span.
  let end = at + chars.length;
  if (held(at + 1, end)) return true;
  for (; end < q.length && /\p{Script=Han}/u.test(q[end] ?? ''); end++) if (held(at + 1, end + 1)) return true;
  // Less the last character: run back before the word.
  for (let from = at; from >= 0 && (from === at || /\p{Script=Han}/u.test(q[from] ?? '')); from--)
    if (held(from, at + chars.length - 1)) return true;
  return false;
}

/** A year's digits in Han numerals, as texts write a year out (二〇〇五年, 二零零五年, 一九五〇年). */
const HAN_DIGIT = new Map([...`${ZEROS}${DIGITS}`].map((c, k) => [c, String(Math.max(0, k - 1))]));
const HAN_YEAR = new RegExp(`[${ZEROS}${DIGITS}]{4}(?=年)`, 'gu');

/**
 * True when the text names the year asked, in any of the forms a text writes it: 2005, 二零零五年, and for a
 * decade asked (1950年代) any year of it or the decade said by its century (20世纪50年代, 50年代).
 */
export function namesYear(text: string, question: string, year: string): boolean {
  if (text.includes(year)) return true;
  const spelled = [...text.matchAll(HAN_YEAR)].map((m) => [...m[0]].map((c) => HAN_DIGIT.get(c)).join(''));
  if (spelled.includes(year)) return true;
  if (!question.includes(`${year}年代`) || !year.endsWith('0')) return false;
  const decade = year.slice(0, 3);
  return text.includes(`${year.slice(2)}年代`) || new RegExp(`(?<!\\d)${decade}\\d(?!\\d)`, 'u').test(text);
}

/**
 * False for a number of years counted back (4000年前, 1亿1234万5678年前: years ago) that cannot be a year of the
 * calendar, being later than the present; 1990年前 (before 1990) stays a year.
 */
function isCalendarYear(question: string, year: string): boolean {
  return !(Number(year) > new Date().getFullYear() && question.includes(`${year}年前`));
}

function idfShare(terms: ContentTerm[], keep: (t: ContentTerm) => boolean): number {
  const total = terms.reduce((s, t) => s + t.idf, 0);
  if (total === 0) return 0;
  return terms.filter(keep).reduce((s, t) => s + t.idf, 0) / total;
}

/** What a rule of the table sees of a passage, for a question (its sentence about the question on demand). */
export function passageView(engine: SearchEngine, q: AnalyzedQuestion, passage: Passage): PassageView {
  const sentences = engine.matchSentences(passage);
  return {
    text: engine.passageMatchText(passage),
    sentences,
    documentYear: engine.documentYear(passage.documentId),
    about: () => sentences[bestSentence(sentences, q.contentTerms).index] ?? '',
  };
}

/** What a candidate passage tells about the question: how much of it the passage holds, and why it cannot answer. */
export interface Verdict {
  evidence: number;
  /** The question's words the corpus never mentions and this passage does not hold in another form. */
  absent: ContentTerm[];
  /** Holds too little of the question. */
  weak: boolean;
  /** The question is about something the corpus does not hold (a name it never mentions, another year …). */
  elsewhere: boolean;
  /** The passage does not give what the question asks for: the ids of the table's rules it fails. */
  wrongKind: string[];
}

/** A number written in digits (112.8385): jieba tags it a Latin word (eng), but it is no noun. */
const NUMBER = /^[\d.,]+$/u;
/** Characters of the question on each side of a word that the text must hold joined, for holdsAround. */
const AROUND_CHARS = 2;

/**
 * True when the text holds what the question says on both sides of a word, joined without it: the word is a
 * modifier the text leaves out (水坝的坝体结构 said 水坝的结构). AROUND_CHARS Han characters each side.
 */
export function holdsAround(word: string, question: string, text: string): boolean {
  const at = question.indexOf(word);
  if (at < 0) return false;
  const before = question.slice(Math.max(0, at - AROUND_CHARS), at);
  const after = question.slice(at + word.length, at + word.length + AROUND_CHARS);
  const han = /^\p{Script=Han}+$/u;
  if ([...before].length < AROUND_CHARS || [...after].length < AROUND_CHARS) return false;
  return han.test(before) && han.test(after) && text.includes(before + after);
}

/**
 * True when the absent words show the question is about something the corpus does not hold: a name it never
 * mentions (北京大学, 北大, 腾讯), a well-known person or place (香港, not a compass region: 西南 for 西部), an English
 * name the glossary does not know (Peking University), or, when the passage is not a strong match, a common noun
 * (校长, 有效期) whose characters (名校 is 知名高校 said short) and head (研究成果 is a kind of 成果) it lacks too.
 */
function namesSomethingElse(q: AnalyzedQuestion, absent: ContentTerm[], text: string, evidence: number): boolean {
  // The kind of thing asked for (哪些范畴) is how the question names the answer, not something it is about.
  const about = absent.filter((t) => !namesAskedKind(q.normalized, t.term) && !isAskingWord(t.term));
  const name = (t: ContentTerm) =>
    isSalientNoun(t, PROPER_NAME_TAG) || (ABBREVIATED_INSTITUTION.test(t.term) && isSalientNoun(t, /^j$/));
  const personOrPlace = (t: ContentTerm) =>
    isSalientNoun(t, PERSON_OR_PLACE_TAG, MISSING_NAME_IDF) && !COMPASS_REGION.test(t.term);
  const commonNoun = (t: ContentTerm) =>
    isSalientNoun(t, COMMON_NOUN_TAG) &&
    !NUMBER.test(t.term) &&
    ![...t.term].every((c) => text.includes(c)) &&
    !holdsHead(t.term, text) &&
    !holdsAround(t.term, q.normalized, text);
  return (
    (isOn('absent-name') &&
      (about.some((t) => name(t) || personOrPlace(t)) || absent.some((t) => q.unknownNames.includes(t.term)))) ||
    (isOn('absent-noun') && evidence < MISSING_NOUN_EVIDENCE && about.some(commonNoun))
  );
}

/**
 * True when the passage is of another agreement than the one the question names and does not name the question's
 * party either: it answers for the wrong party (清华在重庆设立的研究院 against SJTU's 重庆研究院).
 */
function ofOtherParty(engine: SearchEngine, q: AnalyzedQuestion, passage: Passage, text: string): boolean {
  return (
    isOn('other-party') &&
    passage.topic !== null &&
    q.topics.length > 0 &&
    !q.topics.includes(passage.topic) &&
    !engine.names.find(text).some((f) => f.topicId !== null && q.topics.includes(f.topicId))
  );
}

/** Judges one ranked passage as the answer to an analyzed question (see DESIGN.md, "No answer"). */
export function judge(
  engine: SearchEngine,
  q: AnalyzedQuestion,
  missingTerms: ContentTerm[],
  passage: Passage,
): Verdict {
  const view = passageView(engine, q, passage);
  // Substring, not token, matching: it does not depend on how jieba happened to cut question and passage.
  const text = view.text;
  // A year that is the passage's document's own, when the passage names no year (2020年 asked of a 2020
  // article's "6月3日"), or that it names in another form (2019年 for its 去年), is evidence, not a gap.
  const ownYear = (t: ContentTerm) => engine.holdsYear(passage, t.term);
  const evidence = idfShare(q.contentTerms, (t) => holdsTerm(text, t) || ownYear(t));
  // Words the corpus never mentions, unless the passage holds them shortened or written out (中科院 / 中国科学院).
  const names = namesOf(engine, text);
  const absent = missingTerms.filter(
    (t) =>
      !ownYear(t) &&
      !appearsInOrder(t.term, text, names.overlaps) &&
      !holdsSoundAlike(t.term, text) &&
      !holdsGlued(t.term, q.normalized, text, names),
  );
  const missingShare = idfShare(q.contentTerms, (t) => absent.includes(t));
  // A question about a year (2020年) is not answered by a passage that never names that year, unless its
  // document is of that year (a 2020 article's "6月3日" is in 2020).
  const otherYear = q.contentTerms.some((t) => {
    const year = engine.yearAsked(passage, t.term);
    return (
      year !== undefined && !ownYear(t) && isCalendarYear(q.normalized, year) && !namesYear(text, q.normalized, year)
    );
  });
  const asked = { normalized: q.normalized, terms: q.contentTerms, counted: q.countedUnit };
  return {
    evidence,
    absent,
    weak: isOn('weak-evidence') && evidence < EVIDENCE_FLOOR,
    elsewhere:
      (isOn('missing-share') && missingShare >= MISSING_SHARE_CEILING) ||
      namesSomethingElse(q, absent, text, evidence) ||
      (isOn('other-year') && otherYear) ||
      (isOn('other-date') && absent.some((t) => isMonthDay(t.term))) ||
      ofOtherParty(engine, q, passage, text),
    wrongKind: askedRules(q.asks, 'decline')
      .filter((rule) => rule.gives && !rule.gives(view, asked))
      .map((rule) => rule.id),
  };
}

/** True when the verdict lets the passage answer. */
export const answers = (v: Verdict): boolean => !v.weak && !v.elsewhere && v.wrongKind.length === 0;
