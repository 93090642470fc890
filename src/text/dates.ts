/**
 * Dates, years and times in normalized, simplified text: what "when", "which year" and "how many" questions are
 * answered by. One module, so that the rules reading dates agree.
 */

import {
  RELATIVE_YEAR_OFFSETS,
  COUNTING_NUMERALS,
  DIGITS,
  HUNDRED_THOUSAND,
  LIANG,
  ONE_TO_TEN,
  oneOf,
  RELATIVE_DAYS,
  RELATIVE_TIME_ENDINGS,
  TEN,
  VAGUE_NUMERALS,
  WAN,
  YI,
  ZEROS,
} from './lexicon.js';

/**
 * A time in a (normalized, simplified) sentence: 2019年, 6月8日, 8号 after a month, 二〇一九年, 十二月, 去年,
 * 20世纪, 90年代. Not 三年行动计划 (a numeral year count without digits), 1号线, 新世纪.
 */
const GIVES_TIME = new RegExp(
  `(\\d{1,4}\\s*年|\\d{1,2}\\s*月|月\\s*\\d{1,2}\\s*[日号]|\\d{1,2}\\s*日|[${ZEROS}${DIGITS}]{2,4}年|[${ONE_TO_TEN}]{1,3}月` +
    '|[去今明前]年|\\d+\\s*世纪|\\d+\\s*年代)',
  'u',
);

export function givesTime(sentence: string): boolean {
  return GIVES_TIME.test(sentence);
}

/**
 * A year in a (normalized, simplified) text, however vaguely: 2019年, 二〇一九年, 光绪三十年 (reign years), 去年, 同年,
 * 年底, 90年代, 20世纪. Lenient on purpose: it only tells passages that say nothing of years.
 */
const GIVES_YEAR = new RegExp(
  `(\\d{2,4}\\s*年|[${ZEROS}${ONE_TO_TEN}${HUNDRED_THOUSAND}]+年|[去今明前后次同当翌元隔]年|年代|世纪|年间|年初|年底|年末)`,
  'u',
);

export function givesYear(text: string): boolean {
  return GIVES_YEAR.test(text);
}

/** A day told relative to the story (当天下午…揭牌, 同日): in a dated document, a day of its year. */
const RELATIVE_DAY = new RegExp(`(${oneOf(RELATIVE_DAYS)})`, 'u');

/** True when a sentence gives a time, or a day relative to its story. */
export function givesDay(text: string): boolean {
  return givesTime(text) || RELATIVE_DAY.test(text);
}

/** A time told relative to another event (在完成阶段性研究后, …): when, without a date. */
const RELATIVE_TIME = new RegExp(`在[^，,。；;]{1,24}?(?:${oneOf(RELATIVE_TIME_ENDINGS)})[,，]`, 'u');

export function givesRelativeTime(text: string): boolean {
  return RELATIVE_TIME.test(text);
}

/**
 * A length of time: 3年, 三年, 30余年, 6个月, 一个半月, 半年, 为期, 长达, 期限, a span of years (2019—2022年). Not a
 * date: 2019年, 二〇一九年, 一九九九年, 6月3日, 民国88年, 在19年.
 */
const GIVES_DURATION = new RegExp(
  `(?<![\\d${ZEROS}${DIGITS}${LIANG}${TEN}在于从到国绪统治])(?:\\d{1,3}|\\d[\\d,.]*\\s*[${WAN}${YI}]|[${COUNTING_NUMERALS}${VAGUE_NUMERALS}]{1,3})` +
    String.raw`\s*(?:多|余)?\s*(?:个\s*(?:多|半)?月|个?\s*(?:年(?!代|级)|天|周|星期|小时|钟头|分钟|季度|学期|赛季|世纪)|载|岁)|半年|半个世纪|数月|为期|长达|历时|期限|年限|有效期|\d{2,4}\s*[—–~～\-至到]\s*\d{2,4}\s*年`,
  'u',
);

/** True when the text gives a length of time. */
export function givesDuration(text: string): boolean {
  return GIVES_DURATION.test(text);
}

/** Dates and years (2020年6月3日, 6月8日, 8号, 二〇一九年, 十二月): numbers, but no count or amount. */
const DATES = new RegExp(
  String.raw`((?:\d{4}\s*[—–-]\s*)?\d{1,4}\s*年(?:\d{1,2}\s*月)?(?:\d{1,2}\s*[日号])?|\d{1,2}\s*月(?:\d{1,2}\s*[日号])?|\d{1,2}\s*[日号]` +
    `|[${ZEROS}${ONE_TO_TEN}]+年|[${ONE_TO_TEN}]+月[${ONE_TO_TEN}]*[日号]?|\\d+\\s*世纪)`,
  'gu',
);

/** The text with its dates and years blanked out (what is left may still give a count or an amount). */
export function withoutDates(text: string): string {
  return text.replace(DATES, ' ');
}

/** A day of a month as a question term (6月5日, 6月5号); group 1 is the month and day without 日 / 号. */
const MONTH_DAY = /^(\d{1,2}月\d{1,2})[日号]$/u;

export function isMonthDay(term: string): boolean {
  return MONTH_DAY.test(term);
}

/** A day as texts write it: 6月3号 (spoken) → 6月3日; any other term unchanged. */
export function writtenDay(term: string): string {
  return term.replace(MONTH_DAY, '$1日');
}

/** The year a question term names (2020年 → "2020"), or undefined. */
export function yearOf(term: string): string | undefined {
  return /^(\d{4})年$/u.exec(term)?.[1];
}

/** Years told relative to the time of writing (lexicon RELATIVE_YEAR_OFFSETS: 去年 in a 2020 article is 2019). */
const RELATIVE_YEARS: ReadonlyMap<string, number> = new Map(RELATIVE_YEAR_OFFSETS);

/** The year a relative-year word (去年) means in a document of `documentYear` (2020 → "2019"), or undefined. */
export function relativeYear(word: string, documentYear: string): string | undefined {
  const offset = RELATIVE_YEARS.get(word);
  return offset === undefined ? undefined : String(Number(documentYear) + offset);
}

/**
 * A year written out (2019年, 到2022年), not the end of a span (2019—2022年, 2019~2022年, 2019至2022年): a join
 * ends a span only after a number.
 */
const WRITTEN_YEAR = /(?<!\d\s*年?\s*[—–~～\-至到]\s*)(?<!\d)((?:1[89]|20)\d{2})\s*年/gu;

/**
 * The years a (normalized, simplified) text names: written out (2019年, not the span 2019—2022年, which
 * "2019年" does not name either) or, in a document of `documentYear`, relative to it: a word of the text (as
 * jieba cuts it, so 目前年产量 and 过去年均 name no year) starting with 去年 / 今年 / 前年 / 明年 (去年底 → 2019).
 */
export function yearsNamed(text: string, words: readonly string[], documentYear?: string): Set<string> {
  const years = new Set<string>();
  for (const [, year] of text.matchAll(WRITTEN_YEAR)) years.add(year!);
  if (documentYear !== undefined) {
    for (const word of words) {
      const year = relativeYear(word.slice(0, 2), documentYear);
      if (year !== undefined) years.add(year);
    }
  }
  return years;
}
