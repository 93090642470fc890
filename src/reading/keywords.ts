/**
 * Keyword queries (清华 签约 日期, 上交 研究院 揭牌 地点): words typed as into a search box, no question asked. The
 * noun naming the kind of answer (日期, 地点, 数量) says what the question would ask (哪天, 在哪里, 多少): read so, it
 * asks for that kind, as the full question does, and is no word the answer must hold (a passage gives a date
 * without saying 日期).
 */

import { ASKS_SOURCE } from '../text/lexicon.js';

/** Nouns naming a kind of answer, and the question words asking for it. */
const KIND_QUESTIONS: ReadonlyMap<string, string> = new Map([
  ['日期', '哪天'],
  ['时间', '什么时候'],
  ['年份', '哪一年'],
  ['地点', '在哪里'],
  ['地址', '在哪里'],
  ['位置', '在哪里'],
  ['数量', '多少'],
  ['数目', '多少'],
  ['人数', '多少人'],
  ['金额', '多少钱'],
]);

/** A question word, a yes/no form or a question mark: a query holding one is a question, not keywords. */
const ASKS = new RegExp(ASKS_SOURCE, 'u');
/** Keywords are short: a longer run is a sentence with spaces in it. */
const MAX_KEYWORD_CHARS = 8;

/**
 * A keyword query (two words or more set apart by spaces, each short, none asking) with its kind nouns read as
 * the question words they stand for (清华 签约 日期 → 清华 签约 哪天; 签约时间 → 签约什么时候); any other text as it is.
 */
export function readKeywords(text: string): string {
  const parts = text.trim().split(/\s+/u);
  if (parts.length < 2 || ASKS.test(text) || parts.some((p) => [...p].length > MAX_KEYWORD_CHARS)) return text;
  if (!parts.every((p) => /^[\p{Script=Han}\p{Script=Latin}\d]+$/u.test(p))) return text;
  const read = parts.map((part) => {
    for (const [noun, question] of KIND_QUESTIONS)
      if (part.endsWith(noun)) return part.slice(0, -noun.length) + question;
    return part;
  });
  return read.join(' ');
}
