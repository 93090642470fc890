/**
 * Follow-ups resolved before retrieval: a turn that leaves something out (那清华呢, 还有呢, When?) or points back
 * (它, 该协议, 对方, 它们, the other one) is rewritten into a question that stands on its own, from the previous
 * turn's question (as understood) and the agreements the conversation was about. Questions about several
 * agreements (分别, 区别, both), "which one first" and "how far apart" are told apart here too. Parties and their
 * dates come from corpus/topics.json only; the words are the lexicon's.
 */
import type { SearchEngine } from '../search/engine.js';
import {
  AGREEMENT_PRONOUN,
  CORRECTION_WORDS,
  CLOSING_PARTICLE_END,
  PARTY_LIST_FILLER,
  WHICH_FILLER,
  WHICH_ONE_OF,
  WHICH_SEVERAL,
  ASKS_DAYS,
  COMPARE_WORDS,
  EACH_WORDS,
  ELLIPSIS_END,
  FIRST_WORDS,
  INTERVAL_WORDS,
  LATER_EARLIER,
  IT_PRONOUN,
  LAST_WORDS,
  LEAD_WORDS,
  MORE_WORDS,
  REPEAT_WORDS,
  THAT_INSTITUTION,
  ORDINALS,
  BY_DATE,
  OTHER_ONE,
  PARTY_PRONOUN,
  PEOPLE_PRONOUN,
  PLURAL_PRONOUN,
  SIGNING_WORDS,
  WHICH_WORDS,
} from '../text/conversation-lexicon.js';
import { DEMONSTRATIVES, MODIFIER_PARTICLE } from '../text/lexicon.js';
import { readText, replaceSpans, type Reading } from './reading.js';
import { aspectBeside, aspectOf, hasQuestionWord, leftover, swapAspect, swapParty, swapQuestionWord } from './swap.js';
import {
  agreementsOf,
  byDate,
  focusOf,
  institutionOf,
  itReferent,
  listedItemOf,
  nameOf,
  ordinalOf,
  otherOf,
  signedOf,
} from './referents.js';

export { byDate, focusOf } from './referents.js';
import type { TurnRecord } from './state.js';

export type Resolution =
  /** Answer `question`; `changed` when context rewrote it; `soft` when the standalone reading may still win. */
  | { kind: 'question'; question: string; changed: boolean; soft?: boolean }
  /** Answer `question` once per agreement (in date order); `compare`: each agreement's overview. */
  | { kind: 'each'; question: string; agreements: string[]; compare: boolean; changed: boolean }
  /** Which of the agreements was signed first (or last). */
  | { kind: 'which'; agreements: string[]; order: 'first' | 'last' }
  /** How far apart the agreements were signed. */
  | { kind: 'interval'; agreements: string[] }
  /** More of the previous answer (还有呢). */
  | { kind: 'more'; previous: TurnRecord }
  /** An agreement named alone with nothing to follow (那清华呢 as a first turn): its overview. */
  | { kind: 'overview'; agreement: string };

const PUNCTUATION = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;
const trimPunctuation = (s: string) => s.replace(PUNCTUATION, '');

/** Removes the first match of each pattern (and the linking words before a follow-up) from a reading. */
function strip(r: Reading, patterns: RegExp[]): string {
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const p of patterns) {
    const m = new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`);
    for (const hit of r.normalized.matchAll(m))
      edits.push({ start: hit.index ?? 0, end: (hit.index ?? 0) + hit[0].length, text: '' });
  }
  return replaceSpans(r, dropOverlaps(edits));
}

function dropOverlaps<T extends { start: number; end: number }>(edits: T[]): T[] {
  const kept: T[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (kept.every((k) => k.end <= e.start || e.end <= k.start)) kept.push(e);
  }
  return kept;
}

/** A turn only asking to say the last answer again: each of its clauses a repeat word (没看清，再说一遍). */
function isRepeat(r: Reading): boolean {
  const clauses = r.normalized.split(/[\s\p{P}]+/u).filter(Boolean);
  return clauses.length > 0 && clauses.every((c) => REPEAT_WORDS.includes(c.replace(CLOSING_PARTICLE_END, '')));
}

/** The linking words opening a follow-up (那, what about, and), as a length in the normalized text. */
function leadLength(r: Reading): number {
  return leadWords(r).length;
}

/** True when a follow-up opens as a correction (不是，我问的是…; no, I meant …). */
function isCorrection(r: Reading): boolean {
  return leadWords(r).words.some((w) => CORRECTION_WORDS.includes(w));
}

/** The linking words opening a follow-up, and the length they take in the normalized text. */
function leadWords(r: Reading): { words: string[]; length: number } {
  const words: string[] = [];
  let at = 0;
  for (let changed = true; changed;) {
    changed = false;
    const rest = r.normalized.slice(at);
    const skip = /^[\s\p{P}]+/u.exec(rest)?.[0].length ?? 0;
    if (skip) {
      at += skip;
      changed = true;
      continue;
    }
    for (const w of LEAD_WORDS) {
      if (!rest.startsWith(w)) continue;
      const after = rest.slice(w.length);
      const latin = /^[a-z]/.test(w);
      if (latin && /^[a-z0-9]/.test(after)) continue;
      // A one-character link (和, 跟) only before a party: 同济大学 is no 同 + 济大学.
      if (!latin && w.length === 1 && !DEMONSTRATIVES.includes(w) && !r.parties.some((p) => p.start === at + w.length))
        continue;
      at += w.length;
      words.push(w);
      changed = true;
      break;
    }
  }
  return { words, length: at };
}

/** What an elliptic follow-up keeps once its links and closing particles are gone (那清华呢 → 清华). */
function ellipsisCore(r: Reading): { core: string; start: number; end: number } {
  const start = leadLength(r);
  let core = r.normalized.slice(start).replace(/[\s\p{P}\p{S}]+$/u, '');
  core = core.replace(ELLIPSIS_END, '').replace(/[\s\p{P}]+$/u, '');
  return { core, start, end: start + core.length };
}

function isWhichFirst(r: Reading): 'first' | 'last' | undefined {
  if (r.agreements.length === 1 || !WHICH_WORDS.test(r.normalized)) return undefined;
  const order = FIRST_WORDS.test(r.normalized) ? 'first' : LAST_WORDS.test(r.normalized) ? 'last' : undefined;
  if (!order) return undefined;
  const rest = leftover(r, [WHICH_WORDS, FIRST_WORDS, LAST_WORDS, SIGNING_WORDS, PLURAL_PRONOUN], WHICH_FILLER);
  return rest.length <= 1 ? order : undefined;
}

/** A number of days between signings asked: of the agreements named, else of the conversation's (see intervalOf). */
function isInterval(r: Reading): boolean {
  const t = r.normalized;
  return ASKS_DAYS.test(t) && (INTERVAL_WORDS.test(t) || (LATER_EARLIER.test(t) && SIGNING_WORDS.test(t)));
}

/**
 * The agreements an interval is between: two or more named; one named and the one the conversation was about
 * (How many days after the Tsinghua agreement was it signed?, after SJTU); else as severalOf.
 */
function intervalOf(engine: SearchEngine, r: Reading, previous: TurnRecord | undefined): string[] | undefined {
  if (r.agreements.length !== 1) return severalOf(engine, r, previous);
  const focus = focusOf(previous);
  if (!focus || focus === r.agreements[0]) return undefined;
  return byDate(engine.corpus.topics.agreements, [focus, r.agreements[0]!]);
}

/** The agreements a question about several means: those it names, else the last turn's, else every one. */
function severalOf(engine: SearchEngine, r: Reading, previous: TurnRecord | undefined): string[] {
  const all = engine.corpus.topics.agreements.map((t) => t.id);
  const chosen =
    r.agreements.length >= 2 ? r.agreements : agreementsOf(previous).length >= 2 ? agreementsOf(previous) : all;
  return byDate(engine.corpus.topics.agreements, chosen);
}

interface Rewrite {
  text: string;
  changed: boolean;
}

/** Replaces the words pointing back (它, 该协议, 对方, 第一个, the other one) with what they point to. */
function replaceReferences(engine: SearchEngine, r: Reading, turns: readonly TurnRecord[]): Rewrite {
  const previous = turns.at(-1);
  const focus = focusOf(previous);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const at = (pattern: RegExp, text: (m: RegExpExecArray) => string | undefined) => {
    const m = pattern.exec(r.normalized);
    const t = m ? text(m) : undefined;
    if (m && t !== undefined) edits.push({ start: m.index, end: m.index + m[0].length, text: t });
  };
  const name = (id: string | undefined) => (id ? nameOf(engine, id, r.english) : undefined);
  // The agreement "the other one" of this question names, for 它 / it beside it (not an ordinal: 国内第一个 is no
  // reference).
  const pointed: string[] = [];
  const point = (id: string | undefined) => {
    if (id) pointed.push(id);
    return name(id);
  };
  at(OTHER_ONE, () => point(otherOf(engine, turns)));
  // 第一个 after a list of areas is its first area; else the first agreement the conversation listed.
  ORDINALS.forEach((p, i) =>
    at(p, () => listedItemOf(engine, previous, i, r.english) ?? name(ordinalOf(engine, turns, i))),
  );
  for (const order of ['first', 'last'] as const) at(BY_DATE[order], () => name(signedOf(engine, order)));
  // 它 / its / they beside a party the question names itself (交大呢，它要建什么; what did SJTU promise about its …;
  // and for Tsinghua, which industries will they focus on?; the other agreement, what does it cover?) is that party.
  const own = r.agreements.length === 1 ? r.agreements[0] : pointed.length === 1 ? pointed[0] : undefined;
  if (own) at(PEOPLE_PRONOUN, () => name(own));
  else if (focus && agreementsOf(previous).length < 2) at(PEOPLE_PRONOUN, () => name(focus));
  if (focus) {
    at(AGREEMENT_PRONOUN, () => (r.english ? `${name(focus)} ` : `${name(focus)}${MODIFIER_PARTICLE}`));
    at(PARTY_PRONOUN, () => name(focus));
  }
  // 这个研究院 / that centre: the institution the previous turn was about (left as written when none).
  if (previous && focus !== undefined) at(THAT_INSTITUTION, () => institutionOf(engine, previous, focus));
  if (own) at(IT_PRONOUN, (m) => (m[0] === 'its' ? `${name(own)}'s` : name(own)));
  else if (previous)
    at(IT_PRONOUN, (m) => {
      const referent = itReferent(engine, previous, r.english);
      return referent && m[0] === 'its' ? `${referent}'s` : referent;
    });
  const kept = dropOverlaps(edits);
  if (!kept.length) return { text: r.shown, changed: false };
  const lead = leadLength(r);
  const text = replaceSpans(r, [...kept, ...(lead > 0 ? [{ start: 0, end: lead, text: '' }] : [])]);
  return { text: trimPunctuation(text) ? text.trim() : r.shown, changed: true };
}

/**
 * Resolves one turn against the conversation's earlier turns (oldest first). A question that stands on its own
 * (it names its party, or asks which party, or the conversation is new) comes back unchanged.
 */
export function resolveTurn(engine: SearchEngine, text: string, turns: readonly TurnRecord[]): Resolution {
  const r = readText(engine, text);
  const previous = turns.at(-1);
  // Questions on the agreements' dates: which came first, how far apart (not when it names another party too).
  const foreign = r.otherNames.length > 0;
  const order = !foreign && isWhichFirst(r);
  if (order) return { kind: 'which', agreements: severalOf(engine, r, previous), order };
  const between = !foreign && isInterval(r) ? intervalOf(engine, r, previous) : undefined;
  if (between) return { kind: 'interval', agreements: between };
  // 没看清，再说一遍 / say that again: the previous question, answered again.
  if (previous && isRepeat(r)) return { kind: 'question', question: previous.question, changed: true };
  return resolveEllipsis(engine, r, turns) ?? resolveReferences(engine, r, turns);
}

/** A follow-up that leaves things unsaid (那清华呢, 还有呢, what about SJTU?), else undefined. */
function resolveEllipsis(engine: SearchEngine, r: Reading, turns: readonly TurnRecord[]): Resolution | undefined {
  const previous = turns.at(-1);
  const same: Resolution = { kind: 'question', question: r.shown, changed: false };
  const { core } = ellipsisCore(r);
  const bare = core.replace(CLOSING_PARTICLE_END, '');
  if (previous && (MORE_WORDS.includes(bare) || MORE_WORDS.includes(trimPunctuation(r.normalized))))
    return { kind: 'more', previous };
  const coreReading = readText(engine, core);
  const onlyParties =
    core !== '' && coreReading.agreements.length > 0 && leftover(coreReading, [], PARTY_LIST_FILLER) === '';
  // A correction naming a party (不是，我问的是交大的科技创新与合作) is asked as the previous question of it.
  const correcting = isCorrection(r) && coreReading.agreements.length > 0 && !hasQuestionWord(core);
  const elliptic =
    (ELLIPSIS_END.test(trimPunctuation(r.normalized)) && !hasQuestionWord(core)) ||
    onlyParties ||
    correcting ||
    (r.english && leadLength(r) > 0 && !hasQuestionWord(core) && core.split(/\s+/).length <= 4);
  if (!elliptic) return undefined;
  if (core === '' || MORE_WORDS.includes(core)) return previous ? { kind: 'more', previous } : same;
  if (!previous)
    return onlyParties && coreReading.agreements.length === 1
      ? { kind: 'overview', agreement: coreReading.agreements[0]! }
      : same;
  if (coreReading.agreements.length >= 2)
    return {
      kind: 'each',
      question: previous.question,
      agreements: byDate(engine.corpus.topics.agreements, coreReading.agreements),
      compare: false,
      changed: true,
    };
  // 第二个呢 after a list of areas: that area of the previous answer's agreement.
  const item = ORDINALS.map((p, i) => (p.test(core) ? listedItemOf(engine, previous, i, r.english) : undefined)).find(
    Boolean,
  );
  if (item) return { kind: 'question', question: item, changed: true };
  const target =
    coreReading.agreements[0] ??
    (OTHER_ONE.test(core) ? otherOf(engine, turns) : undefined) ??
    ORDINALS.map((p, i) => (p.test(core) ? ordinalOf(engine, turns, i) : undefined)).find(Boolean) ??
    (['first', 'last'] as const).map((o) => (BY_DATE[o].test(core) ? signedOf(engine, o) : undefined)).find(Boolean);
  // A party named with an aspect of its own (那交大的人才交流方面呢, what about 科技成果转化 for SJTU): both change.
  const aspect = coreReading.agreements[0] ? aspectBeside(engine, coreReading) : '';
  const swapped = target ? swapParty(engine, previous.question, target) : previous.question;
  const question =
    target && !aspect
      ? swapped
      : swapAspect(engine, swapped, readText(engine, aspectOf(aspect || core)).shown, aspect !== '');
  return { kind: 'question', question, changed: question !== r.shown };
}

/**
 * A question complete but for what it points back to (它, 对方, the other one), about several agreements (它们,
 * 分别, compare), asking only a question word (When?), or implying the conversation's party.
 */
function resolveReferences(engine: SearchEngine, r: Reading, turns: readonly TurnRecord[]): Resolution {
  const previous = turns.at(-1);
  const same: Resolution = { kind: 'question', question: r.shown, changed: false };
  // Words pointing back, then questions about several agreements.
  const rewrite = previous ? replaceReferences(engine, r, turns) : { text: r.shown, changed: false };
  const several = severalResolution(engine, rewrite.changed ? readText(engine, rewrite.text) : r, rewrite, previous);
  if (several) return several;
  if (rewrite.changed) return { kind: 'question', question: rewrite.text, changed: true };
  if (!previous) return same;
  // Only a question word (When? 在哪呢?): the previous question, asking that instead.
  if (r.contentTerms.length === 0 && hasQuestionWord(trimPunctuation(r.normalized))) {
    const swapped = swapQuestionWord(engine, previous.question, r, ellipsisCore(r).core);
    if (swapped) return { kind: 'question', question: swapped, changed: true };
  }
  // No party named, in a conversation about one: the party is implied, unless the question stands without it; in
  // Chinese, whose questions leave their subject out, the institution the previous turn was about if there was one
  // (那个研究院是谁签的 → 几时揭牌的: the institute's unveiling, not the other centre's).
  const focus = focusOf(previous);
  if (focus && r.agreements.length === 0 && !r.asksParty && r.contentTerms.length > 0) {
    const institution = r.english ? undefined : institutionOf(engine, previous, focus);
    const name = institution ?? nameOf(engine, focus, r.english);
    const body = replaceSpans(r, leadLength(r) ? [{ start: 0, end: leadLength(r), text: '' }] : []);
    return {
      kind: 'question',
      question: r.english ? `${body} (${name})` : `${name}${body}`,
      changed: true,
      // The party is a soft guess (the question may stand without it); the institution talked about is not.
      soft: institution === undefined,
    };
  }
  return same;
}

/** A plural that is only a people pronoun (他们, they). */
const ONLY_PEOPLE = new RegExp(`^(?:${PEOPLE_PRONOUN.source})$`, 'u');

/** A question about several agreements at once (它们, 两份, 分别, compare), asked of each; else undefined. */
function severalResolution(
  engine: SearchEngine,
  rr: Reading,
  rewrite: Rewrite,
  previous: TurnRecord | undefined,
): Resolution | undefined {
  // 他们 / they stand for the agreements only in a conversation about them (or none yet): after a turn about
  // something else (the city's plan), they are whoever that was about.
  const pronoun = PLURAL_PRONOUN.exec(rr.normalized)?.[0];
  const people = pronoun !== undefined && ONLY_PEOPLE.test(pronoun);
  const plural =
    pronoun !== undefined &&
    (!people || !previous || agreementsOf(previous).length >= 2) &&
    !rr.asksParty &&
    !WHICH_SEVERAL.test(rr.normalized) &&
    !WHICH_ONE_OF.test(rr.normalized);
  const compare = COMPARE_WORDS.test(rr.normalized);
  const several =
    plural ||
    (rr.agreements.length >= 2 && (EACH_WORDS.test(rr.normalized) || compare)) ||
    (compare && rr.agreements.length === 0 && !rr.asksParty);
  // A question naming another party too (与浙大相比, similar to Zhejiang's) is not about several of ours.
  if (!several || rr.otherNames.length > 0) return undefined;
  const agreements =
    plural && rr.agreements.length < 2 ? severalOf(engine, rr, previous) : severalOf(engine, rr, undefined);
  if (agreements.length < 2) return undefined;
  return { kind: 'each', question: rewrite.text, agreements, compare, changed: rewrite.changed };
}
