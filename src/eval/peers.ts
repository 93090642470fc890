/**
 * The retrieval set-ups a user would otherwise pick, measured beside ours: MiniSearch with its default
 * tokenizer, and MiniSearch with plain nodejieba `cut`. Only for evaluation and benchmarks.
 */
import MiniSearch, { type Options } from 'minisearch';
import { plainJiebaCut } from '../text/tokenize.js';
import type { Passage } from '../corpus/types.js';

/** Something that ranks passage ids for a question. */
export interface Retriever {
  name: string;
  search(question: string, limit: number): string[];
}

/** The peers' MiniSearch options (`tokenize` undefined: MiniSearch's default tokenizer); the bench saves and loads with them. */
export function peerOptions(tokenize?: (text: string) => string[]): Options<Passage> {
  return { fields: ['text', 'section'], ...(tokenize ? { tokenize, searchOptions: { tokenize } } : {}) };
}

/** The jieba peer's tokenizer: nodejieba `cut()` with default options, blanks dropped. */
export const jiebaCutTokens = (text: string): string[] => plainJiebaCut(text).filter((t) => t.trim());

function miniSearchPeer(name: string, passages: Passage[], tokenize?: (text: string) => string[]): Retriever {
  const ms = new MiniSearch<Passage>(peerOptions(tokenize));
  ms.addAll(passages);
  return {
    name,
    search: (q, limit) =>
      ms
        .search(q)
        .slice(0, limit)
        .map((r) => r.id as string),
  };
}

/** MiniSearch out of the box: it splits on spaces and punctuation, so Chinese runs become one term each. */
export function defaultMiniSearchPeer(passages: Passage[]): Retriever {
  return miniSearchPeer('minisearch-default', passages);
}

/** MiniSearch with nodejieba's plain `cut` (default options) as tokenizer: no normalization, no stop words. */
export function jiebaCutPeer(passages: Passage[]): Retriever {
  return miniSearchPeer('minisearch+jieba-cut', passages, jiebaCutTokens);
}
