/** Builds the engine the CLIs and the bot answer from. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadCorpus } from '../corpus/load.js';
import { REPO_ROOT } from '../paths.js';
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

/**
 * Loads a corpus (folder or JSONL), indexes it, and lets English questions in through its glossary. A folder
 * corpus takes the documents of `extraDirs` too (DATA_DIR/documents: those operators added).
 */
export function openEngine(corpusPath: string = DEFAULT_CORPUS, extraDirs: string[] = []): SearchEngine {
  const engine = SearchEngine.build(loadCorpus(corpusPath, extraDirs));
  engine.setExpander(glossaryExpander(corpusPath));
  return engine;
}
