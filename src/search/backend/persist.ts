/**
 * The persisted first stage, in DATA_DIR/index/: one file per corpus source (its resolved path names the file),
 * holding the terms or the FTS5 index of every document and each document's content hash. Opening compares the
 * corpus with the hashes: an unchanged corpus is used as it is, a changed document is indexed again, a removed
 * one dropped, a new one added; only a change of what every term depends on (tokenizerKey) rebuilds it all.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { NameMatcher } from '../../corpus/topics.js';
import type { Corpus, DocumentInfo, Passage } from '../../corpus/types.js';
import { Fts5Stage } from './fts5.js';
import { MiniSearchStage, type MiniSearchSnapshot } from './minisearch.js';
import { indexedChunks } from './parallel.js';
import { documentHashes, isIndexed, tokenizerKey } from './terms.js';
import type { FirstStage, IndexedPassage } from './types.js';

export type BackendChoice = 'minisearch' | 'fts5' | 'auto';

/**
 * From this many indexed passages on, 'auto' picks FTS5: MiniSearch's in-memory index grows past the memory
 * budget and its query time past the latency target (DESIGN.md, Large corpora).
 */
export const LARGE_CORPUS_PASSAGES = 10_000;

/** After indexing this many passages at once, FTS5's segments are merged into one (faster queries). */
const OPTIMIZE_AFTER = 1000;

export interface PersistOptions {
  /** DATA_DIR: the index goes to DATA_DIR/index/. */
  dataDir: string;
  /** Where the corpus was read from (a folder or a JSONL file): names the index file. */
  source: string;
  backend?: BackendChoice;
  /**
   * Write nothing (a replica beside the one that writes): an FTS5 index is opened as it is, and documents it
   * lacks are not found; a MiniSearch index takes the corpus' changes in memory only.
   */
  readonly?: boolean;
  /**
   * The content hash of the source when it is one file (a JSONL corpus: sourceHashOf). Kept with an FTS5 index
   * once the index holds exactly that file, so that the next start opens the index without reading the corpus
   * (PersistedIndex.openStored).
   */
  sourceHash?: string;
}

/** The content hash of a corpus file (SHA-256, read in chunks), or undefined for a folder. */
export function sourceHashOf(source: string): string | undefined {
  if (!existsSync(source) || !statSync(source).isFile()) return undefined;
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(source, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** The index file of a corpus source in DATA_DIR/index (its resolved path names it). */
function indexFile(options: PersistOptions, backend: 'minisearch' | 'fts5'): string {
  const source = resolve(options.source);
  const slug = basename(source)
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 40);
  const id = createHash('sha256').update(source).digest('hex').slice(0, 12);
  return join(options.dataDir, 'index', `${slug}-${id}.${backend === 'fts5' ? 'sqlite' : 'v8'}`);
}

/** The meta key of the source file's content hash (see PersistOptions.sourceHash). */
const SOURCE_HASH = 'source-sha256';

export interface SyncReport {
  backend: 'minisearch' | 'fts5';
  file: string;
  /** Whether every document was indexed afresh (no usable index on disk). */
  rebuilt: boolean;
  kept: number;
  added: number;
  removed: number;
  ms: number;
}

/** The persisted index: the first stage, where it is saved, and the content hash of each indexed document. */
export class PersistedIndex {
  /**
   * A MiniSearch index's corpus file (its content hash) and the corpus read from it, saved with the index while
   * the index holds exactly that file, so that the next start need not read, parse and hash the file again
   * (openStored). Dropped at the first change of documents through apply.
   */
  private source?: SavedSource;

  private constructor(
    readonly stage: FirstStage,
    readonly file: string,
    private readonly hashes: Map<string, string>,
    private readonly key: string,
    private readonly readonly: boolean,
  ) {}

  static open(
    corpus: Corpus,
    names: NameMatcher,
    options: PersistOptions,
  ): { index: PersistedIndex; report: SyncReport } {
    const started = performance.now();
    const indexed = corpus.passages.filter(isIndexed).length;
    const choice = options.backend ?? 'auto';
    const backend = choice === 'auto' ? (indexed >= LARGE_CORPUS_PASSAGES ? 'fts5' : 'minisearch') : choice;
    const file = indexFile(options, backend);
    const key = tokenizerKey(corpus);
    const readonly = options.readonly ?? false;
    if (!readonly) mkdirSync(join(options.dataDir, 'index'), { recursive: true });
    const loaded = backend === 'fts5' ? openFts5(file, key, readonly) : openMiniSearch(file, key);
    const rebuilt = loaded.hashes.size === 0;
    const index = new PersistedIndex(loaded.stage, file, loaded.hashes, key, readonly);
    // A JSONL corpus is exactly its file (sourceHash is given for a file only): kept with a MiniSearch index.
    if (loaded.stage instanceof MiniSearchStage && options.sourceHash)
      index.source = { hash: options.sourceHash, corpus };
    const report = index.sync(corpus, names);
    if (loaded.stage instanceof Fts5Stage && !readonly && options.sourceHash)
      loaded.stage.setMeta(SOURCE_HASH, options.sourceHash);
    // Saved by sync when something changed; else saved once more if it was saved without this source.
    const changed = report.added + report.removed > 0;
    if (index.source && !changed && loaded.sourceHash !== index.source.hash) index.save();
    return { index, report: { ...report, rebuilt, ms: performance.now() - started } };
  }

  /**
   * Opens an index that holds exactly the corpus file it was built from (the same content hash: see
   * PersistOptions.sourceHash), with the corpus read from the index instead of the file: for FTS5, passages
   * whose section and text are read from the index when ranked or shown; for MiniSearch, the corpus saved with
   * it. Undefined when there is no such index: the caller loads the corpus and opens it with
   * PersistedIndex.open. A JSONL corpus only (no topics, no user words).
   */
  static openStored(
    options: PersistOptions,
  ): { index: PersistedIndex; corpus: Corpus; report: SyncReport } | undefined {
    if (!options.sourceHash) return undefined;
    return (
      (options.backend === 'minisearch' ? undefined : PersistedIndex.storedFts5(options)) ??
      (options.backend === 'fts5' ? undefined : PersistedIndex.storedMiniSearch(options))
    );
  }

  private static storedFts5(
    options: PersistOptions,
  ): { index: PersistedIndex; corpus: Corpus; report: SyncReport } | undefined {
    const started = performance.now();
    const file = indexFile(options, 'fts5');
    if (!existsSync(file)) return undefined;
    const key = tokenizerKey({ userWords: [], topics: { agreements: [] } });
    const readonly = options.readonly ?? false;
    const stage = new Fts5Stage(file, { readonly });
    // 'auto' picks FTS5 for a large corpus only (a small one may have an FTS5 index from --index fts5 too).
    const chosen = options.backend === 'fts5' || stage.size >= LARGE_CORPUS_PASSAGES;
    if (!chosen || stage.meta('tokenizer') !== key || stage.meta(SOURCE_HASH) !== options.sourceHash) {
      stage.close();
      return undefined;
    }
    const hashes = readHashes(stage);
    const index = new PersistedIndex(stage, file, hashes, key, readonly);
    const corpus = storedCorpus(stage);
    const report = { backend: 'fts5' as const, file, rebuilt: false, kept: hashes.size, added: 0, removed: 0 };
    return { index, corpus, report: { ...report, ms: performance.now() - started } };
  }

  private static storedMiniSearch(
    options: PersistOptions,
  ): { index: PersistedIndex; corpus: Corpus; report: SyncReport } | undefined {
    const started = performance.now();
    const file = indexFile(options, 'minisearch');
    const key = tokenizerKey({ userWords: [], topics: { agreements: [] } });
    const loaded = existsSync(file) ? openMiniSearch(file, key) : undefined;
    if (!loaded?.source || loaded.source.hash !== options.sourceHash) return undefined;
    const { stage, hashes, source } = loaded;
    const index = new PersistedIndex(stage, file, hashes, key, options.readonly ?? false);
    index.source = source;
    const report = { backend: 'minisearch' as const, file, rebuilt: false, kept: hashes.size, added: 0, removed: 0 };
    return { index, corpus: source.corpus, report: { ...report, ms: performance.now() - started } };
  }

  /**
   * Brings the index in line with the corpus, one document at a time: removes the documents that are gone or
   * changed, indexes those that are new or changed, and saves. A read-only index is left as it is.
   */
  sync(corpus: Corpus, names: NameMatcher): Omit<SyncReport, 'rebuilt'> {
    const started = performance.now();
    const current = documentHashes(corpus);
    const removed = [...this.hashes.keys()].filter((id) => current.get(id) !== this.hashes.get(id));
    const added = [...current.keys()].filter((id) => this.hashes.get(id) !== current.get(id));
    const kept = current.size - added.length;
    const base = { backend: this.stage.kind, file: this.file, kept, added: added.length, removed: removed.length };
    // A read-only FTS5 index cannot change: passages it lacks are not found until the writer indexes them.
    const frozen = this.readonly && this.stage.kind === 'fts5';
    if (frozen || (removed.length === 0 && added.length === 0)) return { ...base, ms: performance.now() - started };
    const wanted = new Set(added);
    const passages = corpus.passages.filter((p) => isIndexed(p) && wanted.has(p.documentId));
    // A document being added is removed first too: a build cut short may have left some of its passages.
    const source = this.source;
    this.apply(
      [...new Set([...removed, ...added])],
      flatten(indexedChunks(passages, corpus, names, true)),
      added.map((id) => [id, current.get(id) ?? '']),
      passages,
      source,
    );
    return { ...base, ms: performance.now() - started };
  }

  /**
   * Removes documents and adds passages (of documents given with their content hash; `shown`: the same passages
   * as the corpus holds them, whose texts an FTS5 index keeps), then saves. `source`: the corpus file the index
   * then holds exactly, if it does (see PersistedIndex.source).
   */
  apply(
    removed: string[],
    passages: Iterable<IndexedPassage>,
    hashes: Array<[string, string]>,
    shown: Iterable<Passage>,
    source?: SavedSource,
  ): void {
    if (this.readonly && this.stage.kind === 'fts5')
      throw new Error(`The index ${this.file} is open read-only: update it from the writing replica`);
    this.source = source;
    let count = 0;
    const counted = function* () {
      for (const p of passages) {
        count++;
        yield p;
      }
    };
    const change = () => {
      this.stage.removeDocuments(removed);
      for (const id of removed) this.hashes.delete(id);
      this.stage.add(counted());
      if (this.stage instanceof Fts5Stage) this.stage.storeTexts(shown);
      for (const [id, hash] of hashes) this.hashes.set(id, hash);
      this.save(removed, hashes);
    };
    // FTS5: one transaction, so that an index on disk never holds half a change.
    if (this.stage instanceof Fts5Stage) this.stage.db.transaction(change)();
    else change();
    if (this.stage instanceof Fts5Stage && count >= OPTIMIZE_AFTER) this.stage.optimize();
  }

  private save(removed: string[] = [], hashes: Array<[string, string]> = []): void {
    // A read-only MiniSearch index changes in memory only.
    if (this.readonly) return;
    if (this.stage instanceof Fts5Stage) {
      const db = this.stage.db;
      const drop = db.prepare('DELETE FROM documents WHERE id = ?');
      const put = db.prepare('INSERT OR REPLACE INTO documents(id, hash) VALUES (?, ?)');
      for (const id of removed) drop.run(id);
      for (const [id, hash] of hashes) put.run(id, hash);
      this.stage.setMeta('tokenizer', this.key);
      // The index no longer holds exactly the source file (open sets it again once it does).
      this.stage.setMeta(SOURCE_HASH, '');
      return;
    }
    const stage = this.stage as MiniSearchStage;
    const saved: SavedIndex = {
      tokenizer: this.key,
      documents: this.hashes,
      stage: stage.snapshot(),
      ...(this.source ? { source: this.source } : {}),
    };
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize(saved));
    renameSync(tmp, this.file);
    // The JSON file of the format before (index/…-<id>.json), if any.
    rmSync(this.file.replace(/\.v8$/, '.json'), { force: true });
  }

  close(): void {
    this.stage.close();
  }
}

function* flatten<T>(chunks: Iterable<T[]>): Generator<T> {
  for (const chunk of chunks) yield* chunk;
}

/**
 * A saved MiniSearch index, written with v8.serialize (Maps as they are in memory): at 2k DRCD passages
 * v8.deserialize took 2.7 s of CPU where JSON.parse and MiniSearch.loadJS took 6.7 s.
 */
interface SavedIndex {
  tokenizer: string;
  documents: Map<string, string>;
  stage: MiniSearchSnapshot;
  /** The corpus file the index holds exactly, if it does (PersistedIndex.source). */
  source?: SavedSource;
}

/** A corpus file's content hash and the corpus read from it. */
interface SavedSource {
  hash: string;
  corpus: Corpus;
}

function openMiniSearch(
  file: string,
  key: string,
): { stage: MiniSearchStage; hashes: Map<string, string>; source?: SavedSource; sourceHash?: string } {
  if (existsSync(file)) {
    try {
      const saved = deserialize(readFileSync(file)) as SavedIndex;
      if (saved.tokenizer === key)
        return {
          stage: MiniSearchStage.fromSnapshot(saved.stage),
          hashes: new Map(saved.documents),
          source: saved.source,
          sourceHash: saved.source?.hash,
        };
    } catch {
      // An unreadable file is rebuilt.
    }
  }
  return { stage: new MiniSearchStage(), hashes: new Map() };
}

function openFts5(
  file: string,
  key: string,
  readonly: boolean,
): { stage: FirstStage; hashes: Map<string, string>; sourceHash?: string } {
  if (readonly) {
    const stage = new Fts5Stage(file, { readonly: true });
    return { stage, hashes: readHashes(stage) };
  }
  let stage = new Fts5Stage(file);
  if (stage.meta('tokenizer') !== key) {
    // Terms computed another way cannot be mixed with new ones: start afresh.
    stage.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    stage = new Fts5Stage(file);
  }
  stage.db.exec('CREATE TABLE IF NOT EXISTS documents(id TEXT PRIMARY KEY, hash TEXT NOT NULL)');
  return { stage, hashes: readHashes(stage) };
}

function readHashes(stage: Fts5Stage): Map<string, string> {
  const rows = stage.db.prepare('SELECT id, hash FROM documents').all() as Array<{ id: string; hash: string }>;
  return new Map(rows.map((r) => [r.id, r.hash]));
}

/**
 * A passage of a corpus held by an FTS5 index: section and text are read from the index when asked for. The
 * getters are the class's, not the object's: a copy made by spreading (`{...passage}`) has no section or text
 * (nothing copies a passage so; 100k object literals with getters of their own took 0.2–0.5 s of a start).
 */
class StoredPassage implements Passage {
  readonly topic = null;
  constructor(
    readonly id: string,
    readonly documentId: string,
    private readonly rowid: number,
    private readonly stage: Fts5Stage,
  ) {}

  get section(): string {
    return this.stage.shown(this.rowid)?.section ?? '';
  }

  get text(): string {
    return this.stage.shown(this.rowid)?.text ?? '';
  }

  storedMatchTexts(): { text: string; sentences: string[] } | undefined {
    return this.stage.matchTexts(this.rowid);
  }
}

/**
 * The corpus held by an FTS5 index (openStored): one passage per indexed row, in the order indexed;
 * documents as a JSONL corpus has them (id and title: the records' title). Each column is read apart
 * (pluck: no array per row).
 */
function storedCorpus(stage: Fts5Stage): Corpus {
  const column = <T>(name: string) =>
    stage.db.prepare(`SELECT ${name} FROM passages ORDER BY rowid`).pluck().all() as T[];
  const { rowids, ids, documentIds } = stage.db.transaction(() => ({
    rowids: column<number>('rowid'),
    ids: column<string>('id'),
    documentIds: column<string>('document'),
  }))();
  const documents = new Map<string, DocumentInfo>();
  const passages: Passage[] = new Array<Passage>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const documentId = documentIds[i]!;
    if (!documents.has(documentId)) documents.set(documentId, { id: documentId, title: documentId });
    passages[i] = new StoredPassage(ids[i]!, documentId, rowids[i]!, stage);
  }
  return { documents: [...documents.values()], passages, topics: { agreements: [] }, userWords: [] };
}
