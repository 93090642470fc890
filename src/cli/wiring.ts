/** Builds the engine the CLIs and the bot answer from. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadCorpus } from '../corpus/load.js';
import { REPO_ROOT } from '../paths.js';
import { sourceHashOf, type BackendChoice, type SyncReport } from '../search/backend/persist.js';
import { SearchEngine } from '../search/engine.js';
import type { QueryExpander } from '../search/query.js';
import { createEnglishExpander, GLOSSARY_FILE, parseGlossary } from '../text/english.js';
import { englishClippings, englishSynonyms } from '../text/english-lexicons.js';

/** The bundled corpus. */
export const DEFAULT_CORPUS = resolve(REPO_ROOT, 'corpus');

/**
 * The English expander for a corpus: from glossary.en.json beside its documents (made by `npm run glossary`),
 * or undefined when there is none. Not part of a saved index: set it again after SearchEngine.fromJSON.
 */
export function glossaryExpander(corpusPath: string = DEFAULT_CORPUS): QueryExpander | undefined {
  const glossaryPath = join(statSync(corpusPath).isDirectory() ? corpusPath : dirname(corpusPath), GLOSSARY_FILE);
  if (!existsSync(glossaryPath)) return undefined;
  return createEnglishExpander(parseGlossary(JSON.parse(readFileSync(glossaryPath, 'utf8')), glossaryPath), {
    clippings: englishClippings(),
    synonyms: englishSynonyms(),
  });
}

export interface OpenEngineOptions {
  /** Folders of documents added to a folder corpus (DATA_DIR/documents: those operators added). */
  extraDirs?: string[];
  /** DATA_DIR: persist the index in DATA_DIR/index (search/backend/persist.ts); without it, index in memory. */
  dataDir?: string;
  /** First stage: MiniSearch, SQLite FTS5, or by corpus size (default). */
  backend?: BackendChoice;
  /** Open the persisted index without writing (a replica; see PersistOptions.readonly). */
  readonly?: boolean;
  /** Called once the persisted index is in line with the corpus (what was indexed, how long it took). */
  onIndex?: (report: SyncReport) => void;
}

/**
 * Loads a corpus (folder or JSONL, plus `extraDirs`), indexes it, and lets English questions in through its
 * glossary. With a DATA_DIR the index is persisted there and only what changed in the corpus since is indexed
 * again.
 */
export function openEngine(corpusPath: string = DEFAULT_CORPUS, options: OpenEngineOptions = {}): SearchEngine {
  const load = () => loadCorpus(corpusPath, options.extraDirs ?? []);
  let engine: SearchEngine;
  if (options.dataDir === undefined) engine = SearchEngine.build(load());
  else {
    const { dataDir, backend, readonly } = options;
    // A corpus file unchanged since it was indexed is not read again: its texts are in the index.
    const persist = { dataDir, source: corpusPath, backend, readonly, sourceHash: sourceHashOf(corpusPath) };
    const opened = SearchEngine.openStored(persist) ?? SearchEngine.open(load(), persist);
    options.onIndex?.(opened.report);
    engine = opened.engine;
  }
  engine.setExpander(glossaryExpander(corpusPath));
  return engine;
}
