/**
 * Inline mode: "@BotName question" in any chat offers up to 5 passages as article results; an empty query
 * lists the agreements. Result ids are passage positions or agreement ids (≤ 64 bytes).
 */
import type { Telegraf } from 'telegraf';
import type { InlineQueryResultArticle } from 'telegraf/types';
import { answerQuestion } from '../answer/answer.js';
import { clipQuestion, formatAnswerHtml, splitMessage } from '../answer/format.js';
import { formatDate, langOf, messages, questionLang, topicTitle, type Lang } from '../answer/i18n.js';
import { isEnglishQuestion } from '../text/english.js';
import type { Passage } from '../corpus/types.js';
import type { ResolvedDeps } from './deps.js';
import { agreementHtml } from './commands.js';
import { ordinalOf } from './more.js';

/** Characters of the passage shown as a result's description. */
const DESCRIPTION_CHARS = 60;
/** Seconds Telegram may cache inline results (the corpus changes only with a restart). */
const INLINE_CACHE_SECONDS = 300;

function article(id: string, title: string, description: string, html: string): InlineQueryResultArticle {
  return {
    type: 'article',
    id,
    title,
    description,
    // A result's message has the same 4096 limit; passages are far shorter, but never send an invalid one.
    input_message_content: {
      message_text: splitMessage(html)[0] ?? html,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    },
  };
}

function passageTitle(passage: Passage, lang: Lang, deps: ResolvedDeps): string {
  const topic = deps.engine.corpus.topics.agreements.find((t) => t.id === passage.topic);
  return [passage.section, topic ? topicTitle(topic, lang) : undefined].filter(Boolean).join(' · ');
}

function firstWords(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= DESCRIPTION_CHARS ? chars.join('') : `${chars.slice(0, DESCRIPTION_CHARS).join('')}…`;
}

/** The inline results for a query. */
export function inlineResults(query: string, lang: Lang, deps: ResolvedDeps): InlineQueryResultArticle[] {
  const corpus = deps.engine.corpus;
  const { question } = clipQuestion(query);
  if (!question) {
    return corpus.topics.agreements.map((topic) =>
      article(
        `a:${topic.id}`,
        topicTitle(topic, lang),
        `${topic.party.name} · ${messages(lang).signed(formatDate(topic.date, lang))}`,
        agreementHtml(topic, lang, deps),
      ),
    );
  }
  const answer = answerQuestion(deps.engine, question, { top: deps.inlineResults });
  if (answer.kind !== 'answer') return [];
  return answer.hits
    .slice(0, deps.inlineResults)
    .map((hit) =>
      article(
        `p:${ordinalOf(corpus, hit.passage.id)}`,
        passageTitle(hit.passage, lang, deps),
        firstWords(hit.passage.text),
        formatAnswerHtml(hit, lang, corpus, isEnglishQuestion(question)),
      ),
    );
}

/** Registers the inline_query handler. */
export function registerInline(bot: Telegraf, deps: ResolvedDeps): void {
  bot.on('inline_query', async (ctx) => {
    const lang = questionLang(langOf(ctx.inlineQuery.from.language_code), ctx.inlineQuery.query);
    const results = inlineResults(ctx.inlineQuery.query, lang, deps);
    await ctx.answerInlineQuery(results, {
      cache_time: INLINE_CACHE_SECONDS,
      // Nothing found: a button that opens the private chat, where /start explains what the documents cover.
      ...(results.length ? {} : { button: { text: messages(lang).inlineNoAnswer, start_parameter: 'inline' } }),
    });
  });
}
