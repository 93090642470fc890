/**
 * The "更多结果" button. Its callback data holds ids only: the next passages' positions in the corpus, each
 * with the index of its best sentence (to bold it again), e.g. "m:24.2,23.0" — no question text, ≤ 64 bytes.
 * Every callback query is answered, so the button's spinner stops even when the data is stale.
 */
import { Markup, type Telegraf } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { AnswerHit } from '../answer/answer.js';
import { formatPassageHtml } from '../answer/format.js';
import { messages, type Lang } from '../answer/i18n.js';
import { splitSentences } from '../corpus/split.js';
import type { Corpus, Passage } from '../corpus/types.js';
import type { ResolvedDeps } from './deps.js';
import { langFor, replyHtml } from './reply.js';

/** Telegram's limit for callback_data. */
export const MAX_CALLBACK_BYTES = 64;
/** "m:" pages in Chinese, "M:" in English: the pages keep the language of the answer they continue. */
const PREFIX: Record<Lang, string> = { zh: 'm:', en: 'M:' };

/** A passage to show later: its position in corpus.passages and its best sentence's index (if known). */
export interface MoreRef {
  ordinal: number;
  sentence?: number;
}

const ordinals = new WeakMap<Corpus, Map<string, number>>();

/** A passage's position in corpus.passages (cached map, not a scan). */
export function ordinalOf(corpus: Corpus, id: string): number | undefined {
  let map = ordinals.get(corpus);
  if (!map) {
    map = new Map(corpus.passages.map((p, i) => [p.id, i]));
    ordinals.set(corpus, map);
  }
  return map.get(id);
}

/** Callback data for the refs, dropping refs from the end until it fits in 64 bytes. */
export function encodeMore(refs: MoreRef[], lang: Lang = 'zh'): string | undefined {
  for (let n = refs.length; n > 0; n--) {
    const data =
      PREFIX[lang] +
      refs
        .slice(0, n)
        .map((r) => (r.sentence === undefined ? `${r.ordinal}` : `${r.ordinal}.${r.sentence}`))
        .join(',');
    if (Buffer.byteLength(data) <= MAX_CALLBACK_BYTES) return data;
  }
  return undefined;
}

/** Parses callback data from encodeMore; undefined when it is not ours or malformed. */
export function decodeMore(data: string): { refs: MoreRef[]; lang: Lang } | undefined {
  const lang: Lang | undefined = data.startsWith(PREFIX.en) ? 'en' : data.startsWith(PREFIX.zh) ? 'zh' : undefined;
  if (!lang) return undefined;
  const refs: MoreRef[] = [];
  for (const part of data.slice(PREFIX[lang].length).split(',')) {
    const m = /^(\d{1,7})(?:\.(\d{1,4}))?$/.exec(part);
    if (!m) return undefined;
    refs.push({ ordinal: Number(m[1]), ...(m[2] !== undefined ? { sentence: Number(m[2]) } : {}) });
  }
  return refs.length ? { refs, lang } : undefined;
}

/** The refs for answer hits (those whose passage is in the corpus). */
export function refsOf(corpus: Corpus, hits: AnswerHit[]): MoreRef[] {
  return hits.flatMap((hit) => {
    const ordinal = ordinalOf(corpus, hit.passage.id);
    if (ordinal === undefined) return [];
    return [{ ordinal, sentence: hit.sentence }];
  });
}

/** The "更多结果" keyboard for passages still to show, or undefined when there are none. */
export function moreKeyboard(refs: MoreRef[], lang: Lang): InlineKeyboardMarkup | undefined {
  const data = encodeMore(refs, lang);
  return data
    ? Markup.inlineKeyboard([Markup.button.callback(messages(lang).moreButton, data)]).reply_markup
    : undefined;
}

function resolveRef(corpus: Corpus, ref: MoreRef): { passage: Passage; sentence?: string } | undefined {
  const passage = corpus.passages[ref.ordinal];
  if (!passage) return undefined;
  return { passage, sentence: ref.sentence === undefined ? undefined : splitSentences(passage.text)[ref.sentence] };
}

/** The message's keyboard without its "更多结果" button (undefined when nothing else is left). */
function withoutMoreButton(message: object): InlineKeyboardMarkup | undefined {
  const markup = 'reply_markup' in message ? (message.reply_markup as InlineKeyboardMarkup | undefined) : undefined;
  const rows = (markup?.inline_keyboard ?? [])
    .map((row) => row.filter((b) => !('callback_data' in b && /^[mM]:/.test(b.callback_data))))
    .filter((row) => row.length);
  return rows.length ? { inline_keyboard: rows } : undefined;
}

/** Registers the handler of "更多结果" presses and a catch-all that answers any other callback query. */
export function registerMore(bot: Telegraf, deps: ResolvedDeps): void {
  bot.action(/^[mM]:/, async (ctx) => {
    const corpus = deps.engine.corpus; // read per press: documents may have been added since
    const decoded = 'data' in ctx.callbackQuery ? decodeMore(ctx.callbackQuery.data) : undefined;
    const lang = decoded?.lang ?? langFor(ctx);
    const refs = decoded?.refs;
    const found = refs?.map((r) => resolveRef(corpus, r));
    if (!refs || !found || found.some((f) => !f) || !ctx.callbackQuery.message) {
      await ctx.answerCbQuery(messages(lang).moreExpired);
      return;
    }
    // Best effort: Telegram refuses answers to queries that are too old, and the passages are still wanted.
    await ctx
      .answerCbQuery()
      .catch((e: unknown) =>
        deps.logger.warn('answerCallbackQuery failed', { updateId: ctx.update.update_id, error: e }),
      );
    const page = found.slice(0, deps.morePageSize).filter((f): f is NonNullable<typeof f> => Boolean(f));
    const html = page.map((f) => formatPassageHtml(f.passage, f.sentence, lang, corpus)).join('\n\n');
    // The pressed button has done its job: take it off (the vote buttons stay), so the chat does not collect stale buttons.
    await ctx
      .editMessageReplyMarkup(withoutMoreButton(ctx.callbackQuery.message))
      .catch((e: unknown) => deps.logger.debug('could not remove the button', { error: e }));
    await replyHtml(ctx, html, {
      replyTo: ctx.callbackQuery.message.message_id,
      keyboard: moreKeyboard(refs.slice(deps.morePageSize), lang),
    });
  });
  bot.on('callback_query', (ctx) => ctx.answerCbQuery());
}
