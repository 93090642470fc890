/**
 * What a summary is cut from: the sentences of one agreement's passages, read for its signing, aspects of
 * cooperation, fields, institutions and related signings (src/answer/summarize.ts lays them out). Patterns only;
 * every item is a piece of the corpus' text.
 */
import { ASPECT_HEADING } from '../question/kinds/subject.js';
import { chineseDate } from '../corpus/topics.js';
import type { Topic } from '../corpus/types.js';
import { normalizeText } from '../text/normalize.js';
import { escapeRegExp } from '../text/regexp.js';
import {
  AGREEMENT_WORDS,
  ALSO_WITH_WORDS,
  ASPECT_COUNT_MEASURES,
  ASPECT_NOUN,
  ETC,
  FIELD_NOUNS,
  HOW,
  INSTITUTION_SUFFIXES,
  JOINING_WORDS,
  LIANG,
  LIST_INTRO_WORDS,
  NOT_IN_INSTITUTION_NAME,
  ONE_TO_TEN,
  oneOf,
  OPENING_VERBS,
  SIGNING_ADVERBS,
  SIGNING_VERBS,
  ZAI,
} from '../text/lexicon.js';
import { splitSentences } from '../corpus/split.js';

/** An aspect's detail keeps clauses while it stays this short (always at least one clause). */
export const MAX_DETAIL_CHARS = 90;
/** A related signing is cut after the clause that signs once it is longer than this. */
export const MAX_RELATED_CHARS = 100;

/** One aspect with the commitment the agreement's passages make under it. */
export interface AspectDetail {
  /** The aspect as its paragraph names it ("在决策咨询方面," → 决策咨询). */
  aspect: string;
  /** Clauses of that paragraph, trimmed (lists already pulled out as fields are left out). */
  text: string;
  passageId: string;
}

/** A sentence with the passage it comes from. */
export interface Sentence {
  text: string;
  passageId: string;
}

export const SIGN_VERB = new RegExp(oneOf(SIGNING_VERBS), 'u');
const AGREEMENT_WORD = new RegExp(oneOf(AGREEMENT_WORDS), 'u');
/** The two sides of a signing clause: "重庆市政府与清华大学签署…". */
const SIGNING_PARTIES = new RegExp(
  `^(?:[^与]*?[,，])?([^,，与]+?)(?:${oneOf(JOINING_WORDS)})([^,，]+?)(?:${oneOf(SIGNING_ADVERBS)}|${ZAI}[^,，]*?)?(?:${oneOf(SIGNING_VERBS)})`,
  'u',
);
/** Someone else signing too: "X还与Y签署了…协议". */
const ALSO_WITH = new RegExp(oneOf(ALSO_WITH_WORDS), 'u');
/** Clause boundaries inside a sentence. */
const CLAUSE_END = /(?<=[,，;；:：])/u;
const CLAUSE_PUNCT = /[,，;；:：。！？!?]+$/u;
/** A count before 方面: 5个方面, 等多方面, 四大方面. */
const COUNT = `(?:\\d+|[${ONE_TO_TEN}${LIANG}几${HOW}]+)[${ASPECT_COUNT_MEASURES}]?`;
/** 等 closing a list item (A、B等). */
const ETC_END = new RegExp(`${ETC}$`, 'u');
/** "在A、B、C5个方面" / "在A、B等多方面" / "在A、B方面": an enumeration of aspects. */
const ASPECT_LIST = new RegExp(`${ZAI}([^,，。;；：:]+?、[^,，。;；：:]+?)(?:${ETC})?(?:${COUNT})?${ASPECT_NOUN}`, 'u');
/** "…等(战略性新兴产业)领域": the end of a fields enumeration. */
const FIELD_END_SOURCE = `(?:${ETC}|${COUNT})[^、,，。;；]{0,14}?(?:${oneOf(FIELD_NOUNS)})`;
const FIELD_END = new RegExp(FIELD_END_SOURCE, 'gu');
/** A clause holding a fields enumeration. */
const FIELD_LIST = new RegExp(`、[^,，。;；]*${FIELD_END_SOURCE}`, 'u');
/** Words that introduce an enumeration; the first item starts after the last of them. */
const LIST_INTRO = new RegExp(`^.*(?:${oneOf(LIST_INTRO_WORDS)})`, 'u');
/** A first item longer than this with no intro word is the clause's subject, not an item. */
const MAX_BARE_ITEM = 10;
/** How institution names end. */
const INSTITUTION_SUFFIX = `(?:${oneOf(INSTITUTION_SUFFIXES)})`;
/** What cannot stand between the party's name and the suffix: it would make a clause, not a name. */
const NOT_IN_NAME = `(?!${oneOf(NOT_IN_INSTITUTION_NAME)})`;
const OPENING = new RegExp(oneOf(OPENING_VERBS), 'u');

function clauses(sentence: string): string[] {
  return sentence.split(CLAUSE_END).filter((c) => c.trim().length > 0);
}

function stripPunct(text: string): string {
  return text.replace(CLAUSE_PUNCT, '').trim();
}

/** Ends a trimmed sentence with the full stop it lost. */
function asSentence(text: string): string {
  const t = stripPunct(text);
  return t ? `${t}。` : '';
}

function unique(items: string[]): string[] {
  return [...new Set(items.filter(Boolean))];
}

/** Drops items contained in a longer item (上海交通大学重庆研究院 covers 重庆研究院). */
function longestOnly(items: string[]): string[] {
  const all = unique(items);
  return all.filter((a) => !all.some((b) => b !== a && b.includes(a)));
}

/** The names of the party as written in text (Latin aliases are left out: they never occur in Chinese prose). */
function partyNames(topic: Topic): string[] {
  return unique([topic.party.name, ...topic.party.aliases])
    .filter((n) => /\p{Script=Han}/u.test(n))
    .sort((a, b) => b.length - a.length);
}

/** Keeps clauses from the start up to and including the first that matches `keep`, then as long as short. */
export function trimAfter(sentence: string, keep: RegExp, max: number): string {
  const parts = clauses(sentence);
  const at = parts.findIndex((c) => keep.test(c));
  if (at < 0 || sentence.length <= max) return asSentence(sentence);
  let out = parts.slice(0, at + 1).join('');
  for (const c of parts.slice(at + 1)) {
    if (out.length + c.length > max) break;
    out += c;
  }
  return asSentence(out);
}

export class Extractor {
  private readonly names: string[];
  private readonly normalizedNames: string[];
  private readonly cityNames: string[];
  private readonly dateZh: string;

  constructor(
    private readonly topic: Topic,
    private readonly cityAliases: string[],
    private readonly sentences: Sentence[],
  ) {
    this.names = partyNames(topic);
    this.normalizedNames = this.names.map(normalizeText);
    this.cityNames = cityAliases.filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
    this.dateZh = chineseDate(topic.date);
  }

  private namesParty(text: string): boolean {
    const normalized = normalizeText(text);
    return this.normalizedNames.some((n) => normalized.includes(n));
  }

  /** The sentence with the date, a signing verb and the party's name; failing that, without the date. */
  signing(): Sentence | undefined {
    const signs = (s: Sentence) => SIGN_VERB.test(s.text) && this.namesParty(s.text) && !ALSO_WITH.test(s.text);
    return (
      this.sentences.find((s) => signs(s) && s.text.includes(this.dateZh)) ??
      this.sentences.find((s) => signs(s) && AGREEMENT_WORD.test(s.text))
    );
  }

  /** "重庆市政府与清华大学签署…" → ['重庆市政府', '清华大学'] (the clause that signs, date stripped). */
  signers(signing: string): string[] {
    const clause = clauses(signing).find((c) => SIGN_VERB.test(c)) ?? '';
    const withoutDate = clause.replace(/^.*?\d{1,2}月\d{1,2}日/u, '');
    const m = SIGNING_PARTIES.exec(withoutDate);
    return m?.[1] && m[2] ? [m[1].trim(), m[2].trim()] : [];
  }

  /**
   * Enumerations of aspects ("在A、B5个方面", "在A、B等多方面", "还将在A、B方面"), outside aspect paragraphs
   * (there, "在X、Y等方面" lists sub-items of one aspect). Failing any, the aspects that open paragraphs.
   */
  aspects(): { aspects: string[]; used: Sentence[] } {
    const aspects: string[] = [];
    const used: Sentence[] = [];
    for (const s of this.sentences) {
      if (ASPECT_HEADING.test(s.text)) continue;
      const m = ASPECT_LIST.exec(s.text);
      if (!m?.[1]) continue;
      const list = m[1].slice(m[1].lastIndexOf(ZAI) + 1);
      aspects.push(...list.split('、').map((i) => i.replace(ETC_END, '').trim()));
      used.push(s);
    }
    if (aspects.length > 0) return { aspects: unique(aspects), used };
    for (const d of this.details([])) aspects.push(d.aspect);
    return { aspects: unique(aspects), used: [] };
  }

  /** Items of each "A、B、C等…领域/产业" enumeration, first item cut after its intro word (在, 围绕…). */
  fields(): { fields: string[]; used: Sentence[] } {
    const fields: string[] = [];
    const used: Sentence[] = [];
    for (const s of this.sentences) {
      let found = false;
      for (const clause of clauses(s.text)) {
        for (const m of clause.matchAll(FIELD_END)) {
          const items = clause.slice(0, m.index).split('、');
          if (items.length < 2) continue;
          const first = items[0] ?? '';
          const intro = LIST_INTRO.exec(first);
          let head = intro ? first.slice(intro[0].length) : first;
          const city = this.cityNames.find((c) => head.startsWith(c) && head.length - c.length >= 2);
          if (city) head = head.slice(city.length);
          items[0] = intro || head.length <= MAX_BARE_ITEM ? head : '';
          fields.push(...items.map((i) => i.trim()).filter((i) => i.length >= 2));
          found = true;
        }
      }
      if (found) used.push(s);
    }
    return { fields: unique(fields), used };
  }

  /** Names that start with the party's name and end in 研究院/中心/实验室/平台…, e.g. 上海交通大学重庆研究院. */
  institutions(): { institutions: string[]; used: Sentence[] } {
    if (this.names.length === 0) return { institutions: [], used: [] };
    const pattern = new RegExp(
      `(?:${this.names.map(escapeRegExp).join('|')})(?:${NOT_IN_NAME}[\\p{Script=Han}A-Za-z0-9]){0,16}?${INSTITUTION_SUFFIX}`,
      'gu',
    );
    const names: string[] = [];
    const used: Sentence[] = [];
    for (const s of this.sentences) {
      const found = [...s.text.matchAll(pattern)].map((m) => m[0]);
      if (found.length) {
        names.push(...found);
        used.push(s);
      }
    }
    return { institutions: longestOnly(names), used };
  }

  /** Sentences in which one of the institutions opens (揭牌, 成立), cut after that clause. */
  events(institutions: string[]): Sentence[] {
    const out: Sentence[] = [];
    for (const s of this.sentences) {
      for (const part of splitSentences(s.text)) {
        if (!OPENING.test(part) || !institutions.some((i) => part.includes(i))) continue;
        const parts = clauses(part);
        const at = parts.findIndex((c) => OPENING.test(c));
        out.push({ text: asSentence(parts.slice(0, at + 1).join('')), passageId: s.passageId });
      }
    }
    return out;
  }

  /** Other signings: sentences with an agreement and 签署 (or 还与) that are not the main signing. */
  related(signing: Sentence | undefined): Sentence[] {
    const signs = (text: string) => SIGN_VERB.test(text) || ALSO_WITH.test(text);
    return this.sentences
      .filter((s) => s !== signing && AGREEMENT_WORD.test(s.text) && signs(s.text))
      .map((s) => ({
        text: trimAfter(s.text, SIGN_VERB.test(s.text) ? SIGN_VERB : ALSO_WITH, MAX_RELATED_CHARS),
        passageId: s.passageId,
      }));
  }

  /**
   * What each aspect paragraph commits to: the clauses after "在X方面," while short, leaving out
   * enumerations already listed as fields.
   */
  details(fieldSentences: Sentence[]): AspectDetail[] {
    const out: AspectDetail[] = [];
    for (const s of this.sentences) {
      const m = ASPECT_HEADING.exec(s.text);
      if (!m?.[1]) continue;
      const rest = clauses(s.text.slice(m[0].length)).filter(
        (c) => !(fieldSentences.includes(s) && FIELD_LIST.test(c)),
      );
      let text = '';
      for (const c of rest) {
        if (text && text.length + c.length > MAX_DETAIL_CHARS) break;
        text += c;
      }
      const detail = asSentence(text);
      if (detail) out.push({ aspect: m[1].trim(), text: detail, passageId: s.passageId });
    }
    return out;
  }
}
