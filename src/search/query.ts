import { writtenDay } from '../text/dates.js';
import { normalizeText } from '../text/normalize.js';
import { generalIdf, isDictionaryWord, MEASURE_WORDS, questionBigrams, tagWords, wordTerms } from '../text/tokenize.js';
import type { NameMatcher } from '../corpus/topics.js';
import {
  AREA_WORDS,
  COUNTING_MEASURES,
  COUNTING_NUMERALS,
  DISTANCE_LI,
  FINAL_PARTICLES,
  HAN_NUMERALS,
  hanNumberValue,
  NEGATED_EN_SOURCE,
  NEGATED_SOURCE,
  SET_ASIDE_SOURCE,
} from '../text/lexicon.js';
import { countedUnit, countingPart, type CountedUnit } from '../question/kinds/number.js';
import { askedAreaWord } from '../question/kinds/subject.js';
import { ASKED_TIME_NOUN } from '../question/kinds/time.js';
import { rulesAsked, type RuleId } from '../question/rules.js';

/** A question word that carries meaning, weighted by how informative it is in general Chinese. */
export interface ContentTerm {
  term: string;
  idf: number;
  /**
   * Words of the corpus that stand for the term where the corpus never uses it as a word (签 → 签署, 老师 →
   * 教师; see SearchEngine.analyze): a text holding one of them holds the term.
   */
  alternatives?: readonly string[];
  /** The term is only in the clause the question sets aside (除了科技和人才，…): not what it asks about. */
  setAside?: boolean;
}

/** True when the text holds the term, or one of the words standing for it. */
export function holdsTerm(text: string, t: ContentTerm): boolean {
  return text.includes(t.term) || (t.alternatives?.some((a) => text.includes(a)) ?? false);
}

/** Everything the ranker needs from a question, computed once. */
export interface AnalyzedQuestion {
  normalized: string;
  /** Search-mode words (sub-words included), names expanded to their canonical form. */
  words: string[];
  /** Near-synonyms searched for words the corpus never uses (SearchEngine.analyze fills them in). */
  synonymWords: string[];
  /** Han bigrams of the question's content words. */
  bigrams: string[];
  /** Whole content words (exact mode), the evidence "no answer" is judged on. */
  contentTerms: ContentTerm[];
  /** Agreements the question names (清华 → tsinghua) … */
  topics: string[];
  /** … and those it names only to set them aside (除了清华，还跟哪所大学签了协议: not tsinghua). */
  setAsideTopics: string[];
  /** Canonical names added for aliases the question used (上海交大 → 上海交通大学). */
  expansions: string[];
  /** The rules of the table (src/question/rules.ts) that the question asks by: when, number, person … */
  asks: ReadonlySet<RuleId>;
  /**
   * What a "how many" question counts: the measure word and the nouns after 几 / 多少 (几个方面 → 个 + 方面, 多少人 → 人,
   * 几所知名高校 → 所 + 高校), neither when the question does not say (投入了多少, how many).
   */
  countedUnit: CountedUnit;
  /**
   * Latin words the expander could not read inside a run of capitalized words (Peking in "Did Peking University
   * sign…"): names, as far as English tells.
   */
  unknownNames: string[];
}

/**
 * The clause a question sets aside: 除了清华(以外)，… / 除清华外，… / besides Tsinghua, … The question asks about
 * something other than what the clause names. In Chinese the clause ends at 以外 / 之外, at 外 before a comma, 还,
 * 也 or 的 (除了清华外，; not 除了国外大学), or, after 除了, at a comma, a space, 还 or 也; 消除 / 排除 set nothing
 * aside. In English it ends at punctuation, after at most SET_ASIDE_WORDS words (the name set aside, not the rest of
 * the question).
 */
const SET_ASIDE_ZH = new RegExp(SET_ASIDE_SOURCE, 'u');
const SET_ASIDE_EN = /\b(?:besides|apart from|aside from|other than|except(?: for)?)\s+([^,.?!;]+)/u;
const SET_ASIDE_WORDS = 4;
/** A clause saying what the question is not about (…，不是清华; …, not Tsinghua): set aside as well. */
const NEGATED_ZH = new RegExp(NEGATED_SOURCE, 'u');
const NEGATED_EN = new RegExp(NEGATED_EN_SOURCE, 'u');

/**
 * The set-aside clause of a normalized question, its frame (除了 | 外) and the question without both, or undefined.
 */
function splitSetAside(normalized: string): { clause: string; frame: string; rest: string } | undefined {
  const zh = SET_ASIDE_ZH.exec(normalized) ?? NEGATED_ZH.exec(normalized);
  if (zh) {
    const clause = zh[1] ?? zh[2] ?? '';
    return { clause, frame: zh[0].replace(clause, '|'), rest: normalized.replace(zh[0], '|') };
  }
  const en = SET_ASIDE_EN.exec(normalized) ?? NEGATED_EN.exec(normalized);
  if (!en) return undefined;
  const clause = (en[1] ?? '').trim().split(/\s+/u).slice(0, SET_ASIDE_WORDS).join(' ');
  return { clause, frame: '', rest: normalized.replace(clause, '|') };
}

/** The normalized question without its set-aside clause and frame (除了科技和人才，还在哪些方面 → |还在哪些方面). */
export function withoutSetAside(normalized: string): string {
  return splitSetAside(normalized)?.rest ?? normalized;
}

/** 里 as a unit of distance: after a number (30里, 几里, 多少里; jieba keeps 三十里 whole). */
const DISTANCE = new RegExp(`(?:[\\d${COUNTING_NUMERALS}几]|多少)${DISTANCE_LI}`, 'u');

/** Extra Chinese text to search for a question (issue 5's English glossary plugs in here). */
export type QueryExpander = (normalizedQuestion: string) => string[][];

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/**
 * A month and day (6月8日, 6月), a year (2019年) or a number with its measure word (14家, 100所): one question
 * term, so that "2019年" is found in "以2019年为例" but not in "2019—2022年", and 6月8日 is not 6月3日. A year
 * stays a term of its own (2019年6月8日 → 2019年 + 6月8日): "no answer" judges years apart.
 */
const NUMBER_TERM = new RegExp(
  `(?<![\\p{Script=Latin}\\d.])(?:\\d{1,2}月(?:\\d{1,2}[日号])?|\\d+[${MEASURE_WORDS}])`,
  'gu',
);
export { yearOf } from '../text/dates.js';

/** Weight of such a term: as informative as a specific noun (jieba's table does not know numbers). */
const NUMBER_TERM_IDF = 8;

/**
 * Replaces the pieces jieba cut a date or a quantity into (2019 + 年; 月 + 日, since jieba drops lone digits as
 * stop words) with the whole, in every text of the question (the English expander writes June 8 as 6月8日).
 */
function withNumberTerms(texts: string[], terms: ContentTerm[]): ContentTerm[] {
  let out = terms;
  for (const text of texts) {
    for (const [whole] of text.matchAll(NUMBER_TERM)) {
      const pieces = new Set(whole.match(/\d+|\D/gu));
      out = out.filter((t) => !pieces.has(t.term) && t.term !== whole);
      // A day said 号 (6月3号) is written 日 (6月3日).
      const written = writtenDay(whole);
      out.push({ term: whole, idf: NUMBER_TERM_IDF, ...(written === whole ? {} : { alternatives: [written] }) });
    }
    // A count in Chinese numerals also matches the way documents mostly write counts, in digits (五个方面 finds
    // 5个方面); one (一个, 一批) is an article more than a count, and 哪两个 asks.
    for (const m of text.matchAll(HAN_COUNT)) {
      const value = hanNumberValue(m[1]!);
      if (value === undefined || value < 2) continue;
      const digits = `${value}${m[2]}`;
      out = out.map((t) =>
        t.term === m[0] || t.term === m[1]
          ? { ...t, term: m[0], alternatives: [...(t.alternatives ?? []), digits] }
          : t,
      );
    }
  }
  return out;
}

/** A count in Chinese numerals with its counting measure word (五个, 十二所, 两百家), not asked (哪两个, 第三个). */
const HAN_COUNT = new RegExp(`(?<![${HAN_NUMERALS}\\d哪几第])([${COUNTING_NUMERALS}]+)([${COUNTING_MEASURES}])`, 'gu');

/**
 * Two or more capitalized words or acronyms in a row (Peking University, Fudan University Press, NBA Finals): a
 * name. A lone capital (a sentence's first word, "Thanks, Bot") and a lone acronym (PhD, MOU) are not taken for one,
 * nor a run whose only unknown words are acronyms (SJTU CQ).
 */
const CAPITALIZED_RUN = /(?:\p{Lu}\p{Ll}+|\p{Lu}{2,})(?:['’]s)?(?: (?:\p{Lu}\p{Ll}+|\p{Lu}{2,})(?:['’]s)?)+/gu;
const ACRONYM = /^\p{Lu}{2,}$/u;
const LATIN_WORD = /^\p{Script=Latin}[\p{Script=Latin}\d.'’&-]*$/u;
/** Weight of an English word the glossary could not translate, relative to its IDF. */
const UNKNOWN_ENGLISH_WEIGHT = 0.5;

/**
 * A modal particle closing a spoken question (哪天呀, 几号啊, 是什么呢): it adds tone, not content, and jieba may
 * glue it to the word before (哪天呀 → 哪 + 天呀, an interjection). Only after a Han character and before the end,
 * punctuation or a space.
 */
const FINAL_PARTICLE = new RegExp(String.raw`(?<=\p{Script=Han})[${FINAL_PARTICLES}](?=[\s\p{P}\p{S}]|$)`, 'gu');

/** Drops closing particles, but not the last character of a noun (酒吧, 网吧, 喇嘛, 爪哇: jieba tags them n / ns). */
function dropFinalParticles(text: string): string {
  return text.replace(FINAL_PARTICLE, (particle, at: number) => {
    const word = text.slice(at - 1, at + 1);
    return isDictionaryWord(word) && tagWords(word).some((w) => w.word === word && /^n/.test(w.tag)) ? particle : '';
  });
}

/**
 * Terms an expander gives as alternatives of one meaning (cooperation → 合作 / 协同) are one term: a passage holds
 * the meaning when it holds either, and the meaning weighs once. Groups sharing a word are one meaning (results →
 * 成果 / 成效, effects → 成效 / 影响); a member that is only stop words is left out of its group, one of several words
 * keeps its words as terms of their own. The question's own words stay terms. Returns, for each meaning, its first
 * word in question order (the term) with the others (its alternatives).
 */
function meaningsOf(groups: string[][], candidates: string[], own: string[]): Map<string, string[]> {
  const meanings: Array<Set<string>> = [];
  for (const group of groups) {
    const single = unique(
      group
        .map((g) => wordTerms(g, 'exact'))
        .filter((w) => w.length === 1)
        .map((w) => w[0] ?? ''),
    );
    if (single.length < 2) continue;
    const merged = new Set(single);
    for (const m of meanings.filter((m) => single.some((w) => m.has(w)))) {
      for (const w of m) merged.add(w);
      meanings.splice(meanings.indexOf(m), 1);
    }
    meanings.push(merged);
  }
  const alternativesOf = new Map<string, string[]>();
  for (const meaning of meanings) {
    const [first, ...rest] = candidates.filter((c) => meaning.has(c) && !own.includes(c));
    if (first !== undefined && rest.length > 0) alternativesOf.set(first, rest);
  }
  return alternativesOf;
}

/**
 * Analyzes a question with the same pipeline as the index (normalize → jieba → stop words), then expands
 * party aliases to canonical names so 上海交大 finds passages that only say 上海交通大学.
 */
export function analyzeQuestion(question: string, names: NameMatcher, expand?: QueryExpander): AnalyzedQuestion {
  const normalized = dropFinalParticles(normalizeText(question));
  const found = names.find(normalized);
  const expansions = unique(found.filter((f) => f.alias !== f.canonical).map((f) => f.canonical));
  const groups = expand ? expand(normalized) : [];
  const extra = unique(groups.flat());
  // The expander's Chinese terms are read like the question: names in canonical form, set apart (重庆研究院 is
  // indexed as 重庆 + 研究院), so every term kind comes from the same texts.
  const texts = [normalized, ...extra].map((t) => names.canonicalize(t));
  const setAside = splitSetAside(normalized);
  const contentTerms = withSetAside(
    withNumberTerms(texts, termsAsCut(texts, groups, names, expand !== undefined)),
    setAside,
    normalized,
    names,
  );
  // A name is searched as one whole term: its sub-words and bigrams (上海, 交通, 海交 …) would let passages
  // that merely repeat the name outrank the passage that holds the question's other words.
  const namesRemoved = [normalized, ...extra].map((t) => names.canonicalize(t, () => '|'));
  const nameTerms = unique([normalized, ...extra].flatMap((t) => names.find(t).map((f) => f.canonical)));
  const topics = unique(found.map((f) => f.topicId).filter((t): t is string => t !== null));
  const topicsOf = (text: string) => new Set(names.find(text).map((f) => f.topicId));
  const outsideClause = topicsOf(setAside?.rest ?? normalized);
  const setAsideTopics = [...topicsOf(setAside?.clause ?? '')].filter(
    (t): t is string => t !== null && !outsideClause.has(t),
  );
  const asks = new Set(rulesAsked(normalized));
  const { searched, terms } = askedKindWords(asks, normalized, contentTerms);
  return {
    normalized,
    words: [
      ...namesRemoved.flatMap((t) => wordTerms(t, 'search')),
      ...nameTerms,
      // Counts in digits for counts written in Chinese numerals (五个 → 5个, above).
      ...contentTerms.flatMap((t) => (t.alternatives ?? []).filter((a) => /^\d/u.test(a))),
    ].filter(searched),
    synonymWords: [],
    bigrams: unique(namesRemoved.flatMap(questionBigrams)).filter(searched),
    contentTerms: terms,
    topics: topics.filter((t) => !setAsideTopics.includes(t)),
    setAsideTopics,
    expansions,
    asks,
    // 说几个 asks for examples, not a number.
    countedUnit: countedUnitOf(normalized, expand),
    unknownNames: unknownNamesOf(question, extra),
  };
}

/**
 * The question's words as cut (exact mode), each with its weight and the expander's other meanings of it. With an
 * expander, the question's own Latin words are its business: it returns their Chinese terms, and the words it
 * could not translate as they are (still evidence the corpus may lack).
 */
function termsAsCut(texts: string[], groups: string[][], names: NameMatcher, expanded: boolean): ContentTerm[] {
  const own = wordTerms(texts[0] ?? '', 'exact').filter((w) => !(expanded && LATIN_WORD.test(w)));
  const candidates = unique([...own, ...texts.slice(1).flatMap((t) => wordTerms(t, 'exact'))]);
  const alternativesOf = meaningsOf(
    groups.map((g) => g.map((t) => names.canonicalize(t))),
    candidates,
    own,
  );
  const alternate = new Set([...alternativesOf.values()].flat());
  return candidates
    .filter((term) => !alternate.has(term))
    .map((term): ContentTerm => {
      const alternatives = alternativesOf.get(term);
      return {
        term,
        // An English word the glossary does not know is often only a gap in the glossary (deal, heritage): it
        // weighs half as much as an unknown Chinese word.
        idf: LATIN_WORD.test(term) && expanded ? generalIdf(term) * UNKNOWN_ENGLISH_WEIGHT : generalIdf(term),
        ...(alternatives ? { alternatives } : {}),
      };
    });
}

/**
 * The content terms with the set-aside clause read: its words and names that the rest of the question does not use
 * are marked set aside (what it asks about is something else; whole terms: 大学 in "besides Tsinghua, which
 * university" is asked about), and the frame's own words (外 in 除了清华外) are no content.
 */
function withSetAside(
  terms: ContentTerm[],
  setAside: ReturnType<typeof splitSetAside>,
  normalized: string,
  names: NameMatcher,
): ContentTerm[] {
  const termsOf = (text: string) =>
    new Set([...wordTerms(names.canonicalize(text), 'exact'), ...names.find(text).map((f) => f.canonical)]);
  const clauseTerms = termsOf(setAside?.clause ?? '');
  const restTerms = termsOf(setAside?.rest ?? normalized);
  const frameTerms = termsOf(setAside?.frame ?? '');
  return (
    terms
      .filter((t) => !frameTerms.has(t.term) || clauseTerms.has(t.term) || restTerms.has(t.term))
      // 里 after a noun is "in" (报道里, 图片里), a unit of distance only after a number (三十里).
      .filter((t) => t.term !== DISTANCE_LI || DISTANCE.test(normalized))
      .map((t) => (clauseTerms.has(t.term) && !restTerms.has(t.term) ? { ...t, setAside: true } : t))
  );
}

/** "How many X" in English: X, the (at most three) words after "how many", up to an auxiliary verb or the end. */
const HOW_MANY_EN =
  /\bhow many ((?:[a-z-]+ ){0,2}?[a-z-]+)(?= (?:do|does|did|are|is|was|were|will|would|can|could|have|has|had|should)\b|[\s?,.!]*$)/iu;

/**
 * What a "how many" question counts (number.ts countedUnit); in English, the noun after "how many" read through the
 * expander (how many areas → 领域, how many companies → 公司), so that a count or a list of it answers as in Chinese.
 */
function countedUnitOf(normalized: string, expand?: QueryExpander): CountedUnit {
  const unit = countedUnit(countingPart(normalized));
  const phrase = HOW_MANY_EN.exec(normalized)?.[1];
  if (unit.measure !== '' || unit.nouns.length > 0 || !expand || phrase === undefined) return unit;
  const read = unique(expand(`how many ${phrase}`).flat());
  return { measure: '', nouns: read.filter((w) => /^\p{Script=Han}{2,}$/u.test(w) && !/^(?:多少|几)/u.test(w)) };
}

/**
 * The words naming the kind of answer asked for, which are not searched. The area word (哪些领域) names the same kind
 * as 方面 / 范畴 / 层面: a text holding any holds it (哪些领域 against "在…等多方面开展深度合作"; only that word: 在军事
 * 层面 is what the question is about; English "which areas / fields" is read as fields, 领域); searched, 哪些领域合作
 * would find "在科技创新领域已经开展了多项合作" first for its 领域, not the agreement's list of 方面. So with the time
 * noun a question ends in (上海交大的签约时间, 那日期呢): it asks when, as 哪天 does, and is no content term.
 */
function askedKindWords(
  asks: Set<RuleId>,
  normalized: string,
  contentTerms: ContentTerm[],
): { searched: (word: string) => boolean; terms: ContentTerm[] } {
  const askedArea = asks.has('areas') ? askedAreaWord(normalized) : undefined;
  const askedTime = asks.has('when') ? ASKED_TIME_NOUN.exec(normalized)?.[1] : undefined;
  const terms = contentTerms
    .filter((t) => t.term !== askedTime)
    .map((t) =>
      t.term === askedArea
        ? { ...t, alternatives: [...(t.alternatives ?? []), ...AREA_WORDS.filter((k) => k !== t.term)] }
        : t,
    );
  return { searched: (word) => word !== askedArea && word !== askedTime, terms };
}

/**
 * A capitalized run's words the glossary could not read (Peking University), unless they are only acronyms (SJTU CQ,
 * Tsinghua ICT: a known name with an abbreviation the glossary lacks is still about the article).
 */
function unknownNamesOf(question: string, extra: string[]): string[] {
  const unknownLatin = new Set(extra.filter((t) => LATIN_WORD.test(t)));
  return [...question.matchAll(CAPITALIZED_RUN)].flatMap((m) => {
    const words = m[0].split(' ').map((w) => w.replace(/['’]s$/u, ''));
    const unknown = words.filter((w) => unknownLatin.has(normalizeText(w)));
    return unknown.some((w) => !ACRONYM.test(w)) ? unknown.map((w) => normalizeText(w)) : [];
  });
}
