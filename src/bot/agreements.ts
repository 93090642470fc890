/**
 * The buttons under an agreement's summary: "ask about this agreement" (puts `@bot <party> ` in the input
 * field, so the question is about that party) and "read its passages" (the agreement's passages one by one,
 * paged in place with ‹ ›). Callback data holds ids only: "a:<topic>:<index>" (≤ 64 bytes, topic ids are
 * ≤ 32 characters by topics.json's rule).
 */
import { Markup, type Telegraf } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { formatPassageHtml } from '../answer/format.js';
import { messages, partyName, type Lang } from '../answer/i18n.js';
import { topicPassages } from '../answer/summarize.js';
import type { Topic } from '../corpus/types.js';
import type { ResolvedDeps } from './deps.js';
import { langFor, replyHtml } from './reply.js';

const PAGE = /^a:([a-z][a-z0-9_]{0,31}):(\d{1,5})(:e)?$/;

/** The keyboard under a summary: ask about it, read its passages. */
export function agreementKeyboard(topic: Topic, lang: Lang): InlineKeyboardMarkup {
  const t = messages(lang);
  return Markup.inlineKeyboard([
    Markup.button.switchToCurrentChat(t.askAboutButton, `${partyName(topic, lang)} `),
    Markup.button.callback(t.readPassagesButton, `a:${topic.id}:0`),
  ]).reply_markup;
}

function pageKeyboard(topicId: string, index: number, count: number): InlineKeyboardMarkup | undefined {
  const buttons = [
    ...(index > 0 ? [Markup.button.callback(`‹ ${index}/${count}`, `a:${topicId}:${index - 1}:e`)] : []),
    ...(index + 1 < count ? [Markup.button.callback(`${index + 2}/${count} ›`, `a:${topicId}:${index + 1}:e`)] : []),
  ];
  return buttons.length ? Markup.inlineKeyboard(buttons).reply_markup : undefined;
}

/** Registers the passage pager (before more.ts's catch-all, which answers any other callback). */
export function registerAgreementButtons(bot: Telegraf, deps: ResolvedDeps): void {
  bot.action(PAGE, async (ctx) => {
    const { corpus } = deps.engine; // read per press: documents may have been added since
    const lang = langFor(ctx);
    const [, topicId = '', indexText = '0', edit] = ctx.match;
    const passages = topicPassages(deps.engine, topicId);
    const index = Number(indexText);
    const passage = passages[index];
    if (!passage) {
      await ctx.answerCbQuery(messages(lang).moreExpired);
      return;
    }
    await ctx
      .answerCbQuery()
      .catch((e: unknown) =>
        deps.logger.warn('answerCallbackQuery failed', { updateId: ctx.update.update_id, error: e }),
      );
    const html = `<b>${index + 1}/${passages.length}</b>\n${formatPassageHtml(passage, undefined, lang, corpus)}`;
    const keyboard = pageKeyboard(topicId, index, passages.length);
    // Paging edits the pager message in place; the first press (from the summary) starts a new one.
    if (edit && ctx.callbackQuery.message) {
      await ctx
        .editMessageText(html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(keyboard ? { reply_markup: keyboard } : {}),
        })
        // A second tap on the same button asks for the page already shown: nothing to do.
        .catch((e: unknown) => {
          if (!/message is not modified/.test(String((e as Error)?.message))) throw e;
        });
      return;
    }
    await replyHtml(ctx, html, { keyboard });
  });
}
