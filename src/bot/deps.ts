/** What the bot's features share: the engine, a logger, and options resolved once with their defaults. */
import type { SearchEngine } from '../search/engine.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { ResilienceOptions } from './resilience.js';
import type { ConversationStoreOptions } from '../dialogue/state.js';

export interface BotDeps {
  engine: SearchEngine;
  logger: Logger;
  /** Bot API root, default https://api.telegram.org (tests: the loopback stand-in). */
  apiRoot?: string;
  /** Plain-text summary of an agreement (the summaries issue); absent → the agreement's signing passage. */
  summarize?: (topicId: string) => string | undefined;
  /** Passages fetched per question: the first is shown, the rest wait behind "更多结果" (default 5). */
  maxHits?: number;
  /** Passages sent per press of "更多结果" (default 2). */
  morePageSize?: number;
  /** Inline-mode results per query (default 5, Telegram allows 50). */
  inlineResults?: number;
  /** Retries, the per-user question limit and group pacing (defaults in resilience.ts: 10 questions and 18 group messages a minute). */
  resilience?: Omit<ResilienceOptions, 'logger'>;
  /** The SQLite store (DATA_DIR/bot.sqlite): questions recorded, votes, admin commands, uploads. Absent → none of those. */
  store?: Store;
  /** Telegram user ids of the operators (ADMIN_IDS). */
  admins?: number[];
  /** Days questions are kept (LOG_RETENTION_DAYS, default 90), told by /privacy. */
  retentionDays?: number;
  /** The engine, swapped when documents are added or removed: when set, `engine` reads live.current(). */
  live?: { current(): SearchEngine; reload(version?: number): SearchEngine };
  /** Conversation memory: turns kept, idle time, conversations kept (defaults in dialogue/state.ts: 5, 15 min, 50,000). */
  conversation?: ConversationStoreOptions;
}

/** BotDeps with every default filled in. */
export type ResolvedDeps = Required<Omit<BotDeps, 'summarize' | 'resilience' | 'store' | 'live' | 'conversation'>> &
  Pick<BotDeps, 'summarize' | 'resilience' | 'store' | 'live' | 'conversation'>;

/** Fills in the defaults documented on BotDeps. */
export function resolveDeps(deps: BotDeps): ResolvedDeps {
  const resolved: ResolvedDeps = {
    ...deps,
    apiRoot: deps.apiRoot ?? 'https://api.telegram.org',
    maxHits: deps.maxHits ?? 5,
    morePageSize: deps.morePageSize ?? 2,
    inlineResults: deps.inlineResults ?? 5,
    admins: deps.admins ?? [],
    retentionDays: deps.retentionDays ?? 90,
  };
  // Read at each use, so an upload's new engine answers the very next question.
  const { live } = deps;
  if (live) Object.defineProperty(resolved, 'engine', { get: () => live.current(), enumerable: true });
  return resolved;
}
