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

/** The words a text may use instead of `word` (none when the lexicon does not list it). */
export function synonymsOf(word: string): readonly string[] {
  if (!lexicon) {
    const dictionary = resolve(REPO_ROOT, CEDICT_SYNONYMS_FILE);
    const extra = existsSync(dictionary) ? readFileSync(dictionary, 'utf8') : '';
    lexicon = parseSynonyms(`${readFileSync(LEXICON_FILE, 'utf8')}\n${extra}`);
  }
  return lexicon.get(word) ?? [];
}
