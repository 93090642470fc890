/** createBot: the Telegram bot, one feature a file, wired in the order telegraf matches them. */
import { Telegraf } from 'telegraf';
import { messages } from '../answer/i18n.js';
import { registerAdmin } from './admin.js';
import { registerAsk } from './ask.js';
import { registerCommands } from './commands.js';
import { isFromOtherBot, registerConversation } from './conversation.js';
import { resolveDeps, type BotDeps } from './deps.js';
import { registerHints } from './hints.js';
import { registerInline } from './inline.js';
import { registerFeedback } from './feedback.js';
import { registerMore } from './more.js';
import { registerPrivacy } from './privacy.js';
import { HANDLER_TIMEOUT_MS, installResilience, isChatUnreachable } from './resilience.js';
import { isGroup, langFor, replyToAsker } from './reply.js';
import { registerUpload } from './upload.js';

export type { BotDeps } from './deps.js';

/** Builds the bot (not started: see launch.ts). Nothing here touches the network. */
export function createBot(token: string, deps: BotDeps): Telegraf {
  const resolved = resolveDeps(deps);
  const bot = new Telegraf(token, { telegram: { apiRoot: resolved.apiRoot }, handlerTimeout: HANDLER_TIMEOUT_MS });
  installResilience(bot, { logger: resolved.logger, ...resolved.resilience }); // first: retries, rate limit
  bot.use((ctx, next) => (isFromOtherBot(ctx) ? undefined : next())); // two bots answering each other never stop
  registerCommands(bot, resolved);
  registerPrivacy(bot, resolved);
  registerAdmin(bot, resolved); // operators: /stats, /unanswered, /docs, /remove
  registerFeedback(bot, resolved); // 👍 / 👎 (before more.ts's catch-all for callbacks)
  registerUpload(bot, resolved); // documents from operators (before hints.ts)
  registerConversation(bot, resolved); // /reset, example buttons (before more.ts's catch-all)
  registerMore(bot, resolved);
  registerInline(bot, resolved);
  registerAsk(bot, resolved); // after the commands: its text handler takes what they leave
  registerHints(bot, resolved); // last: non-text messages
  bot.catch(async (error, ctx) => {
    // The chat blocked or removed the bot: already logged, and there is no one to reply to.
    if (isChatUnreachable(error)) return;
    // The logger redacts anything shaped like a token (telegraf's network errors carry the API URL).
    resolved.logger.error('update failed', { updateId: ctx.update.update_id, error });
    // Tell the asker briefly; in groups only when they addressed the bot (a command or a question).
    if (!ctx.chat || (isGroup(ctx) && !ctx.msg)) return;
    await replyToAsker(ctx, messages(langFor(ctx)).error).catch(() => undefined);
  });
  return bot;
}
