/**
 * The typing indicator while an answer is being made. The request goes out before the answer is computed and
 * the reply waits for it (at most TYPING_WAIT_MS), so "typing…" never shows after the answer has arrived; a
 * failure only costs the indicator. It is one more Bot API call per answer, so under a burst (more than
 * TYPING_MAX_IN_FLIGHT updates being handled at once) it is left out: the calls go to answers instead.
 */
import type { Context, Telegraf } from 'telegraf';
import { settleWithin } from './dispatch.js';
import type { ResolvedDeps } from './deps.js';

/** Longest the reply waits for the typing request. */
export const TYPING_WAIT_MS = 1000;
/** Above this many updates in flight, no typing indicator. */
export const TYPING_MAX_IN_FLIGHT = 20;

interface TypingState {
  /** True when the update arrived while the bot was busy (see TYPING_MAX_IN_FLIGHT). */
  busy?: boolean;
}

/** Counts the updates in flight and marks each one that arrives while the bot is busy. Register it first. */
export function trackInFlight(bot: Telegraf): void {
  let inFlight = 0;
  bot.use(async (ctx, next) => {
    inFlight++;
    (ctx.state as TypingState).busy = inFlight > TYPING_MAX_IN_FLIGHT;
    try {
      await next();
    } finally {
      inFlight--;
    }
  });
}

/**
 * Sends "typing" to the update's chat. Awaiting the result waits (never rejects) until the request is done or
 * TYPING_WAIT_MS passed, counted from the await, not from the send: an answer that took long to compute must not
 * have used the wait up, or the reply could overtake the typing request.
 */
export function showTyping(ctx: Context, deps: Pick<ResolvedDeps, 'logger'>): PromiseLike<void> {
  if (!ctx.chat || (ctx.state as TypingState).busy) return Promise.resolve();
  const sent = ctx
    .sendChatAction('typing')
    .catch((error: unknown) => deps.logger.debug('sendChatAction failed', { updateId: ctx.update.update_id, error }));
  return { then: (onDone, onFailed) => settleWithin(sent, TYPING_WAIT_MS).then(onDone, onFailed) };
}
