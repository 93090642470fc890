/**
 * UI strings, Chinese by default and English for users whose Telegram language_code starts with "en".
 * One table, so a new string is added in both languages at once. Strings marked HTML are Telegram HTML, and
 * so are the arguments of the HTML functions: callers escape what they pass in (format.ts escapeHtml).
 */
import { chineseDate } from '../corpus/topics.js';
import { isEnglishQuestion } from '../text/english.js';
import type { Topic } from '../corpus/types.js';

export type Lang = 'zh' | 'en';

/** Telegram's language_code ("en", "en-GB", "zh-hans", undefined) → the language we answer in. */
export function langOf(languageCode: string | undefined): Lang {
  return languageCode?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/**
 * The language to answer a question in: the user's, or English for a question written in English (the
 * passage stays Chinese; the UI around it follows the question).
 */
export function questionLang(userLang: Lang, question: string): Lang {
  return userLang === 'en' || isEnglishQuestion(question) ? 'en' : userLang;
}

/** The example question shown in help and no-answer messages (the corpus answers Chinese best). */
export const EXAMPLE_QUESTION = '上海交大的合作涵盖哪些领域？';
/** A second example, for /help. */
export const EXAMPLE_QUESTION_2 = '清华大学将在哪些方面与重庆合作？';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2020-06" / "2020-06-08" in the reader's language: 2020年6月 / June 2020, 6月8日 / 8 June 2020. */
export function formatDate(iso: string, lang: Lang): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month) return iso;
  if (lang === 'en') return [day, EN_MONTHS[month - 1], year].filter(Boolean).join(' ');
  return day ? chineseDate(iso) : `${year}年${month}月`;
}

/** An agreement's title in the reader's language. */
export function topicTitle(topic: Topic, lang: Lang): string {
  return lang === 'en' ? (topic.titleEn ?? topic.title) : topic.title;
}

/** An agreement's party in the reader's language. */
export function partyName(topic: Topic, lang: Lang): string {
  return lang === 'en' ? (topic.party.nameEn ?? topic.party.name) : topic.party.name;
}

export interface Messages {
  /** Label of the button that shows the next passages. */
  moreButton: string;
  /** Callback toast when the button's data no longer points at passages (corpus changed). */
  moreExpired: string;
  /** HTML: the Chinese terms an English question matched in the passage (escaped by the caller). */
  matched: (terms: string[]) => string;
  /** Prefix of the source line under a passage. */
  source: string;
  /** "signed 6月3日" (HTML-safe: dates only). */
  signed: (date: string) => string;
  /** HTML: the note above an answer to a question that was cut. */
  questionCut: (limit: number) => string;
  /** HTML: the documents do not cover the question; `missing` (escaped) are its words the corpus never mentions. */
  noAnswer: (missing: string[]) => string;
  /** HTML: what the documents cover (one line per agreement is appended by the caller). */
  coverageIntro: string;
  /** HTML: how to explore, with an example question. */
  tryThis: string;
  /** HTML: the question had no searchable words. */
  invalid: string;
  /** HTML: `/ask` without a question. */
  askUsage: string;
  /** HTML: a sticker, photo, voice … in a private chat. */
  nonText: string;
  /** HTML: a command the bot does not know, in a private chat. */
  unknownCommand: string;
  /** HTML: the per-user question limit was reached. */
  slowDown: (perMinute: number) => string;
  /** HTML: something failed while answering. */
  error: string;
  /** HTML: /start greeting; `doc` is the escaped document line. */
  start: (doc: string) => string;
  /** HTML: /help, given one escaped line per agreement command and the bot's (escaped) username. */
  help: (agreementLines: string[], botUsername: string) => string;
  /** Button under a summary: ask about this agreement (plain text). */
  askAboutButton: string;
  /** Button under a summary: read the agreement's passages one by one (plain text). */
  readPassagesButton: string;
  /** HTML: one /agreements line; arguments are escaped by the caller. */
  agreementLine: (command: string, title: string, date: string, parties: string[]) => string;
  /** HTML: the /agreements header. */
  agreementsHeader: string;
  /** HTML: an agreement's command when no passage tells of its signing. */
  agreementMissing: string;
  /** Inline mode: the button shown when a query has no answer (plain text). */
  inlineNoAnswer: string;
  /** Menu descriptions for setMyCommands (plain text, ≤ 256 characters). */
  menu: { start: string; help: string; ask: string; agreements: string };
}

const zh: Messages = {
  moreButton: '更多结果',
  moreExpired: '这个按钮已失效，请重新提问。',
  matched: (terms) => `匹配：${terms.join('、')}`,
  source: '出处',
  signed: (date) => `${date}签署`,
  questionCut: (limit) => `<i>（问题太长，只按前 ${limit} 个字回答。）</i>`,
  noAnswer: (missing) =>
    `抱歉，这些文档没有讲到这个问题${missing.length ? `（文档中没有提到：${missing.join('、')}）` : ''}。`,
  coverageIntro: '文档讲的是：',
  tryThis: `发送 /agreements 查看协议，或者这样问：<i>${EXAMPLE_QUESTION}</i>`,
  invalid: `请用中文（或英文）提一个关于这些文档的问题，例如：<i>${EXAMPLE_QUESTION}</i>`,
  askUsage: `请在 /ask 后面写上问题，例如：\n/ask ${EXAMPLE_QUESTION}`,
  nonText: `我只能读文字消息。请用文字提问，例如：<i>${EXAMPLE_QUESTION}</i>`,
  unknownCommand: '没有这个命令。发送 /help 查看全部命令。',
  slowDown: (perMinute) => `提问太快了：每人每分钟最多 ${perMinute} 个问题。请等一分钟再问。`,
  error: '抱歉，出错了，请稍后再试。',
  start: (doc) =>
    `你好！我根据以下文档回答问题：\n<b>${doc}</b>\n\n直接把问题发给我，例如：<i>${EXAMPLE_QUESTION}</i>\n` +
    '发送 /agreements 查看协议，/help 查看全部命令。',
  help: (lines, bot) =>
    [
      '<b>命令</b>',
      '/ask 问题 — 提问（私聊中直接发问题即可）',
      '/agreements — 文档中的合作协议',
      ...lines,
      '/reset — 忘掉之前的对话，重新开始',
      '/start — 开始',
      '/help — 本帮助',
      '',
      '<b>例子</b>',
      EXAMPLE_QUESTION,
      `/ask ${EXAMPLE_QUESTION_2}`,
      '',
      `群聊中：用 /ask、@${bot} 或回复我的消息提问。`,
      `任何聊天中：输入 @${bot} 加问题，选择一段原文发送。`,
    ].join('\n'),
  askAboutButton: '就这项协议提问',
  readPassagesButton: '逐段阅读原文',
  agreementLine: (command, title, date, parties) =>
    `/${command} — ${title}\n    ${date}签署 · 签约方：${parties.join('、')}`,
  agreementsHeader: '<b>文档中的合作协议</b>',
  agreementMissing: '文档中没有这项协议签署的段落。',
  inlineNoAnswer: '没有找到答案：点这里看看文档讲了什么',
  menu: {
    start: '开始',
    help: '全部命令和例子',
    ask: '提问，例如 /ask 上海交大的合作涵盖哪些领域？',
    agreements: '文档中的合作协议',
  },
};

const en: Messages = {
  moreButton: 'More results',
  moreExpired: 'This button has expired: please ask again.',
  matched: (terms) => `matched: ${terms.join(', ')}`,
  source: 'Source',
  signed: (date) => `signed ${date}`,
  questionCut: (limit) => `<i>(Your question was too long: I answered its first ${limit} characters.)</i>`,
  noAnswer: (missing) =>
    `Sorry, the documents don't cover that${missing.length ? ` (they never mention: ${missing.join(', ')})` : ''}.`,
  coverageIntro: 'They are about:',
  tryThis: `Send /agreements to see the agreements, or ask e.g. <i>${EXAMPLE_QUESTION}</i> (questions in Chinese work best).`,
  invalid: `Please ask a question about the documents, in Chinese or English, e.g. <i>${EXAMPLE_QUESTION}</i>`,
  askUsage: `Write your question after /ask, e.g.\n/ask ${EXAMPLE_QUESTION}`,
  nonText: `I can only read text. Please type your question, e.g. <i>${EXAMPLE_QUESTION}</i>`,
  unknownCommand: "I don't know that command. Send /help to see them all.",
  slowDown: (perMinute) =>
    `You are asking faster than I can answer: at most ${perMinute} questions a minute. Please wait a minute, then ask again.`,
  error: 'Sorry, something went wrong. Please try again later.',
  start: (doc) =>
    `Hello! I answer questions from this document:\n<b>${doc}</b>\n\nJust send me a question, e.g. <i>${EXAMPLE_QUESTION}</i>\n` +
    'Send /agreements to see the agreements and /help for every command.',
  help: (lines, bot) =>
    [
      '<b>Commands</b>',
      '/ask question — ask (in a private chat, just send the question)',
      '/agreements — the agreements in the documents',
      ...lines,
      '/reset — forget the conversation and start over',
      '/start — welcome',
      '/help — this help',
      '',
      '<b>Examples</b>',
      EXAMPLE_QUESTION,
      `/ask ${EXAMPLE_QUESTION_2}`,
      '',
      `In groups: use /ask, mention @${bot} or reply to one of my messages.`,
      `In any chat: type @${bot} and a question, then pick a passage to send.`,
    ].join('\n'),
  askAboutButton: 'Ask about this agreement',
  readPassagesButton: 'Read its passages',
  agreementLine: (command, title, date, parties) =>
    `/${command} — ${title}\n    signed ${date} · parties: ${parties.join(', ')}`,
  agreementsHeader: '<b>Agreements in the documents</b>',
  agreementMissing: 'The documents have no passage on the signing of this agreement.',
  inlineNoAnswer: 'No answer found: tap to see what the documents cover',
  menu: {
    start: 'Welcome',
    help: 'Every command, with examples',
    ask: 'Ask a question about the documents',
    agreements: 'The agreements in the documents',
  },
};

const TABLE: Record<Lang, Messages> = { zh, en };

/** The UI strings in one language. */
export function messages(lang: Lang): Messages {
  return TABLE[lang];
}
