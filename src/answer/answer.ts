import type { Passage } from '../corpus/types.js';
import {
  COUNTING_MEASURES,
  countsUnit,
  givesDistrict,
  givesMoney,
  givesNumber,
  givesRoad,
  isDictionaryWord,
  isCount,
  tagWords,
  wordTerms,
} from '../text/tokenize.js';
import type { RankedPassage, SearchEngine } from '../search/engine.js';
import { givesClock, givesDay, givesDuration, givesRelativeTime, givesYear, yearsNamed } from '../text/dates.js';
import { CHINESE_WHEN, holdsTerm, type AnalyzedQuestion, type ContentTerm } from '../search/query.js';
import { bestSentence } from '../search/rerank.js';
import { escapeRegExp } from '../text/regexp.js';
import { synonymsOf } from '../text/synonyms.js';
import type { Question } from '../question/types.js';

/** Questions longer than this are refused by the answering core (the bot cuts them before asking). */
export const MAX_QUESTION_CHARS = 500;
/** Answers given by default (the CLI's --top). */
export const DEFAULT_TOP = 3;

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
const COMPASS_REGION = /^[东西南北中华][东西南北部方]$/u;
/** When the corpus never mentions this share of the question's information, it is about something else. */
export const MISSING_SHARE_CEILING = 0.5;
/** jieba POS tags of names: nr person, ns place, nt organization, nz other proper noun. */
const PROPER_NAME_TAG = /^(nr|nrt|ns|nt|nz)$/;
/**
 * jieba tags abbreviations j: names of institutions (北大, 人大, 北师大, 中科大) but also common words (一共, 上下游,
 * 光伏). Those ending like an institution (大学 → 大, 学院 / 研究院 → 院, 研究所 → 所, 学校 → 校) count as names.
 */
const ABBREVIATED_INSTITUTION = /[大院所校]$/u;
/** jieba POS tags of common nouns, and of Latin words (eng) the glossary could not read. */
const COMMON_NOUN_TAG = /^(n|eng)$/;

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
const NAMING_NOUNS = new Set(['全称', '简称', '名称', '全名', '正式名称']);

/**
 * True when the question uses the term for the kind of thing it asks for: the noun closing a phrase opened by
 * 哪些 / 哪个 / 哪两所 / 什么 … at most two characters before it (哪些合作范畴, 哪两所名校, 在什么范畴开展), not a
 * modifier inside it (哪些台湾的大学, 哪些台湾大学: 台湾 is what it is about), nor a word after 为什么 / 什么时候 /
 * 什么地方. The text may call that kind otherwise (领域 for 范畴), so the word is no evidence of another subject.
 */
function namesAskedKind(question: string, term: string): boolean {
  // An organization's name stays one (哪些台湾大学: jieba's nt tags are names; its nr / ns tags also fall on
  // common words such as 范畴 and 东西).
  if (tagWords(term).some((w) => w.word === term && w.tag === 'nt')) return false;
  const opener = `哪(?:[一二两三四五六七八九十几\\d]+[${COUNTING_MEASURES}]|[些个类种])|哪几|(?<!为)什么(?!时候|地方)|啥|何种`;
  const opened = new RegExp(`(?:${opener})\\p{Script=Han}{0,2}?${escapeRegExp(term)}`, 'u').exec(question);
  if (!opened) return false;
  const next = tagWords(question.slice(opened.index + opened[0].length))[0];
  return next === undefined || !(/^n/.test(next.tag) || /^[的之]/u.test(next.word));
}

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

/**
 * A function telling whether characters first..last of a text lie in one of its names: a word jieba tags
 * nr/ns/nt/nz, or a party's name (topics.json; jieba tags the words it was given x).
 */
function namesOf(engine: SearchEngine, text: string): (first: number, last: number) => boolean {
  let spans: Array<[number, number]> | undefined;
  return (first, last) => {
    if (!spans) {
      spans = [];
      let at = 0;
      for (const { word, tag } of tagWords(text)) {
        const length = [...word].length;
        const isName = PROPER_NAME_TAG.test(tag) || engine.names.find(word).some((f) => f.alias === word);
        if (isName) spans.push([at, at + length - 1]);
        at += length;
      }
    }
    return spans.some(([a, b]) => a <= last && first <= b);
  };
}

function idfShare(terms: ContentTerm[], keep: (t: ContentTerm) => boolean): number {
  const total = terms.reduce((s, t) => s + t.idf, 0);
  if (total === 0) return 0;
  return terms.filter(keep).reduce((s, t) => s + t.idf, 0) / total;
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
 * the best lacks) but ranks below it answers instead when its score is at least this share of the best score …
 */
export const ANSWER_KIND_MARGIN = 0.9;
/** … and it is among this many best-ranked passages (whatever the number of answers asked for). */
const ANSWER_KIND_DEPTH = 5;

/**
 * True when the text counts what a "how many" question counts (5个方面 for 几个方面, 10家企业 for 多少家企业): a
 * passage ranked below the best must give that number, not any number (5个方面 does not answer 多少人).
 */
const countsAsked = (q: AnalyzedQuestion, text: string): boolean => !q.asksHowMany || countsUnit(text, q.countedUnit);

/**
 * Characters a Chinese surname (or the first syllable of a transliterated name) starts with: the common single
 * surnames and the first characters of compound ones (欧阳, 司马, 司徒, 上官, 诸葛, 东方 …). General knowledge.
 */
const SURNAME_START = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝伊上诸东皇尉公慕长宇令端独澹',
]);

/**
 * A word jieba tags as a person's name (nr, nrt: 王京华, 罗纳尔多, 安倍晋三). Its dictionary also tags thousands of
 * four-character idioms and phrases nr (大力支持, 一劳永逸): a name of four or more characters tagged nr counts only
 * when it starts like a surname (安, 伊, 司徒, 上官; not 大, 一).
 */
function namesPerson({ word, tag }: { word: string; tag: string }): boolean {
  if (!/^nr/.test(tag)) return false;
  const chars = [...word];
  return chars.length < 4 || tag === 'nrt' || SURNAME_START.has(chars[0] ?? '');
}

/** The passage's sentence (match text) holding most of the question. */
function sentenceAbout(engine: SearchEngine, q: AnalyzedQuestion, passage: Passage): string {
  const [, sentences] = engine.passageSentences(passage);
  return sentences[bestSentence(sentences, q.contentTerms).index] ?? '';
}

/** A time asked relative to the event named (签约后, 之后, 以后, after) or of its repeat (再, 重新, 续签, again, renew). */
const TIME_OF_ANOTHER = /后|再|重新|续签|续约|\b(?:after|again|renew\w*)\b/u;

/** A Chinese "when" (什么时候, 啥时, 哪天 …) followed by the event it asks the time of (第一颗卫星什么时候发射). */
const WHEN_WORD = new RegExp(CHINESE_WHEN, 'u');
/** Verbs after a "when" that only lead to the event (什么时候开始招收, 什么时候能建成). */
const LEADING_VERBS = new Set(['开始', '可以', '能够']);
/** Words that make a sentence tell what is to be when a verb follows them (将搭建, 计划投入, 预计建成). */
const PLAN_WORDS = new Set(['将', '即将', '计划', '预计', '拟', '有望', '准备']);
/** What may follow a plan word for it to be one: a verb, an adverb, a preposition, a time (将于, 计划明年). */
const PLANNED = /^(?:v|d|p|t|a|nr)/;

/**
 * The event a "when" question asks the time of: the first verb of two or more characters after its "when", and
 * the noun after it if there is one (哪一年开始招收研究生 → 招收, 研究生). A verb that only leads (开始, 能够) is
 * passed over when a verb follows it at once; else the question names no event this can read (什么时候开始新一轮
 * 专项行动).
 */
function askedEvent(question: string): string[] {
  const when = WHEN_WORD.exec(question);
  if (!when) return [];
  const after = tagWords(question.slice(when.index + when[0].length));
  let at = after.findIndex((w) => /^v/.test(w.tag) && w.word.length >= 2);
  if (at >= 0 && LEADING_VERBS.has(after[at]?.word ?? '')) at = /^v/.test(after[at + 1]?.tag ?? '') ? at + 1 : -1;
  const verb = after[at];
  if (at < 0 || verb === undefined) return [];
  const object = after.slice(at + 1).find((w) => /^n/.test(w.tag) && w.word.length >= 2)?.word;
  return [verb.word, ...(object ? [object] : [])];
}

/** True when a sentence tells what is to be: a plan word (将, 计划, 预计 …) followed by a verb, not 将 as 把 (将其, 将王位). */
function tellsPlan(sentence: string): boolean {
  const words = tagWords(sentence);
  return words.some(
    (w, k) => PLAN_WORDS.has(w.word) && PLANNED.test(words[k + 1]?.tag ?? '') && words[k + 1]?.word !== '其',
  );
}

/**
 * True when the passage names the event a "when" question asks about only in sentences without a time, one of
 * them telling that it is to be (该研发中心…将搭建…微小卫星、临基发射三大研究中心): the passage says it will happen,
 * not when; its other times are of other events (去年12月…揭牌成立). The event is named by its verb, or, in a
 * passage without the verb, by its object (招收研究生 against 将…开展研究生培养). A passage that names neither, or
 * names the event only as past, is left to the other rules (a time of it may stand in the sentence before).
 */
function plansWithoutTime(engine: SearchEngine, q: AnalyzedQuestion, passage: Passage): boolean {
  const [verb, object] = q.asksWhen ? askedEvent(q.normalized) : [];
  const sentences = engine.passageSentences(passage)[1];
  const event = verb !== undefined && sentences.some((s) => s.includes(verb)) ? verb : object;
  if (event === undefined) return false;
  const naming = sentences.filter((s) => s.includes(event));
  return naming.some(tellsPlan) && !naming.some((s) => givesDay(s) || givesYear(s) || givesRelativeTime(s));
}

/** What a candidate passage tells about the question: how much of it the passage holds, and why it cannot answer. */
interface Verdict {
  evidence: number;
  /** The question's words the corpus never mentions and this passage does not hold in another form. */
  absent: ContentTerm[];
  /** Holds too little of the question. */
  weak: boolean;
  /** The question is about something the corpus does not hold (a name it never mentions, another year …). */
  elsewhere: boolean;
  /** The passage does not give what the question asks for (a number, a year, a sum, a length of time, a person). */
  wrongKind: boolean;
}

/** Judges one ranked passage as the answer to an analyzed question (see DESIGN.md, "No answer"). */
function judge(engine: SearchEngine, q: AnalyzedQuestion, missingTerms: ContentTerm[], passage: Passage): Verdict {
  // Substring, not token, matching: it does not depend on how jieba happened to cut question and passage.
  const topText = engine.passageMatchText(passage);
  // A year that is the passage's document's own, when the passage names no year (2020年 asked of a 2020
  // article's "6月3日"), or that it names in another form (2019年 for its 去年), is evidence, not a gap.
  const ownYear = (t: ContentTerm) => engine.holdsYear(passage, t.term);
  const evidence = idfShare(q.contentTerms, (t) => holdsTerm(topText, t) || ownYear(t));
  // Words the corpus never mentions, unless the passage holds them shortened or written out (中科院 /
  // 中国科学院, 名校 / 知名高校).
  const inName = namesOf(engine, topText);
  const absent = missingTerms.filter((t) => !ownYear(t) && !appearsInOrder(t.term, topText, inName));
  const missingShare = idfShare(q.contentTerms, (t) => absent.includes(t));
  // The kind of thing asked for (哪些范畴) is how the question names the answer, not something it is about.
  const askedKind = (t: ContentTerm) => namesAskedKind(q.normalized, t.term);
  const aboutSomethingElse =
    // A name (北京大学, 北大, 腾讯) the corpus never mentions.
    absent.some(
      (t) =>
        !askedKind(t) &&
        (isSalientNoun(t, PROPER_NAME_TAG) || (ABBREVIATED_INSTITUTION.test(t.term) && isSalientNoun(t, /^j$/))),
    ) ||
    // … a well-known person or place (香港), but not a region named by compass points (西南 for 西部).
    absent.some(
      (t) => !askedKind(t) && isSalientNoun(t, PERSON_OR_PLACE_TAG, MISSING_NAME_IDF) && !COMPASS_REGION.test(t.term),
    ) ||
    // … or an English word the glossary does not know, in a run of capitalized words (Peking University).
    absent.some((t) => q.unknownNames.includes(t.term)) ||
    // A common noun (校长, 有效期) the corpus never mentions, when the passage is not a strong match and holds
    // neither the noun's characters (名校 is 知名高校 said short; 校长 is not 负责人) nor its head (研究成果 is a
    // kind of 成果).
    (evidence < MISSING_NOUN_EVIDENCE &&
      absent.some(
        (t) =>
          !askedKind(t) &&
          isSalientNoun(t, COMMON_NOUN_TAG) &&
          ![...t.term].every((c) => topText.includes(c)) &&
          !holdsHead(t.term, topText),
      ));
  // "How many / how much" is answered by a number: a passage that gives none cannot answer it.
  // A date or a year is not a count or an amount, unless time is what is counted (几号签的, 多少年).
  const numberless = q.asksHowMany && !givesNumber(topText, { dates: q.countsTime });
  // "How long" is answered by a length of time (三年, 为期), not by a date (6月3日签署 does not say for how long).
  const durationless = q.asksDuration && !givesDuration(topText);
  // "How much money" is answered by a passage that names a sum (11.42亿元, 731美元), not by "三大研究中心".
  const sumless = q.asksMoney && !givesMoney(topText);
  // A person's name is answered by a passage that names a person (jieba tag nr: 王京华), not by "有关负责人表示".
  const nameless = q.asksPersonName && !tagWords(topText).some(namesPerson);
  // "On which road" is answered by a road's name (人民路) or a house number, not by a district (两江新区).
  const roadless = q.asksRoad && !givesRoad(topText);
  // "At what time of day" (几点) is answered by a clock time or a part of the day (当天下午), not by a date alone.
  const clockless = q.asksClock && !givesClock(topText);
  // "Which district" is answered by a district's or county's name (两江新区), not by 开发区 or 西部(重庆)科学城.
  const districtless = q.asksDistrict && !givesDistrict(topText);
  // "Which year" is answered by a passage that gives a year, however vaguely (去年, 90年代), or a day of its
  // document's year (6月3日, 当天 in a 2020 article); one that gives neither cannot answer it (全球科学家重庆峰会是
  // 哪一年举办的 against "近年来…共同举办全球科学家重庆峰会").
  const documentYear = engine.documentYear(passage.documentId);
  const datedByDocument = documentYear !== undefined && givesDay(topText);
  const yearless = q.asksYear && !givesYear(topText) && !datedByDocument;
  // "When is it expected" is answered, in a dated document, by a time in the sentence about it (6月3日…签署, 当天
  // 下午…揭牌) or a year after the document's own (到2022年): a passage whose only time is of another sentence
  // (去年12月…揭牌成立, when the question is about its satellites' launch) tells what happened, not what is expected.
  const futureless =
    q.asksFutureWhen &&
    documentYear !== undefined &&
    !givesDay(sentenceAbout(engine, q, passage)) &&
    ![...yearsNamed(topText, wordTerms(topText, 'exact'), documentYear)].some((y) => Number(y) > Number(documentYear));
  // "When does it happen" is not answered by a passage telling only that it will (…将搭建…临基发射…).
  const planOnly = plansWithoutTime(engine, q, passage);
  // A question about a year (2020年) is not answered by a passage that never names that year, unless its
  // document is of that year (a 2020 article's "6月3日" is in 2020).
  const otherYear = q.contentTerms.some((t) => {
    const year = engine.yearAsked(passage, t.term);
    return year !== undefined && !ownYear(t) && !topText.includes(year);
  });
  // What actually came of something in a year after the document was written (到2022年实际引进了多少, in a 2020
  // article) is not in it, whatever it planned for that year.
  const laterOutcome =
    q.asksOutcome &&
    documentYear !== undefined &&
    q.contentTerms.some((t) => {
      const year = engine.yearAsked(passage, t.term);
      return year !== undefined && Number(year) > Number(documentYear);
    });
  // A passage of another agreement than the one the question names, that does not name the question's party
  // either, answers for the wrong party (清华在重庆设立的研究院 against SJTU's 重庆研究院), unless the question
  // asks for a party, naming the other as a landmark (跟清华签约五天后重庆又跟谁签约了).
  const otherParty =
    !q.asksParty &&
    passage.topic !== null &&
    q.topics.length > 0 &&
    !q.topics.includes(passage.topic) &&
    !engine.names.find(topText).some((f) => f.topicId !== null && q.topics.includes(f.topicId));
  // The reader's opinion (你觉得哪个帮助更大) is in no document, however many of the question's words are.
  const opinion = q.asksOpinion;
  return {
    evidence,
    absent,
    weak: evidence < EVIDENCE_FLOOR,
    elsewhere:
      missingShare >= MISSING_SHARE_CEILING || aboutSomethingElse || otherYear || laterOutcome || otherParty || opinion,
    wrongKind:
      numberless ||
      durationless ||
      sumless ||
      nameless ||
      yearless ||
      roadless ||
      districtless ||
      futureless ||
      planOnly ||
      clockless,
  };
}

const answers = (v: Verdict): boolean => !v.weak && !v.elsewhere && !v.wrongKind;

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
  if (q.contentTerms.length === 0 && q.bigrams.length === 0) {
    // Only question words (这篇报道的大标题是什么, 这篇新闻讲了什么事): a heading question gets the titles; any
    // other names nothing the documents could answer. Input without a word at all is no question.
    const titles = q.asksHeading ? engine.rankHeadings(analyzed, options.top ?? DEFAULT_TOP) : [];
    if (titles.length > 0)
      return { kind: 'answer', question, hits: titles.map((r) => toHit(engine, r, q)), evidence: 1 };
    if (/[\p{Script=Han}\p{Script=Latin}]/u.test(question))
      return { kind: 'none', question, reason: 'weak-match', evidence: 0, missing: [] };
    return { kind: 'invalid', question, error: 'no words to search for: ask with Chinese or English words' };
  }
  const questionText = engine.matchText(question);
  // A term with corpus words standing for it (老师 → 教师, cooperation's 合作 / 协同) is not missing, nor is a count
  // (这两份协议, 这2份协议: the corpus may count with another measure word), nor a noun naming what is asked for
  // (全称叫什么).
  const missingTerms = q.contentTerms.filter(
    (t) =>
      !NAMING_NOUNS.has(t.term) &&
      !engine.mentions(t.term) &&
      !(t.alternatives ?? []).some((a) => engine.mentions(a)) &&
      !isCount(t.term) &&
      !isSegmentationArtifact(engine, questionText, t.term),
  );
  // An opinion is missing as a whole: its words (觉得, 更好) are not what the documents lack.
  const listMissing = (terms: ContentTerm[]) => (q.asksOpinion ? [] : terms.map((t) => t.term));
  const missing = listMissing(missingTerms);
  const top = Math.max(options.top ?? DEFAULT_TOP, 1);
  // A question about a heading is answered by a heading that holds it, if one does; else like any other.
  const headings = (q.asksHeading ? engine.rankHeadings(analyzed, top) : [])
    .map((r) => ({ r, v: judge(engine, q, missingTerms, r.passage) }))
    .filter(({ v }) => answers(v));
  const heading = headings[0];
  if (heading)
    return {
      kind: 'answer',
      question,
      hits: headings.map(({ r }) => toHit(engine, r, q)),
      evidence: heading.v.evidence,
    };
  const ranked = engine.rank(analyzed, Math.max(top, ANSWER_KIND_DEPTH));
  const best = ranked[0];
  if (!best) return { kind: 'none', question, reason: 'not-in-corpus', evidence: 0, missing };
  const verdict = judge(engine, q, missingTerms, best.passage);
  if (verdict.weak) return { kind: 'none', question, reason: 'weak-match', evidence: verdict.evidence, missing };
  let answer = best;
  let evidence = verdict.evidence;
  // A passage ranked 2nd to 5th, scoring nearly as well as the best, that passes every rule and `keep`.
  const closeAnswer = (keep: (r: RankedPassage) => boolean, margin = ANSWER_KIND_MARGIN) =>
    ranked
      .slice(1, ANSWER_KIND_DEPTH)
      .filter((r) => r.score >= margin * best.score && keep(r))
      .map((r) => ({ r, v: judge(engine, q, missingTerms, r.passage) }))
      .find(({ v }) => answers(v));
  // … or, at any score, one with a sentence giving a time and holding every term of the question but those it sets
  // aside, itself or a near-synonym (6月8日,重庆市人民政府与上海交通大学签署… for 重庆跟上交签约是哪天, where 签约 is
  // only in 签约现场, a passage that says no day).
  const holds = (s: string, t: ContentTerm) => holdsTerm(s, t) || synonymsOf(t.term).some((w) => s.includes(w));
  // Not when the time asked is of something after it or of its repeat (签约后哪一年开始合作, 哪一年再签约): the
  // sentence dates the event the question counts from.
  const holdsWhole = (s: string) => givesDay(s) && q.contentTerms.every((t) => t.setAside || holds(s, t));
  const timedWhole = () =>
    TIME_OF_ANOTHER.test(q.normalized)
      ? undefined
      : closeAnswer((r) => engine.passageSentences(r.passage)[1].some(holdsWhole), 0);
  if (verdict.elsewhere || verdict.wrongKind) {
    // The best passage does not give what is asked (no number for 几个方面), or lacks a word the question is about
    // that a passage close to it holds in another form (中科院 in 中国科学院): a close passage answers instead.
    // For "when", a passage further down whose dated sentence holds the whole question answers too.
    const found =
      closeAnswer((r) => countsAsked(q, engine.passageMatchText(r.passage))) ?? (q.asksWhen ? timedWhole() : undefined);
    if (!found)
      return { kind: 'none', question, reason: 'not-in-corpus', evidence, missing: listMissing(verdict.absent) };
    answer = found.r;
    evidence = found.v.evidence;
  } else if (q.asksWhen && !givesDay(engine.passageMatchText(best.passage))) {
    // A "when" question whose answer gives no time (签约现场… for 哪天签的约) prefers a close passage that gives one
    // (6月8日…签署), or one whose dated sentence holds the whole question; without one, the answer stands (a time may
    // be told otherwise).
    const timed = closeAnswer((r) => givesDay(engine.passageMatchText(r.passage))) ?? timedWhole();
    if (timed) {
      answer = timed.r;
      evidence = timed.v.evidence;
    }
  }
  // The answer first, the other passages by score (so the first answer's score may be below the next ones').
  const hits = [answer, ...ranked.filter((r) => r !== answer)].slice(0, top);
  return { kind: 'answer', question, hits: hits.map((r) => toHit(engine, r, q)), evidence };
}
