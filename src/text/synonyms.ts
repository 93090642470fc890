/**
 * Near-synonyms for words a question uses and a text may say otherwise (老师 → 教师, 签 → 签署, 出台 → 颁布):
 * a general lexicon of Chinese, not of any corpus (synonyms.tsv: `word<TAB>variant variant …`, # comments).
 */
import { readFileSync } from 'node:fs';

const LEXICON_FILE = new URL('./synonyms.tsv', import.meta.url);

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
  lexicon ??= parseSynonyms(readFileSync(LEXICON_FILE, 'utf8'));
  return lexicon.get(word) ?? [];
}
