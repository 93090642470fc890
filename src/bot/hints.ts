/** Messages that are not questions: non-text in private chats gets a hint; edited messages are let be. */
import type { Telegraf } from 'telegraf';
import { messages } from '../answer/i18n.js';
import type { ResolvedDeps } from './deps.js';
import { langFor, replyToAsker } from './reply.js';

/** Register last: it sees only the messages no other handler took. */
export function registerHints(bot: Telegraf, deps: ResolvedDeps): void {
  bot.on('message', (ctx) => {
    if (ctx.chat.type !== 'private') return;
    return replyToAsker(ctx, messages(langFor(ctx)).nonText);
  });
  // Answering edits would send a second answer to the same question; say nothing.
  bot.on('edited_message', (ctx) => deps.logger.debug('edited message ignored', { updateId: ctx.update.update_id }));
}
