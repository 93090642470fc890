/**
 * Operator commands, for the user ids in ADMIN_IDS and only in a private chat: /stats, /unanswered, /docs and
 * /remove NAME (with a confirmation button, "rm:<row id>:y|n"). Anyone else gets a polite refusal and nothing;
 * in a group the commands only say to use a private chat. Every operator action is recorded in the store
 * (admin_actions: who as `tg:<user id>`, what, when). Commands are not questions: none is in the question log.
 */
import type { Context, Telegraf } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { escapeHtml } from '../answer/format.js';
import type { Store } from '../store/store.js';
import type { ResolvedDeps } from './deps.js';
import { operatorMessages, type OperatorMessages } from './operator-messages.js';
import { formatTime, passageCounts, statsLines, unansweredLines } from './operator-report.js';
import { isGroup, langFor, replyToAsker } from './reply.js';

const REMOVE = /^rm:(\d{1,15}):([yn])$/;

/** The actor an admin action is recorded under. */
export const actorOf = (ctx: Context) => `tg:${ctx.from?.id ?? 'unknown'}`;

export function isAdmin(ctx: Context, deps: Pick<ResolvedDeps, 'admins'>): boolean {
  return ctx.from !== undefined && deps.admins.includes(ctx.from.id);
}

/**
 * The store when the update's user may use operator features here; otherwise replies why (group: use a private
 * chat; not an admin: a polite refusal; no store) and returns undefined.
 */
export async function operatorStore(ctx: Context, deps: ResolvedDeps): Promise<Store | undefined> {
  const t = operatorMessages(langFor(ctx));
  if (isGroup(ctx) || ctx.chat?.type !== 'private') {
    await replyToAsker(ctx, t.privateOnly);
    return undefined;
  }
  if (!isAdmin(ctx, deps)) {
    await replyToAsker(ctx, t.adminsOnly);
    return undefined;
  }
  if (!deps.store) await replyToAsker(ctx, t.noStore);
  return deps.store;
}

function docsHtml(deps: ResolvedDeps, store: Store, t: OperatorMessages): string {
  const counts = passageCounts(deps.engine.corpus);
  const listed = store.documents.list();
  const lines = listed.map((d) =>
    escapeHtml(
      t.docLine(d.id, counts.get(d.id) ?? 0, d.origin === 'added') +
        (d.addedAt ? ` · ${formatTime(d.addedAt)}${d.addedBy ? ` · ${d.addedBy}` : ''}` : ''),
    ),
  );
  return [t.docsHeader(listed.length), ...lines, '', escapeHtml(t.docsFooter)].join('\n');
}

function confirmKeyboard(rowId: number, t: OperatorMessages): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [
        { text: t.removeButton, callback_data: `rm:${rowId}:y` },
        { text: t.cancelButton, callback_data: `rm:${rowId}:n` },
      ],
    ],
  };
}

async function askRemove(ctx: Context, deps: ResolvedDeps, store: Store, name: string): Promise<void> {
  const t = operatorMessages(langFor(ctx));
  if (!name) {
    await replyToAsker(ctx, escapeHtml(t.removeUsage));
    return;
  }
  const listed = store.documents.list().find((d) => d.id === name || d.id.toLowerCase() === name.toLowerCase());
  const rowId = listed?.origin === 'added' ? store.documents.rowId(listed.id) : undefined;
  if (!listed || rowId === undefined) {
    await replyToAsker(ctx, escapeHtml(t.removeNotAdded(name, listed?.origin === 'corpus')));
    return;
  }
  store.recordAction(actorOf(ctx), 'remove-document-asked', listed.id);
  const passages = passageCounts(deps.engine.corpus).get(listed.id) ?? 0;
  await replyToAsker(ctx, escapeHtml(t.removeConfirm(listed.id, passages)), confirmKeyboard(rowId, t));
}

/** Registers /stats, /unanswered, /docs, /remove and the confirmation buttons (before the text handler). */
export function registerAdmin(bot: Telegraf, deps: ResolvedDeps): void {
  bot.command('stats', async (ctx) => {
    const store = await operatorStore(ctx, deps);
    if (!store) return;
    store.recordAction(actorOf(ctx), 'stats');
    const [title = '', ...lines] = statsLines(store.stats(), langFor(ctx));
    await replyToAsker(ctx, [`<b>${escapeHtml(title)}</b>`, ...lines.map(escapeHtml)].join('\n'));
  });
  bot.command('unanswered', async (ctx) => {
    const store = await operatorStore(ctx, deps);
    if (!store) return;
    store.recordAction(actorOf(ctx), 'unanswered');
    const t = operatorMessages(langFor(ctx));
    const lines = unansweredLines(store.unanswered(15));
    await replyToAsker(
      ctx,
      lines.length ? [t.unansweredHeader, ...lines.map(escapeHtml)].join('\n') : t.unansweredNone,
    );
  });
  bot.command('docs', async (ctx) => {
    const store = await operatorStore(ctx, deps);
    if (!store) return;
    store.recordAction(actorOf(ctx), 'docs');
    await replyToAsker(ctx, docsHtml(deps, store, operatorMessages(langFor(ctx))));
  });
  bot.command('remove', async (ctx) => {
    const store = await operatorStore(ctx, deps);
    if (store) await askRemove(ctx, deps, store, ctx.payload.trim());
  });
  bot.action(REMOVE, async (ctx) => {
    const t = operatorMessages(langFor(ctx));
    const store = deps.store;
    if (!store || !isAdmin(ctx, deps) || ctx.chat?.type !== 'private')
      return void (await ctx.answerCbQuery(t.adminsOnly));
    const [, rowText = '', choice] = ctx.match;
    const id = store.documents.idOfRow(Number(rowText));
    if (!id) return void (await ctx.answerCbQuery(t.expired));
    await ctx.answerCbQuery();
    let text = t.cancelled;
    if (choice === 'y') {
      store.documents.remove(id, actorOf(ctx));
      deps.live?.reload(store.documents.version());
      text = t.removed(id);
    } else store.recordAction(actorOf(ctx), 'remove-document-cancelled', id);
    await ctx
      .editMessageText(escapeHtml(text), { parse_mode: 'HTML' })
      .catch(() => replyToAsker(ctx, escapeHtml(text)));
  });
}
