/**
 * Word segmentation and term extraction. The only module that imports nodejieba.
 * Every function here takes text that normalizeText() has already produced, so index and query
 * go through exactly the same steps.
 */
import nodejieba from 'nodejieba';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildStopWords } from './stopwords.js';
import { withoutDates } from './dates.js';
import { escapeRegExp } from './regexp.js';
import {
  AREA_WORDS,
  COUNTING_MEASURES,
  COUNTING_NUMERALS,
  DIGITS,
  HAN_NUMERALS,
  HUNDRED_THOUSAND,
  LIANG,
  MAGNITUDES,
  MEASURE_WORDS,
  ONE_TO_TEN,
  oneOf,
  TEN,
  WAN,
  YI,
} from './lexicon.js';

export { COUNTING_MEASURES, MEASURE_WORDS } from './lexicon.js';

/**
 * nodejieba's keyword extractor, built at every load, is never used here (generalIdf reads jieba's table itself):
 * it gets a one-line IDF table instead of the 6 MB one, 0.3 s less of every start. Checked before loading: a
 * missing dictionary file aborts the process.
 */
const UNUSED_IDF = fileURLToPath(new URL('./jieba-unused-idf.utf8', import.meta.url));
let jiebaLoaded = false;

/** nodejieba, its dictionaries loaded on first use. */
function jieba(): typeof nodejieba {
  if (!jiebaLoaded) {
    nodejieba.load(existsSync(UNUSED_IDF) ? { idfDict: UNUSED_IDF } : {});
    jiebaLoaded = true;
  }
  return nodejieba;
}

/** jieba's bundled dictionaries (stop words, IDF table) ship inside the nodejieba package. */
const JIEBA_DICT_DIR = createRequire(import.meta.url)
  .resolve('nodejieba/package.json')
  .replace(/package\.json$/, 'submodules/cppjieba/dict/');

function readJiebaDict(name: string): string[] {
  return readFileSync(JIEBA_DICT_DIR + name, 'utf8').split(/\r?\n/);
}

let stopSet: Set<string> | undefined;

/** Stop words: jieba's list plus question words. */
export function stopWords(): Set<string> {
  stopSet ??= buildStopWords(readJiebaDict('stop_words.utf8'));
  return stopSet;
}

/** Segmentation mode: 'search' adds the sub-words of long words (上海交通大学 → 上海, 交通, 大学, 上海交通大学). */
export type SegmentMode = 'search' | 'exact';

const inserted = new Set<string>();

/**
 * Adds words to jieba's dictionary at run time (names of the parties, domain words such as 临近空间).
 * Words go in through insertWord, not a user-dictionary file: a missing file aborts the whole process.
 */
export function addUserWords(words: Iterable<string>): void {
  for (const word of words) {
    const w = word.trim();
    if (w.length < 2 || inserted.has(w)) continue;
    jieba().insertWord(w);
    inserted.add(w);
  }
}

/**
 * jieba segmentation. Search mode (index and query terms) has HMM on, so unknown names come out whole.
 * Exact mode (a question's content words, the evidence for "no answer") has HMM off: HMM glues particles
 * onto words (签了, 今天天气) that no dictionary then knows.
 */
export function segment(text: string, mode: SegmentMode = 'search'): string[] {
  if (!text) return [];
  const out: string[] = [];
  // Latin words and numbers stay whole: with HMM off jieba would cut "sjtu" into letters.
  for (const part of text.split(LATIN_WORD)) {
    if (!part) continue;
    if (LATIN_WORD_WHOLE.test(part)) out.push(part);
    else
      out.push(
        ...joinInterrogativeMeasures(mode === 'search' ? jieba().cutForSearch(part, true) : jieba().cut(part, false)),
      );
  }
  return out;
}

const LATIN_WORD = /([\p{Script=Latin}\d]+(?:[.'’-][\p{Script=Latin}\d]+)*)/u;
const LATIN_WORD_WHOLE = /^[\p{Script=Latin}\d]+(?:[.'’-][\p{Script=Latin}\d]+)*$/u;

/** nodejieba's `cut` exactly as a user would call it (default options), for the peer it is measured against. */
export function plainJiebaCut(text: string): string[] {
  return jieba().cut(text);
}

const NUMBER_PIECE = new RegExp(`(?<![\\p{Script=Latin}\\d.])\\d+[${MEASURE_WORDS}]`, 'gu');

/** Numbers with their measure word or time unit in normalized text (2019年, 6月, 8日, 14家), in order. */
export function numberPieces(text: string): string[] {
  return text.match(NUMBER_PIECE) ?? [];
}

/** Interrogatives and demonstratives that take a measure word: 哪 + 天, 几 + 所, 多少 + 家, 那 + 份. */
const TAKES_MEASURE = /^(哪|哪一|几|多少|这|那)$/u;
const MEASURE_WORD = new RegExp(`^[${MEASURE_WORDS}]$`, 'u');
/** A demonstrative with its measure word (那份协议, 这所大学): it points, it says nothing about the topic. */
const DEMONSTRATIVE_MEASURE = new RegExp(`^[这那][${MEASURE_WORDS}]$`, 'u');

/** Adjectives of size that 多 turns into "how …" (多大, 多远, 多高). */
const SIZE_ADJECTIVE = /^[大高长远宽深厚]$/u;

/**
 * jieba cuts "which day" and "how many" into 哪 + 天, 几 + 所, leaving the measure word as if the question were
 * about days or institutes. Joined again (哪天, 几所) they start with an interrogative and are question words;
 * so with a demonstrative (那份协议 → 那份 + 协议): neither is about 份; and so with 多 + an adjective of size
 * (有多大, 多远, 多高): "how big", a question word as 多长 and 多久 are.
 */
function joinInterrogativeMeasures(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const last = out[out.length - 1];
    if (last !== undefined && TAKES_MEASURE.test(last) && MEASURE_WORD.test(token)) out[out.length - 1] = last + token;
    else if (last === '多' && SIZE_ADJECTIVE.test(token)) out[out.length - 1] = last + token;
    else out.push(token);
  }
  return out;
}

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
/** Interrogative compounds the dictionary knows as words (哪一年, 哪些方面, 多少钱, 几部, 多长): question words too. */
const INTERROGATIVE = /^(哪|什么|多少|怎么|怎样|为什么|为啥|如何|几|啥|咋|多[大高长远宽深厚久]$)/u;

/** True when a jieba token is worth indexing: it has a letter or digit and is not a stop or question word. */
export function isContentToken(token: string): boolean {
  const t = token.trim();
  return (
    t.length > 0 &&
    HAS_WORD_CHAR.test(t) &&
    !stopWords().has(t) &&
    !INTERROGATIVE.test(t) &&
    !DEMONSTRATIVE_MEASURE.test(t)
  );
}

/** Content words of normalized text, in order, duplicates kept (BM25 counts them). */
export function wordTerms(text: string, mode: SegmentMode = 'search'): string[] {
  return segment(text, mode)
    .map((t) => t.trim())
    .filter(isContentToken);
}

const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * CJK character bigrams of every run of Han characters (a lone character stands as itself). A recall
 * backstop where jieba cuts a question and a passage differently (重庆研究院 vs 研究院).
 */
export function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(HAN_RUN)) {
    if (run.length === 1) {
      out.push(run);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/**
 * Bigrams of a question, built over its content words only, so that 哪些/什么 and particles add no
 * bigrams ("合作涵盖哪些领域" → 合作 作涵 涵盖 | 领域).
 */
export function questionBigrams(text: string): string[] {
  const runs: string[] = [];
  let run = '';
  for (const token of segment(text, 'exact')) {
    if (isContentToken(token)) run += token;
    else if (run) {
      runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return runs.flatMap((r) => hanBigrams(r));
}

let idfTable: Map<string, number> | undefined;
let idfFallback = 0;
/**
 * jieba's IDF table has no single characters. A lone character in a question is nearly always a common verb
 * or measure word (会, 帮, 做, 年), so it weighs like a common word.
 */
const SINGLE_HAN_IDF = 3;

/** Loads jieba's IDF table (≈260k words) once. */
function loadIdf(): Map<string, number> {
  if (idfTable) return idfTable;
  idfTable = new Map();
  for (const line of readJiebaDict('idf.utf8')) {
    const space = line.lastIndexOf(' ');
    if (space > 0) idfTable.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  const values = [...idfTable.values()].sort((a, b) => a - b);
  // Words jieba has never seen are as rare as its rarer words: the median idf, as jieba's own extractor does.
  idfFallback = values[Math.floor(values.length / 2)] ?? 10;
  return idfTable;
}

/**
 * A Chinese numeral with its measure word (两所, 三家, 五个): a quantity, which tells as little about the topic
 * as a lone character, however rare jieba's table says the pair is.
 */
const NUMERAL_WITH_MEASURE = new RegExp(`^[${COUNTING_NUMERALS}]+[${MEASURE_WORDS}]$`, 'u');

/** Measure words that count things (两份协议, 3家企业), not time, age or size (百年, 十大, 千人). */
const COUNTING_MEASURE = new RegExp(`^(?:\\d+|[${COUNTING_NUMERALS}]+)[${COUNTING_MEASURES}]$`, 'u');

/** True for a count of things (两份, 3家): a quantity, which says nothing about what a question is about. */
export function isCount(word: string): boolean {
  return COUNTING_MEASURE.test(word);
}

/** Inverse document frequency of a word in jieba's reference corpus: how informative the word is in general. */
export function generalIdf(word: string): number {
  if (NUMERAL_WITH_MEASURE.test(word)) return SINGLE_HAN_IDF;
  const table = loadIdf();
  const known = table.get(word);
  if (known !== undefined) return known;
  return word.length === 1 && /\p{Script=Han}/u.test(word) ? SINGLE_HAN_IDF : idfFallback;
}

/** True when jieba's IDF table (its reference vocabulary) has the word. */
export function isDictionaryWord(word: string): boolean {
  return loadIdf().has(word);
}

/** POS tags from jieba ('nt' organization, 'ns' place, 'nr' person, 'n' noun, 'v' verb, 'x' unknown …). */
export function tagWords(text: string): Array<{ word: string; tag: string }> {
  return text ? jieba().tag(text) : [];
}

/**
 * The verb inside a noun jieba's dictionary made of a stop-word character and the verb after it (会派, a
 * "faction", in 每年会派什么人 "who will they send each year"): the verb, or undefined for any other word (要求,
 * 就读, 对接 are verbs themselves and stay whole).
 */
export function gluedVerb(word: string): string | undefined {
  const [head = '', ...rest] = [...word];
  const verb = rest.join('');
  if (!verb || !/^\p{Script=Han}+$/u.test(word) || !stopWords().has(head)) return undefined;
  const whole = tagWords(word);
  if (whole.length !== 1 || !whole[0]?.tag.startsWith('n')) return undefined;
  const tags = tagWords(verb);
  return tags.length === 1 && tags[0]?.tag === 'v' ? verb : undefined;
}

/** A place word ending in a locative: 图里 ("in the picture"), 市里 ("in the city"), 网上. */
const LOCATIVE = /^(\p{Script=Han}+)[里上中内]$/u;
/**
 * jieba's tags of such a word: place (s), locative (f), or a name it took it for (图里 → nrt). Not time (晚上),
 * adverb (马上) or measure (公里).
 */
const LOCATIVE_TAG = /^(s|f|nr|nrt|ns|x)$/u;

/**
 * The noun inside a word that is the noun and a locative after it (图里 → 图, 市里 → 市): the noun, when jieba
 * tags it a noun and the whole a place; undefined for any other word (高中, 公里, 晚上, 马上 stay whole).
 */
export function locativeStem(word: string): string | undefined {
  const stem = LOCATIVE.exec(word)?.[1];
  if (stem === undefined || !isContentToken(stem)) return undefined;
  const whole = tagWords(word);
  const noun = tagWords(stem);
  const isPlace = whole.length === 1 && LOCATIVE_TAG.test(whole[0]?.tag ?? '');
  return isPlace && noun.length === 1 && noun[0]?.tag === 'n' ? stem : undefined;
}
