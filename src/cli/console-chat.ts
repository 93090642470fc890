/**
 * The console chat (`npm start` without BOT_TOKEN): one question a line on stdin, the bot's answer as plain
 * text on stdout, until the end of input. The banner and prompt go to stderr, and only on a terminal.
 */
import { answerQuestion, MAX_QUESTION_CHARS } from '../answer/answer.js';
import { clipQuestion, formatReplyHtml, htmlToPlainText } from '../answer/format.js';
import { messages, questionLang, type Lang } from '../answer/i18n.js';
import type { SearchEngine } from '../search/engine.js';
import { EXIT, readLines, type CliIo } from './io.js';

const BANNER =
  '文档问答（控制台）：每行输入一个问题，回车得到答案，Ctrl+D 结束。\n' +
  '没有设置 BOT_TOKEN，所以不连接 Telegram（见 .env.example）。\n';
const PROMPT = '› ';

/** The plain-text reply to one question: the same text the bot sends, without the HTML. */
export function consoleReply(engine: SearchEngine, line: string, userLang: Lang = 'zh'): string {
  const { question, clipped } = clipQuestion(line);
  const lang = questionLang(userLang, question);
  const answer = answerQuestion(engine, question);
  const note = clipped ? `${messages(lang).questionCut(MAX_QUESTION_CHARS)}\n\n` : '';
  return htmlToPlainText(note + formatReplyHtml(answer, lang, engine.corpus));
}

/** Runs the chat until stdin ends; exit code 0. */
export async function runConsoleChat(engine: SearchEngine, io: CliIo, lang: Lang = 'zh'): Promise<number> {
  const interactive = Boolean(io.stdin.isTTY);
  if (interactive) io.stderr(`${BANNER}${PROMPT}`);
  for await (const line of readLines(io.stdin)) {
    if (line.trim()) io.stdout(`${consoleReply(engine, line, lang)}\n\n`);
    if (interactive) io.stderr(PROMPT);
  }
  return EXIT.OK;
}
