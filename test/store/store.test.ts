/**
 * The store: schema migrations (from an empty file and from each earlier version), what it refuses to open
 * (unwritable DATA_DIR, corrupt or locked database, a newer schema), the question log, votes, statistics,
 * retention, and that everything survives closing and reopening.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { DB_FILE, MIGRATIONS, openDatabase, SCHEMA_VERSION, StoreOpenError } from '../../src/store/db.ts';
import { DAY_MS } from '../../src/store/questions.ts';
import { questionKey } from '../../src/store/stats.ts';
import { openStore } from '../../src/store/store.ts';
import { main } from '../../src/cli/start.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'store-'));

const tables = (db: Database.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[]).join(',');

describe('migrations', () => {
  test('an empty DATA_DIR gets bot.sqlite at the latest schema, in WAL mode', () => {
    const dir = join(tempDir(), 'not-yet-there');
    const db = openDatabase(dir);
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(tables(db), 'admin_actions,documents,meta,questions,votes');
    db.close();
  });

  test('an empty existing file is migrated like a new one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, DB_FILE), '');
    const db = openDatabase(dir);
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    db.close();
  });

  for (let version = 1; version < SCHEMA_VERSION; version++) {
    test(`a version ${version} database is brought up to date and keeps its rows`, () => {
      const dir = tempDir();
      const old = openDatabase(dir, { toVersion: version });
      assert.equal(old.pragma('user_version', { simple: true }), version);
      old
        .prepare(
          `INSERT INTO questions (at, chat_type, lang, text, outcome, latency_ms) VALUES (?, 'private', 'zh', ?, 'declined', 1)`,
        )
        .run(Date.now(), '月球上有几所大学');
      old.close();
      const store = openStore(dir);
      assert.equal(store.db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
      assert.equal(store.stats().declined.all, 1);
      assert.equal(store.unanswered()[0]?.text, '月球上有几所大学');
      assert.equal(store.documents.version(), 0);
      store.close();
    });
  }

  test('every step runs in order: MIGRATIONS has one entry a version', () => {
    assert.equal(MIGRATIONS.length, SCHEMA_VERSION);
  });
});

describe('refusing to start', () => {
  test('a DATA_DIR that cannot be created names DATA_DIR and the fix', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    assert.throws(
      () => openDatabase(join(file, 'data')),
      (e: Error) =>
        e instanceof StoreOpenError && /^DATA_DIR \(.*a-file\/data\).*cannot be written.*set DATA_DIR/.test(e.message),
    );
  });

  test('a corrupt database names DATA_DIR and says to restore or move it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, DB_FILE), Buffer.alloc(8192, 'garbage!'));
    assert.throws(
      () => openDatabase(dir),
      (e: Error) => e instanceof StoreOpenError && /DATA_DIR.*corrupt.*restore it from a backup/.test(e.message),
    );
  });

  test('a database locked by another process names DATA_DIR and says to stop it', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const other = new Database(join(dir, DB_FILE));
    other.exec('BEGIN EXCLUSIVE');
    try {
      // A fresh database would need migrating (a write); the exclusive lock makes even reading wait.
      assert.throws(
        () => openDatabase(dir, { busyTimeoutMs: 50 }),
        (e: Error) => e instanceof StoreOpenError && /DATA_DIR.*locked by another process/.test(e.message),
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  test('the bot itself stops at start (exit 1, before any Telegram call) with the message naming DATA_DIR', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    let stderr = '';
    const code = await main(
      [],
      // An unreachable Bot API root: the bot must stop before it would try it.
      {
        BOT_TOKEN: '7654321:AAF-store-test-token-0123456789abcdef',
        TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
        DATA_DIR: join(file, 'data'),
      },
      { stdin: (async function* () {})(), stdout: () => undefined, stderr: (text) => void (stderr += text) },
    );
    assert.equal(code, 1);
    assert.match(stderr, /Could not start the bot: DATA_DIR \(.*a-file\/data\).*cannot be written/);
    assert.doesNotMatch(stderr, /AAF-store-test-token/);
  });

  test('a database from a newer version is refused, not downgraded', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    assert.throws(() => openDatabase(dir), /newer than this bot's/);
  });
});

describe('question log and votes', () => {
  test('askers and voters are stored as a salted hash, never their id', () => {
    const store = openStore(tempDir());
    const id = store.questions.record({
      chatType: 'private',
      lang: 'zh',
      userId: 424242,
      text: '问',
      outcome: 'answered',
      latencyMs: 2,
    });
    store.questions.vote(id, 424242, 1);
    const dump = JSON.stringify([
      store.db.prepare('SELECT * FROM questions').all(),
      store.db.prepare('SELECT * FROM votes').all(),
    ]);
    assert.doesNotMatch(dump, /424242/);
    assert.equal(store.questions.hashUser(424242), store.questions.hashUser(424242));
    assert.notEqual(store.questions.hashUser(424242), store.questions.hashUser(424243));
    // Another database has another salt: the hashes cannot be matched across copies.
    const other = openStore(tempDir());
    assert.notEqual(other.questions.hashUser(424242), store.questions.hashUser(424242));
    store.close();
    other.close();
  });

  test('one vote per user per answer; the other button changes it; an unknown answer is said so', () => {
    const store = openStore(tempDir());
    const id = store.questions.record({
      chatType: 'private',
      lang: 'zh',
      userId: 1,
      text: '问',
      outcome: 'answered',
      latencyMs: 2,
    });
    assert.equal(store.questions.vote(id, 7, 1), 'recorded');
    assert.equal(store.questions.vote(id, 7, 1), 'unchanged');
    assert.equal(store.questions.vote(id, 7, -1), 'changed');
    assert.equal(store.questions.vote(id, 8, -1), 'recorded');
    assert.deepEqual(store.stats().votes, { up: 0, down: 2 });
    assert.equal(store.questions.vote(id + 100, 7, 1), 'unknown-question');
    store.close();
  });

  test('stats: today, 7 days, all time, declines, repeat askers, most asked unanswered, latency percentiles', () => {
    const store = openStore(tempDir());
    const now = Date.now();
    const ask = (text: string, outcome: 'answered' | 'declined', userId: number, daysAgo: number, latencyMs: number) =>
      store.questions.record({
        at: now - daysAgo * DAY_MS,
        chatType: 'private',
        lang: 'zh',
        userId,
        text,
        outcome,
        latencyMs,
      });
    for (let i = 1; i <= 100; i++) ask(`答得上的问题${i}`, 'answered', i % 10, 0, i);
    ask('月球上有大学吗？', 'declined', 1, 0, 5);
    ask('月球上有大学吗', 'declined', 2, 3, 5);
    ask('火星呢', 'declined', 2, 30, 5);
    const s = store.stats(now);
    assert.equal(s.asked.all, 103);
    assert.equal(s.asked.week, 102);
    assert.equal(s.declined.all, 3);
    assert.equal(s.declined.week, 2);
    assert.equal(s.topUnanswered[0]?.text, '月球上有大学吗？', 'the latest wording of the most asked one');
    assert.equal(s.topUnanswered[0]?.count, 2);
    assert.equal(s.topUnanswered[0]?.askers, 2);
    assert.equal(s.askers.week, 10);
    assert.equal(s.askers.repeat, 10);
    // Nearest rank over the week's 102 answering times (1 … 100 ms, and 5 ms twice): the 51st and the 97th.
    assert.equal(s.latency.p50, 49);
    assert.equal(s.latency.p95, 95);
    assert.equal(questionKey(' 月球上有大学吗 ？'), questionKey('月球上有大学吗'));
    store.close();
  });

  test('retention: questions older than the limit go with their votes', () => {
    const store = openStore(tempDir());
    const old = store.questions.record({
      at: Date.now() - 91 * DAY_MS,
      chatType: 'group',
      lang: 'en',
      text: 'old',
      outcome: 'answered',
      latencyMs: 1,
    });
    store.questions.vote(old, 5, 1);
    store.questions.record({ chatType: 'group', lang: 'en', text: 'new', outcome: 'answered', latencyMs: 1 });
    assert.equal(store.questions.prune(90), 1);
    assert.equal(store.stats().asked.all, 1);
    assert.deepEqual(store.stats().votes, { up: 0, down: 0 });
    store.close();
  });

  test('after closing and reopening, everything recorded is still there', () => {
    const dir = tempDir();
    const store = openStore(dir);
    const id = store.questions.record({
      chatType: 'private',
      lang: 'zh',
      userId: 3,
      text: '问',
      outcome: 'declined',
      latencyMs: 1,
    });
    store.questions.vote(id, 3, -1);
    store.recordAction('tg:1', 'stats');
    const before = store.stats();
    store.close();
    const again = openStore(dir);
    assert.deepEqual(again.stats(), before);
    assert.equal(again.db.prepare('SELECT count(*) FROM admin_actions').pluck().get(), 1);
    again.close();
  });
});
