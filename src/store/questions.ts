/**
 * The question log and the votes on its answers. Askers and voters are a salted hash of their Telegram id (the
 * salt is made once and kept in the database's meta table): repeat askers can be counted, not identified, and a
 * copy of the log without the database's salt cannot be matched against ids. Each write is one statement, so
 * one transaction: a question's row is committed before its reply is sent (the caller's order).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';

export type Outcome = 'answered' | 'declined' | 'invalid';

/** One asked question, as recorded. */
export interface QuestionRecord {
  /** Default now. */
  at?: number;
  /** Telegram chat type (private, group, supergroup) or another channel's name. */
  chatType: string;
  /** The language the bot answered in (zh / en). */
  lang: string;
  /** The asker's Telegram user id: hashed before it is stored; undefined when unknown. */
  userId?: number;
  text: string;
  /** How the question was understood (terms matched or missing, the reason of a decline), stored as JSON. */
  understood?: unknown;
  outcome: Outcome;
  topPassage?: string;
  topScore?: number;
  latencyMs: number;
}

export type Vote = 1 | -1;
/** What a press did: a first vote, a change of mind, the same vote again, or the answer's record is gone. */
export type VoteResult = 'recorded' | 'changed' | 'unchanged' | 'unknown-question';

export const DAY_MS = 24 * 60 * 60 * 1000;

function saltOf(db: Db): string {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'hash_salt'`).get() as { value: string } | undefined;
  if (row) return row.value;
  const salt = randomBytes(32).toString('hex');
  // Another process may have made one meanwhile: keep whichever was first.
  db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('hash_salt', ?)`).run(salt);
  return (db.prepare(`SELECT value FROM meta WHERE key = 'hash_salt'`).get() as { value: string }).value;
}

export class QuestionLog {
  private readonly salt: string;
  private readonly insert;
  private readonly upsertVote;
  private readonly voteOf;
  private readonly exists;

  constructor(private readonly db: Db) {
    this.salt = saltOf(db);
    this.insert = db.prepare(
      `INSERT INTO questions (at, chat_type, lang, asker, text, understood, outcome, top_passage, top_score, latency_ms)
       VALUES (@at, @chatType, @lang, @asker, @text, @understood, @outcome, @topPassage, @topScore, @latencyMs)`,
    );
    this.voteOf = db.prepare(`SELECT value FROM votes WHERE question_id = ? AND voter = ?`).pluck();
    this.exists = db.prepare(`SELECT 1 FROM questions WHERE id = ?`).pluck();
    this.upsertVote = db.prepare(
      `INSERT INTO votes (question_id, voter, value, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (question_id, voter) DO UPDATE SET value = excluded.value, at = excluded.at`,
    );
  }

  /** The salted hash standing for a Telegram user id. */
  hashUser(userId: number): string {
    return createHash('sha256').update(`${this.salt}:${userId}`).digest('hex').slice(0, 32);
  }

  /** Records a question (committed when this returns); returns its id, which the vote buttons carry. */
  record(q: QuestionRecord): number {
    const info = this.insert.run({
      at: q.at ?? Date.now(),
      chatType: q.chatType,
      lang: q.lang,
      asker: q.userId === undefined ? null : this.hashUser(q.userId),
      text: q.text,
      understood: q.understood === undefined ? null : JSON.stringify(q.understood),
      outcome: q.outcome,
      topPassage: q.topPassage ?? null,
      topScore: q.topScore ?? null,
      latencyMs: q.latencyMs,
    });
    return Number(info.lastInsertRowid);
  }

  /** One vote per user per answer; another press of the other button changes it. Its own transaction. */
  vote(questionId: number, userId: number, value: Vote, at = Date.now()): VoteResult {
    const voter = this.hashUser(userId);
    return this.db
      .transaction((): VoteResult => {
        if (!this.exists.get(questionId)) return 'unknown-question';
        const before = this.voteOf.get(questionId, voter) as number | undefined;
        if (before === value) return 'unchanged';
        this.upsertVote.run(questionId, voter, value, at);
        return before === undefined ? 'recorded' : 'changed';
      })
      .immediate();
  }

  /** Deletes questions (and their votes) older than `days`; returns how many questions went. */
  prune(days: number, now = Date.now()): number {
    return this.db.prepare(`DELETE FROM questions WHERE at < ?`).run(now - days * DAY_MS).changes;
  }
}
