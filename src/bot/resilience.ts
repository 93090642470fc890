/**
 * Outgoing Bot API calls that survive faults. Every call the bot makes passes through one wrapped
 * `callApi`: 429 → wait `retry_after` and retry; 5xx and network errors → retry with bounded exponential
 * backoff; 403 (blocked by the user, removed from the group) → logged once and the chat skipped until it
 * writes again; sends to a group are paced (flood.ts). A call that finally fails is logged at error level
 * and rethrown, so no answer is dropped silently.
 *
 * Why `bot.context.telegram`: telegraf 4 builds a new Telegram per update (handleUpdate), so wrapping
 * `bot.telegram.callApi` alone misses `ctx.reply`. handleUpdate then copies `bot.context` onto each ctx, so
 * setting its `telegram` to the wrapped `bot.telegram` makes every handler's calls go through the wrapper,
 * whatever order things are registered in. (The per-update instance only differs by telegraf's webhook-reply
 * response, which we do not use: our webhook server answers Telegram itself.)
 */
import { setMaxListeners } from 'node:events';
import { TelegramError, type Context, type Telegraf } from 'telegraf';
import type { Logger } from '../log.js';
import { createChatPacer, defaultSleep, floodControl, PacingError, type ChatPacer, type FloodStats } from './flood.js';

/** telegraf's per-update handler timeout: longer than one call's whole retry budget, so a retry can finish. */
export const HANDLER_TIMEOUT_MS = 90_000;

export interface RetryPolicy {
  /** Attempts of one call in all, the first included (default 5). */
  maxAttempts: number;
  /** Backoff after the first 5xx or network error, doubled after each further one (default 1000 ms). */
  baseDelayMs: number;
  /** Longest single backoff (default 10 000 ms). */
  maxDelayMs: number;
  /**
   * Longest time one call may spend waiting, in pacing and retries together (default 45 000 ms): a call that
   * would have to wait longer (say Telegram asks for retry_after 300) fails now instead.
   */
  maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 10_000, maxWaitMs: 45_000 };

export interface ResilienceOptions {
  logger: Logger;
  /** Questions one user may ask a minute (default 10; 0 = no limit). */
  questionsPerMinute?: number;
  /** Messages sent to one group a minute (default 18; Telegram allows about 20; 0 = no pacing). */
  groupMessagesPerMinute?: number;
  /** Retry policy; defaults in DEFAULT_RETRY (tests shorten the delays). */
  retry?: Partial<RetryPolicy>;
  /** Filled in with floodControl's decisions. */
  floodStats?: FloodStats;
  /** For tests: the clock and the wait. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A chat the bot may not write to (403): the user blocked it, or it was removed from the group. */
export class ChatUnreachableError extends Error {
  constructor(
    readonly chatId: string,
    options?: { cause?: unknown },
  ) {
    super(`Chat ${chatId} is unreachable (the bot was blocked or removed): skipped`, options);
    this.name = 'ChatUnreachableError';
  }
}

/** What to do about a failed call. */
export type Failure =
  { kind: 'retry-after'; ms: number } | { kind: 'transient' } | { kind: 'unreachable' } | { kind: 'permanent' };

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
]);

/** Classifies an error thrown by telegraf's callApi. */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof TelegramError) {
    if (error.code === 429)
      return { kind: 'retry-after', ms: Math.max(1, Number(error.parameters?.retry_after ?? 1)) * 1000 };
    if (error.code >= 500) return { kind: 'transient' };
    if (error.code === 403) return { kind: 'unreachable' };
    return { kind: 'permanent' };
  }
  if (!(error instanceof Error) || error.name === 'AbortError') return { kind: 'permanent' };
  // node-fetch's FetchError: a refused or dropped connection, a reset, a non-JSON body from a proxy.
  const code = (error as { code?: unknown }).code;
  if (error.name === 'FetchError' || (typeof code === 'string' && NETWORK_CODES.has(code)))
    return { kind: 'transient' };
  return { kind: 'permanent' };
}

/** What the logs say about an error: short for the expected ones (the logger redacts the token). */
function describe(error: unknown): string {
  if (error instanceof TelegramError) return `${error.code}: ${error.description}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Methods that put a new message in a chat (paced in groups). */
function isSend(method: string): boolean {
  return (method.startsWith('send') && method !== 'sendChatAction') || /^(copy|forward)Messages?$/.test(method);
}

interface State {
  options: ResilienceOptions;
  retry: RetryPolicy;
  pacer: ChatPacer;
  unreachable: Set<string>;
  /** Aborted by abortOutgoing(): ends every wait and request at once (shutdown past its grace period). */
  abort: AbortController;
}

const states = new WeakMap<Telegraf<Context>, State>();

type CallApi = (method: string, payload: any, options?: { signal?: AbortSignal }) => Promise<any>;

function resilientCallApi(inner: CallApi, state: State): CallApi {
  const { logger } = state.options;
  const now = state.options.now ?? Date.now;
  const sleep = state.options.sleep ?? defaultSleep;
  return async (method, payload, callOptions) => {
    // Polling retries getUpdates itself (retry_after, else 5 s) and stops on 401/409, as it should; and a
    // long poll must stay abortable by bot.stop().
    if (method === 'getUpdates') return inner(method, payload, callOptions);
    const chatId = payload?.chat_id === undefined ? undefined : String(payload.chat_id);
    if (chatId !== undefined && state.unreachable.has(chatId)) throw new ChatUnreachableError(chatId);
    const signal = callOptions?.signal ? AbortSignal.any([callOptions.signal, state.abort.signal]) : state.abort.signal;
    const deadline = now() + state.retry.maxWaitMs;
    for (let attempt = 1; ; attempt++) {
      try {
        if (chatId !== undefined && isSend(method))
          await state.pacer.acquire(payload.chat_id, deadline - now(), signal);
        return await inner(method, payload, { signal });
      } catch (error) {
        const failure = error instanceof PacingError ? ({ kind: 'permanent' } as const) : classifyFailure(error);
        if (failure.kind === 'unreachable' && chatId !== undefined) {
          state.unreachable.add(chatId);
          logger.warn('chat unreachable, skipping it until it writes again', {
            method,
            chatId,
            error: describe(error),
          });
          throw new ChatUnreachableError(chatId, { cause: error });
        }
        const delayMs =
          failure.kind === 'retry-after'
            ? failure.ms
            : failure.kind === 'transient'
              ? Math.min(state.retry.maxDelayMs, state.retry.baseDelayMs * 2 ** (attempt - 1))
              : undefined;
        if (
          delayMs === undefined ||
          attempt >= state.retry.maxAttempts ||
          now() + delayMs > deadline ||
          signal.aborted
        ) {
          // Logged here too, where method and chat are known (bot.catch logs the update). A 4xx is the caller's
          // to judge ("message is not modified" is harmless); anything else means a message is lost.
          const callersCall = error instanceof TelegramError && error.code < 500 && error.code !== 429;
          logger[callersCall ? 'warn' : 'error'](
            callersCall ? 'Telegram call failed' : 'Telegram call failed, giving up',
            {
              method,
              chatId,
              attempts: attempt,
              error: describe(error),
            },
          );
          throw error;
        }
        logger.warn('Telegram call failed, retrying', { method, chatId, attempt, delayMs, error: describe(error) });
        try {
          await sleep(delayMs, signal);
        } catch (abandoned) {
          logger.error('Telegram call failed, giving up', {
            method,
            chatId,
            attempts: attempt,
            error: describe(error),
            abandoned: describe(abandoned),
          });
          throw abandoned;
        }
      }
    }
  };
}

/**
 * Makes the bot's outgoing calls resilient (see the file comment) and installs the per-user question limit.
 * Call it right after constructing the bot, before registering handlers: the limit is a middleware and
 * must run first.
 */
export function installResilience(bot: Telegraf<Context>, options: ResilienceOptions): void {
  if (states.has(bot)) throw new Error('installResilience: already installed on this bot');
  const state: State = {
    options,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    pacer: createChatPacer({ perMinute: options.groupMessagesPerMinute ?? 18, now: options.now, sleep: options.sleep }),
    unreachable: new Set(),
    abort: new AbortController(),
  };
  setMaxListeners(0, state.abort.signal); // every request in flight listens to it
  states.set(bot, state);
  const inner: CallApi = bot.telegram.callApi.bind(bot.telegram) as CallApi;
  (bot.telegram as unknown as { callApi: CallApi }).callApi = resilientCallApi(inner, state);
  Object.assign(bot.context, { telegram: bot.telegram }); // readonly in the typings; see the file comment
  bot.use((ctx, next) => {
    // A chat that writes again has unblocked the bot (or re-added it): it is reachable again.
    if (ctx.chat) state.unreachable.delete(String(ctx.chat.id));
    return next();
  });
  bot.use(
    floodControl({
      questionsPerMinute: options.questionsPerMinute ?? 10,
      logger: options.logger,
      now: options.now,
      stats: options.floodStats,
    }),
  );
}

/** True when the error only says the chat blocked or removed the bot (already logged, nothing to reply). */
export function isChatUnreachable(error: unknown): error is ChatUnreachableError {
  return error instanceof ChatUnreachableError;
}

/** Ends every pending wait and request of the bot's outgoing calls (shutdown past its grace period). */
export function abortOutgoing(bot: Telegraf<Context>, reason = 'shutting down'): void {
  states.get(bot)?.abort.abort(new Error(`Telegram call abandoned: ${reason}`));
}
