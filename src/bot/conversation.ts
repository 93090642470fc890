/**
 * Conversations in Telegram: each private chat, and each user in a group, keeps its last turns (src/dialogue);
 * a reply to one of the bot's answers continues that answer's thread. Also /reset, the example-question buttons
 * of small talk, and ignoring messages from other bots in groups (two bots answering each other never stop).
 */
import { Markup, type Context, type Telegraf } from 'telegraf';
import type { InlineKeyboardMarkup, Message } from 'telegraf/types';
import { MAX_QUESTION_CHARS } from '../answer/answer.js';
import { clipQuestion } from '../answer/format.js';
import { messages, questionLang, type Lang } from '../answer/i18n.js';
import type { Topic } from '../corpus/types.js';
import { converse, summaryTurn } from '../dialogue/converse.js';
import { DIALOGUE_MESSAGES } from '../dialogue/messages.js';
import { exampleQuestions } from '../dialogue/small-talk.js';
import { ConversationStore, conversationKey, ThreadIndex, type ConversationStoreOptions } from '../dialogue/state.js';
import { stripControlChars } from '../text/normalize.js';
import type { ResolvedDeps } from './deps.js';
import { recordQuestion, withVoteButtons } from './feedback.js';
import { moreKeyboard, refsOf } from './more.js';
import { showTyping } from './typing.js';
import { isGroup, langFor, replyHtml } from './reply.js';

/** Example buttons: "x:<n>" asks example n in Chinese, "X:<n>" in English. */
const EXAMPLE = /^([xX]):(\d{1,2})$/;

interface Conversations {
  store: ConversationStore;
  threads: ThreadIndex;
}

const perBot = new WeakMap<ResolvedDeps, Conversations>();

/** The bot's conversations (made on first use, with deps.conversation's limits). */
export function conversationsOf(deps: ResolvedDeps & { conversation?: ConversationStoreOptions }): Conversations {
  let c = perBot.get(deps);
  if (!c) {
    const store = new ConversationStore(deps.conversation);
    c = { store, threads: new ThreadIndex(store.maxConversations, store.idleMs) };
    perBot.set(deps, c);
  }
  return c;
}

/**
 * The conversation of the update's user: the chat in private, the chat and the user in groups (where the group
 * has one too, which a member without their own follows).
 */
function keyOf(ctx: Context): string | undefined {
  if (!ctx.chat) return undefined;
  return conversationKey(ctx.chat.id, ctx.from?.id, isGroup(ctx));
}

/**
 * Records an agreement's summary as a turn of the asker's conversation (and of the summary message's thread, so
 * that a reply to it continues from there): a follow-up asks of that agreement.
 */
export function recordSummary(ctx: Context, deps: ResolvedDeps, topic: Topic, sent: Message.TextMessage[]): void {
  const key = keyOf(ctx);
  if (!key || !ctx.chat) return;
  const { store, threads } = conversationsOf(deps);
  store.record(key, summaryTurn(topic, langFor(ctx)));
  const first = sent[0];
  if (first) threads.remember(ctx.chat.id, first.message_id, store.turns(key));
}

/** True for a message from another bot in a group (not an anonymous admin or a channel, which carry sender_chat). */
export function isFromOtherBot(ctx: Context): boolean {
  const msg = ctx.message ?? ctx.editedMessage;
  return Boolean(msg && isGroup(ctx) && msg.from?.is_bot && !('sender_chat' in msg && msg.sender_chat));
}

function examplesKeyboard(examples: string[], lang: Lang): InlineKeyboardMarkup | undefined {
  if (!examples.length) return undefined;
  const prefix = lang === 'en' ? 'X' : 'x';
  return Markup.inlineKeyboard(examples.map((q, i) => [Markup.button.callback(q, `${prefix}:${i}`)])).reply_markup;
}

/**
 * Answers `text` in the update's chat, in the asker's conversation (or the thread of the bot answer it replies
 * to), quoting the asker in groups (`replyTo`).
 */
export async function converseInChat(ctx: Context, text: string, deps: ResolvedDeps, replyTo?: number): Promise<void> {
  const userLang = langFor(ctx);
  const t = messages(questionLang(userLang, text));
  const key = keyOf(ctx);
  if (!text.trim() || !key || !ctx.chat) {
    await replyHtml(ctx, t.askUsage, { replyTo });
    return;
  }
  const { question, clipped } = clipQuestion(stripControlChars(text));
  const typing = showTyping(ctx, deps);
  const started = performance.now();
  const engine = deps.engine; // one engine for the whole answer, even if documents change meanwhile
  const { store, threads } = conversationsOf(deps);
  const repliedTo = ctx.message && 'reply_to_message' in ctx.message ? ctx.message.reply_to_message : undefined;
  const thread =
    repliedTo?.from?.id === ctx.botInfo?.id && repliedTo
      ? threads.turnsOf(ctx.chat.id, repliedTo.message_id)
      : undefined;
  // In a group, someone with no conversation of their own yet follows the group's (上海交大那个呢 after another
  // member's 清华哪天签的).
  const groupKey = isGroup(ctx) ? conversationKey(ctx.chat.id) : undefined;
  const own = store.turns(key);
  const turns = thread ?? (own.length > 0 || !groupKey ? own : store.turns(groupKey));
  const reply = converse(engine, turns, question, userLang, { top: deps.maxHits });
  if (reply.record) {
    store.record(key, reply.record, turns);
    if (groupKey) store.record(groupKey, reply.record);
  }
  // Small talk is no question: only answers and declines go to the log (committed before the reply is sent).
  const questionId = reply.answer
    ? recordQuestion(ctx, deps, reply.answer, reply.lang, performance.now() - started, question)
    : undefined;
  deps.logger.debug('question answered', { updateId: ctx.update.update_id, kind: reply.answer?.kind, clipped });
  const html = `${clipped ? `${t.questionCut(MAX_QUESTION_CHARS)}\n\n` : ''}${reply.html}`;
  const answered = reply.answer?.kind === 'answer' ? reply.answer : undefined;
  const keyboard = reply.examples?.length
    ? examplesKeyboard(reply.examples, reply.lang)
    : reply.answer?.kind === 'answer'
      ? moreKeyboard(refsOf(engine.corpus, reply.answer.hits.slice(1)), reply.lang)
      : undefined;
  await typing;
  // 👍 / 👎 on answers and on declines (a 👎 there says the documents should have answered), not on invalid input.
  const votable = reply.answer?.kind === 'invalid' ? undefined : questionId;
  const sent: Message.TextMessage[] = await replyHtml(ctx, html, {
    replyTo,
    keyboard: withVoteButtons(ctx, keyboard, votable, reply.lang),
  });
  const first = sent[0];
  if (reply.record && first) threads.remember(ctx.chat.id, first.message_id, store.turns(key));
}

/** Registers /reset and the example buttons (before more.ts's catch-all for callbacks). */
export function registerConversation(bot: Telegraf, deps: ResolvedDeps): void {
  bot.command('reset', async (ctx) => {
    const key = keyOf(ctx);
    const { store } = conversationsOf(deps);
    if (key) store.reset(key);
    // The group's conversation too: else the next question would follow it (converseInChat).
    if (key && ctx.chat && isGroup(ctx)) store.reset(conversationKey(ctx.chat.id));
    await replyHtml(ctx, DIALOGUE_MESSAGES[langFor(ctx)].reset, {
      replyTo: isGroup(ctx) ? ctx.msg?.message_id : undefined,
    });
  });
  bot.action(EXAMPLE, async (ctx) => {
    const [, prefix, index] = ctx.match;
    const lang: Lang = prefix === 'X' ? 'en' : 'zh';
    const question = exampleQuestions(deps.engine.corpus.topics.agreements, lang)[Number(index)];
    await ctx.answerCbQuery().catch((e: unknown) => deps.logger.warn('answerCallbackQuery failed', { error: e }));
    if (!question) return;
    const message = ctx.callbackQuery.message;
    await converseInChat(ctx, question, deps, isGroup(ctx) ? message?.message_id : undefined);
  });
}
