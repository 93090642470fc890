/**
 * General English word lists the English reader (text/english.ts) falls back on where the corpus glossary has no
 * key for a question's word. Neither is of any corpus; both were written by helpers from general knowledge,
 * without seeing the corpus or the question sets.
 * - clippings.tsv: short forms and clippings a chat question may use (photo → photograph, lab → laboratory,
 *   info → information), `short<TAB>full`.
 * - english-synonyms.tsv: everyday and news words for the plainer words a dictionary glosses with (deal →
 *   agreement, corporate → company, kick off → start), `word<TAB>variant variant …`, a variant of several words
 *   joined with underscores (team up → join_forces).
 * Lines starting with # are comments.
 */
import { readFileSync } from 'node:fs';
import { parseSynonyms } from './synonyms.js';

const CLIPPINGS_FILE = new URL('./clippings.tsv', import.meta.url);
const SYNONYMS_FILE = new URL('./english-synonyms.tsv', import.meta.url);

let clippings: ReadonlyMap<string, string> | undefined;
let synonyms: ReadonlyMap<string, readonly string[]> | undefined;

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

/** Parses `word<TAB>variant variant …` lines (lower-cased; underscores in a variant are spaces). */
export function parseEnglishSynonyms(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [word, variants] of parseSynonyms(text.toLowerCase())) {
    out.set(
      word,
      variants.map((v) => v.replace(/_/gu, ' ')),
    );
  }
  return out;
}

/** The bundled list of short forms, read once. */
export function englishClippings(): ReadonlyMap<string, string> {
  clippings ??= parseClippings(readFileSync(CLIPPINGS_FILE, 'utf8'));
  return clippings;
}

/** The bundled list of English near-synonyms, read once. */
export function englishSynonyms(): ReadonlyMap<string, readonly string[]> {
  synonyms ??= parseEnglishSynonyms(readFileSync(SYNONYMS_FILE, 'utf8'));
  return synonyms;
}
