/** Characters read alike (toneless Mandarin syllables, from CC-CEDICT: see src/cli/readings.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../paths.js';

/** The table, relative to the repository: one syllable a line, a tab, the characters read so. */
export const READINGS_FILE = 'src/reading/readings.tsv';

let syllables: Map<string, string[]> | undefined;

/** Each character's toneless syllables (学 → xue; 了 → le, liao), read once. Empty when the table is missing. */
function readings(): Map<string, string[]> {
  if (syllables) return syllables;
  syllables = new Map();
  const path = resolve(REPO_ROOT, READINGS_FILE);
  if (!existsSync(path)) return syllables;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [syllable, chars] = line.split('\t');
    if (!syllable || !chars || syllable.startsWith('#')) continue;
    for (const c of chars) syllables.set(c, [...(syllables.get(c) ?? []), syllable]);
  }
  return syllables;
}

/** A character's toneless syllables (雪 → xue), none for a character the table does not know. */
export function syllablesOf(char: string): readonly string[] {
  return readings().get(char) ?? [];
}
