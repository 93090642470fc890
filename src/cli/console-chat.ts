/**
 * The console chat (`npm start` without BOT_TOKEN): the bot without Telegram. One question a line on stdin, the
 * bot's reply as plain text on stdout, until the end of input; one conversation (follow-ups, /reset) and the
 * bot's commands (/help, /agreements, one per agreement). The banner and prompt go to stderr, only on a terminal.
 */
import { MAX_QUESTION_CHARS } from '../answer/answer.js';
import { clipQuestion, htmlToPlainText } from '../answer/format.js';
import { messages, questionLang, type Lang } from '../answer/i18n.js';
import { converse, type DialogueReply } from '../dialogue/converse.js';
import { ConversationStore, type ConversationStoreOptions } from '../dialogue/state.js';
import type { SearchEngine } from '../search/engine.js';
import { consoleCommand } from './console-commands.js';
import { EXIT, readLines, type CliIo } from './io.js';

const BANNER =
  '文档问答（控制台）：每行输入一个问题，回车得到答案，Ctrl+D 结束。/help 查看命令。\n' +
  '没有设置 BOT_TOKEN，所以不连接 Telegram（见 .env.example）。\n';
const PROMPT = '› ';
/** The console is one conversation. */
const KEY = 'console';

/** A console conversation: its turns live in a store like the bot's (idle time, /reset). */
export function createConsoleSession(options: ConversationStoreOptions = {}): ConversationStore {
  return new ConversationStore({ ...options, maxConversations: 1 });
}

/** One line of the console conversation: the plain-text reply, and the conversation's reply behind it (not for a command). */
export function consoleTurn(
  engine: SearchEngine,
  line: string,
  userLang: Lang = 'zh',
  session: ConversationStore = createConsoleSession(),
  top?: number,
): { text: string; reply?: DialogueReply } {
  const { question, clipped } = clipQuestion(line);
  const command = consoleCommand(engine, question, userLang);
  if (command) {
    if (command.reset) session.reset(KEY);
    if (command.record) session.record(KEY, command.record);
    return { text: htmlToPlainText(command.html) };
  }
  const reply = converse(engine, session.turns(KEY), question, userLang, top === undefined ? {} : { top });
  if (reply.record) session.record(KEY, reply.record);
  const note = clipped ? `${messages(questionLang(userLang, question)).questionCut(MAX_QUESTION_CHARS)}\n\n` : '';
  const examples = (reply.examples ?? []).map((e) => `\n• ${e}`).join('');
  return { text: htmlToPlainText(note + reply.html) + examples, reply };
}

/** The plain-text reply to one line: a command's, or the bot's reply in the conversation `session`. */
export function consoleReply(
  engine: SearchEngine,
  line: string,
  userLang: Lang = 'zh',
  session: ConversationStore = createConsoleSession(),
): string {
  return consoleTurn(engine, line, userLang, session).text;
}

/** Runs the chat until stdin ends; exit code 0. */
export async function runConsoleChat(
  engine: SearchEngine,
  io: CliIo,
  lang: Lang = 'zh',
  options: ConversationStoreOptions = {},
): Promise<number> {
  const interactive = Boolean(io.stdin.isTTY);
  const session = createConsoleSession(options);
  if (interactive) io.stderr(`${BANNER}${PROMPT}`);
  for await (const line of readLines(io.stdin)) {
    if (line.trim()) io.stdout(`${consoleReply(engine, line, lang, session)}\n\n`);
    if (interactive) io.stderr(PROMPT);
  }
  return EXIT.OK;
}
