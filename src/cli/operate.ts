/**
 * What a running bot needs besides Telegram: the store (DATA_DIR/bot.sqlite), the question log pruned at start
 * and daily, and the live engine over corpus/ plus DATA_DIR/documents, rebuilt when another process (npm run
 * docs) changes the documents. Opening fails with a message naming DATA_DIR and the fix (StoreOpenError).
 */
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { DOCUMENTS_DIR } from '../store/documents.js';
import { DAY_MS } from '../store/questions.js';
import { openStore, type Store } from '../store/store.js';
import { LiveEngine } from './live-engine.js';
import { DEFAULT_CORPUS } from './wiring.js';

export interface Operations {
  store: Store;
  live: LiveEngine;
  /** Stops the timers and closes the index and the store (call after the last answer). */
  close(): void;
}

/** The folders whose documents the bot answers from besides the corpus: DATA_DIR/documents. */
export function documentDirs(config: Pick<Config, 'dataDir'>): string[] {
  return [join(config.dataDir, DOCUMENTS_DIR)];
}

/** Opens the store, prunes the log, builds the live engine and starts watching for document changes. */
export function startOperations(config: Config, logger: Logger): Operations {
  const corpusDir = config.corpusPath ?? DEFAULT_CORPUS;
  const store = openStore(config.dataDir, { corpusDir });
  try {
    const prune = () => {
      const pruned = store.questions.prune(config.logRetentionDays);
      if (pruned) logger.info('question log pruned', { pruned, retentionDays: config.logRetentionDays });
    };
    prune();
    const daily = setInterval(() => {
      try {
        prune();
      } catch (error) {
        logger.error('could not prune the question log', { error });
      }
    }, DAY_MS);
    daily.unref();
    const live = new LiveEngine(corpusDir, documentDirs(config), {
      dataDir: config.dataDir,
      readonly: config.indexReadonly,
    });
    live.builtFor = store.documents.version();
    const unwatch = live.watch(() => store.documents.version(), logger);
    return {
      store,
      live,
      close() {
        clearInterval(daily);
        unwatch();
        live.close();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
