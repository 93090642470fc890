/** Reads a corpus from disk: the only corpus module that does I/O. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { NameMatcher, parseTopics, partyWords } from './topics.js';
import { splitHeadings, splitPassages } from './split.js';
import type { Corpus, DocumentInfo, Passage, Topics } from './types.js';

/** Files in a corpus folder that are documents. */
const DOCUMENT_EXTENSIONS = new Set(['.md', '.txt']);
export const TOPICS_FILE = 'topics.json';
export const USER_DICT_FILE = 'user.dict';

/** Splits `---` front matter (simple `key: value` lines) from the body. */
export function parseFrontMatter(text: string): { meta: Record<string, string>; body: string } {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  for (const line of (m[1] ?? '').split(/\r?\n/)) {
    const kv = /^([\w-]+):\s*(.*)$/.exec(line.trim());
    if (kv?.[1]) meta[kv[1]] = (kv[2] ?? '').replace(/^["']|["']$/g, '');
  }
  return { meta, body: text.slice(m[0].length) };
}

/**
 * Reads user.dict: one domain word a line, optionally followed by ` = ` and its English names separated by
 * `;` (`双一流 = double first-class`), for English questions (`npm run glossary` puts them in the glossary).
 */
export function parseUserDict(text: string): { words: string[]; english: Array<{ word: string; english: string[] }> } {
  const words: string[] = [];
  const english: Array<{ word: string; english: string[] }> = [];
  for (const line of text.split(/\r?\n/)) {
    const [head = '', names = ''] = line.replace(/#.*$/, '').split('=');
    const word = head.trim().split(/\s+/)[0] ?? '';
    if (!word) continue;
    words.push(word);
    const en = names.split(';').map((n) => n.trim()).filter(Boolean);
    if (en.length) english.push({ word, english: en });
  }
  return { words, english };
}

/** The document files of a folder (.md / .txt), sorted; none when the folder does not exist. */
export function documentFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => DOCUMENT_EXTENSIONS.has(extname(f).toLowerCase()))
    .sort()
    .map((f) => join(dir, f));
}

/** A document's id: its file name without the extension. */
export function documentId(path: string): string {
  return basename(path, extname(path));
}

/** Reads documents into `into` (passages and headings apart); a second document with an id already taken fails. */
function readDocuments(
  files: string[],
  names: NameMatcher,
  into: { documents: DocumentInfo[]; passages: Passage[]; headings: Passage[] },
): void {
  for (const file of files) {
    const { meta, body } = parseFrontMatter(readFileSync(file, 'utf8'));
    const id = documentId(file);
    const clash = into.documents.find((d) => d.id === id);
    if (clash) throw new Error(`${file}: another document is also named "${id}" (passage ids would clash); rename one of them`);
    const info: DocumentInfo = { id, title: meta.title ?? id, source: meta.source, date: meta.date };
    into.documents.push(info);
    into.passages.push(...splitPassages(id, info.title, body, names));
    into.headings.push(...splitHeadings(id, meta.title, body, names));
  }
}

/**
 * Loads a folder corpus: every .md/.txt file is a document (front matter: title, source, date), topics.json
 * names the agreements and user.dict adds domain words. Both metadata files are optional. The documents of
 * `extraDirs` (DATA_DIR/documents: those added by operators) follow the folder's own.
 */
export function loadCorpusFolder(dir: string, extraDirs: string[] = []): Corpus {
  const topicsPath = join(dir, TOPICS_FILE);
  const topics: Topics = existsSync(topicsPath)
    ? parseTopics(JSON.parse(readFileSync(topicsPath, 'utf8')), topicsPath)
    : { agreements: [] };
  const names = new NameMatcher(topics);
  const read = { documents: [] as DocumentInfo[], passages: [] as Passage[], headings: [] as Passage[] };
  readDocuments([dir, ...extraDirs].flatMap(documentFiles), names, read);
  const { documents, passages, headings } = read;
  const dictPath = join(dir, USER_DICT_FILE);
  const dict = existsSync(dictPath) ? parseUserDict(readFileSync(dictPath, 'utf8')) : { words: [], english: [] };
  return { documents, passages: [...passages, ...headings], topics, userWords: [...dict.words, ...partyWords(topics)], englishNames: dict.english };
}

/**
 * Loads a JSONL corpus of `{id, title, text}` passages (one a line), used as they are: no splitting, the
 * record's id is the passage id and its title is the section. Bad lines are reported with their number.
 */
export function loadCorpusJsonl(path: string): Corpus {
  const passages: Passage[] = [];
  const titles = new Map<string, DocumentInfo>();
  const seen = new Set<string>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let record: { id?: unknown; title?: unknown; text?: unknown };
      try {
        record = JSON.parse(line);
      } catch (e) {
        throw new Error(`${path}:${i + 1}: not valid JSON`, { cause: e });
      }
      if (typeof record.id !== 'string' || typeof record.text !== 'string') {
        throw new Error(`${path}:${i + 1}: each line needs string "id" and "text"`);
      }
      if (seen.has(record.id)) throw new Error(`${path}:${i + 1}: duplicate id "${record.id}"`);
      seen.add(record.id);
      const title = typeof record.title === 'string' ? record.title : '';
      if (!titles.has(title)) titles.set(title, { id: title || basename(path), title: title || basename(path) });
      passages.push({ id: record.id, documentId: title || basename(path), section: title, topic: null, text: record.text });
    });
  return { documents: [...titles.values()], passages, topics: { agreements: [] }, userWords: [] };
}

/** A folder (with the documents of `extraDirs`, see loadCorpusFolder) or a .jsonl file. */
export function loadCorpus(path: string, extraDirs: string[] = []): Corpus {
  if (!existsSync(path)) throw new Error(`Corpus not found: ${path} (give a folder of .md/.txt documents or a .jsonl file)`);
  return statSync(path).isDirectory() ? loadCorpusFolder(path, extraDirs) : loadCorpusJsonl(path);
}
