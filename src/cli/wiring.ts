/** Builds the engine the CLIs and the bot answer from. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadCorpus } from '../corpus/load.js';
import { REPO_ROOT } from '../eval/datasets.js';
import { SearchEngine } from '../search/engine.js';
import { createEnglishExpander, GLOSSARY_FILE, parseGlossary } from '../text/english.js';

/** The bundled corpus. */
export const DEFAULT_CORPUS = resolve(REPO_ROOT, 'corpus');

/**
 * Loads a corpus (folder or JSONL) and indexes it. An English glossary (glossary.en.json, made by
 * `npm run glossary`) beside the documents lets English questions find Chinese passages.
 */
export function openEngine(corpusPath: string = DEFAULT_CORPUS): SearchEngine {
  const engine = SearchEngine.build(loadCorpus(corpusPath));
  const glossaryPath = join(statSync(corpusPath).isDirectory() ? corpusPath : dirname(corpusPath), GLOSSARY_FILE);
  if (existsSync(glossaryPath)) {
    engine.setExpander(createEnglishExpander(parseGlossary(JSON.parse(readFileSync(glossaryPath, 'utf8')), glossaryPath)));
  }
  return engine;
}
