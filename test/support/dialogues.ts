/**
 * Dialogue sets (test/dialogues/*.jsonl): conversations, each turn with what its reply must show. One dialogue a
 * line: {"id", "chat": "private" | "group", "lang", "note", "turns": [{"from", "text", "expect", "addressed",
 * "replyTo", "isBot"}]}; expect = {"has": every one, "hasAny": at least one, "lacks": none of, "declined":
 * the reply is (or is not) the "no answer" one, "silent": no reply at all}. Played through the console chat
 * (playConsole: private dialogues) and through the real bot against the Bot API stand-in (playBot: all).
 */
import { readFileSync } from 'node:fs';
import type { Telegraf } from 'telegraf';
import type { Message, User } from 'telegraf/types';
import { runConsoleChat } from '../../src/cli/console-chat.ts';
import type { CliIo } from '../../src/cli/io.ts';
import type { SearchEngine } from '../../src/search/engine.ts';
import type { BotApiStandIn } from './bot-api-stand-in.ts';
import { stripTelegramHtml } from './telegram-html.ts';

export interface Expect {
  has?: string[];
  hasAny?: string[];
  lacks?: string[];
  declined?: boolean;
  silent?: boolean;
}

export interface Turn {
  from: string;
  text: string;
  expect: Expect;
  addressed?: 'mention' | 'ask' | 'reply' | 'none';
  replyTo?: number;
  isBot?: boolean;
}

export interface Dialogue {
  id: string;
  chat: 'private' | 'group';
  lang: string;
  note?: string;
  turns: Turn[];
}

/** A turn as played: the reply (plain text, '' when silent) and what was wrong with it. */
export interface PlayedTurn {
  text: string;
  reply: string | undefined;
  failures: string[];
}

export interface PlayedDialogue {
  id: string;
  turns: PlayedTurn[];
  passed: boolean;
}

export function readDialogues(path: string): Dialogue[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Dialogue);
}

/** The "no answer" replies (zh, en), as the user reads them. */
const DECLINED = /抱歉，这些文档没有讲到这个问题|Sorry, the documents don't cover that/;

/** What is wrong with a reply (undefined = no reply) against a turn's expectations; [] when nothing. */
export function judgeReply(reply: string | undefined, expect: Expect): string[] {
  const failures: string[] = [];
  if (expect.silent) return reply === undefined ? [] : ['replied, expected silence'];
  if (reply === undefined) return ['no reply'];
  for (const s of expect.has ?? []) if (!reply.includes(s)) failures.push(`lacks "${s}"`);
  if (expect.hasAny?.length && !expect.hasAny.some((s) => reply.includes(s)))
    failures.push(`has none of ${JSON.stringify(expect.hasAny)}`);
  for (const s of expect.lacks ?? []) if (reply.includes(s)) failures.push(`has "${s}"`);
  if (expect.declined !== undefined && DECLINED.test(reply) !== expect.declined)
    failures.push(expect.declined ? 'not declined' : 'declined');
  return failures;
}

function played(d: Dialogue, replies: Array<string | undefined>): PlayedDialogue {
  const turns = d.turns.map((t, i) => ({
    text: t.text,
    reply: replies[i],
    failures: judgeReply(replies[i], t.expect),
  }));
  return { id: d.id, turns, passed: turns.every((t) => t.failures.length === 0) };
}

/**
 * Plays a private dialogue through the console chat (runConsoleChat, one conversation): each line is read only
 * after the previous one was answered, so the output between two reads is that line's reply.
 */
export async function playConsole(engine: SearchEngine, d: Dialogue): Promise<PlayedDialogue> {
  let out = '';
  const replies: Array<string | undefined> = [];
  const take = () => {
    const reply = out.trim();
    out = '';
    return reply || undefined;
  };
  async function* lines() {
    for (const [i, turn] of d.turns.entries()) {
      if (i > 0) replies.push(take());
      yield Buffer.from(`${turn.text}\n`);
    }
  }
  const io: CliIo = {
    // Pulled one line at a time (a Readable would read ahead).
    stdin: Object.assign(lines(), { isTTY: false }),
    stdout: (t) => void (out += t),
    stderr: () => undefined,
  };
  await runConsoleChat(engine, io, d.lang === 'en' ? 'en' : 'zh');
  replies.push(take());
  return played(d, replies);
}

let nextChat = 0;

/**
 * Plays a dialogue through the real bot (already polling `standIn`): a private chat per dialogue, or a group of
 * its own where each speaker is a user (from.is_bot for isBot turns) addressing the bot as the turn says.
 */
export async function playBot(standIn: BotApiStandIn, _bot: Telegraf, d: Dialogue): Promise<PlayedDialogue> {
  const chatNo = ++nextChat;
  const speakers = [...new Set(d.turns.map((t) => t.from))];
  const userOf = (t: Turn): Partial<User> => {
    const id = 50_000 + chatNo * 100 + speakers.indexOf(t.from);
    return {
      id,
      is_bot: Boolean(t.isBot),
      first_name: t.from,
      username: `${t.from}_${id}`,
      language_code: d.lang === 'en' ? 'en' : 'zh-hans',
    };
  };
  const groupChat = { id: -1_002_000_000_000 - chatNo, type: 'supergroup' as const, title: `dialogue ${d.id}` };
  const botMessages: Array<Message | undefined> = [];
  const replies: Array<string | undefined> = [];
  for (const turn of d.turns) {
    const from = userOf(turn);
    let update;
    if (d.chat === 'private') update = standIn.privateText(turn.text, from);
    else {
      const addressed = turn.addressed ?? 'mention';
      // A turn may be written already addressed (@bot …, /ask@bot …): it is sent as written.
      const written = turn.text.includes(`@${standIn.botInfo.username}`);
      const text = written
        ? turn.text
        : addressed === 'mention'
          ? `@${standIn.botInfo.username} ${turn.text}`
          : addressed === 'ask'
            ? `/ask@${standIn.botInfo.username} ${turn.text}`
            : turn.text;
      update = standIn.groupText(text, { from });
      const message = update.message as Message.TextMessage & { reply_to_message?: Message };
      message.chat = groupChat;
      const target = turn.replyTo !== undefined ? botMessages[turn.replyTo] : undefined;
      if (addressed === 'reply' && target) message.reply_to_message = target as never;
    }
    const since = standIn.calls.length;
    standIn.pushUpdate(update);
    await standIn.waitForIdle({ timeoutMs: 10_000 });
    const sent = standIn.calls.slice(since).filter((c) => c.method === 'sendMessage' && c.result);
    replies.push(sent.length ? sent.map((c) => stripTelegramHtml(c.params.text)).join('\n') : undefined);
    botMessages.push(sent[0]?.result);
  }
  return played(d, replies);
}

export interface Score {
  dialogues: number;
  dialoguesPassed: number;
  turns: number;
  turnsPassed: number;
}

export function score(results: PlayedDialogue[]): Score {
  const turns = results.flatMap((r) => r.turns);
  return {
    dialogues: results.length,
    dialoguesPassed: results.filter((r) => r.passed).length,
    turns: turns.length,
    turnsPassed: turns.filter((t) => t.failures.length === 0).length,
  };
}

export function formatScore(s: Score): string {
  return `dialogues ${s.dialoguesPassed}/${s.dialogues}, turns ${s.turnsPassed}/${s.turns}`;
}

/** One line per failed turn: dialogue id, turn number, question, what was wrong, the reply's start. */
export function describeFailures(results: PlayedDialogue[]): string[] {
  return results.flatMap((r) =>
    r.turns.flatMap((t, i) =>
      t.failures.length
        ? [
            `${r.id}#${i} ${t.text} → ${t.failures.join('; ')} | ${(t.reply ?? '(silent)').replace(/\s+/g, ' ').slice(0, 120)}`,
          ]
        : [],
    ),
  );
}
