/** The store as the bot and the command line use it: one database, its question log, documents and admin log. */
import { openDatabase, type Db, type OpenOptions } from './db.js';
import { DocumentShelf, recordAction } from './documents.js';
import { QuestionLog } from './questions.js';
import { readStats, repeatedDeclined, type RepeatedQuestion, type Stats } from './stats.js';

export interface Store {
  readonly db: Db;
  readonly dataDir: string;
  readonly questions: QuestionLog;
  readonly documents: DocumentShelf;
  stats(now?: number): Stats;
  /** The latest declined questions, each with how often it was asked. */
  unanswered(limit?: number): RepeatedQuestion[];
  /** Records an operator's action (who: `tg:<id>` or `cli:<login>`). */
  recordAction(actor: string, action: string, detail?: string): void;
  /** Closes the database (WAL checkpointed); safe to call twice. */
  close(): void;
}

export interface StoreOptions extends OpenOptions {
  /** The bundled corpus folder (for /docs and duplicate checks). */
  corpusDir?: string;
}

/** Opens DATA_DIR's store (see db.ts for failures) and drops document rows whose file is gone. */
export function openStore(dataDir: string, options: StoreOptions = {}): Store {
  const db = openDatabase(dataDir, options);
  const documents = new DocumentShelf(db, dataDir, options.corpusDir);
  documents.reconcile();
  return {
    db,
    dataDir,
    questions: new QuestionLog(db),
    documents,
    stats: (now) => readStats(db, now),
    unanswered: (limit = 10) => repeatedDeclined(db, 'latest', limit),
    recordAction: (actor, action, detail) => recordAction(db, actor, action, detail),
    close() {
      if (db.open) db.close();
    },
  };
}
