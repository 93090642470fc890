/**
 * The bot's commands in the console chat: /start, /help, /agreements, one per agreement (topics.json), /reset.
 * The same texts as in Telegram where they make sense without it (summaries, the agreements' list).
 */
import { escapeHtml } from '../answer/format.js';
import { formatDate, messages, topicTitle, type Lang } from '../answer/i18n.js';
import { findAgreement, listAgreements, summarizeTopic } from '../answer/summarize.js';
import { exampleQuestions } from '../dialogue/small-talk.js';
import { summaryTurn } from '../dialogue/converse.js';
import { DIALOGUE_MESSAGES } from '../dialogue/messages.js';
import type { TurnRecord } from '../dialogue/state.js';
import type { SearchEngine } from '../search/engine.js';

/** What a console command does: its reply (HTML) and whether it forgets the conversation. */
export interface ConsoleCommandResult {
  html: string;
  reset?: boolean;
  /** The turn the command leaves in the conversation (an agreement's summary: the conversation is about it). */
  record?: TurnRecord;
}

function agreementsHtml(engine: SearchEngine, lang: Lang): string {
  const t = messages(lang);
  const lines = listAgreements(engine).map((a) =>
    t.agreementLine(
      a.command,
      escapeHtml(topicTitle(a.topic, lang)),
      escapeHtml(formatDate(a.date, lang)),
      a.parties.map(escapeHtml),
    ),
  );
  return [t.agreementsHeader, ...lines].join('\n');
}

function helpHtml(engine: SearchEngine, lang: Lang): string {
  const perAgreement = engine.corpus.topics.agreements.map(
    (topic) => `/${topic.command} — ${escapeHtml(topicTitle(topic, lang))}`,
  );
  const examples = exampleQuestions(engine.corpus.topics.agreements, lang).map((q) => `  ${escapeHtml(q)}`);
  const lines =
    lang === 'en'
      ? [
          'Type a question (one a line) and press Enter. Commands:',
          '/agreements — the agreements in the documents',
          ...perAgreement,
          `/reset — ${DIALOGUE_MESSAGES.en.resetMenu}`,
          '/help — this help',
          '',
          'For example:',
          ...examples,
        ]
      : [
          '每行输入一个问题，回车得到答案。命令：',
          '/agreements — 文档中的合作协议',
          ...perAgreement,
          `/reset — ${DIALOGUE_MESSAGES.zh.resetMenu}`,
          '/help — 本帮助',
          '',
          '例如：',
          ...examples,
        ];
  return lines.join('\n');
}

/** The reply to a command line (`/name …`), or undefined when the line is no command the console knows. */
export function consoleCommand(engine: SearchEngine, line: string, lang: Lang): ConsoleCommandResult | undefined {
  const m = /^\/([A-Za-z0-9_]+)(?:@\S+)?(?:\s+(.*))?$/s.exec(line.trim());
  if (!m) return undefined;
  const name = (m[1] ?? '').toLowerCase();
  switch (name) {
    case 'start':
    case 'help':
      return { html: helpHtml(engine, lang) };
    case 'agreements':
      return { html: agreementsHtml(engine, lang) };
    case 'reset':
      return { html: DIALOGUE_MESSAGES[lang].reset, reset: true };
  }
  const topic = findAgreement(engine, name);
  if (topic && topic.command === name) {
    const signed = messages(lang).signed(formatDate(topic.date, lang));
    const header = `<b>${escapeHtml(topicTitle(topic, lang))}</b>${lang === 'en' ? ` (${signed})` : `（${signed}）`}`;
    const body = summarizeTopic(engine, topic.id)?.body ?? messages(lang).agreementMissing;
    return { html: `${header}\n\n${escapeHtml(body)}`, record: summaryTurn(topic, lang) };
  }
  return { html: messages(lang).unknownCommand.replace('/help', '/help') };
}
