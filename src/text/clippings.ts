/**
 * English short forms and clippings a chat question may use (photo → photograph, lab → laboratory, info →
 * information): a general list, not of any corpus (clippings.tsv: `short<TAB>full`, # comments). The English
 * reader (text/english.ts) reads a short form as its full word where the glossary has no key for it.
 */
import { readFileSync } from 'node:fs';

const CLIPPINGS_FILE = new URL('./clippings.tsv', import.meta.url);

let clippings: ReadonlyMap<string, string> | undefined;

/** Parses `short<TAB>full` lines (lower-cased); comments, blank lines and lines without both sides are skipped. */
export function parseClippings(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/u)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const [short = '', full = ''] = line.split('\t').map((s) => s.trim().toLowerCase().replace(/\s+/gu, ' '));
    if (short && full && short !== full) out.set(short, full);
  }
  return out;
}

/** The bundled list, read once. */
export function englishClippings(): ReadonlyMap<string, string> {
  clippings ??= parseClippings(readFileSync(CLIPPINGS_FILE, 'utf8'));
  return clippings;
}
