/**
 * Near misses of typing: a question word the corpus does not know that is one character away from a word it
 * does, the two characters read alike (清华大雪 → 清华大学, 签属 → 签署, 上海交同 → 上海交通): what a pinyin
 * input method gets wrong. Only toward corpus words, only when the question's word is unknown to the corpus, never
 * inside a name (南开大学 stays unknown, so a question about it is still declined).
 */
import type { TermCounts } from '../search/backend/types.js';
import { STRUCTURAL_PARTICLES } from '../text/lexicon.js';
import { normalizeText } from '../text/normalize.js';
import { isDictionaryWord, segment, stopWords, tagWords } from '../text/tokenize.js';
import { charactersRead, syllablesOf } from './homophones.js';

/** What correction needs to know of the corpus. */
export interface CorpusVocabulary {
  /** True when the corpus contains the term (SearchEngine.mentions). */
  mentions(term: string): boolean;
  /**
   * Indexed words, each with the number of passages holding it; the index's version, and its words by sound key
   * when it keeps them (search/backend/types.ts Vocabulary).
   */
  readonly vocabulary: { readonly words: TermCounts; readonly version?: number; soundAlike?(key: string): string[] };
  /** The parties' names and aliases (corpus/topics.json). */
  readonly names?: { aliases(): readonly string[] };
  /** The aspects the agreements' paragraphs open with (SearchEngine.aspectHeadings). */
  aspectHeadings?(): readonly string[];
}

/**
 * Names this long or longer are read with one character wrong anywhere (上海交同大学); shorter ones (请华 for 清华,
 * 那教大呢) only where jieba could make no word of what was typed (it stands as single characters: 那/请/华/呢, not
 * 重庆/是 for 重庆市, nor 邀请/华为), and what was typed is no word of the dictionary or the corpus (上缴 is not 上交).
 */
const MIN_FREE_NAME = 4;

/** The characters of a text that jieba leaves as words of their own (by position). */
function singleCharacters(text: string): Set<number> {
  const single = new Set<number>();
  let at = 0;
  for (const w of segment(text, 'exact')) {
    const length = [...w].length;
    if (length === 1) single.add(at);
    at += length;
  }
  return single;
}

/**
 * Where a party's name is written with one read-alike character wrong, as [typed, name] (上海交同大学 → 上海交通大学,
 * 青华大学 → 清华大学, 那请华呢 → 清华). Only the parties' own names, so another university (南开大学, 东华大学: no
 * character read alike) stays itself.
 */
function nameMisses(text: string, corpus: CorpusVocabulary): Array<[string, string]> {
  const chars = [...text];
  const found: Array<[string, string]> = [];
  let single: Set<number> | undefined;
  for (const alias of corpus.names?.aliases() ?? []) {
    const name = [...alias];
    if (name.length < 2 || !/^\p{Script=Han}+$/u.test(alias) || text.includes(alias)) continue;
    for (let i = 0; i + name.length <= chars.length; i++) {
      const wrong = name.flatMap((c, k) => (chars[i + k] === c ? [] : [k]));
      if (wrong.length !== 1) continue;
      const [typed, meant] = [chars[i + wrong[0]!]!, name[wrong[0]!]!];
      if (PARTICLES.has(typed) || !syllablesOf(typed).some((s) => syllablesOf(meant).includes(s))) continue;
      const span = chars.slice(i, i + name.length).join('');
      if (name.length < MIN_FREE_NAME) {
        single ??= singleCharacters(text);
        if (name.some((_, k) => !single!.has(i + k))) continue;
        if (isDictionaryWord(span) || corpus.mentions(span)) continue;
      }
      found.push([span, alias]);
    }
  }
  return found;
}

/** The text (normalized) with the parties' names read through a typo (see nameMisses), for the conversation. */
export function correctPartyNames(text: string, corpus: CorpusVocabulary): string {
  return nameMisses(text, corpus).reduce((t, [from, to]) => t.replaceAll(from, to), text);
}

/** Spans of this many characters are looked at: a typo inside a longer word leaves the rest a word of its own. */
const MIN_SPAN = 2;
const MAX_SPAN = 4;
/** jieba's tags of names (person, place, organization, other): a name the corpus lacks is not a typo of its words. */
const NAME_TAG = /^(nr|nrt|ns|nt|nz)$/;

/** Grammatical particles are written right (lexicon STRUCTURAL_PARTICLES: 的 for 底 is grammar, not a typo). */
const PARTICLES = new Set([...STRUCTURAL_PARTICLES]);

const keyOf = (chars: string[], at: number, syllable: string) =>
  `${chars.slice(0, at).join('')}\u0000${syllable}\u0000${chars.slice(at + 1).join('')}`;

const isTarget = (chars: string[], word: string) =>
  chars.length >= MIN_SPAN && chars.length <= MAX_SPAN && /^\p{Script=Han}+$/u.test(word);

/**
 * A word's sound keys: each character in turn replaced by each of its syllables (大学 → 大·xue, ·da学). None for a
 * word that cannot be a near miss's target (not 2–4 Han characters). An index keeps them (search/backend/fts5.ts).
 */
export function soundKeys(word: string): string[] {
  const chars = [...word];
  if (!isTarget(chars, word)) return [];
  return chars.flatMap((c, at) => syllablesOf(c).map((s) => keyOf(chars, at, s)));
}

/**
 * The corpus words with a sound key (see soundKeys) of `chars` with its character `at` read as `syllable`: the
 * vocabulary's own when it keeps them (FTS5), else each character read so put in its place and looked up among
 * the corpus words (a few hundred lookups a span, where indexing every corpus word's keys took 0.2–0.3 s of the
 * first question at 2k passages).
 */
function wordsReadAlike(corpus: CorpusVocabulary, chars: string[], at: number, syllable: string): readonly string[] {
  const { vocabulary } = corpus;
  if (vocabulary.soundAlike) return vocabulary.soundAlike(keyOf(chars, at, syllable));
  const found: string[] = [];
  const word = [...chars];
  for (const c of charactersRead(syllable)) {
    word[at] = c;
    const w = word.join('');
    if (isTarget(word, w) && vocabulary.words.has(w)) found.push(w);
  }
  return found;
}

/**
 * The corpus word a span is a near miss of: the same length, one character replaced by one read alike. The
 * most frequent when several are; undefined when none is, or two are equally frequent.
 */
function soundAlike(corpus: CorpusVocabulary, span: string): string | undefined {
  const chars = [...span];
  const found = new Set<string>();
  chars.forEach((c, at) => {
    for (const s of syllablesOf(c)) for (const w of wordsReadAlike(corpus, chars, at, s)) if (w !== span) found.add(w);
  });
  const count = (w: string) => corpus.vocabulary.words.get(w) ?? 0;
  // A word of documents removed since may still be kept by sound: it counts no passage.
  const [best, next] = [...found].filter((w) => count(w) > 0).sort((a, b) => count(b) - count(a));
  return best !== undefined && (next === undefined || count(next) < count(best)) ? best : undefined;
}

/**
 * True when a span of jieba words may hold the typo that makes it `word`: it is no function or question word (多长
 * is not 多场), and none of its words is one unless it is the character changed (交同: 同 for 通; but 一郡 is not
 * 一军, 蔚是 not 位是: 一 and 是 are written right, and what is next to them is what the corpus may not know).
 */
function mayHoldTypo(tokens: string[], word: string): boolean {
  const span = tokens.join('');
  if (stopWords().has(span)) return false;
  const target = [...word];
  let at = 0;
  return tokens.every((w) => {
    const chars = [...w];
    const changed = chars.some((c, k) => c !== target[at + k]);
    at += chars.length;
    return tokens.length === 1 || !stopWords().has(w) || (changed && chars.length === 1);
  });
}

/**
 * True when the character a correction changes may be the misspelt one: never a particle (的, 了 …: 去年的 is not
 * 去年底), and in a two-character span never a function or question word (哪边 is not 南边, 是将 not 市将), which
 * people type right and which two characters cannot tell apart from a word the corpus has.
 */
function mayBeMisspelt(span: string, word: string): boolean {
  const chars = [...span];
  const changed = chars.find((c, k) => c !== [...word][k]) ?? '';
  return !PARTICLES.has(changed) && (chars.length > MIN_SPAN || !stopWords().has(changed));
}

/**
 * True when the character a correction would change at the span's edge makes, with the character just outside
 * the span, a pair the corpus holds: it is written right, as part of something longer (王沈是: 沈 of the name 王沈,
 * not 甚是). With `anyEdge`, either edge character counts, changed or not (1910年时赏他: 时 belongs to 年时, so 时赏
 * is no misspelt 时尚).
 */
function fitsOutside(
  corpus: CorpusVocabulary,
  words: string[],
  span: [number, number],
  word: string,
  anyEdge: boolean,
) {
  const [i, j] = span;
  const chars = [...words.slice(i, j).join('')];
  const target = [...word];
  const changed = chars.findIndex((c, k) => c !== target[k]);
  const before = [...(words[i - 1] ?? '')].at(-1);
  const after = [...(words[j] ?? '')][0];
  const first = anyEdge || changed === 0;
  const last = anyEdge || changed === chars.length - 1;
  if (first && before !== undefined && corpus.mentions(before + chars[0])) return true;
  return last && after !== undefined && corpus.mentions((chars.at(-1) ?? '') + after);
}

/** True when jieba knows the span as a name (a university, a person, a place): not to be read as another word. */
const isName = (span: string): boolean => tagWords(span).some((w) => w.word === span && NAME_TAG.test(w.tag));

/**
 * The question with its near misses corrected (清华大雪和重庆是哪天签的 → 清华大学和重庆是哪天签的), or the
 * question itself when it has none. A span of whole jieba words, unknown to the corpus, is read as the corpus word
 * one read-alike character away, when the corrected word is confirmed by the words around it (大雪 alone is a word,
 * heavy snow; 清华大学 is the corpus' word) or the span is no dictionary word of its own (签属), nor stop words cut
 * apart (上 + 还).
 */
export function correctNearMisses(question: string, corpus: CorpusVocabulary): string {
  const written = normalizeText(question);
  // Party names first: jieba cuts a misspelt name apart (上海交同大学 → 上海 / 交 / 同 / 大学).
  const corrections = nameMisses(written, corpus);
  const text = corrections.reduce((t, [from, to]) => t.replaceAll(from, to), written);
  const words = segment(text, 'exact');
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) {
      const span = words.slice(i, j).join('');
      const length = [...span].length;
      if (length > MAX_SPAN) break;
      if (length < MIN_SPAN || !/^\p{Script=Han}+$/u.test(span) || corpus.mentions(span) || isName(span)) continue;
      const word = soundAlike(corpus, span);
      if (word === undefined || !mayBeMisspelt(span, word) || !mayHoldTypo(words.slice(i, j), word)) continue;
      const han = (w: string | undefined) => (w !== undefined && /^\p{Script=Han}+$/u.test(w) ? w : '');
      const [before, after] = [han(words[i - 1]), han(words[j])];
      const isWord = (w: string) => corpus.vocabulary.words.has(w);
      const confirmed = Boolean((before && isWord(before + word)) || (after && isWord(word + after)));
      // Unconfirmed, a span is read as a word only when it is no word and the reading is one (签属 → 签署), and
      // neither of its edges belongs with the character outside it.
      if (!confirmed && (isDictionaryWord(span) || !isDictionaryWord(word))) continue;
      if (fitsOutside(corpus, words, [i, j], word, !confirmed)) continue;
      corrections.push([span, word]);
      i = j - 1;
      break;
    }
  }
  if (corrections.length === 0) return question;
  const fix = (t: string) => corrections.reduce((s, [from, to]) => s.replaceAll(from, to), t);
  // The question as written when it holds the spans (simplified Chinese), else its normalized form.
  return corrections.every(([from]) => question.includes(from)) ? fix(question) : fix(text);
}
