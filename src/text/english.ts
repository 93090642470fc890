/**
 * English (and mixed English/Chinese) questions over a Chinese corpus: maps a question's English words and
 * phrases to the corpus' Chinese terms through a precomputed glossary (corpus/glossary.en.json, built from
 * CC-CEDICT by `npm run glossary`). Pure: the glossary comes in as data, so this module never loads CC-CEDICT.
 */

/**
 * Extra Chinese text to search for a normalized question, one group per English word or phrase read (its Chinese
 * terms, alternatives of one meaning: ["合作", "协同"] for cooperation): search/query.ts' QueryExpander, restated
 * so that text/ does not import from search/ (imports point down the pipeline).
 */
export type EnglishExpander = (normalizedQuestion: string) => string[][];

/** The glossary's file name, beside the corpus' documents (JSON files are not indexed as documents). */
export const GLOSSARY_FILE = 'glossary.en.json';

/** The committed glossary file: English word or phrase → Chinese terms of the corpus, most specific first. */
export interface Glossary {
  /** Where the entries come from (dictionary and version). */
  source: string;
  /** CC-CEDICT's licence and attribution, which the derived glossary keeps. */
  license: string;
  /** ISO date of generation. */
  generated: string;
  /** English key (lower case, words separated by single spaces, not stemmed) → Chinese terms. */
  entries: Record<string, string[]>;
}

/** What an English key matched in a question, and the Chinese terms it stands for. */
export interface EnglishMatch {
  /** The question's own words, as written (lower case). */
  english: string;
  chinese: string[];
  kind: 'phrase' | 'date' | 'number';
}

/** An English reading of a question. */
export interface EnglishAnalysis {
  matches: EnglishMatch[];
  /** Content words the glossary does not know (they stay evidence the corpus may not hold). */
  unknown: string[];
}

/** Longest English phrase looked up, in words. */
export const MAX_PHRASE_WORDS = 6;
/** Chinese terms a matched key contributes to the search (the glossary lists the most specific first). */
export const TERMS_PER_KEY = 2;

/**
 * Function words, question words, fillers and light verbs (bring, take: "brought in" says no more than "in")
 * that carry no topic. Kept here (not in jieba's stop list) because
 * the glossary generator needs the same list to drop glosses made only of such words ("with", "and").
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above according across after again against all also am among an and another any are around as at
  be been before being below between both but by can could did do does doing done during each either else
  ever every few for from further get gets got had has have having he her here hers him his how however i if
  in into is it its itself just let lets many may me might more most much must my no nor not now of off on
  once one only or other our out over own per please same shall she should so some such tell than that the
  their them then there these they this those through thus to too under until up upon us very via was we
  were what whatever when where whether which while who whom whose why will with within without would yes
  yet you your
  kind kinds sort type types thing things way ways something anything exactly actually really also
  mentioned mention say says said article text document report reported news
  headline headlines heading headings subheading subheadings subhead subheads
  bring come give go make put take`
    .split(/\s+/)
    .filter(Boolean),
);

/** Irregular forms the suffix stemmer cannot reach. */
const IRREGULAR: Record<string, string> = {
  brought: 'bring',
  built: 'build',
  held: 'hold',
  made: 'make',
  took: 'take',
  taken: 'take',
  won: 'win',
  chose: 'choose',
  chosen: 'choose',
  began: 'begin',
  begun: 'begin',
  gave: 'give',
  given: 'give',
  led: 'lead',
  met: 'meet',
  sent: 'send',
  set: 'set',
  spent: 'spend',
  went: 'go',
  gone: 'go',
  wrote: 'write',
  written: 'write',
  children: 'child',
  people: 'person',
  men: 'man',
  women: 'woman',
  centre: 'center',
  centres: 'center',
  programme: 'program',
  programmes: 'program',
};

const VOWEL = /[aeiouy]/;

/**
 * A small suffix stemmer: question and glossary words meet on the same stem (fields/field, signed/sign,
 * cooperating/cooperate/cooperated, universities/university). It only has to be consistent, not linguistic.
 */
export function stemWord(word: string): string {
  const w = word.toLowerCase().replace(/'s$/, '');
  // Own keys only: "constructor" must not find Object's prototype.
  const irregular = Object.hasOwn(IRREGULAR, w) ? IRREGULAR[w] : undefined;
  if (irregular) return irregular;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  let s = w;
  // cooperation/cooperate, integration/integrate: the noun meets its verb.
  if (/ations?$/.test(s) && s.length > 8) s = s.replace(/ations?$/, 'ate');
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (/(xes|ches|shes|zes)$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('ied') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (/ing$/.test(s) && VOWEL.test(s.slice(0, -3)) && s.length > 5) s = undouble(s.slice(0, -3));
  else if (/ed$/.test(s) && VOWEL.test(s.slice(0, -2)) && s.length > 4) s = undouble(s.slice(0, -2));
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  // British -ise / -isation spelling meets the -ize the dictionary writes (organised → organiz, like organized).
  if (/[a-z]{3}is(?:e[ds]?|ing|ations?)$/.test(w)) s = s.replace(/is(at)?$/, 'iz$1');
  return s;
}

/** planned → plann → plan; but "fall" and "pass" keep their double letters. */
function undouble(s: string): string {
  return /([bdfgmnprt])\1$/.test(s) ? s.slice(0, -1) : s;
}

/** Latin tokens of normalized text: words with inner & or ' (r&d, sjtu's), numbers with ordinal suffixes. */
const TOKEN = /[a-z]+(?:[&'][a-z]+)*|\d+(?:st|nd|rd|th)?/g;

/** Lower-case Latin words and numbers of a text, in order. Han characters are left to the Chinese pipeline. */
export function englishTokens(text: string): string[] {
  return [...text.toLowerCase().matchAll(TOKEN)].map((m) => m[0]);
}

/** The key a phrase is looked up by: its words stemmed, hyphens and spaces as one space. */
export function phraseKey(phrase: string): string {
  return englishTokens(phrase).map(stemWord).join(' ');
}

/** True for a stop word, in any form: as written, without a possessive (the article's), or stemmed. */
function isStopToken(token: string, stem = stemWord(token)): boolean {
  return (
    ENGLISH_STOP_WORDS.has(token) ||
    ENGLISH_STOP_WORDS.has(token.replace(/['’]s$/u, '')) ||
    ENGLISH_STOP_WORDS.has(stem)
  );
}

/** True when every word of an English phrase is a stop word (such glosses map nothing useful). */
export function isStopPhrase(phrase: string): boolean {
  return englishTokens(phrase).every((t) => ENGLISH_STOP_WORDS.has(t) || ENGLISH_STOP_WORDS.has(stemWord(t)));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
/** "June 8", "Jun. 8th", "8 June", "8th of June", and a month alone ("in December"). */
const DATE_PATTERNS: Array<{ re: RegExp; month: number; day: number | null }> = [
  { re: new RegExp(`\\b${MONTH_NAME}\\s+${DAY}\\b`, 'g'), month: 1, day: 2 },
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH_NAME}(?![a-z])`, 'g'), month: 2, day: 1 },
  { re: new RegExp(`\\b${MONTH_NAME}(?![a-z])`, 'g'), month: 1, day: null },
];

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  hundred: 100,
};

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3)) + 1;
}

/** "may" is a month only beside a day ("May 5"); alone it is the verb. */
const MONTH_ALONE_EXCLUDED = new Set(['may', 'mar']);

/**
 * Finds dates in normalized text and blanks them out (so "june 8" is not read again as words and a number).
 * June 8 / 8 June / Jun 8th → 6月8日; a month alone → 6月.
 */
function takeDates(text: string): { matches: EnglishMatch[]; rest: string } {
  const matches: EnglishMatch[] = [];
  let rest = text;
  for (const { re, month, day } of DATE_PATTERNS) {
    rest = rest.replace(re, (whole: string, ...groups: unknown[]) => {
      const name = String(groups[month - 1]);
      if (day === null && MONTH_ALONE_EXCLUDED.has(name)) return whole;
      const m = monthNumber(name);
      const d = day === null ? null : Number(groups[day - 1]);
      if (m === 0 || (d !== null && (d < 1 || d > 31))) return whole;
      matches.push({ english: whole.trim(), chinese: [d === null ? `${m}月` : `${m}月${d}日`], kind: 'date' });
      return ' '.repeat(whole.length);
    });
  }
  return { matches, rest };
}

/** A number in the question: a year (2019 → 2019年, 2019) or a count (100, "five" → 5). */
function numberMatch(token: string): EnglishMatch | null {
  const digits = /^(\d+)(?:st|nd|rd|th)?$/.exec(token)?.[1];
  const value = digits ?? (Object.hasOwn(NUMBER_WORDS, token) ? String(NUMBER_WORDS[token]) : undefined);
  if (value === undefined) return null;
  const isYear = /^(1[89]|20)\d\d$/.test(value);
  return { english: token, chinese: isYear ? [`${value}年`] : [value], kind: 'number' };
}

/** The glossary indexed by stemmed key, built once per glossary. */
function indexGlossary(glossary: Glossary): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const [english, terms] of Object.entries(glossary.entries)) {
    const key = phraseKey(english);
    if (!key) continue;
    const known = index.get(key) ?? [];
    index.set(key, [...new Set([...known, ...terms])]);
  }
  return index;
}

/**
 * "Which (other) areas" and "how many areas" ask for fields of activity (领域), not for regions (区域, the dictionary's
 * sense of area). Only the plural: "which area is it in" asks where. Also what query.ts reads as a question for a
 * list of areas.
 */
export const ASKS_FOR_AREAS = new RegExp(
  String.raw`\b(which|what|how many)((?: (?:other|specific|main|key|particular|\d+|${Object.keys(NUMBER_WORDS).join('|')}))?) (?:areas|aspects|sectors|domains|fields)\b`,
  'u',
);
const ASKED_AREAS = new RegExp(ASKS_FOR_AREAS.source, 'gu');

/** General English word lists the reader falls back on (text/english-lexicons.ts). */
export interface EnglishLexicons {
  /** Short form → full form (photo → photograph). */
  clippings?: ReadonlyMap<string, string>;
  /** Word or phrase → plainer words of the same meaning, most common sense first (deal → agreement). */
  synonyms?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Reads a question as English: dates, numbers, then the longest glossary phrases (up to MAX_PHRASE_WORDS
 * words, stop words allowed inside a phrase, as in "academy of sciences"; a phrase of stop words alone only as
 * a phrasal verb the glossary or the lexicon knows, "bring in"). Han characters are skipped: the Chinese pipeline
 * searches them as they are. A word or phrase the glossary has no key for is read through the lexicons: a short
 * form as its full word, a word as the first of its near-synonyms the glossary knows (deal → agreement, kick off
 * → start).
 */
export function createEnglishAnalyzer(
  glossary: Glossary,
  { clippings = new Map(), synonyms = new Map() }: EnglishLexicons = {},
): (normalizedQuestion: string) => EnglishAnalysis {
  const index = indexGlossary(glossary);
  // A short form the glossary does not know is read as its full word (photo, photos → photograph) when the
  // glossary knows that (an acronym the corpus may hold as it is, AI in 共建AI研究院, stays itself).
  const fullFormOf = (token: string): string | undefined =>
    clippings.get(token) ?? (token.endsWith('s') ? clippings.get(token.slice(0, -1)) : undefined);
  const unclip = (token: string): string[] => {
    if (index.has(stemWord(token))) return [token];
    const full = fullFormOf(token);
    return full !== undefined && index.has(phraseKey(full)) ? englishTokens(full) : [token];
  };
  // Near-synonyms, kept only where the glossary has no key of its own and knows one of the variants: the first
  // such variant's terms. A head in its base form is looked up by stem (deals, attracting meet deal, attract); an
  // inflected or derived one only as written (founded is not found, featuring not features, earnings not earn).
  const synonymTerms = new Map<string, string[]>();
  for (const [word, variants] of synonyms) {
    const tokens = englishTokens(word);
    const key = tokens.map(stemWord).join(' ');
    const asWritten = tokens.join(' ');
    const lookup = tokens.every((t) => stemWord(t) === t) ? key : `=${asWritten}`;
    if (!key || index.has(key) || synonymTerms.has(lookup)) continue;
    const terms = variants.map((v) => index.get(phraseKey(v))).find((t) => t !== undefined);
    if (terms) synonymTerms.set(lookup, terms);
  }
  return (normalizedQuestion) => {
    // A question without Latin letters is Chinese: its numbers are already the corpus' own (2019年).
    if (!/[a-z]/i.test(normalizedQuestion)) return { matches: [], unknown: [] };
    const { matches, rest: dated } = takeDates(normalizedQuestion.toLowerCase());
    const rest = dated.replace(ASKED_AREAS, '$1$2 fields');
    const unknown: string[] = [];
    // Han runs break phrases: "sjtu 研究院 center" must not read "sjtu center" as one phrase.
    for (const segment of rest.split(/\p{Script=Han}+/u)) {
      const tokens = englishTokens(segment).flatMap(unclip);
      const stems = tokens.map(stemWord);
      // A short form the glossary knows by itself (tech) is still its full word inside a phrase the glossary knows
      // (tech transfer → technology transfer).
      const fullStems = tokens.map((t, k) => {
        const full = fullFormOf(t);
        return full !== undefined && !full.includes(' ') ? stemWord(full) : stems[k];
      });
      // A synonym read over tokens i..i+n-1 must not take the first words of a glossary phrase that runs on past
      // them (next generation | information technology must stay new generation information technology).
      const entersGlossaryPhrase = (i: number, n: number): boolean => {
        for (let j = i + 1; j < i + n; j++) {
          for (let end = i + n + 1; end <= Math.min(tokens.length, j + MAX_PHRASE_WORDS); end++) {
            if (index.has(stems.slice(j, end).join(' '))) return true;
          }
        }
        return false;
      };
      let i = 0;
      while (i < tokens.length) {
        let matched = false;
        for (let n = Math.min(MAX_PHRASE_WORDS, tokens.length - i); n >= 1; n--) {
          const words = tokens.slice(i, i + n);
          const key = stems.slice(i, i + n).join(' ');
          // A stop word alone is never read; a phrasal verb of stop words may be (bring in → introduce).
          if (n === 1 && ENGLISH_STOP_WORDS.has(words[0] ?? '')) continue;
          const terms =
            index.get(key) ??
            (n > 1 ? index.get(fullStems.slice(i, i + n).join(' ')) : undefined) ??
            (entersGlossaryPhrase(i, n)
              ? undefined
              : (synonymTerms.get(`=${words.join(' ')}`) ?? synonymTerms.get(key)));
          if (!terms) continue;
          matches.push({ english: words.join(' '), chinese: terms.slice(0, TERMS_PER_KEY), kind: 'phrase' });
          i += n;
          matched = true;
          break;
        }
        if (matched) continue;
        const token = tokens[i] ?? '';
        const number = numberMatch(token);
        if (number) matches.push(number);
        else if (!isStopToken(token, stems[i]) && token.length > 1) {
          unknown.push(token);
        }
        i++;
      }
    }
    return { matches, unknown };
  };
}

/**
 * The query expander for the search engine: the Chinese terms of the English words and phrases, dates and
 * numbers of a question (one group of alternatives each), then the English content words the glossary does not
 * know, as they are (a group of one). Those stay
 * evidence the corpus may not hold ("peking" in "did Peking University sign?") even where the engine leaves
 * a question's own Latin words to the expander.
 */
export function createEnglishExpander(glossary: Glossary, lexicons?: EnglishLexicons): EnglishExpander {
  const analyze = createEnglishAnalyzer(glossary, lexicons);
  return (normalizedQuestion) => {
    const { matches, unknown } = analyze(normalizedQuestion);
    const groups = [...matches.map((m) => m.chinese), ...unknown.map((w) => [w])];
    // Each group once, in question order.
    const seen = new Set<string>();
    return groups.filter((g) => {
      const key = g.join('|');
      return !seen.has(key) && seen.add(key);
    });
  };
}

/**
 * The Chinese terms an answer matched for an English question, in question order, for "matched: 领域,
 * 上海交通大学": the glossary's terms that the passage matched (`hitMatched`, the answer's matched content
 * terms), then the passage's other matched terms (names the engine expanded itself).
 */
export function matchedChineseTerms(analysis: EnglishAnalysis, hitMatched: readonly string[]): string[] {
  const found = new Set(hitMatched);
  const fromGlossary = analysis.matches.flatMap((m) => m.chinese).filter((t) => found.has(t));
  return [...new Set([...fromGlossary, ...hitMatched.filter((t) => /\p{Script=Han}/u.test(t))])];
}

const LATIN_LETTER = /\p{Script=Latin}/gu;
const HAN_CHAR = /\p{Script=Han}/gu;

/**
 * True when a question is mostly English, so the reply's own text should be English: at least as many Latin
 * letters as Han characters ("what is 临近空间?" is English; "sjtu 研究院 模式" is Chinese).
 */
export function isEnglishQuestion(text: string): boolean {
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  const han = text.match(HAN_CHAR)?.length ?? 0;
  return latin > 0 && latin >= han;
}

/** Parses glossary JSON, naming what is wrong. */
export function parseGlossary(raw: unknown, source: string): Glossary {
  const g = raw as Partial<Glossary> | null;
  if (!g || typeof g.entries !== 'object' || g.entries === null) {
    throw new Error(`${source}: expected {"entries": {...}}; regenerate it with npm run glossary`);
  }
  for (const [key, terms] of Object.entries(g.entries)) {
    if (!Array.isArray(terms) || !terms.every((t) => typeof t === 'string')) {
      throw new Error(`${source}: entry "${key}" must be a list of Chinese terms`);
    }
  }
  return { source: g.source ?? '', license: g.license ?? '', generated: g.generated ?? '', entries: g.entries };
}
