/**
 * The one store: DATA_DIR/bot.sqlite (better-sqlite3), in WAL mode so the bot and the command line (npm run
 * stats / docs) use it at the same time. The schema is versioned with `PRAGMA user_version`: MIGRATIONS[i] takes
 * a database from version i to i + 1, each in its own transaction, so a database of any earlier version (or an
 * empty file) is brought up to date at open. A DATA_DIR that cannot be written, a corrupt database or one
 * locked by another process fails with a StoreOpenError naming DATA_DIR and the fix.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

export const DB_FILE = 'bot.sqlite';

/**
 * The schema, one step a version. Never edit a step once released: add one. Times are Unix milliseconds; user
 * ids are never stored in clear for askers and voters (a salted hash, src/store/questions.ts).
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the question log and the votes on its answers; meta holds the hash salt.
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE questions (
     id INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,
     chat_type TEXT NOT NULL,
     lang TEXT NOT NULL,
     asker TEXT,
     text TEXT NOT NULL,
     understood TEXT,
     outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'declined', 'invalid')),
     top_passage TEXT,
     top_score REAL,
     latency_ms REAL
   );
   CREATE INDEX questions_at ON questions (at);
   CREATE INDEX questions_outcome_at ON questions (outcome, at);
   CREATE TABLE votes (
     question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
     voter TEXT NOT NULL,
     value INTEGER NOT NULL CHECK (value IN (-1, 1)),
     at INTEGER NOT NULL,
     PRIMARY KEY (question_id, voter)
   );`,
  // 2: what operators did, and the documents they added (the files live in DATA_DIR/documents).
  `CREATE TABLE admin_actions (
     id INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     detail TEXT
   );
   CREATE TABLE documents (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     sha256 TEXT NOT NULL,
     bytes INTEGER NOT NULL,
     passages INTEGER NOT NULL,
     added_at INTEGER NOT NULL,
     added_by TEXT NOT NULL
   );
   INSERT INTO meta (key, value) VALUES ('documents_version', '0');`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Opening the store failed: the message names DATA_DIR and says what to do. */
export class StoreOpenError extends Error {}

export interface OpenOptions {
  /** How long a statement waits for another process's lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
  /** Migrate only up to this version (tests build databases of earlier versions). Default SCHEMA_VERSION. */
  toVersion?: number;
}

function explain(dataDir: string, path: string, error: unknown): StoreOpenError {
  const code = (error as { code?: string }).code ?? '';
  const text = error instanceof Error ? error.message : String(error);
  let fix: string;
  if (/BUSY|LOCKED/.test(code) || /locked|busy/i.test(text))
    fix = `is locked by another process: stop the other process using it (another bot? a long \`npm run docs\`?), or set DATA_DIR to another folder`;
  else if (/NOTADB|CORRUPT/.test(code) || /not a database|malformed|corrupt/i.test(text))
    fix = `is corrupt or not a SQLite database: restore it from a backup, or move it away to start with an empty one (questions, votes and the list of added documents are then lost)`;
  else if (
    /READONLY|CANTOPEN|PERM|ACCES|ROFS|NOTDIR|EEXIST/.test(code) ||
    /readonly|unable to open|permission/i.test(text)
  )
    fix = `cannot be written: make DATA_DIR a folder the bot's user may write to (e.g. \`mkdir -p ${dataDir} && chown $USER ${dataDir}\`), or set DATA_DIR to one`;
  else fix = `could not be opened: check DATA_DIR, or move ${DB_FILE} away to start with an empty one`;
  return new StoreOpenError(`DATA_DIR (${dataDir}): ${path} ${fix} (${code || text})`, { cause: error });
}

/** Brings a database up to `target` (each step in a transaction); refuses one made by a newer version. */
export function migrate(db: Db, target = SCHEMA_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION)
    throw new StoreOpenError(
      `${db.name} has schema version ${current}, newer than this bot's ${SCHEMA_VERSION}: run the newer bot, or restore a backup`,
    );
  for (let v = current; v < target; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return Math.max(current, target);
}

/** Opens (creating if need be) DATA_DIR/bot.sqlite, checks it and brings its schema up to date. */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  const path = join(dataDir, DB_FILE);
  let db: Db | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(path, { timeout: options.busyTimeoutMs ?? 5000 });
    // WAL: readers (npm run stats) never block the bot, and a crash leaves the last committed state.
    // synchronous=NORMAL: a commit survives a crash of the process; an OS crash may lose the last few.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
    migrate(db, options.toVersion);
    // The bot writes with every question: make sure it can, now, rather than at the first question.
    db.transaction(() => undefined).immediate();
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreOpenError) throw error;
    throw explain(dataDir, path, error);
  }
}
