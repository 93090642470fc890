/**
 * Near-synonyms for words a question uses and a text may say otherwise (老师 → 教师, 签 → 签署, 出台 → 颁布):
 * general lexicons of Chinese, not of any corpus (`word<TAB>variant variant …`, # comments): synonyms.tsv,
 * written by hand, and synonyms-cedict.tsv, words sharing an English sense in CC-CEDICT (扮演 → 充当), made by
 * `npx tsx src/cli/gloss-synonyms.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../paths.js';

const LEXICON_FILE = new URL('./synonyms.tsv', import.meta.url);
/** The dictionary's near-synonyms, relative to the repository (absent: the hand lexicon alone). */
export const CEDICT_SYNONYMS_FILE = 'src/text/synonyms-cedict.tsv';

let lexicon: Map<string, string[]> | undefined;

/** Parses the lexicon's lines; a line without a tab or without variants is skipped. */
export function parseSynonyms(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/u)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const [head = '', variants = ''] = line.split('\t');
    const word = head.trim();
    const list = variants.split(/\s+/u).filter((v) => v && v !== word);
    if (word && list.length > 0) out.set(word, [...new Set([...(out.get(word) ?? []), ...list])]);
  }
  return out;
}

/** The dictionary's text, a newline first, read once; its words are looked up, not parsed (28,000 lines). */
let dictionary: string | undefined;
const fromDictionary = new Map<string, readonly string[]>();
/** Words whose dictionary synonyms are remembered, at most. */
const MAX_REMEMBERED = 50_000;

/** The dictionary's near-synonyms of a word: its one line (`word<TAB>variant variant …`), found when asked for. */
function dictionarySynonyms(word: string): readonly string[] {
  const known = fromDictionary.get(word);
  if (known) return known;
  if (dictionary === undefined) {
    const path = resolve(REPO_ROOT, CEDICT_SYNONYMS_FILE);
    dictionary = existsSync(path) ? `\n${readFileSync(path, 'utf8')}` : '';
  }
  const at = dictionary.indexOf(`\n${word}\t`);
  const end = dictionary.indexOf('\n', at + 1);
  const line = at < 0 ? '' : dictionary.slice(at + word.length + 2, end < 0 ? undefined : end);
  const found = line.split(/\s+/u).filter((v) => v && v !== word);
  // Any word a user types is looked up: the memo is bounded.
  if (fromDictionary.size >= MAX_REMEMBERED) fromDictionary.clear();
  fromDictionary.set(word, found);
  return found;
}

/** The words a text may use instead of `word`: the hand lexicon's, then the dictionary's (none when neither lists it). */
export function synonymsOf(word: string): readonly string[] {
  lexicon ??= parseSynonyms(readFileSync(LEXICON_FILE, 'utf8'));
  const own = lexicon.get(word) ?? [];
  const more = dictionarySynonyms(word);
  return more.length === 0 ? own : [...new Set([...own, ...more])];
}
