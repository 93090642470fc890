/** Rules about time: when, which year, what time of day, when it is expected, how long. */
import { givesDay, givesDuration, givesRelativeTime, givesTime, givesYear, yearsNamed } from '../../text/dates.js';
import {
  DONE_WORDS,
  EARLIER_WORDS,
  FINAL_PARTICLES,
  oneOf,
  PLAN_WORDS,
  TIME_NOUNS,
  WHEN_WORDS,
} from '../../text/lexicon.js';
import { tagWords, wordTerms } from '../../text/tokenize.js';
import type { PassageView, Rule } from '../rule.js';

/** A Chinese "when" (simplified after normalization), longer forms first. */
export const CHINESE_WHEN = oneOf(WHEN_WORDS);

/** A time noun closing a question (上海交大的签约时间?, 那日期呢): it names the kind of answer asked for. */
const TIME_NOUN_END = `(${oneOf(TIME_NOUNS)})[${FINAL_PARTICLES}]?[\\s\\p{P}]*$`;
export const ASKED_TIME_NOUN = new RegExp(TIME_NOUN_END, 'u');

/** Questions that ask for a time, in Chinese or English. */
export const ASKS_WHEN = new RegExp(
  `(${CHINESE_WHEN}|${TIME_NOUN_END}|\\bwhen (?:did|was|were|is|will|does|do)\\b|^when\\b` +
    `|\\bwhat (?:year|date|day|month|time)\\b|\\bwhich (?:year|date|day|month)\\b)`,
  'u',
);

/** Questions that ask for a year. */
const ASKS_YEAR = /(哪年|哪一年|何年|几几年|什么年份|哪个年份|\bwhat year\b|\bwhich year\b)/u;

/**
 * A length of time asked for: 几个月, 多久, 多少年了, 为期多少年, how long. Not when it asks for a date (几年, 西元几年,
 * 是多少年揭牌的, 几个月前, 多久之前, 几天后, how long ago / after) or a frequency (多久一次, 每隔多久).
 */
const ASKS_DURATION =
  /(?<!公元前|距今|距今约有?|每隔?|相隔|隔了|[前后])(?:多少个?(?:月|天|周|星期|小时|分钟)|多少年(?=了|之久|的时间|[？?]?$)|(?<=为期|持续|历时|长达|期限|有效期)[是为有]?(?:多少|几)年|几个(?:月|星期|小时|钟头)|几(?:天|周|小时|分钟)|多久|多长时间|多少时间|(?<=期限|有效期|周期|时长|期)[是为有]?多长)(?![^，,。？?]{0,8}(?:以?前|之前|以?后|之后|一次))|\bhow (?:long|much time)\b(?! ago| after| before| since)|\bhow many (?:years|months|days|weeks|hours)\b(?! ago| after| before| since)/u;

/**
 * A time expected, planned or scheduled, said next to the "when": 预计 / 计划 / 打算 / 准备 / 将 / 有望 (在) 什么时候 /
 * 哪年 …, 什么时候能 / 才能, when will, scheduled / expected / slated / planned / set to; or a next one (下一届 / 下次 /
 * 下一轮, the next) anywhere in a "when" question. Not a noun before the question word (行动计划是什么时候发布的), not
 * 会 (什么时候会揭牌 often asks about the past).
 */
const EXPECTED_WHEN =
  /(?:预计|计划|打算|准备|将要|将会|将于|将|有望|可望)(?:在|于)?(?:什么时候|啥时候|什么时间|何时|哪天|哪一天|哪年|哪一年|几月|哪个月)|(?:什么时候|啥时候|何时|哪年|哪一年)(?:才)?(?:能|可以|有望|可望)|下一?(?:届|次|轮|期|批)(?![示性])|\bwhen will\b|\b(?:scheduled|expected|slated|planned|set) to\b|\bthe next\b/u;

const WHEN_WORD = new RegExp(CHINESE_WHEN, 'u');
/** Verbs after a "when" that only lead to the event (什么时候开始招收, 什么时候能建成). */
const LEADING_VERBS = new Set(['开始', '可以', '能够']);
const PLANS = new Set(PLAN_WORDS);
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
    (w, k) => PLANS.has(w.word) && PLANNED.test(words[k + 1]?.tag ?? '') && words[k + 1]?.word !== '其',
  );
}

/**
 * True when the passage names the event a "when" question asks about only in sentences without a time, one of
 * them telling that it is to be (该研发中心…将搭建…微小卫星、临基发射三大研究中心): the passage says it will happen,
 * not when; its other times are of other events (去年12月…揭牌成立). The event is named by its verb, or, in a
 * passage without the verb, by its object (招收研究生 against 将…开展研究生培养). A passage that names neither, or
 * names the event only as past, is left to the other rules (a time of it may stand in the sentence before).
 */
function plansWithoutTime(question: string, passage: PassageView): boolean {
  const [verb, object] = askedEvent(question);
  const event = verb !== undefined && passage.sentences.some((s) => s.includes(verb)) ? verb : object;
  if (event === undefined) return false;
  const naming = passage.sentences.filter((s) => s.includes(event));
  return naming.some(tellsPlan) && !naming.some((s) => givesDay(s) || givesYear(s) || givesRelativeTime(s));
}

/** True when the text names a year after its document's (到2022年 in a 2020 article). */
function namesLaterYear(text: string, documentYear: string): boolean {
  return [...yearsNamed(text, wordTerms(text, 'exact'), documentYear)].some((y) => Number(y) > Number(documentYear));
}

/** What happened before the events reported asked for (以前合作过吗, 这次之前, did they work together before). */
const ASKS_EARLIER = new RegExp(
  `(?:${oneOf(EARLIER_WORDS)})` + String.raw`|\b(?:before|previously|in the past|earlier|so far)\b`,
  'u',
);
const GIVES_DONE = new RegExp(oneOf(DONE_WORDS), 'u');

export const TIME_RULES: Rule[] = [
  {
    id: 'earlier',
    kind: 'earlier',
    use: 'rank',
    why: 'what was done before (以前合作过吗) is told by a passage of what has been done already (近年来已经…)',
    asks: (q) => ASKS_EARLIER.test(q),
    gives: (p) => GIVES_DONE.test(p.about()),
    examples: {
      asks: ['重庆和上海交大在这次之前合作过吗', '他们以前在重庆有过合作吗', 'did they work together before?'],
      doesNotAsk: ['他们以后会怎么合作', '签约是哪天', 'what will they do next?'],
      gives: ['近年来,甲大学与我市已经开展了多项合作', '此前双方曾共同举办峰会'],
      doesNotGive: ['双方将加强合作', '6月8日,双方签署协议'],
    },
  },
  {
    id: 'expected-time',
    kind: 'expected-time',
    use: 'decline',
    why: 'when something is expected (预计什么时候, the next one) is not answered by the time of what already happened',
    asks: (q) => ASKS_WHEN.test(q) && EXPECTED_WHEN.test(q),
    gives: (p) => p.documentYear === undefined || givesDay(p.about()) || namesLaterYear(p.text, p.documentYear),
    examples: {
      asks: [
        '预计什么时候建成',
        '研究院计划哪年招生',
        '什么时候能投入使用',
        '下一届峰会什么时候举办',
        'when will it open?',
      ],
      doesNotAsk: ['行动计划是什么时候发布的', '什么时候会揭牌', '预计投资多少'],
    },
  },
  {
    id: 'year',
    kind: 'year',
    use: 'decline',
    why: 'which year is answered by a year, however vague, or a day of a dated document, not by 近年来',
    asks: (q) => ASKS_YEAR.test(q),
    gives: (p) => givesYear(p.text) || (p.documentYear !== undefined && givesDay(p.text)),
    examples: {
      asks: ['某市科技局哪一年与甲大学共建实验室？', 'what year was it founded?', '峰会是哪年举办的'],
      doesNotAsk: ['某市科技局什么时候与甲大学共建实验室？', '今年引进了多少家'],
      gives: ['2019年成立', '去年揭牌', '90年代', '光绪三十年'],
      doesNotGive: ['近年来共同举办峰会'],
    },
  },
  {
    id: 'when',
    kind: 'date',
    use: 'rank',
    why: 'a "when" question prefers the passage whose best sentence gives a time',
    asks: (q) => ASKS_WHEN.test(q),
    gives: (p) => givesTime(p.about()),
    examples: {
      asks: [
        '甲大学什么时候签约',
        '甲大学啥时候签约的',
        'when did sjtu sign?',
        'which year was it founded?',
        '哪天呀',
        '甲大学的签约时间？',
        '那日期呢',
      ],
      doesNotAsk: ['甲大学签约了什么协议', '签约的意义是什么', '时间紧的原因是什么'],
      gives: ['6月8日,双方签署协议', '2019年成立', '去年12月揭牌'],
      doesNotGive: ['签约现场气氛热烈', '三年行动计划'],
    },
  },
  {
    id: 'planned-event',
    kind: 'date',
    use: 'decline',
    why: 'when something happens is not answered by a passage that only says it will (将搭建…), with no time of it',
    asks: (q) => ASKS_WHEN.test(q),
    gives: (p, q) => !plansWithoutTime(q.normalized, p),
    examples: {
      asks: ['第一颗卫星什么时候发射'],
      doesNotAsk: ['卫星由谁发射'],
      gives: ['2021年发射第一颗卫星', '去年发射了卫星'],
      doesNotGive: ['该中心将发射第一颗卫星'],
    },
  },
  {
    id: 'duration',
    kind: 'duration',
    use: 'decline',
    why: 'how long is answered by a length of time (三年, 为期), not by a date',
    asks: (q) => ASKS_DURATION.test(q),
    gives: (p) => givesDuration(p.text),
    examples: {
      asks: ['合作要持续多久？', '有效期多长', 'how long will the agreement last?', 'how many years does it last?'],
      doesNotAsk: ['多久之前签的', '几个月前', '每隔多久开一次会', 'how long ago was it signed?', '是多少年揭牌的'],
      gives: ['协议为期五年', '6个月', '2019—2022年'],
      doesNotGive: ['6月3日签署', '2019年'],
    },
  },
];
