/**
 * The first stage on disk: SQLite FTS5 (through better-sqlite3) over the same pre-computed terms as MiniSearch,
 * ranked by FTS5's bm25() with the same field weights. For large corpora: the index lives in a file, so a
 * restart opens it instead of rebuilding, memory holds only SQLite's page cache, and a document is added or
 * removed with a few row changes.
 *
 * - The FTS5 table is contentless (content=''): passage text is not in the index; contentless_delete=1 lets a
 *   passage be deleted by rowid alone. The texts as shown are kept apart (table texts, one row per passage,
 *   read only when a passage is ranked or shown), so that a second start need not read the corpus again
 *   (search/backend/persist.ts openStored).
 * - The tokenizer splits on white space only (unicode61 with every letter, number, mark, punctuation and
 *   symbol category a token character), so a term is exactly one of our space-separated terms.
 * - Bigrams are stored as ~XY and numbers as #2019年, so that one fts5vocab('row') table counts the passages
 *   holding a word (text or section), a bigram or a number apart.
 * Differences from MiniSearch's BM25+: FTS5's BM25 normalizes by the whole passage's length (all columns), has
 * no +δ, and weighs a near-synonym like the word itself (bm25 weighs columns, not query terms).
 */
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import type { Passage } from '../../corpus/types.js';
import { soundKeys } from '../../reading/near-miss.js';
import { hanBigrams, numberPieces, wordTerms } from '../../text/tokenize.js';
import type { FirstStage, FirstStageHit, FirstStageQuery, IndexedPassage, TermCounts, Vocabulary } from './types.js';

const BIGRAM = '~';
/** Between a passage's sentences in table matches: a control character, which normalized text never holds. */
const SENTENCE_END = '\u0001';
const NUMBER = '#';
/** Space-separated terms each given the prefix (one replaceAll: a split/map/join took 1.8 s of a 20k build). */
const prefixed = (prefix: string, terms: string) => (terms ? prefix + terms.replaceAll(' ', ` ${prefix}`) : '');

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS passages(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, document TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS passages_document ON passages(document);
CREATE TABLE IF NOT EXISTS texts(rowid INTEGER PRIMARY KEY, section TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS matches(rowid INTEGER PRIMARY KEY, sentences TEXT NOT NULL, text TEXT, section TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vocab(term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sounds(key TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY (key, word)) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(words, bigrams, section, numbers, content='', contentless_delete=1,
  tokenize="unicode61 remove_diacritics 0 categories 'L* N* M* P* S* Co Cf'");
CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab(fts, 'row');
`;

/**
 * Words held by more than this share of the passages, and bigrams held by more than COMMON_BIGRAM_SHARE (and
 * either by more than COMMON_MIN_PASSAGES), are not searched by FTS5. The engine prunes terms above 5% already
 * (search/engine.ts pruneShare, for both backends); FTS5's bm25() costs per row matched by any OR-ed term, so
 * the large-corpus backend prunes further. A bigram is a recall backstop where jieba cut a question and a
 * passage apart, which one held by hundreds of passages does not give. 100k blackbox, 1,000 DRCD questions in
 * process (bench/ranking-sweep.ts), CPU per question p50 / p99, R@1:
 *   neither: 10.1 / 30.2 ms, 0.905;  bigrams > 0.5%: 7.9 / 25.0 ms, 0.906 (2% / 1% / 0.2% / all: 8.7 / 8.3 /
 *   7.7 / 6.5 ms p50, R@1 0.905 / 0.907 / 0.904 / 0.895);  and words > 3%: 4.2–4.6 / 14.5–20.2 ms, 0.900
 *   (4%: 5.6 ms, 0.905; 2.5%: 4.1 ms, 0.899; 2%: 4.0 ms, 0.890). DRCD alone: 0.913.
 * Not below 10,000 passages with the default backend (MiniSearch there), and not below COMMON_MIN_PASSAGES.
 */
const COMMON_WORD_SHARE = 0.03;
const COMMON_BIGRAM_SHARE = 0.005;
const COMMON_MIN_PASSAGES = 200;

/**
 * A passage is a candidate only when it holds a word held by at most this share of the passages (or by at most
 * COMMON_MIN_PASSAGES) or a searched bigram; the commoner words searched add to its score, but a passage holding
 * nothing else is not scored. bm25() costs ≈0.55 µs per row it scores against ≈0.12 µs per row the OR-ed terms
 * match (100k blackbox, 1,000 DRCD questions: 3,910 rows matched a question on average, 3,682 of them by its
 * words), and a passage holding only a question's common words is hardly its answer. The rare terms appear twice
 * in the FTS5 query (in the terms searched and in the filter), so bm25() counts them twice: they weigh double
 * against the common words. 100k blackbox, 1,000 DRCD questions, R@1 in process (bench/ranking-sweep.ts) and
 * the FTS5 statement's CPU per question, mean / p50, alternated with no filter in the same process (ms):
 *   none: 0.908, 2.97–3.21 / 2.53–2.77;  1.5%: 0.908, 2.40–2.43 / 1.99–2.01;  1%: 0.905, 2.05–2.09 / 1.64–1.74;
 *   1.25%: 0.907, 0.68× the unfiltered statement (3.80–3.86 against 5.57–5.63 in a busier spell); 0.75%: 0.901;
 *   0.5%: 0.897. DRCD alone in the same harness: 0.926, so 1% left R@1 2.1 points below it, 1.25% 1.9.
 *   Words up to 5% searched (COMMON_WORD_SHARE) with 1.5%: 0.908, but the unfiltered part costs twice as much.
 */
const RARE_WORD_SHARE = 0.0125;

/** The terms a passage adds to fts5vocab('row'): words of the text or section, ~bigrams and #numbers. */
function termsOf(p: Pick<IndexedPassage, 'words' | 'bigrams' | 'section' | 'numbers'>): string[] {
  const split = (terms: string) => (terms ? terms.split(' ') : []);
  return [
    ...split(p.words),
    ...split(p.section),
    ...split(p.bigrams).map((b) => BIGRAM + b),
    ...split(p.numbers).map((n) => NUMBER + n),
  ];
}

/** An FTS5 query string: each term a quoted string (a double quote inside doubled), OR-ed. */
const anyOf = (terms: string[]) => terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' OR ');

/** Looked-up term counts kept in memory, at most this many (a question looks up a few dozen). */
const COUNT_CACHE = 50_000;

class VocabularyOnDisk implements Vocabulary {
  private readonly cache = new Map<string, number>();
  private count: Database.Statement<[string], { doc: number }>;
  private range: Database.Statement<[string, string], { term: string }>;
  private all: Database.Statement<[string, string], { term: string }>;
  private readonly sounds: Database.Statement<[string], string>;
  version = 0;
  readonly words: TermCounts;
  readonly bigrams: TermCounts;
  readonly numbers: TermCounts;

  constructor(private readonly db: Database.Database) {
    this.sounds = db.prepare<[string], string>('SELECT word FROM sounds WHERE key = ?').pluck();
    [this.count, this.range, this.all] = this.statements();
    this.words = this.counts('');
    this.bigrams = this.counts(BIGRAM);
    this.numbers = this.counts(NUMBER);
  }

  /** From table vocab when it is complete (see Fts5Stage.recount), else from fts5vocab. */
  private statements() {
    const table = hasCompleteVocab(this.db) ? 'vocab' : 'fts_vocab';
    return [
      this.db.prepare<[string], { doc: number }>(`SELECT doc FROM ${table} WHERE term = ?`),
      this.db.prepare<[string, string], { term: string }>(
        `SELECT term FROM ${table} WHERE term >= ? AND term < ? LIMIT 1`,
      ),
      this.db.prepare<[string, string], { term: string }>(`SELECT term FROM ${table} WHERE term >= ? AND term < ?`),
    ] as const;
  }

  private lookup(term: string): number | undefined {
    let n = this.cache.get(term);
    if (n === undefined) {
      n = this.count.get(term)?.doc ?? 0;
      if (this.cache.size >= COUNT_CACHE) this.cache.clear();
      this.cache.set(term, n);
    }
    return n > 0 ? n : undefined;
  }

  private counts(prefix: string): TermCounts {
    const get = (term: string) =>
      prefix === '' && (term.startsWith(BIGRAM) || term.startsWith(NUMBER)) ? undefined : this.lookup(prefix + term);
    const self = this;
    return {
      get,
      has: (term) => get(term) !== undefined,
      *keys() {
        // Words sort before any other character, bigrams after '~', numbers after '#'.
        const ranges =
          prefix === ''
            ? [
                ['', NUMBER],
                ['$', BIGRAM],
                ['\u007f', '\u{10ffff}'],
              ]
            : [[prefix, `${prefix}\u{10ffff}`]];
        for (const [from = '', to = ''] of ranges)
          for (const { term } of self.all.iterate(from, to)) yield prefix ? term.slice(prefix.length) : term;
      },
    };
  }

  /** A Han character stands in the text when a bigram starts with it (or is it, for a lone character). */
  hasChar(char: string): boolean {
    return this.range.get(BIGRAM + char, `${BIGRAM}${char}\u{10ffff}`) !== undefined;
  }

  soundAlike(key: string): string[] {
    return this.sounds.all(key);
  }

  /** Counts change with the index (and may now come from another table). */
  forget(): void {
    this.cache.clear();
    [this.count, this.range, this.all] = this.statements();
    this.version++;
  }
}

/** The meta key saying that table vocab holds every term's passage count (Fts5Stage.recount). */
const VOCAB_COMPLETE = 'vocab';

function hasCompleteVocab(db: Database.Database): boolean {
  try {
    return (
      (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(VOCAB_COMPLETE) as string | undefined) ===
      'complete'
    );
  } catch {
    return false; // an index from before table meta or vocab, opened read-only
  }
}

/**
 * Above this many passages changed at once, table vocab is counted again whole from fts5vocab (1.4 s CPU at
 * 100k) rather than term by term.
 */
const RECOUNT_ALL_AFTER = 1000;

/** Rows read lately, per kind (a ranked passage's match texts are read to rank it, its text when it is shown). */
const RECENT_ROWS = 64;

function recall<V>(recent: Map<number, V>, rowid: number, read: () => V): V {
  if (recent.has(rowid)) return recent.get(rowid) as V;
  const value = read();
  if (recent.size >= RECENT_ROWS) recent.delete(recent.keys().next().value as number);
  recent.set(rowid, value);
  return value;
}

/** better-sqlite3, loaded with the first FTS5 index opened: a start over a MiniSearch index does without (40 ms). */
let sqlite: typeof Database | undefined;

export interface Fts5Options {
  /** Open an existing index for reading only (a replica that does not write). */
  readonly?: boolean;
}

export class Fts5Stage implements FirstStage {
  readonly kind = 'fts5';
  readonly db: Database.Database;
  readonly vocabulary: VocabularyOnDisk;
  private sizeCache?: number;

  constructor(path: string, options: Fts5Options = {}) {
    sqlite ??= createRequire(import.meta.url)('better-sqlite3') as typeof Database;
    this.db = new sqlite(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.exec(SCHEMA);
    }
    this.db.pragma('busy_timeout = 10000');
    this.vocabulary = new VocabularyOnDisk(this.db);
  }

  get size(): number {
    this.sizeCache ??= (this.db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
    return this.sizeCache;
  }

  meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run(key, value);
  }

  add(passages: Iterable<IndexedPassage>): void {
    const insertPassage = this.db.prepare('INSERT INTO passages(id, document) VALUES (?, ?)');
    const insertTerms = this.db.prepare(
      'INSERT INTO fts(rowid, words, bigrams, section, numbers) VALUES (?, ?, ?, ?, ?)',
    );
    const insertSound = this.db.prepare('INSERT OR IGNORE INTO sounds(key, word) VALUES (?, ?)');
    const insertMatches = this.db.prepare(
      'INSERT OR REPLACE INTO matches(rowid, sentences, text, section) VALUES (?, ?, ?, ?)',
    );
    // The terms whose counts change, while few enough to count one by one.
    let terms: Set<string> | undefined = new Set<string>();
    let count = 0;
    // Each word's sound keys once per call, while the passages are few; past RECOUNT_ALL_AFTER, the words'
    // keys are taken from the vocabulary counted again at the end (soundsOfVocabulary).
    const seen = new Set<string>();
    const sounds = (terms: string) => {
      for (const word of terms ? terms.split(' ') : []) {
        if (seen.has(word)) continue;
        seen.add(word);
        for (const key of soundKeys(word)) insertSound.run(key, word);
      }
    };
    this.db.transaction(() => {
      for (const p of passages) {
        if (terms && ++count > RECOUNT_ALL_AFTER) terms = undefined;
        if (terms) for (const term of termsOf(p)) terms.add(term);
        const { lastInsertRowid } = insertPassage.run(p.id, p.documentId);
        insertTerms.run(lastInsertRowid, p.words, prefixed(BIGRAM, p.bigrams), p.section, prefixed(NUMBER, p.numbers));
        if (p.matchText !== undefined && p.sentenceMatchTexts) {
          // The whole text is kept only where it is not its sentences' run together (nearly never).
          const sentences = p.sentenceMatchTexts.join('');
          insertMatches.run(
            lastInsertRowid,
            p.sentenceMatchTexts.join(SENTENCE_END),
            sentences === p.matchText ? null : p.matchText,
            p.section,
          );
        }
        if (terms) {
          sounds(p.words);
          sounds(p.section);
        }
      }
      this.countAgain(terms);
      if (!terms) this.soundsOfVocabulary();
    })();
    this.changed();
  }

  /**
   * Brings table vocab in line with the index after a change: the given terms counted again from fts5vocab, or
   * (`undefined`: too many, or not known; or when vocab is not complete yet) every term.
   */
  private countAgain(terms: Set<string> | undefined): void {
    if (terms && hasCompleteVocab(this.db)) {
      const count = this.db.prepare('SELECT doc FROM fts_vocab WHERE term = ?').pluck();
      const put = this.db.prepare('INSERT OR REPLACE INTO vocab(term, doc) VALUES (?, ?)');
      const drop = this.db.prepare('DELETE FROM vocab WHERE term = ?');
      for (const term of terms) {
        const doc = count.get(term) as number | undefined;
        if (doc) put.run(term, doc);
        else drop.run(term);
      }
      return;
    }
    this.db.exec('DELETE FROM vocab');
    this.db.exec('INSERT INTO vocab(term, doc) SELECT term, doc FROM fts_vocab');
    this.setMeta(VOCAB_COMPLETE, 'complete');
  }

  /**
   * Every word's sound keys, from table vocab (complete after countAgain(undefined)), in key order: after a large
   * change, where looking each passage's words up in a set and inserting keys in passage order took 2.0 s of a
   * 20k build against ≈0.7 s this way.
   */
  private soundsOfVocabulary(): void {
    // Words only (not ~bigrams or #numbers); soundKeys itself passes over any word that cannot be a near miss.
    const words = this.db
      .prepare(`SELECT term FROM vocab WHERE substr(term, 1, 1) NOT IN ('${BIGRAM}', '${NUMBER}')`)
      .pluck()
      .all() as string[];
    const pairs = words.flatMap((word) => soundKeys(word).map((key) => [key, word] as const));
    pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const insert = this.db.prepare('INSERT OR IGNORE INTO sounds(key, word) VALUES (?, ?)');
    for (const [key, word] of pairs) insert.run(key, word);
  }

  /** Keeps the passages' section and text as shown (passages indexed already), read by `shown`. */
  storeTexts(passages: Iterable<Passage>): void {
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO texts(rowid, section, text) SELECT rowid, ?, ? FROM passages WHERE id = ?',
    );
    this.db.transaction(() => {
      for (const p of passages) insert.run(p.section, p.text, p.id);
    })();
  }

  /** A passage's section and text as shown, by its row (see storedPassages in persist.ts). */
  shown(rowid: number): { section: string; text: string } | undefined {
    this.shownStatement ??= this.db.prepare('SELECT section, text FROM texts WHERE rowid = ?');
    return recall(this.recentShown, rowid, () => this.shownStatement?.get(rowid));
  }
  private readonly recentShown = new Map<number, { section: string; text: string } | undefined>();
  private shownStatement?: Database.Statement<[number], { section: string; text: string }>;

  /**
   * A passage's match texts as computed when it was indexed (IndexedPassage.matchText), or undefined (indexed
   * without them, or by an index from before the table). Read apart from the shown text: the second stage reads
   * twenty candidates' match texts and shows three (one table read each instead of a join: 0.94 → ≈0.4 ms a
   * question at 100k).
   */
  matchTexts(rowid: number): { text: string; sentences: string[] } | undefined {
    if (this.matchesStatement === undefined) {
      const table = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'matches'").get();
      if (!table) return undefined;
      this.matchesStatement = this.db.prepare('SELECT sentences, text FROM matches WHERE rowid = ?');
    }
    return recall(this.recentMatches, rowid, () => {
      const row = this.matchesStatement?.get(rowid);
      if (!row) return undefined;
      const sentences = row.sentences ? row.sentences.split(SENTENCE_END) : [];
      return { sentences, text: row.text ?? sentences.join('') };
    });
  }
  private readonly recentMatches = new Map<number, { text: string; sentences: string[] } | undefined>();
  private matchesStatement?: Database.Statement<[number], { sentences: string; text: string | null }>;

  removeDocuments(documentIds: string[]): void {
    const rows = this.db.prepare('SELECT rowid FROM passages WHERE document = ?').pluck();
    const deleteTerms = this.db.prepare('DELETE FROM fts WHERE rowid = ?');
    const deleteText = this.db.prepare('DELETE FROM texts WHERE rowid = ?');
    const deleteMatches = this.db.prepare('DELETE FROM matches WHERE rowid = ?');
    const matched = this.db.prepare<[number], { sentences: string; text: string | null; section: string }>(
      'SELECT sentences, text, section FROM matches WHERE rowid = ?',
    );
    // The removed passages' terms, from their match texts (the index keeps no terms): counted again after.
    let terms: Set<string> | undefined = new Set<string>();
    let count = 0;
    const deletePassages = this.db.prepare('DELETE FROM passages WHERE document = ?');
    this.db.transaction(() => {
      for (const id of documentIds) {
        for (const rowid of rows.all(id) as number[]) {
          const m = terms && ++count <= RECOUNT_ALL_AFTER ? matched.get(rowid) : undefined;
          if (!m) terms = undefined;
          else {
            const sentences = m.sentences ? m.sentences.split(SENTENCE_END) : [];
            const text = m.text ?? sentences.join('');
            for (const term of termsOf({
              words: wordTerms(text, 'search').join(' '),
              bigrams: hanBigrams(text).join(' '),
              section: m.section,
              numbers: numberPieces(text).join(' '),
            }))
              terms?.add(term);
          }
          deleteTerms.run(rowid);
          deleteText.run(rowid);
          deleteMatches.run(rowid);
        }
        deletePassages.run(id);
      }
      if (documentIds.length > 0) this.countAgain(terms);
    })();
    this.changed();
  }

  passageIds(documentId: string): string[] {
    return this.db
      .prepare('SELECT id FROM passages WHERE document = ? ORDER BY rowid')
      .pluck()
      .all(documentId) as string[];
  }

  /** Merges the index into one b-tree (after a full build: fewer segments to read per query). */
  optimize(): void {
    this.db.prepare("INSERT INTO fts(fts) VALUES ('optimize')").run();
  }

  search(q: FirstStageQuery): FirstStageHit[] {
    const parts: string[] = [];
    const rare = (counts: TermCounts, share: number) => {
      const most = Math.max(COMMON_MIN_PASSAGES, share * this.size);
      return (term: string) => (counts.get(term) ?? 0) <= most;
    };
    const words = [...q.words, ...q.synonyms].filter(rare(this.vocabulary.words, COMMON_WORD_SHARE));
    if (words.length > 0) parts.push(`{words section}: (${anyOf(words)})`);
    const bigrams = q.bigrams.filter(rare(this.vocabulary.bigrams, COMMON_BIGRAM_SHARE));
    if (bigrams.length > 0) parts.push(`{bigrams}: (${anyOf(bigrams.map((b) => BIGRAM + b))})`);
    if (parts.length === 0) return [];
    // Words held by more than RARE_WORD_SHARE of the passages still score, but only in passages that hold a
    // rarer term: bm25() is computed for those rows alone.
    const rareWords = words.filter(rare(this.vocabulary.words, RARE_WORD_SHARE));
    const filter = [
      ...(rareWords.length > 0 ? [`{words section}: (${anyOf(rareWords)})`] : []),
      ...(bigrams.length > 0 ? [`{bigrams}: (${anyOf(bigrams.map((b) => BIGRAM + b))})`] : []),
    ];
    const any = parts.join(' OR ');
    const match = rareWords.length < words.length && filter.length > 0 ? `(${any}) AND (${filter.join(' OR ')})` : any;
    const { boosts } = q;
    this.searchStatement ??= this.db.prepare(
      `SELECT p.id AS id, -f.score AS score FROM
        (SELECT rowid, bm25(fts, ?, ?, ?, 0) AS score FROM fts WHERE fts MATCH ? ORDER BY score LIMIT ?) f
        JOIN passages p ON p.rowid = f.rowid ORDER BY f.score`,
    );
    return this.searchStatement.all(boosts.words, boosts.bigrams, boosts.section, match, q.limit);
  }
  private searchStatement?: Database.Statement<[number, number, number, string, number], FirstStageHit>;

  private changed(): void {
    this.recentShown.clear();
    this.recentMatches.clear();
    this.sizeCache = undefined;
    this.vocabulary.forget();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
