/**
 * /start, /help, /agreements and one command per agreement in topics.json, plus the command menus
 * registered with setMyCommands at start-up (Chinese by default, English for language_code "en").
 */
import type { Telegraf } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import { agreementLineHtml, escapeHtml, formatPassageHtml } from '../answer/format.js';
import { formatDate, messages, topicTitle, type Lang } from '../answer/i18n.js';
import { splitSentences } from '../corpus/split.js';
import { chineseDate } from '../corpus/topics.js';
import type { Passage, Topic, Topics } from '../corpus/types.js';
import type { Logger } from '../log.js';
import { SIGNING_VERBS } from '../text/lexicon.js';
import { listAgreements } from '../answer/summarize.js';
import { DIALOGUE_MESSAGES } from '../dialogue/messages.js';
import { agreementKeyboard, registerAgreementButtons } from './agreements.js';
import { recordSummary } from './conversation.js';
import type { ResolvedDeps } from './deps.js';
import { langFor, replyToAsker } from './reply.js';

/** Telegram's limit for a command description in the menu. */
const MAX_COMMAND_DESCRIPTION = 256;

/**
 * The passage that tells of an agreement's signing: among the agreement's passages, the one that names its
 * date (6月8日) and a signing word; the first such, else the first with either. Its sentence with both is bolded.
 */
export function signingPassage(passages: Passage[], topic: Topic): { passage: Passage; sentence?: string } | undefined {
  const date = chineseDate(topic.date);
  const score = (text: string) => (text.includes(date) ? 2 : 0) + (SIGNING_VERBS.some((w) => text.includes(w)) ? 1 : 0);
  let best: { passage: Passage; score: number } | undefined;
  for (const passage of passages) {
    if (passage.topic !== topic.id || passage.heading) continue;
    const s = score(passage.text);
    if (s > 0 && (!best || s > best.score)) best = { passage, score: s };
  }
  if (!best) return undefined;
  const sentences = splitSentences(best.passage.text);
  const sentence = sentences.reduce<string | undefined>(
    (a, s) => (a === undefined || score(s) > score(a) ? s : a),
    undefined,
  );
  return { passage: best.passage, sentence };
}

/** What an agreement's command replies: its title and date, then its summary or else its signing passage. */
export function agreementHtml(topic: Topic, lang: Lang, deps: ResolvedDeps): string {
  const t = messages(lang);
  const signed = t.signed(formatDate(topic.date, lang));
  const header = `<b>${escapeHtml(topicTitle(topic, lang))}</b>${lang === 'en' ? ` (${signed})` : `（${signed}）`}`;
  const summary = deps.summarize?.(topic.id)?.trim();
  if (summary) return `${header}\n\n${escapeHtml(summary)}`;
  const signing = signingPassage(deps.engine.corpus.passages, topic);
  if (!signing) return `${header}\n\n${t.agreementMissing}`;
  return `${header}\n\n${formatPassageHtml(signing.passage, signing.sentence, lang, deps.engine.corpus)}`;
}

function documentsHtml(deps: ResolvedDeps, lang: Lang): string {
  return deps.engine.corpus.documents
    .map((d) => {
      const extra = [d.source, d.date ? formatDate(d.date, lang) : undefined]
        .filter(Boolean)
        .join(lang === 'en' ? ', ' : '，');
      return escapeHtml(extra ? (lang === 'en' ? `${d.title} (${extra})` : `${d.title}（${extra}）`) : d.title);
    })
    .join('\n');
}

/** Registers /start, /help, /agreements and the per-agreement commands (before the text handler). */
export function registerCommands(bot: Telegraf, deps: ResolvedDeps): void {
  const topics = deps.engine.corpus.topics.agreements;
  bot.start((ctx) => replyToAsker(ctx, messages(langFor(ctx)).start(documentsHtml(deps, langFor(ctx)))));
  bot.help((ctx) => {
    const lang = langFor(ctx);
    return replyToAsker(
      ctx,
      messages(lang).help(
        topics.map((topic) => agreementLineHtml(topic, lang)),
        escapeHtml(ctx.me),
      ),
    );
  });
  bot.command('agreements', (ctx) => {
    const lang = langFor(ctx);
    const t = messages(lang);
    const lines = listAgreements(deps.engine).map((a) =>
      t.agreementLine(
        a.command,
        escapeHtml(topicTitle(a.topic, lang)),
        escapeHtml(formatDate(a.date, lang)),
        a.parties.map(escapeHtml),
      ),
    );
    return replyToAsker(ctx, [t.agreementsHeader, ...lines].join('\n'));
  });
  for (const topic of topics) {
    bot.command(topic.command, async (ctx) => {
      const lang = langFor(ctx);
      const sent = await replyToAsker(ctx, agreementHtml(topic, lang, deps), agreementKeyboard(topic, lang));
      recordSummary(ctx, deps, topic, sent);
    });
  }
  registerAgreementButtons(bot, deps);
}

function describe(text: string): string {
  return [...text].length <= MAX_COMMAND_DESCRIPTION
    ? text
    : `${[...text].slice(0, MAX_COMMAND_DESCRIPTION - 1).join('')}…`;
}

/** The command menus: private chats (any text is a question) and groups (/ask first). */
export function commandMenus(topics: Topics, lang: Lang): { private: BotCommand[]; group: BotCommand[] } {
  const t = messages(lang);
  const perTopic = topics.agreements.map((topic) => ({
    command: topic.command,
    description: describe(
      `${topicTitle(topic, lang)}${lang === 'en' ? ` (${t.signed(formatDate(topic.date, lang))})` : `（${t.signed(formatDate(topic.date, lang))}）`}`,
    ),
  }));
  const agreements = { command: 'agreements', description: t.menu.agreements };
  const help = { command: 'help', description: t.menu.help };
  const reset = { command: 'reset', description: DIALOGUE_MESSAGES[lang].resetMenu };
  return {
    private: [{ command: 'start', description: t.menu.start }, agreements, ...perTopic, reset, help],
    group: [{ command: 'ask', description: describe(t.menu.ask) }, agreements, ...perTopic, reset, help],
  };
}

/** Registers the menus: default scope (private chats) and all group chats, each in Chinese and English. */
export async function setCommandMenus(bot: Telegraf, topics: Topics, logger: Logger): Promise<void> {
  const calls = (['zh', 'en'] as const).flatMap((lang) => {
    const menus = commandMenus(topics, lang);
    const language = lang === 'en' ? { language_code: 'en' } : {};
    return [
      bot.telegram.setMyCommands(menus.private, { scope: { type: 'default' }, ...language }),
      bot.telegram.setMyCommands(menus.group, { scope: { type: 'all_group_chats' }, ...language }),
    ];
  });
  const results = await Promise.allSettled(calls);
  const failed = results.filter((r) => r.status === 'rejected');
  // A missing menu is cosmetic: warn and keep answering.
  if (failed.length)
    logger.warn('setMyCommands failed', { failed: failed.length, error: (failed[0] as PromiseRejectedResult).reason });
}
