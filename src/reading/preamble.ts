/**
 * Long questions that tell a story before they ask (我最近在看新闻……听说清华要帮重庆搞学科建设，我想确认一下，清华具体
 * 会在哪些方面和重庆的高校交流？): the real question is the last clauses, the rest is context. Split here by
 * structure (clauses, and which of them ask), not by the story's words.
 */

import { ASKER_SOURCE, ASKS_SOURCE, MODIFIER_PARTICLE } from '../text/lexicon.js';
import { tagWords } from '../text/tokenize.js';

/** A clause ends at a comma, a colon, a semicolon, a sentence end or a line break (full or half width). */
const CLAUSE_END = /(?<=[，,；;：:。．！!？?\n…])/u;
/** A sentence ends at 。！？ or a line break: the question is looked for in the last sentence that asks. */
const SENTENCE_END = /[。．！!？?\n]$/u;

/**
 * A clause that asks: a question word (什么, 哪, 几, 多少, 谁, 怎么, 如何, 为什么 …), a yes/no form (吗, 是否, A不A:
 * 能不能, 会不会) or a question mark.
 */
const ASKS = new RegExp(String.raw`${ASKS_SOURCE}|\b(?:what|which|who|when|where|why|how)\b`, 'u');

/** The question part is at least this many Han characters: a bare 都有哪些 asks about the clause before it. */
const MIN_QUESTION_CHARS = 8;
/**
 * A preamble is at least this many Han characters in at least this many clauses: a lead (清华和上交，哪个先签; 研究院
 * 除了研发平台，还会做哪些) is part of the question.
 */
const MIN_PREAMBLE_CHARS = 12;
const MIN_PREAMBLE_CLAUSES = 2;
/**
 * A preamble speaks of the asker or of what the asker heard (lexicon ASKER_SOURCE): a lead that does neither
 * (運用俄羅斯歷史事例激勵，紅軍的集體榮譽感，是哪個單位的作法) is what the question is about.
 */
const ASKER = new RegExp(ASKER_SOURCE, 'u');
/** A preamble holding a question (2019年引进了多少所高校？举了哪所学校的例子？) makes it two questions, not a story. */
const ASKED = /[?？]/u;

const hanLength = (text: string): number => text.match(/\p{Script=Han}/gu)?.length ?? 0;

/**
 * True for a clause that is a noun phrase, the topic a question goes on to ask about: it ends in a noun, and no
 * verb stands after its last 的 (a verb before 的 only describes the noun: 去年底发的那个计划). Never one speaking of
 * the asker, nor one opening with a verb.
 */
function isTopic(clause: string): boolean {
  if (ASKER.test(clause)) return false;
  const words = tagWords(clause.replace(/[\s\p{P}]+$/u, ''));
  const [first, last] = [words[0], words.at(-1)];
  // Opening with a verb, it tells what the unsaid asker did (看到这篇报道…的车间).
  if (!first || !last || /^v/.test(first.tag) || !/^(n|x|j)/.test(last.tag)) return false;
  const head = words.slice(words.map((w) => w.word).lastIndexOf(MODIFIER_PARTICLE) + 1);
  return head.every((w) => !/^v/.test(w.tag));
}

/** A question split into the context told first and the question asked last. */
export interface SplitQuestion {
  preamble: string;
  question: string;
}

/**
 * The preamble and the question of a long question, or undefined when it has no preamble: the question is the
 * last clause that asks, with the clauses before it in its sentence that ask too, and more clauses before it
 * while it is shorter than MIN_QUESTION_CHARS; what comes before is the preamble, when it is MIN_PREAMBLE_CHARS
 * or longer.
 */
export function splitPreamble(text: string): SplitQuestion | undefined {
  const clauses = text.split(CLAUSE_END).filter((c) => c.trim() !== '');
  let start = clauses.length - 1;
  while (start >= 0 && !ASKS.test(clauses[start] ?? '')) start--;
  if (start <= 0) return undefined;
  const length = (from: number) => hanLength(clauses.slice(from).join(''));
  for (;;) {
    const before = clauses[start - 1] ?? '';
    const sameSentence = !SENTENCE_END.test(before);
    if (start === 0 || !((sameSentence && ASKS.test(before)) || length(start) < MIN_QUESTION_CHARS)) break;
    start--;
  }
  // What the question asks about may stand before it in its sentence, as a noun phrase (重庆去年底发的那个行动计划，
  // 时间跨度是哪几年): such clauses belong to the question. A clause with a verb of its own tells the story.
  while (start > 0 && !SENTENCE_END.test(clauses[start - 1] ?? '') && isTopic(clauses[start - 1] ?? '')) start--;
  const preamble = clauses.slice(0, start).join('');
  if (
    hanLength(preamble) < MIN_PREAMBLE_CHARS ||
    start < MIN_PREAMBLE_CLAUSES ||
    ASKED.test(preamble) ||
    !ASKER.test(preamble)
  )
    return undefined;
  return { preamble, question: clauses.slice(start).join('') };
}
