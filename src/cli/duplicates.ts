/**
 * `npm run duplicates`: finds word lists written more than once in src/ (they belong in src/text/lexicon.ts):
 * - Chinese numerals spelled out (four or more in a row) outside the lexicon;
 * - the same set of four or more Han characters in a character class ([个家所位]) in two places;
 * - the same set of three or more Han words in an alternation (签署|签订|签约) or an array literal in two places.
 * Comments are not read. Exits 1 when it finds any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../paths.js';
import { HAN_NUMERALS } from '../text/lexicon.js';
import { EXIT, isEntryPoint, run, type CliIo } from './io.js';

const LEXICON = join('src', 'text', 'lexicon.ts');
const NUMERAL_RUN = new RegExp(`[${HAN_NUMERALS}]{4,}`, 'gu');
const CHAR_CLASS = /\[([^\]\n'"]+)\]/gu;
const ALTERNATION = /\p{Script=Han}+(?:\|\p{Script=Han}+){2,}/gu;
const ARRAY_LITERAL = /\[\s*'\p{Script=Han}+'(?:\s*,\s*'\p{Script=Han}+'){2,}\s*,?\s*\]/gu;

/** A list found in the code: where it stands and its items as a set (sorted, joined). */
export interface ListSite {
  file: string;
  line: number;
  key: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The code of a line without its comment (a doc-comment line, or what follows // outside a string). */
function codeOf(line: string): string {
  const t = line.trim();
  if (t.startsWith('*') || t.startsWith('/*') || t.startsWith('//')) return '';
  const comment = line.search(/\s\/\/\s/u);
  return comment >= 0 ? line.slice(0, comment) : line;
}

/** The lists one file writes, and its spelled-out numerals. */
export function listsIn(file: string, text: string): { lists: ListSite[]; numerals: ListSite[] } {
  const lists: ListSite[] = [];
  const numerals: ListSite[] = [];
  const setKey = (items: string[]) => [...new Set(items)].sort().join(' ');
  text.split('\n').forEach((raw, k) => {
    const line = codeOf(raw);
    const at = { file, line: k + 1 };
    for (const [run] of line.matchAll(NUMERAL_RUN)) numerals.push({ ...at, key: run });
    for (const [, inner = ''] of line.matchAll(CHAR_CLASS)) {
      const han = [...inner].filter((c) => /\p{Script=Han}/u.test(c));
      if (han.length >= 4) lists.push({ ...at, key: `[${setKey(han)}]` });
    }
    for (const [alt] of line.matchAll(ALTERNATION)) lists.push({ ...at, key: setKey(alt.split('|')) });
    for (const [arr] of line.matchAll(ARRAY_LITERAL))
      lists.push({ ...at, key: setKey(arr.match(/\p{Script=Han}+/gu) ?? []) });
  });
  return { lists, numerals };
}

/** Lists written in more than one place, and numerals spelled out outside the lexicon, as report lines. */
export function findDuplicates(root: string = REPO_ROOT): string[] {
  const sites = sourceFiles(join(root, 'src')).map((path) => {
    const file = relative(root, path);
    return { file, ...listsIn(file, readFileSync(path, 'utf8')) };
  });
  const report: string[] = [];
  for (const s of sites.filter((s) => s.file !== LEXICON)) {
    for (const n of s.numerals) report.push(`${n.file}:${n.line}: numerals spelled out (${n.key}): use the lexicon`);
  }
  const byKey = new Map<string, ListSite[]>();
  for (const site of sites.flatMap((s) => s.lists)) byKey.set(site.key, [...(byKey.get(site.key) ?? []), site]);
  for (const [key, where] of byKey) {
    if (where.length > 1)
      report.push(`${key}: written ${where.length} times, ${where.map((w) => `${w.file}:${w.line}`).join(', ')}`);
  }
  return report;
}

export async function main(_argv: string[], _env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const report = findDuplicates();
  for (const line of report) io.stdout(`${line}\n`);
  io.stdout(report.length === 0 ? 'no list is written twice\n' : `${report.length} found\n`);
  return report.length === 0 ? EXIT.OK : EXIT.FAILED;
}

if (isEntryPoint(import.meta.url)) run(main);
