/**
 * The three set-ups the bench compares, behind one interface: build from a corpus, search, save, load.
 *
 * The peers mirror src/eval/peers.ts (same MiniSearch options, same tokenizer), which does not expose the
 * MiniSearch instance the bench needs for saving and loading. Keep the two in step.
 */
import MiniSearch from 'minisearch';
import { answerQuestion } from '../../src/answer/answer.ts';
import { engineRetriever } from '../../src/cli/eval.ts';
import type { Corpus, Passage } from '../../src/corpus/types.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { normalizeText } from '../../src/text/normalize.ts';
import { generalIdf, segment } from '../../src/text/tokenize.ts';
import { jiebaCutTokens, peerOptions } from '../../src/eval/peers.ts';

export const SYSTEM_NAMES = ['ours', 'jieba', 'default'] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

/** How each set-up is named in the tables (the names src/eval uses). */
export const SYSTEM_LABELS: Record<SystemName, string> = {
  ours: 'this project',
  jieba: 'minisearch+jieba-cut',
  default: 'minisearch-default',
};

export interface BenchIndex {
  /** Passage ids, best first. */
  search(question: string, limit: number): string[];
  /** The full answering path (ours only): what the bot does per question. */
  answer?(question: string): void;
  /** The saved form: what goes on disk. */
  serialize(): string;
}

export interface BenchSystem {
  name: SystemName;
  label: string;
  /** Loads lazily-initialized dictionaries (jieba, OpenCC, IDF) so that build timings leave them out. */
  warmUp(): void;
  build(corpus: Corpus): BenchIndex;
  /** Restores a saved index; the peers need the corpus beside it (their index holds no text). */
  load(json: string, corpus: () => Corpus): BenchIndex;
}

function oursIndex(engine: SearchEngine): BenchIndex {
  const retriever = engineRetriever(engine);
  return {
    search: (q, limit) => retriever.search(q, limit),
    answer: (q) => void answerQuestion(engine, q, { top: 5 }),
    serialize: () => JSON.stringify(engine.toJSON()),
  };
}

const ours: BenchSystem = {
  name: 'ours',
  label: SYSTEM_LABELS.ours,
  warmUp() {
    normalizeText('預熱');
    segment('预热一下', 'search');
    segment('预热一下', 'exact');
    generalIdf('预热');
  },
  build: (corpus) => oursIndex(SearchEngine.build(corpus)),
  load: (json) => oursIndex(SearchEngine.fromJSON(json)),
};

/** As in src/eval/peers.ts. */
export const jiebaCut = jiebaCutTokens;

function peer(name: SystemName, tokenize?: (text: string) => string[]): BenchSystem {
  const wrap = (ms: MiniSearch<Passage>): BenchIndex => ({
    search: (q, limit) =>
      ms
        .search(q)
        .slice(0, limit)
        .map((r) => r.id as string),
    serialize: () => JSON.stringify(ms),
  });
  return {
    name,
    label: SYSTEM_LABELS[name],
    warmUp() {
      if (tokenize) tokenize('预热一下');
    },
    build(corpus) {
      const ms = new MiniSearch<Passage>(peerOptions(tokenize));
      ms.addAll(corpus.passages);
      return wrap(ms);
    },
    load(json, corpus) {
      corpus(); // a peer's index holds no text: an app reads the passages beside it to show an answer
      return wrap(MiniSearch.loadJSON<Passage>(json, peerOptions(tokenize)));
    },
  };
}

export const SYSTEMS: Record<SystemName, BenchSystem> = {
  ours,
  jieba: peer('jieba', jiebaCut),
  default: peer('default'),
};

export function isSystemName(name: string): name is SystemName {
  return (SYSTEM_NAMES as readonly string[]).includes(name);
}
