/** Builds the engine the CLIs and the bot answer from. */
import { resolve } from 'node:path';
import { loadCorpus } from '../corpus/load.js';
import { REPO_ROOT } from '../eval/datasets.js';
import { SearchEngine } from '../search/engine.js';

/** The bundled corpus. */
export const DEFAULT_CORPUS = resolve(REPO_ROOT, 'corpus');

/** Loads a corpus (folder or JSONL) and indexes it. */
export function openEngine(corpusPath: string = DEFAULT_CORPUS): SearchEngine {
  return SearchEngine.build(loadCorpus(corpusPath));
}
