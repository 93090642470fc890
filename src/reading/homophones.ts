/** Characters read alike (toneless Mandarin syllables, from CC-CEDICT: see src/cli/readings.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../paths.js';

/** The table, relative to the repository: one syllable a line, a tab, the characters read so. */
export const READINGS_FILE = 'src/reading/readings.tsv';

let table: { syllables: Map<string, string[]>; characters: Map<string, string[]> } | undefined;

/**
 * Each character's toneless syllables (学 → xue; 了 → le, liao) and each syllable's characters, read once. Empty
 * when the table is missing.
 */
function readings(): NonNullable<typeof table> {
  if (table) return table;
  table = { syllables: new Map(), characters: new Map() };
  const path = resolve(REPO_ROOT, READINGS_FILE);
  if (!existsSync(path)) return table;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [syllable, chars] = line.split('\t');
    if (!syllable || !chars || syllable.startsWith('#')) continue;
    for (const c of chars) table.syllables.set(c, [...(table.syllables.get(c) ?? []), syllable]);
    table.characters.set(syllable, [...new Set([...(table.characters.get(syllable) ?? []), ...chars])]);
  }
  return table;
}

/** A character's toneless syllables (雪 → xue), none for a character the table does not know. */
export function syllablesOf(char: string): readonly string[] {
  return readings().syllables.get(char) ?? [];
}

/** The characters read as a toneless syllable (xue → 学, 雪 …), none for a syllable the table does not know. */
export function charactersRead(syllable: string): readonly string[] {
  return readings().characters.get(syllable) ?? [];
}
