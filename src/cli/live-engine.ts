/**
 * The engine the bot answers from, swapped whole when the documents change: `reload()` rebuilds it from the
 * corpus folder plus DATA_DIR/documents and replaces it in one assignment, so a question is answered by the old
 * engine or the new one, never half of each. `watch` polls the store's documents_version row (bumped by the
 * bot's own uploads and by `npm run docs` in another process) and reloads when it moved.
 */
import type { Logger } from '../log.js';
import type { SearchEngine } from '../search/engine.js';
import { DEFAULT_CORPUS, openEngine, type OpenEngineOptions } from './wiring.js';

/** How often a running bot looks for documents added or removed by another process. */
export const DOCUMENTS_POLL_MS = 2000;

export class LiveEngine {
  private engine: SearchEngine;
  /** The documents_version the current engine was built for. */
  builtFor = -1;

  /** Called after each swap (the bot updates its description). */
  onReload?: (engine: SearchEngine) => void;

  constructor(
    readonly corpusPath: string = DEFAULT_CORPUS,
    readonly extraDirs: string[] = [],
    /** Where the index is persisted (DATA_DIR): a reload then indexes only the documents that changed. */
    private readonly index: Pick<OpenEngineOptions, 'dataDir' | 'readonly' | 'backend'> = {},
  ) {
    this.engine = openEngine(corpusPath, { extraDirs, ...index });
  }

  current(): SearchEngine {
    return this.engine;
  }

  /**
   * Rebuilds and swaps; on failure (e.g. an unreadable file) the current engine stays and the error is thrown.
   * The previous engine's index connection (SQLite FTS5) is closed once the new one is live: answering is
   * synchronous, so no question is halfway through it, and a reply sent after reads only its corpus.
   */
  reload(version = this.builtFor): SearchEngine {
    const next = openEngine(this.corpusPath, { extraDirs: this.extraDirs, ...this.index });
    const previous = this.engine;
    this.engine = next;
    this.builtFor = version;
    previous.close();
    this.onReload?.(next);
    return next;
  }

  /** Closes the current engine's index (at shutdown). */
  close(): void {
    this.engine.close();
  }

  /** Reloads whenever `version()` changes (checked every `intervalMs`); returns a function that stops watching. */
  watch(version: () => number, logger: Logger, intervalMs = DOCUMENTS_POLL_MS): () => void {
    if (this.builtFor < 0) this.builtFor = version();
    const timer = setInterval(() => {
      try {
        const now = version();
        if (now === this.builtFor) return;
        const started = Date.now();
        const engine = this.reload(now);
        logger.info('documents changed: index rebuilt', {
          version: now,
          documents: engine.corpus.documents.length,
          passages: engine.corpus.passages.length,
          ms: Date.now() - started,
        });
      } catch (error) {
        this.builtFor = version(); // one error a change, not one every poll
        logger.error('documents changed but the index could not be rebuilt; answering from the previous one', {
          error,
        });
      }
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
