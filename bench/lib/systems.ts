/**
 * The three set-ups the bench compares, behind one interface: build from a corpus, search, save, load.
 *
 * The peers mirror src/eval/peers.ts (same MiniSearch options, same tokenizer), which does not expose the
 * MiniSearch instance the bench needs for saving and loading. Keep the two in step.
 */
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { answerQuestion } from '../../src/answer/answer.ts';
import { engineRetriever } from '../../src/cli/eval.ts';
import type { Corpus, Passage } from '../../src/corpus/types.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { normalizeText } from '../../src/text/normalize.ts';
import { generalIdf, segment } from '../../src/text/tokenize.ts';
import { jiebaCutTokens, peerOptions } from '../../src/eval/peers.ts';

export const SYSTEM_NAMES = ['ours', 'fts5', 'jieba', 'default'] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

/** How each set-up is named in the tables (the names src/eval uses). */
export const SYSTEM_LABELS: Record<SystemName, string> = {
  ours: 'this project',
  fts5: 'this project, FTS5',
  jieba: 'minisearch+jieba-cut',
  default: 'minisearch-default',
};

export interface BenchIndex {
  /** Passage ids, best first. */
  search(question: string, limit: number): string[];
  /** The full answering path (ours only): what the bot does per question. */
  answer?(question: string): void;
  /** The saved form: what goes on disk (FTS5: where it is, since the index is a file already). */
  serialize(): string;
  /** Size of the index on disk, when it is not serialize()'s string (FTS5). */
  indexBytes?(): number;
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

/** Where the FTS5 system keeps its index: a fresh DATA_DIR per build, removed by the bench with bench/tmp. */
function fts5DataDir(): string {
  mkdirSync(FTS5_DIR, { recursive: true });
  return mkdtempSync(join(FTS5_DIR, 'data-'));
}
const FTS5_DIR = join(dirname(dirname(fileURLToPath(import.meta.url))), 'tmp', 'fts5');

function fts5Index(engine: SearchEngine, location: { dataDir: string; file: string }): BenchIndex {
  return {
    ...oursIndex(engine),
    serialize: () => JSON.stringify(location),
    indexBytes: () => statSync(location.file).size,
  };
}

/** This project with the SQLite FTS5 first stage (search/backend/fts5.ts), persisted in a DATA_DIR. */
const fts5: BenchSystem = {
  ...ours,
  name: 'fts5',
  label: SYSTEM_LABELS.fts5,
  build(corpus) {
    const dataDir = fts5DataDir();
    const { engine, report } = SearchEngine.open(corpus, { dataDir, source: 'bench-corpus', backend: 'fts5' });
    return fts5Index(engine, { dataDir, file: report.file });
  },
  load(json, corpus) {
    const location = JSON.parse(json) as { dataDir: string; file: string };
    const { engine } = SearchEngine.open(corpus(), {
      dataDir: location.dataDir,
      source: 'bench-corpus',
      backend: 'fts5',
    });
    return fts5Index(engine, location);
  },
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
  fts5,
  jieba: peer('jieba', jiebaCut),
  default: peer('default'),
};

export function isSystemName(name: string): name is SystemName {
  return (SYSTEM_NAMES as readonly string[]).includes(name);
}
