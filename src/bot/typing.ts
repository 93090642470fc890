/**
 * The typing indicator while an answer is being made. The request goes out before the answer is computed and
 * the reply waits for it (at most TYPING_WAIT_MS), so "typing…" never shows after the answer has arrived; a
 * failure only costs the indicator.
 */
import type { Context } from 'telegraf';
import { settleWithin } from './dispatch.js';
import type { ResolvedDeps } from './deps.js';

/** Longest the reply waits for the typing request. */
export const TYPING_WAIT_MS = 1000;

/** Sends "typing" to the update's chat; the promise settles (never rejects) when sent, failed or timed out. */
export function showTyping(ctx: Context, deps: Pick<ResolvedDeps, 'logger'>): Promise<void> {
  if (!ctx.chat) return Promise.resolve();
  const sent = ctx
    .sendChatAction('typing')
    .catch((error: unknown) => deps.logger.debug('sendChatAction failed', { updateId: ctx.update.update_id, error }));
  return settleWithin(sent, TYPING_WAIT_MS);
}
