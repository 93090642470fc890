/**
 * Updates in flight. Both ways of receiving updates hand them to one dispatcher, which
 * - never lets one update kill the bot: a handler that throws past bot.catch is logged with the update id;
 * - keeps a slow update (an answer waiting for Telegram's retry_after or a group's send slot) from holding up
 *   everyone else: telegraf's polling handles a batch before it fetches the next, so after `detachAfterMs` the
 *   update goes on in the background; a fast update is finished before the next poll, as before;
 * - bounds the updates in flight (`maxInFlight`: the next waits for a free place);
 * - knows what is still running, so a shutdown can finish the answers in flight (drain).
 */
import type { Context, Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../log.js';

/** Waits for a promise (its failure ignored) or `ms`, whichever comes first. */
export async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

export interface DispatcherOptions {
  logger: Logger;
  /** After this long an update is handled in the background (default 2000 ms). */
  detachAfterMs?: number;
  /** Most updates handled at once (default 1000). */
  maxInFlight?: number;
}

export interface UpdateDispatcher {
  /** Handles an update; resolves once it is done or detached (see the file comment). Never rejects. */
  dispatch(update: Update): Promise<void>;
  /** Updates being handled now. */
  readonly inFlight: number;
  /** Waits until no update is in flight or `timeoutMs` passed; resolves with how many are still running. */
  drain(timeoutMs: number): Promise<number>;
}

export function createDispatcher(
  handle: (update: Update) => Promise<unknown>,
  options: DispatcherOptions,
): UpdateDispatcher {
  const { logger, detachAfterMs = 2000, maxInFlight = 1000 } = options;
  const running = new Set<Promise<void>>();
  return {
    async dispatch(update) {
      while (running.size >= maxInFlight) await Promise.race(running);
      const handling: Promise<void> = Promise.resolve()
        .then(() => handle(update))
        .then(
          () => undefined,
          (error: unknown) => logger.error('update failed', { updateId: update.update_id, error }),
        )
        .finally(() => running.delete(handling));
      running.add(handling);
      await settleWithin(handling, detachAfterMs);
    },
    get inFlight() {
      return running.size;
    },
    async drain(timeoutMs) {
      if (running.size) await settleWithin(Promise.all(running), timeoutMs);
      return running.size;
    },
  };
}

/**
 * Routes the updates telegraf's long polling fetches through the dispatcher. telegraf's polling loop calls
 * `bot.handleUpdate` for each update (and dies if it rejects), so that is the one place to hook.
 */
export function dispatchPolledUpdates(bot: Telegraf<Context>, options: DispatcherOptions): UpdateDispatcher {
  const original = bot.handleUpdate.bind(bot);
  const dispatcher = createDispatcher((update) => original(update), options);
  bot.handleUpdate = (update) => dispatcher.dispatch(update);
  return dispatcher;
}
