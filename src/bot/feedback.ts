/**
 * The question log and the 👍 / 👎 buttons. Every question the bot answers or declines is recorded (committed
 * before the reply is sent); an answer in a private chat gets the two buttons beside 更多结果, their callback data
 * the question's row id and the vote ("v:123:+"), so a press still counts after a restart. Groups get no buttons:
 * anyone in the group could vote on someone else's answer, and a row of buttons under every answer is noise for
 * the others; their questions are recorded all the same.
 */
import type { Context, Telegraf } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Answer } from '../answer/answer.js';
import type { Lang } from '../answer/i18n.js';
import type { Outcome, Vote } from '../store/questions.js';
import type { ResolvedDeps } from './deps.js';
import { operatorMessages } from './operator-messages.js';
import { langFor } from './reply.js';

const VOTE = /^v:(\d{1,15}):([+-])$/;

const OUTCOME: Record<Answer['kind'], Outcome> = { answer: 'answered', none: 'declined', invalid: 'invalid' };

/** How the answer understood the question, for the log: matched terms, or why it declined. */
function understood(answer: Answer): Record<string, unknown> {
  if (answer.kind === 'answer') return { matched: answer.hits[0]?.matched ?? [], evidence: answer.evidence };
  if (answer.kind === 'none') return { reason: answer.reason, missing: answer.missing, evidence: answer.evidence };
  return { error: answer.error };
}

/**
 * Records a question and its answer; returns the row id, or undefined without a store or when the write failed
 * (logged: the asker still gets the answer, without vote buttons).
 */
export function recordQuestion(
  ctx: Context,
  deps: ResolvedDeps,
  answer: Answer,
  lang: Lang,
  latencyMs: number,
  /** The text as asked, when a follow-up was read in context (answer.question is then the question understood). */
  asked: string = answer.question,
): number | undefined {
  if (!deps.store) return undefined;
  const top = answer.kind === 'answer' ? answer.hits[0] : undefined;
  try {
    return deps.store.questions.record({
      chatType: ctx.chat?.type ?? 'unknown',
      lang,
      userId: ctx.from?.id,
      text: asked,
      understood: asked === answer.question ? understood(answer) : { as: answer.question, ...understood(answer) },
      outcome: OUTCOME[answer.kind],
      topPassage: top?.passage.id,
      topScore: top?.score,
      latencyMs,
    });
  } catch (error) {
    deps.logger.error('could not record the question', { updateId: ctx.update.update_id, error });
    return undefined;
  }
}

/** The keyboard of an answer: its own buttons, plus 👍 / 👎 in private chats when the question was recorded. */
export function withVoteButtons(
  ctx: Context,
  keyboard: InlineKeyboardMarkup | undefined,
  questionId: number | undefined,
  lang: Lang,
): InlineKeyboardMarkup | undefined {
  if (questionId === undefined || ctx.chat?.type !== 'private') return keyboard;
  const t = operatorMessages(lang);
  const votes: InlineKeyboardButton[] = [
    { text: t.voteUp, callback_data: `v:${questionId}:+` },
    { text: t.voteDown, callback_data: `v:${questionId}:-` },
  ];
  const rows = keyboard?.inline_keyboard ?? [];
  // Beside 更多结果 on one row when there is one, else a row of their own.
  return rows.length === 1 ? { inline_keyboard: [[...rows[0]!, ...votes]] } : { inline_keyboard: [...rows, votes] };
}

/** Registers the vote buttons' handler (before more.ts's catch-all). */
export function registerFeedback(bot: Telegraf, deps: ResolvedDeps): void {
  bot.action(VOTE, async (ctx) => {
    const t = operatorMessages(langFor(ctx));
    const [, idText = '', sign] = ctx.match;
    const value: Vote = sign === '+' ? 1 : -1;
    if (!deps.store) return void (await ctx.answerCbQuery(t.noStore));
    const result = deps.store.questions.vote(Number(idText), ctx.from.id, value);
    deps.logger.debug('vote', { updateId: ctx.update.update_id, result, value });
    await ctx.answerCbQuery(t.voted(result, value === 1));
  });
}
