/**
 * Second stage of ranking: BM25 scores a passage by its words wherever they stand; a question is usually
 * answered by one sentence. The best candidates are re-scored by how much of the question one of their
 * sentences holds, and, for a question that asks "when", by whether that sentence gives a time.
 */
import type { ContentTerm } from './query.js';

/**
 * A time in a (normalized, simplified) sentence: 2019年, 6月8日, 8号 after a month, 二〇一九年, 十二月, 去年,
 * 20世纪, 90年代. Not 三年行动计划 (a numeral year count without digits), 1号线, 新世纪.
 */
const GIVES_TIME =
  /(\d{1,4}\s*年|\d{1,2}\s*月|月\s*\d{1,2}\s*[日号]|\d{1,2}\s*日|[〇零一二三四五六七八九]{2,4}年|[一二三四五六七八九十]{1,3}月|[去今明前]年|\d+\s*世纪|\d+\s*年代)/u;

export function givesTime(sentence: string): boolean {
  return GIVES_TIME.test(sentence);
}

/**
 * A year in a (normalized, simplified) text, however vaguely: 2019年, 二〇一九年, 光绪三十年 (reign years), 去年, 同年,
 * 年底, 90年代, 20世纪. Lenient on purpose: it only tells passages that say nothing of years.
 */
const GIVES_YEAR = /(\d{2,4}\s*年|[〇零一二三四五六七八九十百千]+年|[去今明前后次同当翌元隔]年|年代|世纪|年间|年初|年底|年末)/u;

export function givesYear(text: string): boolean {
  return GIVES_YEAR.test(text);
}

/** A day told relative to the story (当天下午…揭牌, 同日): in a dated document, a day of its year. */
const RELATIVE_DAY = /(当天|当日|同日|同一天|当晚|次日|日前|近日)/u;

/** True when a sentence gives a time, or a day relative to its story. */
export function givesDay(text: string): boolean {
  return givesTime(text) || RELATIVE_DAY.test(text);
}

/**
 * The sentence holding the largest share of the question's term weight: its index and that share (0–1).
 * `implied` terms count as held by every sentence (the document's year, for a passage that names none).
 */
export function bestSentence(
  matchTexts: string[],
  terms: ContentTerm[],
  implied: (term: string) => boolean = () => false,
): { index: number; coverage: number } {
  const total = terms.reduce((s, t) => s + t.idf, 0);
  let index = 0;
  let best = -1;
  matchTexts.forEach((text, i) => {
    const score = terms.reduce((s, t) => s + (text.includes(t.term) || implied(t.term) ? t.idf : 0), 0);
    if (score > best) {
      index = i;
      best = score;
    }
  });
  return { index, coverage: total > 0 ? Math.max(0, best) / total : 0 };
}

/** Weights of the second stage (see RankingOptions). */
export interface RerankWeights {
  sentenceWeight: number;
  timeWeight: number;
}

/**
 * The re-ranking score of a candidate: its first-stage score relative to the best candidate's (0–1], plus the
 * weighted share of the question its best sentence holds, plus the time bonus.
 */
export function rerankScore(relativeScore: number, coverage: number, timeMatch: boolean, w: RerankWeights): number {
  return relativeScore + w.sentenceWeight * coverage + (timeMatch ? w.timeWeight : 0);
}
