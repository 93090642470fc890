/**
 * How a follow-up is put into the previous question (src/dialogue/resolve.ts decides when): its party, its
 * question word or its aspect swapped in (那交大呢, 什么时候呢, 那人才交流方面呢, 企业呢), and what it names besides
 * its party.
 */
import { escapeRegExp } from '../text/regexp.js';
import type { SearchEngine } from '../search/engine.js';
import {
  AGREEMENT_PRONOUN,
  ASKED_OBJECT,
  ASPECT_BESIDE_PARTY,
  ASPECT_ENDING,
  ASPECT_LEAD,
  COUNT_WORDS_ZH,
  PARTY_LIST_FILLER,
  PARTY_PRONOUN,
  QUESTION_WORDS_EN,
  QUESTION_WORDS_ZH,
  WHICH_LIST,
  WHICH_OBJECT,
  WHICH_WORDS_ZH,
  YES_NO_END,
} from '../text/conversation-lexicon.js';
import { ASKED_TIME_NOUN } from '../question/kinds/time.js';
import { JOINING_WORDS, oneOf } from '../text/lexicon.js';
import { otherNameSpans, readText, replaceSpans, type Reading } from './reading.js';
import { nameOf } from './referents.js';

/** A follow-up this short is a question word and its noun (几个方面), put whole in place of the previous one's. */
const ASKED_PHRASE_CHARS = 6;

/** Passages searched for two nouns listed side by side (listedSibling). */
const SIBLING_PASSAGES = 10;

/** True when a text asks something of its own (a question word, 吗, is / did …). */
export const hasQuestionWord = (s: string): boolean =>
  QUESTION_WORDS_ZH.test(s) ||
  WHICH_WORDS_ZH.test(s) ||
  YES_NO_END.test(s) ||
  QUESTION_WORDS_EN.test(s) ||
  /\b(?:is|are|was|were|did|does|do|will|can)\b/.test(s);

/** The words of a text that are neither parties nor any of the patterns nor punctuation. */
export function leftover(r: Reading, patterns: RegExp[], filler: RegExp): string {
  let s = r.normalized;
  for (const p of [...r.parties].sort((a, b) => b.start - a.start)) s = s.slice(0, p.start) + ' ' + s.slice(p.end);
  for (const p of patterns) s = s.replace(new RegExp(p.source, `${p.flags.replace('g', '')}g`), ' ');
  return s.replace(filler, ' ').replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The aspect an elliptic follow-up names, without words for the party talked about (这所大学在产学研方面 → 产学研方面). */
export function aspectOf(core: string): string {
  const pointing = new RegExp(`${PARTY_PRONOUN.source}|${AGREEMENT_PRONOUN.source}`, 'gu');
  const aspect = core.replace(pointing, '').replace(ASPECT_LEAD, '');
  return aspect || core;
}

/** What joins two parties named together (清华和交大, 清华、交大, Tsinghua and SJTU). */
const PARTY_JOINER = new RegExp(
  `^\\s*(?:${oneOf([...JOINING_WORDS, '跟', '及', '、', ',', '，', 'and', '&'])})\\s*$`,
  'u',
);

/** A previous question with its party (or another name, or nothing) replaced by `agreement`'s. */
export function swapParty(engine: SearchEngine, previous: string, agreement: string): string {
  const r = readText(engine, previous);
  const name = nameOf(engine, agreement, r.english);
  const parties = r.parties.filter((p) => p.topicId);
  // Several parties joined (清华和交大分别…, Tsinghua and SJTU): the first becomes the one asked of, the others go
  // with what joins them (not 清华大学和清华大学分别…).
  if (parties.length)
    return replaceSpans(
      r,
      parties.map((p, k) => {
        const before = parties[k - 1];
        const joined = before !== undefined && PARTY_JOINER.test(r.normalized.slice(before.end, p.start));
        return joined ? { start: before.end, end: p.end, text: '' } : { ...p, text: name };
      }),
    );
  const other = otherNameSpans(engine, previous)[0];
  if (other) return replaceSpans(r, [{ ...other, text: name }]);
  return r.english ? `${previous} (${name})` : `${name}${previous}`;
}

/** A previous question with its question word replaced (在哪揭牌 + 什么时候 → 什么时候揭牌). */
export function swapQuestionWord(
  engine: SearchEngine,
  previous: string,
  asked: Reading,
  core = '',
): string | undefined {
  const r = readText(engine, previous);
  // 都有哪些 after 引进了多少家科研院所: the things counted, listed (引进了哪些科研院所); after a question asking
  // which already (在哪些方面合作), that question again.
  if (!asked.english && WHICH_WORDS_ZH.test(asked.normalized) && !QUESTION_WORDS_ZH.test(asked.normalized)) {
    if (WHICH_WORDS_ZH.test(r.normalized)) return r.shown;
    const count = COUNT_WORDS_ZH.exec(r.normalized);
    if (!count) return undefined;
    return replaceSpans(r, [{ start: count.index, end: count.index + count[0].length, text: WHICH_LIST }]);
  }
  const pattern = asked.english ? QUESTION_WORDS_EN : QUESTION_WORDS_ZH;
  const word = pattern.exec(asked.normalized)?.[0];
  const old = pattern.exec(r.normalized);
  if (!word || !old) return undefined;
  const start = old.index;
  // The question word with the noun it asks about (几个方面, 哪一年) when that is all the follow-up says.
  const said = !asked.english && core.includes(word) && [...core].length <= ASKED_PHRASE_CHARS ? core : word;
  const replaced = replaceSpans(r, [{ start, end: start + old[0].length, text: said }]);
  return asked.english ? replaced.charAt(0).toUpperCase() + replaced.slice(1) : replaced;
}

/** An aspect follow-up (那人才交流方面呢) put in place of the previous question's (在决策咨询方面), else after its party. */
export function swapAspect(engine: SearchEngine, previous: string, core: string, beside = false): string {
  const r = readText(engine, previous);
  const inPlace = new RegExp(`在([\\p{Script=Han}]{1,10}?)${ASPECT_ENDING}`, 'u').exec(r.normalized);
  if (inPlace && new RegExp(`${ASPECT_ENDING}$`, 'u').test(core))
    return replaceSpans(r, [{ start: inPlace.index + 1, end: inPlace.index + inPlace[0].length, text: core }]);
  // An aspect named beside a party (交大的科技创新与合作) in place of the previous one, its 方面 kept.
  if (inPlace && beside && /^\p{Script=Han}+$/u.test(core))
    return replaceSpans(r, [{ start: inPlace.index + 1, end: inPlace.index + 1 + inPlace[1]!.length, text: core }]);
  // 科研院所呢 after 2019年引进了多少家高校: the same count asked of the other thing; 企业呢 after 引进了哪些科研
  // 院所, the same list, when the corpus lists the two side by side (科研院所和企业: things of one kind; 研究院呢
  // after 会提供哪些服务 asks about the institute).
  const swappable = !r.english && !hasQuestionWord(core) && !ASKED_TIME_NOUN.test(core);
  const object = swappable ? (ASKED_OBJECT.exec(r.normalized) ?? listedSibling(engine, r.normalized, core)) : null;
  if (object) {
    const [start, end] = object.indices![1]!;
    return replaceSpans(r, [{ start, end, text: core }]);
  }
  const party = r.parties.find((p) => p.topicId);
  const name = party?.topicId ? nameOf(engine, party.topicId, r.english) : '';
  return r.english ? `${core} ${name}`.trim() : `${name}${core}`;
}

/**
 * The object of a which-question (引进了哪些科研院所 → 科研院所) when the corpus lists it beside `noun` (…、科研院所和
 * 企业…): the two are things of one kind, so `noun` asks for the same list. Looked for in the passages a search for
 * both finds.
 */
function listedSibling(engine: SearchEngine, question: string, noun: string): RegExpExecArray | undefined {
  const object = WHICH_OBJECT.exec(question);
  const asked = object?.[1];
  if (!object || !asked || !/^\p{Script=Han}{2,8}$/u.test(noun) || asked === noun) return undefined;
  const [a, b] = [escapeRegExp(asked), escapeRegExp(noun)];
  const side = new RegExp(`${a}[、和与及]${b}|${b}[、和与及]${a}`, 'u');
  const found = engine.rank(engine.analyze(`${asked}${noun}`), SIBLING_PASSAGES);
  return found.some((hit) => side.test(engine.passageMatchText(hit.passage))) ? object : undefined;
}

/**
 * What an elliptic follow-up names besides its party (交大的人才交流方面 → 人才交流方面; 科技成果转化 for SJTU →
 * 科技成果转化): '' when it names nothing else (交大呢, 那交大也一样吗), or nothing the corpus mentions (交大那边呢,
 * 上交的情况呢, 换成清华呢: ways of pointing at the party, not aspects).
 */
export function aspectBeside(engine: SearchEngine, r: Reading): string {
  if (leftover(r, [], PARTY_LIST_FILLER) === '') return '';
  let s = r.normalized;
  for (const p of [...r.parties].sort((a, b) => b.start - a.start)) s = `${s.slice(0, p.start)} ${s.slice(p.end)}`;
  const edge = new RegExp(`^(?:${ASPECT_BESIDE_PARTY.source})+|(?:${ASPECT_BESIDE_PARTY.source})+$`, 'gu');
  const aspect = s.trim().replace(edge, '').trim();
  const terms = readText(engine, aspect).contentTerms;
  return terms.length > 0 && terms.every((t) => engine.mentions(t)) ? aspect : '';
}
