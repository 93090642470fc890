/**
 * Starting the bot. startPolling is the long-polling start; webhook mode (issue 7) adds its own start with the
 * same result shape, and main picks one.
 */
import type { Telegraf } from 'telegraf';

type UpdateType = NonNullable<Telegraf.LaunchOptions['allowedUpdates']>[number];

/** The updates the bot handles; Telegram sends no others. */
export const ALLOWED_UPDATES: UpdateType[] = ['message', 'edited_message', 'callback_query', 'inline_query'];

/** A running bot: `stopped` settles when updates stop coming (rejects on a fatal error such as a bad token). */
export interface RunningBot {
  stopped: Promise<void>;
  /** Stops fetching updates; safe to call at any time, more than once. */
  stop(reason: string): void;
}

/** Starts long polling; resolves once getMe succeeded (the token works), rejects if it did not. */
export function startPolling(bot: Telegraf): Promise<RunningBot> {
  return new Promise((resolve, reject) => {
    let stopRequested = false;
    const stopped: Promise<void> = bot.launch({ allowedUpdates: ALLOWED_UPDATES }, () =>
      resolve({
        stopped,
        stop(reason) {
          if (stopRequested) return;
          stopRequested = true;
          // bot.stop throws "Bot is not running!" between getMe and the first getUpdates: retry briefly.
          const attempt = (tries: number) => {
            try {
              bot.stop(reason);
            } catch {
              if (tries > 0) setTimeout(() => attempt(tries - 1), 50);
            }
          };
          attempt(100);
        },
      }),
    );
    stopped.catch(reject);
  });
}
