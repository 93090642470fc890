/**
 * For everyone: /privacy (what is stored, for how long, who can read question texts), and the bot's description
 * and short description, set at start (setMyDescription / setMyShortDescription, Chinese by default and English
 * for language_code "en") from the corpus' document titles, so a new user sees what the bot is for before Start.
 */
import type { Telegraf } from 'telegraf';
import type { Lang } from '../answer/i18n.js';
import type { DocumentInfo } from '../corpus/types.js';
import type { Logger } from '../log.js';
import type { ResolvedDeps } from './deps.js';
import { operatorMessages } from './operator-messages.js';
import { langFor, replyToAsker } from './reply.js';

/** Telegram's limits (characters). */
export const MAX_DESCRIPTION = 512;
export const MAX_SHORT_DESCRIPTION = 120;

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The description and short description in a language, within Telegram's limits. */
export function descriptions(documents: DocumentInfo[], lang: Lang): { description: string; short: string } {
  const t = operatorMessages(lang);
  const titles = documents.map((d) => d.title);
  // Many documents: the first few titles, then how many more.
  const shown =
    titles.length > 5
      ? [...titles.slice(0, 5), lang === 'en' ? `and ${titles.length - 5} more` : `等 ${titles.length} 篇`]
      : titles;
  return {
    description: clip(t.description(shown), MAX_DESCRIPTION),
    short: clip(t.shortDescription(shown), MAX_SHORT_DESCRIPTION),
  };
}

/** Sets both descriptions in Chinese (default) and English; failures are logged, never fatal. */
export async function setDescriptions(bot: Telegraf, documents: DocumentInfo[], logger: Logger): Promise<void> {
  const calls = (['zh', 'en'] as const).flatMap((lang) => {
    const { description, short } = descriptions(documents, lang);
    const code = lang === 'en' ? 'en' : undefined;
    return [bot.telegram.setMyDescription(description, code), bot.telegram.setMyShortDescription(short, code)];
  });
  const failed = (await Promise.allSettled(calls)).filter((r) => r.status === 'rejected');
  if (failed.length)
    logger.warn('setMyDescription failed', {
      failed: failed.length,
      error: (failed[0] as PromiseRejectedResult).reason,
    });
}

export function registerPrivacy(bot: Telegraf, deps: ResolvedDeps): void {
  bot.command('privacy', (ctx) => replyToAsker(ctx, operatorMessages(langFor(ctx)).privacy(deps.retentionDays)));
}
