/**
 * What the words of a follow-up point to (src/dialogue/resolve.ts replaces them): the party a turn was about, the
 * other agreement, the first or last signed, an ordinal of a listing answer, and what 它 / this centre means.
 */
import type { Topic } from '../corpus/types.js';
import { summarizeTopic } from '../answer/summarize.js';
import type { SearchEngine } from '../search/engine.js';
import { HAN_NUMERALS, INSTITUTION_SUFFIXES, oneOf } from '../text/lexicon.js';
import { WHICH_WORDS_ZH } from '../text/conversation-lexicon.js';
import { readText, replaceSpans, subjectOf, type Reading } from './reading.js';
import type { TurnRecord } from './state.js';

/** The agreements in date order (ties by topics.json order). */
export function byDate(topics: readonly Topic[], ids: readonly string[]): string[] {
  return topics
    .filter((t) => ids.includes(t.id))
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((t) => t.id);
}

/** The party's name for a text in that language. */
export function nameOf(engine: SearchEngine, id: string, english: boolean): string {
  const topic = engine.corpus.topics.agreements.find((t) => t.id === id);
  if (!topic) return id;
  return english ? (topic.party.nameEn ?? topic.party.name) : topic.party.name;
}

/** The one agreement a turn was about: the one it named, else the one its answer was about. */
export function focusOf(turn: TurnRecord | undefined): string | undefined {
  if (!turn) return undefined;
  if (turn.agreements.length === 1) return turn.agreements[0];
  if (turn.agreements.length === 0 && turn.answerAgreements.length === 1) return turn.answerAgreements[0];
  return undefined;
}

/** Every agreement a turn was about (named or answered), in order. */
export function agreementsOf(turn: TurnRecord | undefined): string[] {
  return turn ? [...new Set([...turn.agreements, ...turn.answerAgreements])] : [];
}

/** The agreement "the other one" means: one the conversation talked about besides the focus, else the next by date. */
export function otherOf(engine: SearchEngine, turns: readonly TurnRecord[]): string | undefined {
  const focus = focusOf(turns.at(-1));
  for (const turn of [...turns].reverse()) {
    const other = agreementsOf(turn).find((a) => a !== focus);
    if (other) return other;
  }
  return byDate(
    engine.corpus.topics.agreements,
    engine.corpus.topics.agreements.map((t) => t.id),
  ).find((a) => a !== focus);
}

/** The agreement an ordinal means (第一个, the latter): in the order the last listing answer named them, else by date. */
export function ordinalOf(engine: SearchEngine, turns: readonly TurnRecord[], index: number): string | undefined {
  const listed = [...turns].reverse().find((t) => t.answerAgreements.length >= 2)?.answerAgreements;
  const order =
    listed ??
    byDate(
      engine.corpus.topics.agreements,
      engine.corpus.topics.agreements.map((t) => t.id),
    );
  return index === 1 && order.length === 2 && !listed ? order[1] : order[index];
}

/**
 * The items a passage lists as areas (在战略决策咨询、科技创新、“双一流”建设、人才交流与合作、产学研协同5个方面 →
 * 战略决策咨询, 科技创新, 双一流建设, …; 围绕A、B等领域), in order; [] when it lists none.
 */
export function listedAreas(text: string): string[] {
  const list = LISTED_AREAS.exec(text)?.[1];
  return list ? list.split('、').map((item) => item.replace(/[“”"‘’「」]/gu, '').trim()) : [];
}
const LISTED_AREAS = new RegExp(
  `(?:在|围绕|包括)([^，,。；;]*?、[^，,。；;]*?)(?:等|[\\d${HAN_NUMERALS}]+个)?多?(?:方面|领域)`,
  'u',
);

/**
 * The item an ordinal means (第一个, the second one) after an answer listing areas for a question asking which
 * (清华那5个方面是哪些 → 第一个 is 战略决策咨询), put after the previous answer's party; undefined otherwise (then the
 * ordinal means an agreement: ordinalOf).
 */
export function listedItemOf(
  engine: SearchEngine,
  previous: TurnRecord | undefined,
  index: number,
  english: boolean,
): string | undefined {
  const passage = previous?.passages[0] === undefined ? undefined : engine.passage(previous.passages[0]);
  if (!previous || !passage || previous.answerAgreements.length >= 2) return undefined;
  // The previous question asked which ones (哪些, 哪几, which, what are) or how many: its answer's list is the list.
  const asked = engine.analyze(previous.question);
  const which = WHICH_WORDS_ZH.test(asked.normalized) || /\b(?:which|what are)\b/u.test(asked.normalized);
  if (!which && !asked.asks.has('areas') && !asked.asks.has('number')) return undefined;
  const item = listedAreas(passage.text)[index];
  const focus = focusOf(previous);
  const party = focus === undefined ? '' : nameOf(engine, focus, english);
  return item === undefined ? undefined : english ? `${item} (${party})` : `${party}${item}`;
}

/** The agreement signed first (or last) of all, by topics.json dates. */
export function signedOf(engine: SearchEngine, order: 'first' | 'last'): string | undefined {
  const all = byDate(
    engine.corpus.topics.agreements,
    engine.corpus.topics.agreements.map((t) => t.id),
  );
  return order === 'first' ? all[0] : all.at(-1);
}

/** Words naming a kind of institution (研究院, 中心): the question was about one. */
const INSTITUTION_WORD = new RegExp(`(?:${oneOf(INSTITUTION_SUFFIXES)})$`, 'u');

/**
 * The institution of the focus agreement the previous turn was about (上海交通大学重庆研究院 after 上海交大要在重庆建个
 * 什么研究院?, or after the SJTU Chongqing research institute): its question names the kind or a part of the name
 * (研究院, 临近空间创新研发中心) and its best passage names the institution in full.
 */
export function institutionOf(
  engine: SearchEngine,
  previous: TurnRecord,
  focus: string,
  r: Reading = readText(engine, previous.question),
): string | undefined {
  const passage = previous.passages[0] === undefined ? undefined : engine.passage(previous.passages[0]);
  if (!passage) return undefined;
  const kinds = r.contentTerms.filter((t) => INSTITUTION_WORD.test(t));
  return summarizeTopic(engine, focus)?.institutions.find(
    (name) => passage.text.includes(name) && kinds.some((k) => name.includes(k)),
  );
}

/**
 * The referent of 它 / it: an institution the previous turn was about, else the previous question's subject when
 * it is more than the city, else its party.
 */
export function itReferent(engine: SearchEngine, previous: TurnRecord, english: boolean): string | undefined {
  const r = readText(engine, previous.question);
  const focus = focusOf(previous);
  const institution = focus === undefined ? undefined : institutionOf(engine, previous, focus, r);
  if (institution) return institution;
  if (!r.english && !english) {
    const subject = subjectOf(r.normalized);
    if (subject) {
      const cityOnly = r.parties.some((p) => p.topicId === null && p.start <= subject.start && p.end >= subject.end);
      const text = replaceSpans(r, []).slice(subject.start, subject.end);
      if (
        !cityOnly &&
        (focus === undefined ||
          r.parties.some((p) => p.topicId === focus && p.start >= subject.start && p.end <= subject.end))
      )
        return text;
    }
  }
  // English: what "tell me about …" was about (the research institute SJTU is building in Chongqing).
  const about =
    /^(?:(?:can you |please )?tell me (?:more )?about|what about|how about|about)\s+(.+?)[\s\p{P}]*$/iu.exec(r.shown);
  if (about?.[1] && english) return about[1];
  return focus ? nameOf(engine, focus, english) : undefined;
}
