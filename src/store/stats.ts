/**
 * What /stats, /unanswered and `npm run stats` show, read from the question log. Only questions count (commands
 * are never recorded). "Today" starts at the server's local midnight. The same declined question asked in
 * slightly different forms (case, spaces, closing punctuation) counts as one.
 */
import type { Db } from './db.js';
import { DAY_MS } from './questions.js';

export interface RepeatedQuestion {
  /** The latest wording asked. */
  text: string;
  count: number;
  /** Distinct askers (hashes) among those counted. */
  askers: number;
  lastAt: number;
}

export interface Stats {
  asked: { today: number; week: number; all: number };
  declined: { today: number; week: number; all: number };
  /** Distinct askers in the last 7 days, and how many of them asked more than once. */
  askers: { week: number; repeat: number };
  votes: { up: number; down: number };
  /** Most asked declined questions (all time within the retention), most asked first. */
  topUnanswered: RepeatedQuestion[];
  /** Answering time of the last 7 days' questions, ms; undefined without questions. */
  latency: { p50?: number; p95?: number };
  /** The oldest question kept (the log's start), or undefined when empty. */
  since?: number;
}

/** The key that groups wordings of one question. */
export function questionKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?？!！。.,，~～…]+$/u, '')
    .trim();
}

function startOfToday(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

function percentileOf(db: Db, since: number, p: number): number | undefined {
  const n = db
    .prepare(`SELECT count(*) FROM questions WHERE at >= ? AND latency_ms IS NOT NULL`)
    .pluck()
    .get(since) as number;
  if (!n) return undefined;
  const offset = Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1));
  return db
    .prepare(
      `SELECT latency_ms FROM questions WHERE at >= ? AND latency_ms IS NOT NULL ORDER BY latency_ms LIMIT 1 OFFSET ?`,
    )
    .pluck()
    .get(since, offset) as number;
}

/** Declined questions grouped by wording: the most asked (order 'count') or the latest (order 'latest'). */
export function repeatedDeclined(db: Db, order: 'count' | 'latest', limit: number): RepeatedQuestion[] {
  const rows = db
    .prepare(`SELECT text, asker, at FROM questions WHERE outcome = 'declined' ORDER BY at DESC LIMIT 20000`)
    .all() as Array<{ text: string; asker: string | null; at: number }>;
  const groups = new Map<string, RepeatedQuestion & { who: Set<string> }>();
  for (const row of rows) {
    const key = questionKey(row.text);
    const group = groups.get(key) ?? { text: row.text, count: 0, askers: 0, lastAt: row.at, who: new Set<string>() };
    group.count++;
    if (row.asker) group.who.add(row.asker);
    groups.set(key, group);
  }
  const list = [...groups.values()].map(({ who, ...g }) => ({ ...g, askers: who.size }));
  list.sort((a, b) => (order === 'count' ? b.count - a.count || b.lastAt - a.lastAt : b.lastAt - a.lastAt));
  return list.slice(0, limit);
}

export function readStats(db: Db, now = Date.now()): Stats {
  const today = startOfToday(now);
  const week = now - 7 * DAY_MS;
  const count = (outcome: string | undefined, since: number) =>
    (outcome
      ? db.prepare(`SELECT count(*) FROM questions WHERE at >= ? AND outcome = ?`).pluck().get(since, outcome)
      : db.prepare(`SELECT count(*) FROM questions WHERE at >= ?`).pluck().get(since)) as number;
  const askers = db
    .prepare(
      `SELECT count(*) AS week, coalesce(sum(n > 1), 0) AS repeat
       FROM (SELECT count(*) AS n FROM questions WHERE at >= ? AND asker IS NOT NULL GROUP BY asker)`,
    )
    .get(week) as { week: number; repeat: number };
  const votes = db
    .prepare(`SELECT coalesce(sum(value = 1), 0) AS up, coalesce(sum(value = -1), 0) AS down FROM votes`)
    .get() as { up: number; down: number };
  const since = db.prepare(`SELECT min(at) FROM questions`).pluck().get() as number | null;
  return {
    asked: { today: count(undefined, today), week: count(undefined, week), all: count(undefined, 0) },
    declined: { today: count('declined', today), week: count('declined', week), all: count('declined', 0) },
    askers,
    votes,
    topUnanswered: repeatedDeclined(db, 'count', 5),
    latency: { p50: percentileOf(db, week, 50), p95: percentileOf(db, week, 95) },
    since: since ?? undefined,
  };
}
