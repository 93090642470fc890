/**
 * Questions: any text in a private chat; in groups only `/ask …`, a message that @mentions the bot, or a
 * reply to one of its messages. Each is a turn of the asker's conversation (conversation.ts → src/dialogue).
 */
import type { Context, Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Message, UserFromGetMe } from 'telegraf/types';
import { messages } from '../answer/i18n.js';
import { converseInChat } from './conversation.js';
import type { ResolvedDeps } from './deps.js';
import { isGroup, langFor, replyToAsker } from './reply.js';

/**
 * The question a group message puts to the bot, or undefined when the message is not addressed to it.
 * An @mention of the bot is cut out of the question; '' means "addressed, but no question".
 */
export function addressedQuestion(
  msg: Message.TextMessage,
  me: Pick<UserFromGetMe, 'id' | 'username'>,
): string | undefined {
  const mentions = (msg.entities ?? []).filter(
    (e) =>
      (e.type === 'mention' &&
        msg.text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${me.username.toLowerCase()}`) ||
      (e.type === 'text_mention' && e.user.id === me.id),
  );
  const isReplyToMe = msg.reply_to_message?.from?.id === me.id;
  if (!mentions.length && !isReplyToMe) return undefined;
  let text = msg.text;
  for (const e of [...mentions].sort((a, b) => b.offset - a.offset)) {
    text = e.type === 'mention' ? text.slice(0, e.offset) + text.slice(e.offset + e.length) : text;
  }
  return text.trim();
}

/** True when the text is a bot command (to us or to another bot). */
function isCommand(msg: Message.TextMessage): boolean {
  return msg.entities?.some((e) => e.type === 'bot_command' && e.offset === 0) ?? false;
}

/** Answers a question in the update's chat, replying to the asker, in the asker's conversation (src/dialogue). */
export function answerInChat(ctx: Context, text: string, deps: ResolvedDeps): Promise<void> {
  return converseInChat(ctx, text, deps, isGroup(ctx) ? ctx.msg?.message_id : undefined);
}

/** Registers /ask and the text handler. Register after the other commands: unknown commands end up here. */
export function registerAsk(bot: Telegraf, deps: ResolvedDeps): void {
  bot.command('ask', (ctx) => answerInChat(ctx, ctx.payload, deps));
  bot.on(message('text'), async (ctx) => {
    const msg = ctx.message;
    if (ctx.chat.type === 'private') {
      if (isCommand(msg)) return replyToAsker(ctx, messages(langFor(ctx)).unknownCommand);
      return answerInChat(ctx, msg.text, deps);
    }
    if (!isGroup(ctx) || isCommand(msg)) return;
    const question = addressedQuestion(msg, ctx.botInfo);
    if (question === undefined) return;
    return answerInChat(ctx, question, deps);
  });
}
