/** Rules about numbers: how many (or how big), how much money. */
import { withoutDates } from '../../text/dates.js';
import {
  AREA_WORDS,
  COUNTING_MEASURES,
  DIGITS,
  HAN_NUMERALS,
  HUNDRED_THOUSAND,
  LIANG,
  MAGNITUDES,
  MEASURE_WORDS,
  TEN,
  WAN,
  YI,
} from '../../text/lexicon.js';
import { escapeRegExp } from '../../text/regexp.js';
import { tagWords } from '../../text/tokenize.js';
import type { Rule } from '../rule.js';

/** A number of time asked for: 几号, 多少年, 几个月, 多久. */
const COUNTS_TIME =
  /(多少|几)个?(年(?!轻)|月|天|日(?!本)|号|小时|分钟|秒|周|星期|岁|世纪)|多久|多长时间|\bhow (?:long|old)\b|\bhow many (?:years|months|days|weeks|hours)\b/u;

/** A sum of money asked for. */
const ASKS_MONEY = new RegExp(
  `(多少钱(?!学森)|多少(?:资金|经费|费用|预算)|(?:投资|投入|花费?|耗资|斥资|造价|预算|总额)(?:了|额)?(?:是|为|有|达)?多少(?:钱|资金|经费|人民币|[${MAGNITUDES}${YI}]*元)?(?=[，,。？?！!吧呢啊]|$)` +
    `|多少[${MAGNITUDES}${YI}]*(?:[美日港欧加澳新台]?元|人民币|美金|块钱?|[台港]币)|` +
    String.raw`\bhow much (?:money|funding)\b|\bhow many (?:dollars|yuan|euros)\b|\bhow much\b(?! time| effort| energy| attention).*\b(?:cost|invest\w*|spen[dt]|fund\w*|budget)\b)`,
  'u',
);

/** "Name a few" (说几个, 举几个例子): examples asked for, not a number. */
const NAME_A_FEW = /(?:说|举|列)几个(?:例子?)?(?=[\s，,。？?！!吧呗呀啊]|$)/gu;

/** At most this many modifiers (国内外, 知名) stand between the measure word and the noun counted. */
const COUNTED_MODIFIERS = 3;

/**
 * What a "how many" question counts: the measure word after 几 / 多少 and the noun after it, past its modifiers, with
 * the nouns coordinated with it (几个方面 → 个 + 方面, 几所国内外知名高校 → 所 + 高校, 多少家高校、院所和企业 → 家 +
 * 高校, 院所, 企业, 多少人来 → 人), or neither. `counting` is the question without "name a few" (说几个).
 */
export function countedUnit(counting: string): CountedUnit {
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
    // A domain word of the corpus (user.dict: 战略合作协议) is tagged x.
    const isNoun = (/^n/u.test(w.tag) || w.tag === 'x') && /^\p{Script=Han}{2,}$/u.test(w.word);
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
  if (nouns.length === 0) {
    // The thing counted may come first (合作领域有几个, 协同创新平台总共有几种): the noun just before the question
    // word, past 有 / 一共 / 总共 / 共 / 都.
    const last = tagWords(counting.slice(0, m.index).replace(COUNTED_BEFORE, '')).at(-1);
    if (last && isCountedNoun(last)) nouns.push(last.word);
  }
  return { measure, nouns };
}

/** What may stand between the thing counted and 几 / 多少 after it (平台有几种, 中心一共有几个, 企业总共多少家). */
const COUNTED_BEFORE = /(?:一共|总共|共|都)?有?$/u;

/** A common noun of two or more Han characters, or a domain word of the corpus (user.dict words are tagged x). */
const isCountedNoun = (w: { word: string; tag: string }): boolean =>
  /^(?:n|n[^rstz]\w*|x)$/u.test(w.tag) && /^\p{Script=Han}{2,}$/u.test(w.word);

/**
 * A size asked for, which a number answers: a measure of size, then how big (面积有多大, 占地多大, 规模有多大, 海拔多高,
 * 离市区多远, how big is, what is the area of). Not 作用有多大, 意义有多大, 有多重要, 影响有多深远, 多重保障, 水平有多高.
 */
const ASKS_SIZE =
  /(?:面积|规模|占地|距离|高度|长度|宽度|深度|重量|体积|海拔|身高|体重|大小|人口)[^，,。？?]{0,3}?多[大高长远宽深重少]|(?:离|距)[^，,。？?]{1,12}?多远|\bhow (?:big|large|tall|far|heavy|wide|deep) (?:is|are|was|were)\b|\bwhat is the (?:size|area|height|length|distance|population)\b/u;

/** Questions that ask for a number: 多少, 几家 (not 哪几个 "which", nor 这几年 / 近几年 "these few years"). */
const ASKS_HOW_MANY = new RegExp(`(多少|(?<![哪这那近前后头])几[${MEASURE_WORDS}]|\\bhow (?:many|much)\\b)`, 'u');
/**
 * A number: digits, or Chinese numerals counting something (三大, 两批, 两所; not 两江, 双一流, nor 一批 "a batch",
 * which tells no how many: 每年选派一批青年教师 does not answer 每年选派多少名).
 */
const GIVES_NUMBER = new RegExp(`\\d|(?!一批)[${HAN_NUMERALS}]+(?:[${MEASURE_WORDS}]|分之)`, 'u');

/**
 * What a "how many" question counts: its measure word (个, 家, 号; may be '') and the nouns after it (方面; 知名高校 →
 * 高校; 高校院所企业 → 高校, 院所, 企业; may be none).
 */
export interface CountedUnit {
  measure: string;
  nouns: string[];
}

/** A number as a count: digits or Chinese numerals, maybe rounded (30余, 100多); not an ordinal (第3届). */
const COUNT = `(?<!第)[\\d${HAN_NUMERALS}][\\d.${HAN_NUMERALS}]*\\s*(?:余|多)?\\s*`;
/** Measure words a text may write for the question's: a day of the month is 8号 or 8日. */
const SAME_MEASURE: Record<string, string> = { 号: '号日' };
/** At most this many characters between a count and its noun (14家国内外知名高校) or a noun and its count (项目30余项). */
const COUNT_NOUN_GAP = 6;

/**
 * True when the text gives a number of what the question counts: 5个方面 for 几个方面, 14家国内外知名高校 for
 * 多少家高校, 科研项目30余项 for 多少个项目, 8日 for 几号. The question's measure word counts, and so does any
 * measure word that counts things (COUNTING_MEASURES) when it names a noun (writers count universities in 所 or
 * 家, projects in 个 or 项) or says 个: 该项目共有5人 is no count of 项目, nor is 6月8日 of 几个. Nothing is counted
 * when the question says neither measure nor noun.
 */
export function countsUnit(text: string, { measure, nouns }: CountedUnit): boolean {
  if (measure === '' && nouns.length === 0) return false;
  const own = SAME_MEASURE[measure] ?? measure;
  const measures = `[${escapeRegExp(measure === '' || measure === '个' || nouns.length > 0 ? own + COUNTING_MEASURES : own)}]`;
  if (nouns.length === 0) return new RegExp(COUNT + measures, 'u').test(text);
  const gap = `[^，,。；;？?！!]{0,${COUNT_NOUN_GAP}}?`;
  const noun = countedNoun(nouns);
  return new RegExp(`${COUNT}${measures}${gap}${noun}|${noun}${gap}${COUNT}${measures}`, 'u').test(text);
}

/** The nouns a question counts as a pattern; an area is counted under any of its names (几个领域: 5个方面). */
function countedNoun(nouns: string[]): string {
  const counted = nouns.flatMap((n) => (AREA_WORDS.includes(n) ? AREA_WORDS : [n]));
  return `(?:${counted.map(escapeRegExp).join('|')})`;
}

/** At most this many characters from an enumeration's last 、 to the noun naming what it lists (…、信息技术等领域). */
const LISTED_NOUN_REACH = 18;

/**
 * True when the text enumerates what a "how many" question counts: items joined by 、 with the counted noun after
 * the last one, in the same clause (航空航天、装备制造、…、信息技术等领域 for 几个领域; 与清华控股有限公司、…、紫光集团有限公司
 * for 几家公司). A list answers how many by its length. Only for a question naming what it counts.
 */
export function listsUnit(text: string, { nouns }: CountedUnit): boolean {
  if (nouns.length === 0) return false;
  return new RegExp(`、[^，,。；;：:？?！!、]{0,${LISTED_NOUN_REACH}}?${countedNoun(nouns)}`, 'u').test(text);
}

/**
 * True when the text gives a number; with `dates: false`, a number other than a date or a year (投入了多少资金 is
 * not answered by "6月3日").
 */
export function givesNumber(text: string, { dates = true }: { dates?: boolean } = {}): boolean {
  return GIVES_NUMBER.test(dates ? text : withoutDates(text));
}

/** Numerals below ten thousand (一 … 九, 两, 十, 百, 千): what counts ten thousands (三千万). */
const SMALL_NUMERALS = DIGITS + LIANG + TEN + HUNDRED_THOUSAND;

/**
 * An amount of money: a number with a currency (11.42亿元, 5亿日圆, 731美元, 三千万元, $5), or with 万 / 亿 (投资10亿).
 * Lenient on purpose: it only tells passages that name no sum at all.
 */
const GIVES_MONEY = new RegExp(
  `[\\d${HAN_NUMERALS}][\\d.,]*\\s*(?:多|余)?\\s*(?:[${MAGNITUDES}${YI}]\\s*)*(?:[美日港欧加澳新台韩]?元|日?圆|块钱|美金|英镑|法郎|卢布|马克)` +
    `|(?:\\d|[${SMALL_NUMERALS}])\\s*[${WAN}${YI}](?![\\d${SMALL_NUMERALS}]*\\s*(?:名|人|个|家|所|户|辆|台|吨|平方|公里|米|字|年|次|件|册|只|头|株))` +
    '|[$¥£€]\\s*\\d|\\d\\s*(?:million|billion|dollars|yuan|euros)\\b',
  'u',
);

/** True when the text gives an amount of money. */
export function givesMoney(text: string): boolean {
  return GIVES_MONEY.test(text);
}

/** The question without "name a few" (说几个): what is left may count. */
export function countingPart(normalized: string): string {
  return normalized.replace(NAME_A_FEW, '|');
}

/** True when time is what the question counts (几号, 多少年, 多久): a date or a year can then be the number. */
export function countsTime(normalized: string): boolean {
  return COUNTS_TIME.test(normalized);
}

export const NUMBER_RULES: Rule[] = [
  {
    id: 'money',
    kind: 'money',
    use: 'decline',
    why: 'how much money is answered by a sum (11.42亿元, 投资10亿), not by any number (三大研究中心)',
    asks: (q) => ASKS_MONEY.test(q),
    gives: (p) => givesMoney(p.text),
    examples: {
      asks: [
        '某市引进研究机构一共投资了多少钱？',
        '需要多少万元',
        'how many dollars did it cost?',
        'how much money did the city invest?',
      ],
      doesNotAsk: [
        '每年投入多少青年教师',
        '投资了多少家企业',
        'how much effort will they invest?',
        '培养了多少钱学森这样的人才',
      ],
      gives: ['11.42亿元', '5亿日圆', '731美元', '三千万元', '投资10亿', '$5', '5,000,000美元'],
      doesNotGive: ['三大研究中心', '14家高校', '2019年', '6月3日', '可容纳2万名学生'],
    },
  },
  {
    id: 'number',
    kind: 'number',
    use: 'decline',
    why: 'how many or how big is answered by a number; a date or a year only when time is counted (几号)',
    asks: (q) => ASKS_HOW_MANY.test(countingPart(q)) || ASKS_SIZE.test(q),
    gives: (p, q) =>
      givesNumber(p.text, { dates: countsTime(q.normalized) }) ||
      listsUnit(p.about(), q.counted ?? countedUnit(countingPart(q.normalized))),
    examples: {
      asks: [
        '甲大学签了几个协议',
        '面积有多大',
        'how big is it?',
        '分院离市区多远呢',
        '支持几个企业？',
        '举几个例子，宜昌市支持了多少家企业',
      ],
      doesNotAsk: [
        '这几年宜昌市政府支持什么？',
        '科罗拉多大学在哪里',
        '有多长时间',
        '合作的意义有多大？',
        '作用有多大',
        '有多重要',
        '影响有多深远',
        '水平有多高',
        'how wide-ranging is it?',
        '支持哪几个企业？',
        '甲大学和某市有过哪些合作 说几个',
      ],
      gives: ['引进100所高校', '分两批选派青年教师', '三大研究中心', '先后与甲大学、乙大学签署了合作协议'],
      doesNotGive: [
        '两江新区',
        '每年推荐选派一批优秀青年教师',
        '在人才、科技方面合作',
        '甲大学、乙大学。双方签署了协议',
      ],
    },
  },
];
