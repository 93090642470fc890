import { normalizeText } from '../text/normalize.js';
import { ASKS_FOR_AREAS } from '../text/english.js';
import {
  type CountedUnit,
  generalIdf,
  isDictionaryWord,
  MEASURE_WORDS,
  questionBigrams,
  tagWords,
  wordTerms,
} from '../text/tokenize.js';
import type { NameMatcher } from '../corpus/topics.js';

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
  /** The question asks for a time (哪天, 什么时候, 哪一年, when …): passages that give one rank higher. */
  asksWhen: boolean;
  /** The question asks for a year (哪一年, what year): only a passage that gives one answers. */
  asksYear: boolean;
  /** The question asks for a number (多少, 几个, 有多大, how many, how much): only a passage that gives one answers … */
  asksHowMany: boolean;
  /**
   * … what it counts: the measure word and the nouns after 几 / 多少 (几个方面 → 个 + 方面, 多少人 → 人, 几所知名高校 →
   * 所 + 高校), neither when the question does not say (投入了多少, how many) …
   */
  countedUnit: CountedUnit;
  /** … and that number is of time (几号, 多少年, 多久), so a date or a year can be it. */
  countsTime: boolean;
  /** The question asks how long something lasts or lasted (多少年, 多久, how long): a date does not answer it. */
  asksDuration: boolean;
  /**
   * The question asks for a person's name (那个负责人叫啥名字, 谁代表市政府签约, who signed on behalf of …): only a
   * passage that names a person answers.
   */
  asksPersonName: boolean;
  /** The question asks on which road or street (哪条路上, which street): only a passage that names one answers. */
  asksRoad: boolean;
  /** The question asks for the time of day (几点, 几点钟): only a passage that gives one (下午, 9时, 10:30) answers. */
  asksClock: boolean;
  /** The question asks in which district or county (在哪个区, which district): only a passage that names one answers. */
  asksDistrict: boolean;
  /**
   * The question asks when something is expected to happen (预计什么时候, 打算哪年, when will, scheduled): a dated
   * document answers it with a time in the sentence about it, or a year after its own date.
   */
  asksFutureWhen: boolean;
  /** The question asks for a sum of money (投资多少钱, 花了多少经费, how much money): only a passage that names one answers. */
  asksMoney: boolean;
  /** The question asks what actually came of something (实际, 完成…目标了吗, did they meet the target), not what was planned. */
  asksOutcome: boolean;
  /** The question asks which party (哪所大学, 又跟谁签约, which university, who): a party it names is a landmark. */
  asksParty: boolean;
  /** The question asks which areas (哪些方面, 哪几个领域, which fields): a list of them answers. */
  asksAspects: boolean;
  /**
   * The question asks whether something is among others (合作内容里有决策咨询吗, 是否包括人才, does it cover
   * talent): a list that names it answers as well as a passage about it.
   */
  asksWhetherIncluded: boolean;
  /** The question asks about a heading (小标题, 大标题, headline): the documents' headings answer it. */
  asksHeading: boolean;
  /** The question asks for the reader's opinion (你觉得, 你认为, do you think): documents report, they hold none. */
  asksOpinion: boolean;
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
const SET_ASIDE_ZH =
  /(?<![消排免解切废拆删剔破根])除(?:了\s*([^，,。？?！!；;\s]+?)(?:[以之]外|外(?=[，,\s还也的])|(?=[，,\s]|还|也))|\s*([^，,。？?！!；;\s]+?)(?:[以之]外|外(?=[，,\s还也的])))/u;
const SET_ASIDE_EN = /\b(?:besides|apart from|aside from|other than|except(?: for)?)\s+([^,.?!;]+)/u;
const SET_ASIDE_WORDS = 4;

/**
 * The set-aside clause of a normalized question, its frame (除了 | 外) and the question without both, or undefined.
 */
function splitSetAside(normalized: string): { clause: string; frame: string; rest: string } | undefined {
  const zh = SET_ASIDE_ZH.exec(normalized);
  if (zh) {
    const clause = zh[1] ?? zh[2] ?? '';
    return { clause, frame: zh[0].replace(clause, '|'), rest: normalized.replace(zh[0], '|') };
  }
  const en = SET_ASIDE_EN.exec(normalized);
  if (!en) return undefined;
  const clause = (en[1] ?? '').trim().split(/\s+/u).slice(0, SET_ASIDE_WORDS).join(' ');
  return { clause, frame: '', rest: normalized.replace(clause, '|') };
}

/** Extra Chinese text to search for a question (issue 5's English glossary plugs in here). */
export type QueryExpander = (normalizedQuestion: string) => string[][];

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** A Chinese "when" (simplified after normalization), longer forms first: where it stands, what follows is asked about. */
export const CHINESE_WHEN =
  '啥时候|啥时|多会儿|哪一天|哪天|哪日|何日|何时|几时|几点|几号|几月|哪一个月|哪个月|哪一月|哪一年|哪年|何年|什么时候|什么时间|什么日子|日期';

/** Questions that ask for a time, in Chinese or English. */
const ASKS_WHEN = new RegExp(
  `(${CHINESE_WHEN}|\\bwhen (?:did|was|were|is|will|does|do)\\b|^when\\b` +
    `|\\bwhat (?:year|date|day|month|time)\\b|\\bwhich (?:year|date|day|month)\\b)`,
  'u',
);

/** Questions that ask for a year. */
const ASKS_YEAR = /(哪年|哪一年|何年|几几年|什么年份|哪个年份|\bwhat year\b|\bwhich year\b)/u;

/** A number of time asked for: 几号, 多少年, 几个月, 多久. */
const COUNTS_TIME =
  /(多少|几)个?(年(?!轻)|月|天|日(?!本)|号|小时|分钟|秒|周|星期|岁|世纪)|多久|多长时间|\bhow (?:long|old)\b|\bhow many (?:years|months|days|weeks|hours)\b/u;

/**
 * A length of time asked for: 几个月, 多久, 多少年了, 为期多少年, how long. Not when it asks for a date (几年, 西元几年,
 * 是多少年揭牌的, 几个月前, 多久之前, 几天后, how long ago / after) or a frequency (多久一次, 每隔多久).
 */
const ASKS_DURATION =
  /(?<!公元前|距今|距今约有?|每隔?|相隔|隔了|[前后])(?:多少个?(?:月|天|周|星期|小时|分钟)|多少年(?=了|之久|的时间|[？?]?$)|(?<=为期|持续|历时|长达|期限|有效期)[是为有]?(?:多少|几)年|几个(?:月|星期|小时|钟头)|几(?:天|周|小时|分钟)|多久|多长时间|多少时间|(?<=期限|有效期|周期|时长|期)[是为有]?多长)(?![^，,。？?]{0,8}(?:以?前|之前|以?后|之后|一次))|\bhow (?:long|much time)\b(?! ago| after| before| since)|\bhow many (?:years|months|days|weeks|hours)\b(?! ago| after| before| since)/u;

/**
 * A person's name asked for: 负责人叫啥名字, 校长的姓名 (a word ending like one for a person, right before 名字 /
 * 姓名; not 人才计划叫什么名字, 管理委员会叫什么名字); who was the mayor / director / photographer / official, the name
 * of the official, what's his name. (校长是谁 is left
 * out: CMRC names a headmaster jieba does not tag as a person.)
 */
/** People named by their role in English questions (the mayor, the official quoted). */
const PERSON_ROLE =
  '(?:mayor|president|director|dean|chairman|chairwoman|secretary|governor|minister|principal|photographer|reporter' +
  '|journalist|officials?|spokes(?:person|man|woman)|professors?|laureates?|scientists?|academicians?)';
/** … ending the noun phrase: "the official quoted", not "the official website" or "the mayor's plan". */
const ROLE_ENDS =
  "(?![\\w'’-])(?!\\s+(?!(?:who|that|whose|quoted|mentioned|cited|from|of|at|in|for|on|behind|named)\\b)[a-z])";
const ASKS_PERSON_NAME = new RegExp(
  '(?<!委)(人|者|员|长|师|官|主任|书记)的?(?:叫|是)?(?:啥|什么)?的?(名字|姓名)|谁代表|代表[^，,。？?]{0,12}?(?:是|为)谁|哪位(?!置|于)' +
    "|\\bwhat(?: is|['’]s| was) (?:his|her|the [\\w-]+['’]s) name\\b" +
    `|\\bname of the (?:[\\w'’-]+ ){0,4}?${PERSON_ROLE}${ROLE_ENDS}` +
    '|\\bwho (?:\\w+ )?(?:represented|on behalf of)\\b|\\bwho\\b[^?]*\\bon behalf of\\b' +
    `|\\bwho (?:is|was|were|are) (?:the )?(?:\\w+ )?${PERSON_ROLE}${ROLE_ENDS}` +
    // "which official signed", opening the question: the role then a verb (a past form, or an auxiliary), not
    // "which official website", nor a relative clause ("the agreement which the officials signed").
    `|(?:^|[.?!]\\s*)(?:(?:in|on|at|for|by) )?which (?:[\\w-]+ ){0,2}?${PERSON_ROLE}(?=\\s+(?:\\w+ed|did|was|were|is|will|has|had|led|met|spoke|said|wrote|took|made|gave)\\b|\\s*[?.!,]|$)`,
  'u',
);

/** A road or street asked for: 哪条路, 什么街上, 门牌号, which street (not 地址, often answered by a district or town). */
const ASKS_ROAD =
  /哪一?条(?:路(?![线径程])|街|马路|大街|大道|街道)|(?:什么|啥)(?:路|街|大街|大道)上|门牌|\b(?:which|what) (?:road|street)\b|\bstreet address\b/u;

/**
 * A district or county asked for: 哪个区, 什么区, 哪些区县, 哪个县, which district(s) (not 哪个区域, a region; 哪个县市, a
 * county or city; 什么区位, 为什么区政府).
 */
const ASKS_DISTRICT =
  /(?:哪些|哪几个|哪一个|哪个|哪一|哪|(?<!为)什么|啥)(?:区县|区|县)(?![域别分间块市位划政委长级])|\b(?:which|what) (?:districts?|count(?:y|ies))\b/u;

/**
 * A time expected, planned or scheduled, said next to the "when": 预计 / 计划 / 打算 / 准备 / 将 / 有望 (在) 什么时候 /
 * 哪年 …, 什么时候能 / 才能, when will, scheduled / expected / slated / planned / set to; or a next one (下一届 / 下次 /
 * 下一轮, the next) anywhere in a "when" question. Not a noun before the question word (行动计划是什么时候发布的), not
 * 会 (什么时候会揭牌 often asks about the past).
 */
const EXPECTED_WHEN =
  /(?:预计|计划|打算|准备|将要|将会|将于|将|有望|可望)(?:在|于)?(?:什么时候|啥时候|什么时间|何时|哪天|哪一天|哪年|哪一年|几月|哪个月)|(?:什么时候|啥时候|何时|哪年|哪一年)(?:才)?(?:能|可以|有望|可望)|下一?(?:届|次|轮|期|批)(?![示性])|\bwhen will\b|\b(?:scheduled|expected|slated|planned|set) to\b|\bthe next\b/u;

/** A sum of money asked for. */
const ASKS_MONEY =
  /(多少钱(?!学森)|多少(?:资金|经费|费用|预算)|(?:投资|投入|花费?|耗资|斥资|造价|预算|总额)(?:了|额)?(?:是|为|有|达)?多少(?:钱|资金|经费|人民币|[万亿千百]*元)?(?=[，,。？?！!吧呢啊]|$)|多少[万亿千百]*(?:[美日港欧加澳新台]?元|人民币|美金|块钱?|[台港]币)|\bhow much (?:money|funding)\b|\bhow many (?:dollars|yuan|euros)\b|\bhow much\b(?! time| effort| energy| attention).*\b(?:cost|invest\w*|spen[dt]|fund\w*|budget)\b)/u;

/**
 * What actually came of something: 实际引进了多少, 完成…目标了吗, 目标最后完成了没, 有没有 / 是否完成…目标, 真的…了吗, 引够了没 /
 * 引进满100家了吗 (a result reached), actually, did they achieve / meet / reach. Not 最终 / 最后 / finally alone, which
 * as often name a plan's target (到2022年最终要引进多少).
 */
const ASKS_OUTCOME =
  /实际|真的[^，,。？?]{0,12}了(?:吗|没有?)|[够满](?:\d+[家所个项])?了(?:吗|没有?)|(?:完成|实现|达成|达到|做到)[^，,。？?]{0,12}?(?:目标|任务|指标)(?:了吗|了没有?|没有)|(?:目标|任务|指标)(?:最后|最终|已经|到底|究竟)?(?:完成|实现|达成|达到)了(?:吗|没有?)|(?:有没有|是否|是不是|有无)(?:已经|最终|真正)?(?:完成|实现|达成|达到|做到)[^，,。？?]{0,12}?(?:目标|任务|指标)(?!的(?:计划|方案|安排|具体))|(?:目标|任务|指标)(?:是否|有没有)(?:已经)?(?:完成|实现|达成|达到)|\b(?:actually|in fact|in reality)\b|^(?!.*\b(?:plan|plans|planned|aim|aims|aimed|want|wanted|hope|hoped|intend|intended|expect|expected)\b).*\b(?:did|has|have)\b[^?]*\b(?:meet|met|reach|reached|achieve|achieved|hit|fulfil\w*)\b[^?]*\b(?:target|goal)s?\b/u;

/** Whether something is among others: 包括 / 涵盖 / 涉及 / 都有 … 吗, 是否包括, does it include / cover (not a bare 有…吗). */
const ASKS_WHETHER_INCLUDED =
  /(?:包括|包含|涵盖|涉及|含有|都有|也有)[^，,。？?]{0,20}(?:吗|么|没有?)[？?]?$|(?:是否|有没有|是不是)(?:也|都)?(?:包括|包含|涵盖|涉及)|\b(?:does|do|did|is|are|will)\b.*\b(?:include|includes|cover|covers|involve|involves)\b/u;

/** 里 as a unit of distance: after a number (30里, 几里, 多少里; jieba keeps 三十里 whole). */
const DISTANCE_LI = /(?:[\d一二两三四五六七八九十百千万几]|多少)里/u;

/**
 * A question about a heading of the document: 标题 (大标题, 小标题, 小标 for short), headline, (sub)heading as a
 * noun (the / its / the article's heading). Not the title of something the document names (计划的标题, 论文标题), nor
 * "heading to" / "who is heading".
 */
const ASKS_HEADING =
  /(?<!(?:计划|协议|方案|文件|论文|规划|条例|通知|书|法)的?)(?:标题|小标(?!准))|\bheadlines?\b|\bsubheadings?\b|\bsubheads?\b|\bheadings\b|(?:\b(?:the|a|which|what|its|this|that|each)|['’]s) (?:\w+ )?heading\b(?! (?:to|for|the|a|an|up)\b)/u;

/** A party asked for: 哪所大学, 哪家高校, 跟谁, which university, who. */
const ASKS_PARTY =
  /(?:哪|什么)[一]?[所家个]?(?:大学|高校|学校|院校)|谁|\bwhich (?:university|universities|school|college)\b|\bwho\b/u;

/** The reader's opinion asked for: 你觉得, 你认为, 在你看来, do you think, your opinion. */
const ASKS_OPINION =
  /你(?:觉得|认为|怎么看|个人看法)|(?:依|在)你看来?|\b(?:do|would) you think\b|\bwhat do you think\b|\byour (?:opinion|view|take)\b/u;

/** Words for an area of activity, what a "which areas" question asks for. */
const AREA_WORDS = ['领域', '方面', '范畴', '层面'];

/**
 * Areas asked for: 哪些方面, 在哪方面, 哪几个重点领域, 什么合作范畴, 分哪几块 (which areas, what other fields:
 * ASKS_FOR_AREAS).
 * Not an area that qualifies something else: 哪个方面的负责人, 什么领域的专家.
 */
const ASKS_ASPECTS =
  /(?:哪(?:些|几个?|个)?|什么|啥)\p{Script=Han}{0,2}?(?:方面|领域|范畴|层面)(?!的)|分(?:哪几|哪些|几)(?:块|部分|大块)/u;

/** "Name a few" (说几个, 举几个例子): examples asked for, not a number. */
const NAME_A_FEW = /(?:说|举|列)几个(?:例子?)?(?=[\s，,。？?！!吧呗呀啊]|$)/gu;

/** At most this many modifiers (国内外, 知名) stand between the measure word and the noun counted. */
const COUNTED_MODIFIERS = 3;

/**
 * What a "how many" question counts: the measure word after 几 / 多少 and the noun after it, past its modifiers, with
 * the nouns coordinated with it (几个方面 → 个 + 方面, 几所国内外知名高校 → 所 + 高校, 多少家高校、院所和企业 → 家 +
 * 高校, 院所, 企业, 多少人来 → 人), or neither. `counting` is the question without "name a few" (说几个).
 */
function countedUnit(counting: string): CountedUnit {
  const m = ASKS_HOW_MANY.exec(counting);
  if (!m || !/^(?:多少|几)/u.test(m[0])) return { measure: '', nouns: [] };
  let rest = counting.slice(m.index + m[0].length);
  let measure = m[0].startsWith('几') ? m[0].slice(1) : '';
  if (!measure && new RegExp(`^[${MEASURE_WORDS}]`, 'u').test(rest)) {
    measure = rest.slice(0, 1);
    rest = rest.slice(1);
  }
  const nouns: string[] = [];
  let modifiers = 0;
  let coordinated = true;
  for (const w of tagWords(rest)) {
    const isNoun = /^n/u.test(w.tag) && /^\p{Script=Han}{2,}$/u.test(w.word);
    if (isNoun && coordinated) {
      nouns.push(w.word);
      coordinated = false;
    } else if (nouns.length > 0 && (w.word === '、' || /^(?:和|与|及|以及)$/u.test(w.word))) {
      coordinated = true;
    } else if (nouns.length === 0 && /^[vabsj]/u.test(w.tag) && modifiers < COUNTED_MODIFIERS) {
      modifiers++;
    } else if (nouns.length > 0 && isNoun) {
      continue;
    } else {
      break;
    }
  }
  return { measure, nouns };
}

/**
 * A size asked for, which a number answers: a measure of size, then how big (面积有多大, 占地多大, 规模有多大, 海拔多高,
 * 离市区多远, how big is, what is the area of). Not 作用有多大, 意义有多大, 有多重要, 影响有多深远, 多重保障, 水平有多高.
 */
const ASKS_SIZE =
  /(?:面积|规模|占地|距离|高度|长度|宽度|深度|重量|体积|海拔|身高|体重|大小|人口)[^，,。？?]{0,3}?多[大高长远宽深重少]|(?:离|距)[^，,。？?]{1,12}?多远|\bhow (?:big|large|tall|far|heavy|wide|deep) (?:is|are|was|were)\b|\bwhat is the (?:size|area|height|length|distance|population)\b/u;

/** Questions that ask for a number: 多少, 几家 (not 哪几个 "which", nor 这几年 / 近几年 "these few years"). */
const ASKS_HOW_MANY = new RegExp(`(多少|(?<![哪这那近前后头])几[${MEASURE_WORDS}]|\\bhow (?:many|much)\\b)`, 'u');

/**
 * A month and day (6月8日, 6月), a year (2019年) or a number with its measure word (14家, 100所): one question
 * term, so that "2019年" is found in "以2019年为例" but not in "2019—2022年", and 6月8日 is not 6月3日. A year
 * stays a term of its own (2019年6月8日 → 2019年 + 6月8日): "no answer" judges years apart.
 */
const NUMBER_TERM = new RegExp(
  `(?<![\\p{Script=Latin}\\d.])(?:\\d{1,2}月(?:\\d{1,2}[日号])?|\\d+[${MEASURE_WORDS}])`,
  'gu',
);
/** The year a question term names (2020年 → "2020"), or undefined. */
export function yearOf(term: string): string | undefined {
  return /^(\d{4})年$/u.exec(term)?.[1];
}

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
      out.push({ term: whole, idf: NUMBER_TERM_IDF });
    }
  }
  return out;
}

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
const FINAL_PARTICLE = /(?<=\p{Script=Han})[呀啊呢吧嘛啦哦呗哇](?=[\s\p{P}\p{S}]|$)/gu;

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
  // With an expander, the question's own Latin words are its business: it returns their Chinese terms, and
  // the words it could not translate as they are (still evidence the corpus may lack).
  const own = wordTerms(texts[0] ?? '', 'exact').filter((w) => !(expand && LATIN_WORD.test(w)));
  const candidates = unique([...own, ...texts.slice(1).flatMap((t) => wordTerms(t, 'exact'))]);
  const alternativesOf = meaningsOf(
    groups.map((g) => g.map((t) => names.canonicalize(t))),
    candidates,
    own,
  );
  const alternate = new Set([...alternativesOf.values()].flat());
  const termsAsCut = candidates
    .filter((term) => !alternate.has(term))
    .map((term): ContentTerm => {
      const alternatives = alternativesOf.get(term);
      return {
        term,
        // An English word the glossary does not know is often only a gap in the glossary (deal, heritage): it
        // weighs half as much as an unknown Chinese word.
        idf: LATIN_WORD.test(term) && expand ? generalIdf(term) * UNKNOWN_ENGLISH_WEIGHT : generalIdf(term),
        ...(alternatives ? { alternatives } : {}),
      };
    });
  // Words and names of the set-aside clause that the rest of the question does not use: what it asks about
  // is something else (whole terms: 大学 in "besides Tsinghua, which university" is asked about).
  const setAside = splitSetAside(normalized);
  const termsOf = (text: string) =>
    new Set([...wordTerms(names.canonicalize(text), 'exact'), ...names.find(text).map((f) => f.canonical)]);
  const clauseTerms = termsOf(setAside?.clause ?? '');
  const restTerms = termsOf(setAside?.rest ?? normalized);
  // The frame's own words (外 in 除了清华外) are no content.
  const frameTerms = termsOf(setAside?.frame ?? '');
  const contentTerms = withNumberTerms(texts, termsAsCut)
    .filter((t) => !frameTerms.has(t.term) || clauseTerms.has(t.term) || restTerms.has(t.term))
    // 里 after a noun is "in" (报道里, 图片里), a unit of distance only after a number (三十里).
    .filter((t) => t.term !== '里' || DISTANCE_LI.test(normalized))
    .map((t) => (clauseTerms.has(t.term) && !restTerms.has(t.term) ? { ...t, setAside: true } : t));
  // A name is searched as one whole term: its sub-words and bigrams (上海, 交通, 海交 …) would let passages
  // that merely repeat the name outrank the passage that holds the question's other words.
  const namesRemoved = [normalized, ...extra].map((t) => names.canonicalize(t, () => '|'));
  const nameTerms = unique([normalized, ...extra].flatMap((t) => names.find(t).map((f) => f.canonical)));
  const unknownLatin = new Set(extra.filter((t) => LATIN_WORD.test(t)));
  // A run's unknown words, unless they are only acronyms (SJTU CQ, Tsinghua ICT: a known name with an abbreviation
  // the glossary lacks is still about the article).
  const unknownNames = [...question.matchAll(CAPITALIZED_RUN)].flatMap((m) => {
    const words = m[0].split(' ').map((w) => w.replace(/['’]s$/u, ''));
    const unknown = words.filter((w) => unknownLatin.has(normalizeText(w)));
    return unknown.some((w) => !ACRONYM.test(w)) ? unknown.map((w) => normalizeText(w)) : [];
  });
  const topics = unique(found.map((f) => f.topicId).filter((t): t is string => t !== null));
  const topicsOf = (text: string) => new Set(names.find(text).map((f) => f.topicId));
  const outsideClause = topicsOf(setAside?.rest ?? normalized);
  const setAsideTopics = [...topicsOf(setAside?.clause ?? '')].filter(
    (t): t is string => t !== null && !outsideClause.has(t),
  );
  // 说几个 asks for examples, not a number.
  const counting = normalized.replace(NAME_A_FEW, '|');
  const asksAspects = ASKS_ASPECTS.test(normalized) || ASKS_FOR_AREAS.test(normalized);
  // The area word a question asks for (哪些领域) names the same kind of answer as 方面 / 范畴 / 层面: a text holding
  // any holds it (哪些领域 against "在…等多方面开展深度合作"). Only that word: 在军事层面 is what the question is about.
  // (English "which areas / fields" is read as fields, 领域.)
  const askedArea =
    ASKS_ASPECTS.exec(normalized)?.[0].slice(-2) ?? (ASKS_FOR_AREAS.test(normalized) ? '领域' : undefined);
  // … and it is not searched for: it names the kind of answer, a list of areas, not what the question is about
  // (哪些领域合作 would find "在科技创新领域已经开展了多项合作" first for its 领域, not the agreement's list of 方面).
  const searched = (word: string) => word !== askedArea;
  const withAreaWords = contentTerms.map((t) =>
    t.term === askedArea
      ? { ...t, alternatives: [...(t.alternatives ?? []), ...AREA_WORDS.filter((k) => k !== t.term)] }
      : t,
  );
  return {
    normalized,
    words: [...namesRemoved.flatMap((t) => wordTerms(t, 'search')), ...nameTerms].filter(searched),
    synonymWords: [],
    bigrams: unique(namesRemoved.flatMap(questionBigrams)).filter(searched),
    contentTerms: withAreaWords,
    topics: topics.filter((t) => !setAsideTopics.includes(t)),
    setAsideTopics,
    expansions,
    asksWhen: ASKS_WHEN.test(normalized),
    asksYear: ASKS_YEAR.test(normalized),
    asksHowMany: ASKS_HOW_MANY.test(counting) || ASKS_SIZE.test(normalized),
    countedUnit: countedUnit(counting),
    countsTime: COUNTS_TIME.test(normalized),
    asksDuration: ASKS_DURATION.test(normalized),
    asksPersonName: ASKS_PERSON_NAME.test(normalized),
    asksRoad: ASKS_ROAD.test(normalized),
    asksClock: /几点/u.test(normalized),
    asksDistrict: ASKS_DISTRICT.test(normalized),
    asksFutureWhen: ASKS_WHEN.test(normalized) && EXPECTED_WHEN.test(normalized),
    asksOutcome: ASKS_OUTCOME.test(normalized),
    asksOpinion: ASKS_OPINION.test(normalized),
    asksAspects,
    asksParty: ASKS_PARTY.test(normalized),
    asksWhetherIncluded: ASKS_WHETHER_INCLUDED.test(normalized),
    asksHeading: ASKS_HEADING.test(normalized),
    asksMoney: ASKS_MONEY.test(normalized),
    unknownNames,
  };
}
