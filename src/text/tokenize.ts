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
  DEMONSTRATIVES,
  AREA_WORDS,
  COUNTING_MEASURES,
  COUNTING_NUMERALS,
  DIGITS,
  HAN_NUMERALS,
  HUNDRED_THOUSAND,
  HOW,
  INTERROGATIVE_OPENERS,
  LIANG,
  LOCATIVES,
  MAGNITUDES,
  MEASURE_WORDS,
  ONE_TO_TEN,
  oneOf,
  SIZE_ADJECTIVES,
  TAKES_MEASURE_WORDS,
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
    if (NUMBER_RANGE.test(part)) out.push(...part.split('-'));
    else if (LATIN_WORD_WHOLE.test(part)) out.push(part);
    else
      out.push(
        ...joinInterrogativeMeasures(mode === 'search' ? jieba().cutForSearch(part, true) : jieba().cut(part, false)),
      );
  }
  return out;
}

const LATIN_WORD = /([\p{Script=Latin}\d]+(?:[.'’-][\p{Script=Latin}\d]+)*)/u;
const LATIN_WORD_WHOLE = /^[\p{Script=Latin}\d]+(?:[.'’-][\p{Script=Latin}\d]+)*$/u;
/** Numbers joined by hyphens (2019-2022, 2020-06-03): a range or a date, its numbers words of their own, as with —. */
const NUMBER_RANGE = /^\d+(?:-\d+)+$/u;

/** nodejieba's `cut` exactly as a user would call it (default options), for the peer it is measured against. */
export function plainJiebaCut(text: string): string[] {
  return jieba().cut(text);
}

const NUMBER_PIECE = new RegExp(`(?<![\\p{Script=Latin}\\d.])\\d+[${MEASURE_WORDS}]`, 'gu');

/** Numbers with their measure word or time unit in normalized text (2019年, 6月, 8日, 14家), in order. */
export function numberPieces(text: string): string[] {
  return text.match(NUMBER_PIECE) ?? [];
}

/** Interrogatives and demonstratives that take a measure word (see the lexicon). */
const TAKES_MEASURE = new RegExp(`^(${oneOf(TAKES_MEASURE_WORDS)})$`, 'u');
const MEASURE_WORD = new RegExp(`^[${MEASURE_WORDS}]$`, 'u');
/** A demonstrative with its measure word (那份协议, 这所大学): it points, it says nothing about the topic. */
const DEMONSTRATIVE_MEASURE = new RegExp(`^[${DEMONSTRATIVES}][${MEASURE_WORDS}]$`, 'u');

/** Adjectives of size that 多 turns into "how …" (多大, 多远, 多高). */
const SIZE_ADJECTIVE = new RegExp(`^[${SIZE_ADJECTIVES}]$`, 'u');

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
    else if (last === HOW && SIZE_ADJECTIVE.test(token)) out[out.length - 1] = last + token;
    else out.push(token);
  }
  return out;
}

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
/** Interrogative compounds the dictionary knows as words (哪一年, 哪些方面, 多少钱, 几部, 多长): question words too. */
const INTERROGATIVE = new RegExp(`^(${oneOf(INTERROGATIVE_OPENERS)}|${HOW}[${SIZE_ADJECTIVES}久]$)`, 'u');

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
 * Where a text's words meet (exact mode): each pair of neighbouring words, Han on both sides of the junction, with
 * the bigram across it (签约这事儿 → 签约这 at 约这, 这事儿 at 这事; 签约 and 事儿 are words, not junctions).
 */
export function wordJunctions(text: string): Array<{ words: string; bigram: string }> {
  const words = segment(text, 'exact');
  const out: Array<{ words: string; bigram: string }> = [];
  for (let i = 1; i < words.length; i++) {
    const [left, right] = [words[i - 1]!, words[i]!];
    const bigram = left.slice(-1) + right[0];
    if (HAN_PAIR.test(bigram)) out.push({ words: left + right, bigram });
  }
  return out;
}

const HAN_PAIR = /^\p{Script=Han}{2}$/u;

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

/**
 * jieba's IDF table has no single characters. A lone character in a question is nearly always a common verb
 * or measure word (会, 帮, 做, 年), so it weighs like a common word.
 */
const SINGLE_HAN_IDF = 3;

/**
 * jieba's IDF table (≈260k words, 6 MB, "word idf" a line), looked up in its bytes as read: a hash table of line
 * offsets (open addressing) instead of a Map of 260k strings, which took 0.4 s of every start and as much again
 * in garbage collection. A word on two lines keeps the later one, as Map.set did.
 */
class IdfTable {
  private readonly bytes: Buffer;
  /** Per slot, 1 + the offset of a line, 0 for an empty slot. */
  private readonly slots: Int32Array;
  /** Per slot, the byte length of its word (up to the line's last space). */
  private readonly lengths: Int32Array;
  private readonly values: Float64Array;
  private readonly mask: number;
  private medianIdf?: number;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
    let lines = 1;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lines++;
    let size = 1;
    while (size < lines * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.lengths = new Int32Array(size);
    this.values = new Float64Array(size);
    this.mask = size - 1;
    let start = 0;
    let space = -1;
    for (let i = 0; i <= bytes.length; i++) {
      const b = i < bytes.length ? bytes[i] : 10;
      if (b === 32) space = i;
      else if (b === 10) {
        if (space > start) this.put(start, space - start, this.parse(space + 1, i));
        start = i + 1;
        space = -1;
      }
    }
  }

  /**
   * The number in bytes [from, to). Digits with one point, at most 15 digits: the integer of the digits and a
   * power of ten are exact, so their quotient is rounded once, as Number() rounds the text; else Number().
   */
  private parse(from: number, to: number): number {
    let digits = 0;
    let mantissa = 0;
    let point = -1;
    for (let i = from; i < to; i++) {
      const b = this.bytes[i]!;
      if (b >= 48 && b <= 57 && digits < 15) {
        mantissa = mantissa * 10 + (b - 48);
        digits++;
      } else if (b === 46 && point < 0) point = i;
      else return Number(this.bytes.toString('latin1', from, to));
    }
    if (digits === 0) return Number(this.bytes.toString('latin1', from, to));
    return point < 0 ? mantissa : mantissa / 10 ** (to - point - 1);
  }

  private static hash(bytes: Uint8Array, from: number, length: number): number {
    let h = 0x811c9dc5;
    for (let i = from; i < from + length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    return h >>> 0;
  }

  private same(slot: number, bytes: Uint8Array, from: number, length: number): boolean {
    if (this.lengths[slot] !== length) return false;
    const at = this.slots[slot]! - 1;
    for (let i = 0; i < length; i++) if (this.bytes[at + i] !== bytes[from + i]) return false;
    return true;
  }

  private put(start: number, length: number, value: number): void {
    for (let slot = IdfTable.hash(this.bytes, start, length) & this.mask; ; slot = (slot + 1) & this.mask) {
      if (this.slots[slot] === 0 || this.same(slot, this.bytes, start, length)) {
        this.slots[slot] = start + 1;
        this.lengths[slot] = length;
        this.values[slot] = value;
        return;
      }
    }
  }

  get(word: string): number | undefined {
    const key = Buffer.from(word, 'utf8');
    for (let slot = IdfTable.hash(key, 0, key.length) & this.mask; ; slot = (slot + 1) & this.mask) {
      if (this.slots[slot] === 0) return undefined;
      if (this.same(slot, key, 0, key.length)) return this.values[slot];
    }
  }

  /** Words jieba has never seen are as rare as its rarer words: the median idf, as jieba's own extractor does. */
  median(): number {
    if (this.medianIdf === undefined) {
      let count = 0;
      for (let slot = 0; slot < this.slots.length; slot++) if (this.slots[slot] !== 0) count++;
      const values = new Float64Array(count);
      for (let slot = 0, n = 0; slot < this.slots.length; slot++)
        if (this.slots[slot] !== 0) values[n++] = this.values[slot]!;
      this.medianIdf = values.length > 0 ? nthSmallest(values, Math.floor(values.length / 2)) : 10;
    }
    return this.medianIdf;
  }
}

/** The k-th smallest of the values (from 0), by quickselect (the values are reordered): a sort took 30 ms. */
function nthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k]!;
}

let idfTable: IdfTable | undefined;

/** Loads jieba's IDF table once. */
function loadIdf(): IdfTable {
  idfTable ??= new IdfTable(readFileSync(JIEBA_DICT_DIR + 'idf.utf8'));
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
  return word.length === 1 && /\p{Script=Han}/u.test(word) ? SINGLE_HAN_IDF : table.median();
}

/** True when jieba's IDF table (its reference vocabulary) has the word. */
export function isDictionaryWord(word: string): boolean {
  return loadIdf().get(word) !== undefined;
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
const LOCATIVE = new RegExp(String.raw`^(\p{Script=Han}+)[${LOCATIVES}]$`, 'u');
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
