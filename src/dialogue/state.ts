/**
 * Conversation state, in memory and bounded: the last turns of each conversation, forgotten after an idle time
 * or on /reset. A private chat is one conversation; in a group each user is their own (see conversationKey).
 * The store is an LRU: a Map in order of last use, trimmed from its oldest end, so 100k idle conversations
 * cost at most `maxConversations` entries and a lookup never scans.
 */

/** What one turn leaves for the next: the question as understood, what it was about, what answered it. */
export interface TurnRecord {
  /** The question as it was answered (after resolving it against earlier turns). */
  question: string;
  /** Agreements (topics.json ids) it was about, in the order they were named or answered. */
  agreements: string[];
  /** The passages of its answer (ids, best first); [] when it was declined or was small talk. */
  passages: string[];
  /** Agreements the answer's passages belong to (a party named in the answer: the referent of 它们, 第一个). */
  answerAgreements: string[];
  /** True when it was declined ("no answer"). */
  declined: boolean;
}

export interface Conversation {
  turns: TurnRecord[];
  lastUsed: number;
}

export interface ConversationStoreOptions {
  /** Turns kept per conversation (default 5). */
  maxTurns?: number;
  /** A conversation idle this long is forgotten (default 15 minutes). */
  idleMs?: number;
  /** Conversations kept at most; the least recently used go first (default 50,000). */
  maxConversations?: number;
  /** Clock (tests). */
  now?: () => number;
}

export const DEFAULT_MAX_TURNS = 5;
export const DEFAULT_IDLE_MS = 15 * 60_000;
export const DEFAULT_MAX_CONVERSATIONS = 50_000;

/** The key of a conversation: the chat in private chats, the chat and the user in groups. */
export function conversationKey(chatId: number | string, userId?: number, group = false): string {
  return group && userId !== undefined ? `${chatId}:${userId}` : `${chatId}`;
}

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  readonly maxTurns: number;
  readonly idleMs: number;
  readonly maxConversations: number;
  private readonly now: () => number;

  constructor(options: ConversationStoreOptions = {}) {
    this.maxTurns = options.maxTurns ?? DEFAULT_MAX_TURNS;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.maxConversations = options.maxConversations ?? DEFAULT_MAX_CONVERSATIONS;
    this.now = options.now ?? Date.now;
  }

  /** Conversations held now (idle ones not yet trimmed included). */
  get size(): number {
    return this.conversations.size;
  }

  /** The turns of a conversation, oldest first; [] when it is new, was reset or has been idle too long. */
  turns(key: string): readonly TurnRecord[] {
    const c = this.conversations.get(key);
    if (!c) return [];
    if (this.now() - c.lastUsed > this.idleMs) {
      this.conversations.delete(key);
      return [];
    }
    return c.turns;
  }

  /** Records a turn (the oldest beyond maxTurns are dropped) and marks the conversation as just used. */
  record(key: string, turn: TurnRecord, earlier: readonly TurnRecord[] = this.turns(key)): void {
    const turns = [...earlier, turn].slice(-this.maxTurns);
    this.conversations.delete(key);
    this.conversations.set(key, { turns, lastUsed: this.now() });
    this.trim();
  }

  /** Forgets a conversation (/reset). */
  reset(key: string): void {
    this.conversations.delete(key);
  }

  /** Drops the least recently used conversations beyond the bound, and idle ones at the old end. */
  private trim(): void {
    const now = this.now();
    for (const [key, c] of this.conversations) {
      if (this.conversations.size <= this.maxConversations && now - c.lastUsed <= this.idleMs) break;
      this.conversations.delete(key);
    }
  }
}

/**
 * Which conversation a bot answer belongs to, so that a reply to it continues its thread: answer message →
 * (conversation key, the turns up to that answer). Bounded like the store (oldest first out).
 */
export class ThreadIndex {
  private readonly threads = new Map<string, { turns: readonly TurnRecord[]; at: number }>();

  constructor(
    private readonly maxThreads = DEFAULT_MAX_CONVERSATIONS,
    private readonly idleMs = DEFAULT_IDLE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  remember(chatId: number | string, messageId: number, turns: readonly TurnRecord[]): void {
    this.threads.set(`${chatId}:${messageId}`, { turns, at: this.now() });
    for (const key of this.threads.keys()) {
      if (this.threads.size <= this.maxThreads) break;
      this.threads.delete(key);
    }
  }

  /** The turns up to the answer `messageId`, or undefined when unknown or too old. */
  turnsOf(chatId: number | string, messageId: number): readonly TurnRecord[] | undefined {
    const t = this.threads.get(`${chatId}:${messageId}`);
    if (!t || this.now() - t.at > this.idleMs) return undefined;
    return t.turns;
  }
}
