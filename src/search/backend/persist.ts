/**
 * The persisted first stage, in DATA_DIR/index/: one file per corpus source (its resolved path names the file),
 * holding the terms or the FTS5 index of every document and each document's content hash. Opening compares the
 * corpus with the hashes: an unchanged corpus is used as it is, a changed document is indexed again, a removed
 * one dropped, a new one added; only a change of what every term depends on (tokenizerKey) rebuilds it all.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { NameMatcher } from '../../corpus/topics.js';
import type { Corpus } from '../../corpus/types.js';
import { Fts5Stage } from './fts5.js';
import { MiniSearchStage, type SavedMiniSearch } from './minisearch.js';
import { documentHashes, indexedPassage, isIndexed, tokenizerKey } from './terms.js';
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
  /** Open an existing FTS5 index without writing (a replica): documents it lacks are not found. */
  readonly?: boolean;
}

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
    const dir = join(options.dataDir, 'index');
    const source = resolve(options.source);
    const slug = basename(source)
      .replace(/[^\w.-]+/g, '_')
      .slice(0, 40);
    const id = createHash('sha256').update(source).digest('hex').slice(0, 12);
    const file = join(dir, `${slug}-${id}.${backend === 'fts5' ? 'sqlite' : 'json'}`);
    const key = tokenizerKey(corpus);
    const readonly = options.readonly ?? false;
    if (!readonly) mkdirSync(dir, { recursive: true });
    const loaded = backend === 'fts5' ? openFts5(file, key, readonly) : openMiniSearch(file, key);
    const rebuilt = loaded.hashes.size === 0;
    const index = new PersistedIndex(loaded.stage, file, loaded.hashes, key, readonly);
    const report = index.sync(corpus, names);
    return { index, report: { ...report, rebuilt, ms: performance.now() - started } };
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
    if (this.readonly || (removed.length === 0 && added.length === 0))
      return { ...base, ms: performance.now() - started };
    const wanted = new Set(added);
    const passages = corpus.passages.filter((p) => isIndexed(p) && wanted.has(p.documentId));
    // A document being added is removed first too: a build cut short may have left some of its passages.
    this.apply(
      [...new Set([...removed, ...added])],
      passages.map((p) => indexedPassage(p, names)),
      added.map((id) => [id, current.get(id) ?? '']),
    );
    return { ...base, ms: performance.now() - started };
  }

  /** Removes documents and adds passages (of documents given with their content hash), then saves. */
  apply(removed: string[], passages: IndexedPassage[], hashes: Array<[string, string]>): void {
    if (this.readonly) throw new Error(`The index ${this.file} is open read-only: update it from the writing replica`);
    const change = () => {
      this.stage.removeDocuments(removed);
      for (const id of removed) this.hashes.delete(id);
      this.stage.add(passages);
      for (const [id, hash] of hashes) this.hashes.set(id, hash);
      this.save(removed, hashes);
    };
    // FTS5: one transaction, so that an index on disk never holds half a change.
    if (this.stage instanceof Fts5Stage) this.stage.db.transaction(change)();
    else change();
    if (this.stage instanceof Fts5Stage && passages.length >= OPTIMIZE_AFTER) this.stage.optimize();
  }

  private save(removed: string[], hashes: Array<[string, string]>): void {
    if (this.stage instanceof Fts5Stage) {
      const db = this.stage.db;
      const drop = db.prepare('DELETE FROM documents WHERE id = ?');
      const put = db.prepare('INSERT OR REPLACE INTO documents(id, hash) VALUES (?, ?)');
      for (const id of removed) drop.run(id);
      for (const [id, hash] of hashes) put.run(id, hash);
      this.stage.setMeta('tokenizer', this.key);
      return;
    }
    const stage = this.stage as MiniSearchStage;
    const saved: SavedIndex = { tokenizer: this.key, documents: [...this.hashes], stage: stage.toJSON() };
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(saved));
    renameSync(tmp, this.file);
  }

  close(): void {
    this.stage.close();
  }
}

interface SavedIndex {
  tokenizer: string;
  documents: Array<[string, string]>;
  stage: SavedMiniSearch;
}

function openMiniSearch(file: string, key: string): { stage: FirstStage; hashes: Map<string, string> } {
  if (existsSync(file)) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedIndex;
      if (saved.tokenizer === key)
        return { stage: MiniSearchStage.fromJSON(saved.stage), hashes: new Map(saved.documents) };
    } catch {
      // An unreadable file is rebuilt.
    }
  }
  return { stage: new MiniSearchStage(), hashes: new Map() };
}

function openFts5(file: string, key: string, readonly: boolean): { stage: FirstStage; hashes: Map<string, string> } {
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
