/**
 * Flood control, both ways. Incoming: a per-user limit on questions, the excess of a window getting ONE
 * "slow down" notice (then silence until the window ends, so a flood is not answered by a flood). Outgoing: a
 * per-group pace under Telegram's ~20 messages a minute, as reserved send slots (see createChatPacer).
 * Everything here is in memory, so with several replicas each one counts for itself.
 */
import type { Context, MiddlewareFn } from 'telegraf';
import type { Message } from 'telegraf/types';
import { messages, langOf, type Lang } from '../answer/i18n.js';
import type { Logger } from '../log.js';
import { addressedQuestion } from './ask.js';
import { replyToAsker } from './reply.js';

/** Length of a rate-limit window: Telegram's limits, and ours, are per minute. */
export const WINDOW_MS = 60_000;
/** Past this many tracked keys, expired windows are swept on the next take(). */
const SWEEP_AT = 10_000;

/** What take() decided: answer it; do not answer, but send the one notice of this window; stay silent. */
export type RateDecision = 'ok' | 'notice' | 'limited';

export interface RateLimiter {
  /** Counts one event for `key`. */
  take(key: string | number): RateDecision;
}

/**
 * A fixed-window counter per key: the first `perWindow` events of a window are 'ok', the next one is
 * 'notice', the rest 'limited'. A window starts with a key's first event after the previous one ended.
 * `perWindow` 0 turns the limit off (always 'ok').
 */
export function createRateLimiter(options: { perWindow: number; windowMs?: number; now?: () => number }): RateLimiter {
  const { perWindow, windowMs = WINDOW_MS, now = Date.now } = options;
  const windows = new Map<string | number, { start: number; count: number }>();
  return {
    take(key) {
      if (perWindow <= 0) return 'ok';
      const t = now();
      if (windows.size > SWEEP_AT) for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
      let w = windows.get(key);
      if (!w || t - w.start >= windowMs) windows.set(key, (w = { start: t, count: 0 }));
      w.count++;
      return w.count <= perWindow ? 'ok' : w.count === perWindow + 1 ? 'notice' : 'limited';
    },
  };
}

/** A send would have to wait longer than the pacer allows: the group is flooded. */
export class PacingError extends Error {
  constructor(
    readonly chatId: string,
    readonly waitMs: number,
  ) {
    super(`Group ${chatId} is flooded: the next free send slot is ${Math.ceil(waitMs / 1000)} s away`);
    this.name = 'PacingError';
  }
}

export interface ChatPacer {
  /**
   * Reserves the next send slot for `chatId` and resolves at its time (at once when the chat is not paced).
   * Rejects with PacingError, reserving nothing, when the slot is further away than `maxWaitMs`.
   */
  acquire(chatId: string | number, maxWaitMs: number, signal?: AbortSignal): Promise<void>;
}

/** True for the chats Telegram's ~20-a-minute limit applies to: groups, supergroups and channels. */
export function isGroupChatId(chatId: unknown): boolean {
  return (
    (typeof chatId === 'number' && chatId < 0) ||
    (typeof chatId === 'string' && (/^-\d+$/.test(chatId) || chatId.startsWith('@')))
  );
}

/**
 * Paces sends to each group at `perMinute` in any sliding minute. Slots are reserved in call order, so a
 * group's messages leave in the order they were sent (and a multi-part answer is not interleaved out of order).
 * `perMinute` 0 turns pacing off.
 */
export function createChatPacer(options: {
  perMinute: number;
  windowMs?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}): ChatPacer {
  const { perMinute, windowMs = WINDOW_MS, now = Date.now, sleep = defaultSleep } = options;
  const slots = new Map<string, number[]>(); // per group: reserved send times, ascending
  return {
    async acquire(chatId, maxWaitMs, signal) {
      if (perMinute <= 0 || !isGroupChatId(chatId)) return;
      const key = String(chatId);
      const t = now();
      const kept = (slots.get(key) ?? []).filter((s) => s > t - windowMs);
      const blocking = kept.length >= perMinute ? kept[kept.length - perMinute]! + windowMs : t;
      const slot = Math.max(t, blocking, kept.at(-1) ?? t);
      if (slot - t > maxWaitMs) {
        slots.set(key, kept);
        throw new PacingError(key, slot - t);
      }
      kept.push(slot);
      slots.set(key, kept);
      if (slots.size > SWEEP_AT) for (const [k, s] of slots) if ((s.at(-1) ?? 0) <= t - windowMs) slots.delete(k);
      if (slot > t) await sleep(slot - t, signal);
    },
  };
}

/** setTimeout as a promise that an AbortSignal can cut short (rejecting with the signal's reason). */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The "slow down" notice (HTML-safe). */
export function slowDownText(lang: Lang, perMinute: number): string {
  return messages(lang).slowDown(perMinute);
}

/** A group message addressed to the bot: a command to it (no @ or @ours), an @mention, or a reply to it. */
function isAddressedInGroup(msg: Message, me: Context['botInfo']): boolean {
  if (!('text' in msg)) return false;
  const command = msg.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (command) {
    const target = msg.text.slice(0, command.length).split('@')[1];
    return target === undefined || target.toLowerCase() === me.username.toLowerCase();
  }
  return addressedQuestion(msg, me) !== undefined;
}

/**
 * Whether the update asks something of the bot that it answers in the chat, and so counts against the
 * user's limit: any message in a private chat, a group message addressed to the bot, a button press.
 * Inline queries are not counted: Telegram sends one per keystroke and throttles them itself.
 */
export function isQuestionUpdate(ctx: Context): boolean {
  if (ctx.callbackQuery) return true;
  const msg = ctx.message;
  if (!msg || !ctx.chat) return false;
  if (ctx.chat.type === 'private') return true;
  return (ctx.chat.type === 'group' || ctx.chat.type === 'supergroup') && isAddressedInGroup(msg, ctx.botInfo);
}

/** Counts of floodControl's decisions (for logs and tests). */
export interface FloodStats {
  passed: number;
  noticed: number;
  limited: number;
}

/**
 * Middleware limiting each user to `questionsPerMinute` questions a minute (0 = no limit). Register it before
 * the handlers. A button press over the limit is still answered (its spinner must stop), with the notice as
 * a toast.
 */
export function floodControl(options: {
  questionsPerMinute: number;
  logger: Logger;
  now?: () => number;
  stats?: FloodStats;
}): MiddlewareFn<Context> {
  const limiter = createRateLimiter({ perWindow: options.questionsPerMinute, now: options.now });
  const stats = options.stats ?? { passed: 0, noticed: 0, limited: 0 };
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId === undefined || !isQuestionUpdate(ctx)) return next();
    const decision = limiter.take(userId);
    if (decision === 'ok') {
      stats.passed++;
      return next();
    }
    const text = slowDownText(langOf(ctx.from?.language_code), options.questionsPerMinute);
    options.logger.info('question over the rate limit', { updateId: ctx.update.update_id, userId, decision });
    if (decision === 'notice') stats.noticed++;
    else stats.limited++;
    if (ctx.callbackQuery) {
      await ctx.answerCbQuery(text);
      return;
    }
    if (decision === 'notice') await replyToAsker(ctx, text);
  };
}
