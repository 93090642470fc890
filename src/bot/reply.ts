/** Sending HTML replies: split to Telegram's limit, quoting the asker in groups, the keyboard on the last piece. */
import type { Context } from 'telegraf';
import type { InlineKeyboardMarkup, Message } from 'telegraf/types';
import { splitMessage } from '../answer/format.js';
import { langOf, type Lang } from '../answer/i18n.js';

/** The language to talk to the update's user in. */
export function langFor(ctx: Context): Lang {
  return langOf(ctx.from?.language_code);
}

/** True in groups and supergroups, where the bot only speaks when addressed and always quotes the asker. */
export function isGroup(ctx: Context): boolean {
  return ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';
}

export interface ReplyOptions {
  /** Message to reply to (quoted; sent anyway if it was deleted). */
  replyTo?: number;
  /** Inline keyboard, attached to the last piece. */
  keyboard?: InlineKeyboardMarkup;
}

/**
 * Sends Telegram HTML to the update's chat (and forum topic: ctx.reply keeps message_thread_id), in as many
 * messages as the 4096-character limit needs.
 */
export async function replyHtml(
  ctx: Context,
  html: string,
  options: ReplyOptions = {},
): Promise<Message.TextMessage[]> {
  const pieces = splitMessage(html);
  const sent: Message.TextMessage[] = [];
  for (const [i, piece] of pieces.entries()) {
    const message = await ctx.reply(piece, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(options.replyTo !== undefined && i === 0
        ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(options.keyboard && i === pieces.length - 1 ? { reply_markup: options.keyboard } : {}),
    });
    sent.push(message);
  }
  return sent;
}

/** Replies to the message of the update: quoting it in groups, plainly in private chats. */
export async function replyToAsker(
  ctx: Context,
  html: string,
  keyboard?: InlineKeyboardMarkup,
): Promise<Message.TextMessage[]> {
  const replyTo = isGroup(ctx) ? ctx.msg?.message_id : undefined;
  return replyHtml(ctx, html, { replyTo, keyboard });
}
