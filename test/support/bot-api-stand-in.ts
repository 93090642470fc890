/**
 * A small Telegram Bot API stand-in for end-to-end tests. Point the real bot at
 * it with `new Telegraf(standIn.token, { telegram: { apiRoot: standIn.url } })`;
 * push updates, let the bot long-poll them, then assert on the recorded calls.
 * Always `bot.stop()` before `standIn.close()`: a still-polling telegraf retries
 * a refused connection every 5 s and keeps the process alive.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallbackQuery, Chat, Message, MessageEntity, Update, User, UserFromGetMe } from 'telegraf/types';
import { checkTelegramHtml, stripTelegramHtml } from './telegram-html.ts';

/** One recorded Bot API request. */
export interface ApiCall {
  method: string;
  params: any;
  /** Date.now() when the request arrived. */
  at: number;
  /** The `result` sent back, when the call succeeded. */
  result?: any;
  /** True when the response came from injectFault(). */
  faulted?: boolean;
  /** Error description the client got (injected fault or Telegram-like validation error). */
  error?: string;
}

/** A fault for injectFault(): an HTTP error response, or a socket destroyed without any response. */
export type Fault =
  { status: number; body?: object | string; times?: number } | { dropConnection: true; times?: number };
/** An update as passed to pushUpdate(): anything but its update_id, which the stand-in assigns. */
export type UpdateInput =
  (Update extends infer U ? (U extends Update ? Omit<U, 'update_id'> : never) : never) | Record<string, unknown>;
export type TextUpdate = Omit<Update.MessageUpdate<Message.TextMessage>, 'update_id'>;
type CallMatcher = string | ((call: ApiCall) => boolean);
interface WaitOptions {
  timeoutMs?: number;
  /** Only look at calls from this index of the log on. */ since?: number;
}

export interface BotApiStandIn {
  /** e.g. http://127.0.0.1:41234, to use as telegraf's apiRoot. */
  readonly url: string;
  readonly token: string;
  /** What getMe returns. */
  readonly botInfo: UserFromGetMe;
  /** Every call except getUpdates, in arrival order (faulted and rejected ones included). */
  readonly calls: ApiCall[];
  /** getUpdates calls. */
  readonly pollCalls: ApiCall[];
  /** Queues an update (update_id assigned in increasing order) and wakes pending long polls; returns the update_id. */
  pushUpdate(update: UpdateInput): number;
  /** Builds a private-chat text message update (bot_command / mention entities filled in). */
  privateText(text: string, from?: Partial<User>): TextUpdate;
  /** Builds a supergroup text message update, optionally replying to the bot's last message there or in a forum topic. */
  groupText(
    text: string,
    opts?: { from?: Partial<User>; replyToBotMessage?: boolean; messageThreadId?: number; entities?: MessageEntity[] },
  ): TextUpdate;
  /**
   * Builds a private-chat message carrying a document (a file the bot may fetch with getFile and download from
   * `${url}/file/bot<token>/<file_path>`). `fileSize` overrides the size reported in the update.
   */
  privateDocument(
    fileName: string | undefined,
    content: Buffer | string,
    opts?: { mimeType?: string; from?: Partial<User>; fileSize?: number },
  ): Omit<Update.MessageUpdate<Message.DocumentMessage>, 'update_id'>;
  /** Builds an inline_query update. */
  inlineQuery(query: string, from?: Partial<User>): Omit<Update.InlineQueryUpdate, 'update_id'>;
  /** Builds a callback_query update for a button on `message` (e.g. a recorded call's `result`). */
  callbackQuery(
    data: string,
    message: Message,
    from?: Partial<User>,
  ): Omit<Update.CallbackQueryUpdate<CallbackQuery.DataQuery>, 'update_id'>;
  /** Resolves with the first matching call (already recorded or future); rejects after timeoutMs (default 3000) listing the calls seen. */
  waitForCall(match: CallMatcher, opts?: WaitOptions): Promise<ApiCall>;
  /** Same, resolving once `count` calls match, with the first `count` of them. */
  waitForCall(match: CallMatcher, opts: WaitOptions & { count: number }): Promise<ApiCall[]>;
  /** Resolves when a long poll is pending and no update is waiting: the bot has finished handling everything pushed. */
  waitForIdle(opts?: { timeoutMs?: number }): Promise<void>;
  /** Makes the next `times` (default 1, Infinity allowed) calls of `method` fail. Faults queue up in order. */
  injectFault(method: string, fault: Fault): void;
  /** Params of the successful sendMessage/editMessageText calls, in order. */
  sentMessages(): any[];
  /** Ends pending long polls (empty result), closes every socket and stops the server. */
  close(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: object,
  ) {
    super(description);
  }
}

const now = () => Math.floor(Date.now() / 1000);
const describeCall = (c: ApiCall, i: number) =>
  `  #${i} ${c.method}${c.faulted ? ' [faulted]' : ''}${c.error ? ` [${c.error}]` : ''} ${JSON.stringify(c.params).slice(0, 200)}`;

function autoEntities(text: string): MessageEntity[] {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  const entities: MessageEntity[] = command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : [];
  for (const m of text.matchAll(/(?<![\w@/])@[A-Za-z][A-Za-z0-9_]{4,31}/g)) {
    entities.push({ type: 'mention', offset: m.index ?? 0, length: m[0].length });
  }
  return entities;
}

function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  for (let pos = body.indexOf(delimiter); pos !== -1;) {
    const start = pos + delimiter.length;
    const next = body.indexOf(delimiter, start);
    if (next === -1 || body.subarray(start, start + 2).toString() === '--') break;
    const part = body.subarray(start + 2, next - 2); // strip the CRLFs around the part
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString();
    const content = part.subarray(split + 4);
    const name = /;\s*name="([^"]*)"/.exec(head)?.[1];
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (name)
      out[name] = filename === undefined ? content.toString('utf8') : { filename, size: content.length, data: content };
    pos = next;
  }
  // Give tests the same shapes as a JSON call: telegraf adds `method` and stringifies everything.
  delete out.method;
  for (const key of ['reply_markup', 'results', 'media', 'entities', 'caption_entities']) {
    if (typeof out[key] === 'string') out[key] = JSON.parse(out[key] as string);
  }
  for (const key of ['chat_id', 'message_id', 'message_thread_id', 'reply_to_message_id']) {
    if (typeof out[key] === 'string' && /^-?\d+$/.test(out[key] as string)) out[key] = Number(out[key]);
  }
  return out;
}

/** Starts the stand-in on a random 127.0.0.1 port. `validateHtml` (default true) rejects parse_mode HTML text failing checkTelegramHtml with Telegram's 400. */
export async function startBotApiStandIn(
  options: { token?: string; botUsername?: string; validateHtml?: boolean } = {},
): Promise<BotApiStandIn> {
  const token = options.token ?? '123456:TEST-token-stand-in';
  const botInfo: UserFromGetMe = {
    id: Number(token.split(':')[0]) || 123456,
    is_bot: true,
    first_name: 'ZhDoc Test Bot',
    username: options.botUsername ?? 'zhdoc_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
  };
  const botUser: User = { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username };
  const defaultUser: User = {
    id: 1001,
    is_bot: false,
    first_name: '小明',
    username: 'xiaoming',
    language_code: 'zh-hans',
  };
  const groupChat: Chat.SupergroupChat = { id: -1001000000001, type: 'supergroup', title: '测试群' };
  const calls: ApiCall[] = [];
  const pollCalls: ApiCall[] = [];
  const faults = new Map<string, Fault[]>();
  const chats = new Map<number | string, Chat>();
  const botMessages = new Map<string, any>(); // `${chatId}:${messageId}` -> latest version
  const lastBotMessage = new Map<number | string, Message>();
  const polls = new Set<{ res: http.ServerResponse; limit: number; timer: NodeJS.Timeout }>();
  const watchers = new Set<{ check: () => void; fail: (e: Error) => void }>();
  let queue: Update[] = [];
  let head = 0; // queue[head..] are the unconfirmed updates
  let nextUpdateId = 100_000_001;
  let nextMessageId = 1;
  let nextQueryId = 1;
  let webhookUrl = '';
  const files = new Map<string, Buffer>(); // file_id -> content (file_path is files/<file_id>)
  let commands: unknown[] = [];
  let closed = false;

  const notify = () => {
    for (const w of watchers) w.check();
  };
  const userOf = (from?: Partial<User>): User => ({ ...defaultUser, ...from });
  const chatOf = (raw: number | string): Chat => {
    const id = /^-?\d+$/.test(String(raw)) ? Number(raw) : String(raw); // multipart sends chat_id as a string
    return (
      chats.get(id) ??
      (typeof id === 'string'
        ? { id: -1002000000001, type: 'channel', title: id }
        : id > 0
          ? { id, type: 'private', first_name: 'User' }
          : { id, type: 'supergroup', title: 'Group' })
    );
  };
  const messageKey = (chatId: number | string, messageId: unknown) => `${chatOf(chatId).id}:${messageId}`;
  const textMessage = (chat: Chat, from: User, text: string, entities = autoEntities(text)): Message.TextMessage =>
    ({
      message_id: nextMessageId++,
      from,
      chat,
      date: now(),
      text,
      ...(entities.length ? { entities } : {}),
    }) as Message.TextMessage;
  const sendJson = (res: http.ServerResponse, status: number, payload: unknown) => {
    if (res.writableEnded || res.destroyed) return;
    const body = JSON.stringify(payload);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  };
  const batch = (limit: number) => queue.slice(head, head + limit);
  const finishPoll = (poll: typeof polls extends Set<infer P> ? P : never, result: Update[], conflict?: string) => {
    clearTimeout(poll.timer);
    polls.delete(poll);
    if (conflict) sendJson(poll.res, 409, { ok: false, error_code: 409, description: conflict });
    else sendJson(poll.res, 200, { ok: true, result });
  };

  function checkText(text: unknown, parseMode: unknown, limit: number): void {
    if (typeof text !== 'string' || text.trim() === '') throw new ApiError(400, 'Bad Request: message text is empty');
    let visible = text;
    if (parseMode === 'HTML' && options.validateHtml !== false) {
      const problems = checkTelegramHtml(text);
      if (problems.length) throw new ApiError(400, `Bad Request: can't parse entities: ${problems[0]}`);
      visible = stripTelegramHtml(text);
    }
    if (visible.trim() === '') throw new ApiError(400, 'Bad Request: message text is empty');
    if (visible.length > limit) throw new ApiError(400, 'Bad Request: message is too long');
  }

  function edit(p: any, changes: object, same: (old: any) => boolean): unknown {
    if (p.inline_message_id) return true;
    const key = messageKey(p.chat_id, p.message_id);
    const old = botMessages.get(key);
    if (!old) throw new ApiError(400, 'Bad Request: message to edit not found');
    if (same(old))
      throw new ApiError(
        400,
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    const message = { ...old, ...changes, edit_date: now() };
    botMessages.set(key, message);
    return message;
  }

  function respond(method: string, p: any): unknown {
    switch (method) {
      case 'getMe':
        return botInfo;
      case 'getWebhookInfo':
        return { url: webhookUrl, has_custom_certificate: false, pending_update_count: queue.length - head };
      case 'setWebhook':
        webhookUrl = String(p.url ?? '');
        return true;
      case 'deleteWebhook':
        if (p.drop_pending_updates) head = queue.length;
        webhookUrl = '';
        return true;
      case 'setMyCommands':
        commands = p.commands ?? [];
        return true;
      case 'getMyCommands':
        return commands;
      case 'getChat':
        return chatOf(p.chat_id);
      case 'getFile': {
        const content = files.get(String(p.file_id));
        if (!content) throw new ApiError(400, 'Bad Request: invalid file_id');
        return {
          file_id: p.file_id,
          file_unique_id: `u${p.file_id}`,
          file_size: content.length,
          file_path: `documents/${p.file_id}`,
        };
      }
      case 'editMessageText':
        checkText(p.text, p.parse_mode, 4096);
        return edit(
          p,
          { text: p.text, reply_markup: p.reply_markup },
          (old) => old.text === p.text && JSON.stringify(old.reply_markup) === JSON.stringify(p.reply_markup),
        );
      case 'editMessageReplyMarkup':
        return edit(
          p,
          { reply_markup: p.reply_markup },
          (old) => JSON.stringify(old.reply_markup) === JSON.stringify(p.reply_markup),
        );
    }
    if (!method.startsWith('send') || method === 'sendChatAction') return true;
    if (p.chat_id === undefined || p.chat_id === '') throw new ApiError(400, 'Bad Request: chat_id is empty');
    if (method === 'sendMessage') checkText(p.text, p.parse_mode, 4096);
    else if (typeof p.caption === 'string' && p.caption !== '') checkText(p.caption, p.parse_mode, 1024);
    const message = {
      message_id: nextMessageId++,
      from: botUser,
      chat: chatOf(p.chat_id),
      date: now(),
      ...(p.message_thread_id ? { message_thread_id: p.message_thread_id, is_topic_message: true } : {}),
      ...(method === 'sendMessage' ? { text: p.text } : p.caption !== undefined ? { caption: p.caption } : {}),
      ...(p.reply_markup?.inline_keyboard ? { reply_markup: p.reply_markup } : {}),
    };
    botMessages.set(messageKey(message.chat.id, message.message_id), message);
    lastBotMessage.set(message.chat.id, message as Message);
    return message;
  }

  function getUpdates(p: any, res: http.ServerResponse): void {
    if (webhookUrl)
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    const timeout = Number(p.timeout ?? 0);
    if (offset < 0) head = Math.max(head, queue.length + offset);
    while (head < queue.length && queue[head]!.update_id < offset) head++;
    if (head > 1024 && head * 2 > queue.length) [queue, head] = [queue.slice(head), 0];
    for (const other of polls)
      finishPoll(
        other,
        [],
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      );
    if (head < queue.length || timeout <= 0 || closed) return sendJson(res, 200, { ok: true, result: batch(limit) });
    const poll = { res, limit, timer: setTimeout(() => finishPoll(poll, []), timeout * 1000) };
    polls.add(poll);
    res.on('close', () => {
      clearTimeout(poll.timer);
      polls.delete(poll);
    });
    notify();
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const download = /^\/file\/bot([^/]+)\/documents\/([^/]+)$/.exec(url.pathname);
    if (download) {
      const content = download[1] === token ? files.get(decodeURIComponent(download[2]!)) : undefined;
      calls.push({ method: 'downloadFile', params: { path: url.pathname.replace(token, '<token>') }, at: Date.now() });
      if (!content) return void res.writeHead(404).end('Not Found');
      return void res
        .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': content.length })
        .end(content);
    }
    const route = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!route) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (route[1] !== token) return sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = route[2]!;
    const type = req.headers['content-type'] ?? '';
    const call: ApiCall = { method, params: Object.fromEntries(url.searchParams), at: Date.now() };
    try {
      if (type.startsWith('application/json') && body.length)
        Object.assign(call.params, JSON.parse(body.toString('utf8')));
      if (type.startsWith('application/x-www-form-urlencoded'))
        Object.assign(call.params, Object.fromEntries(new URLSearchParams(body.toString())));
      const boundary = /boundary=([^;]+)/.exec(type)?.[1];
      if (type.startsWith('multipart/form-data') && boundary)
        Object.assign(call.params, parseMultipart(body, boundary));
    } catch (e) {
      call.params = { unparsable: body.toString('utf8') };
    }
    (method === 'getUpdates' ? pollCalls : calls).push(call);
    const pending = faults.get(method);
    const fault = pending?.[0];
    if (fault && pending) {
      if ((fault.times ?? 1) <= 1) pending.shift();
      else fault.times = (fault.times ?? 1) - 1;
      call.faulted = true;
      if ('dropConnection' in fault) {
        call.error = 'connection dropped';
        req.socket.destroy();
      } else if (typeof fault.body === 'string' || (fault.body === undefined && fault.status >= 500)) {
        const text =
          fault.body ?? `<html><body><h1>${fault.status} ${http.STATUS_CODES[fault.status]}</h1></body></html>`;
        call.error = `HTTP ${fault.status}`;
        res.writeHead(fault.status, { 'content-type': 'text/html' }).end(text);
      } else {
        const payload = fault.body ?? {
          ok: false,
          error_code: fault.status,
          description: http.STATUS_CODES[fault.status],
        };
        call.error = String((payload as { description?: unknown }).description ?? `HTTP ${fault.status}`);
        sendJson(res, fault.status, payload);
      }
    } else {
      try {
        if (method === 'getUpdates') getUpdates(call.params, res);
        else sendJson(res, 200, { ok: true, result: (call.result = respond(method, call.params)) });
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        call.error = e.description;
        sendJson(res, e.code, {
          ok: false,
          error_code: e.code,
          description: e.description,
          ...(e.parameters ? { parameters: e.parameters } : {}),
        });
      }
    }
    notify();
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => sendJson(res, 500, { ok: false, error_code: 500, description: String(e) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  function watch<T>(ready: () => T | undefined, timeoutMs: number, explain: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const watcher = {
        check: () => {
          const value = ready();
          if (value !== undefined) {
            done();
            resolve(value);
          }
        },
        fail: (e: Error) => {
          done();
          reject(e);
        },
      };
      const timer = setTimeout(() => watcher.fail(new Error(explain())), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        watchers.delete(watcher);
      };
      watchers.add(watcher);
      watcher.check();
    });
  }

  const standIn: BotApiStandIn = {
    url: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    calls,
    pollCalls,
    pushUpdate(update) {
      const full = { ...update, update_id: nextUpdateId++ } as Update;
      const message = (full as any).message ?? (full as any).callback_query?.message;
      if (message?.chat) chats.set(message.chat.id, message.chat);
      queue.push(full);
      for (const poll of polls) finishPoll(poll, batch(poll.limit));
      notify();
      return full.update_id;
    },
    privateText(text, from) {
      const user = userOf(from);
      const chat: Chat.PrivateChat = {
        id: user.id,
        type: 'private',
        first_name: user.first_name,
        ...(user.username ? { username: user.username } : {}),
      };
      return { message: textMessage(chat, user, text) as TextUpdate['message'] };
    },
    groupText(text, opts = {}) {
      const chat: Chat.SupergroupChat = opts.messageThreadId ? { ...groupChat, is_forum: true } : groupChat;
      const message: any = textMessage(chat, userOf(opts.from), text, opts.entities);
      if (opts.messageThreadId)
        Object.assign(message, { message_thread_id: opts.messageThreadId, is_topic_message: true });
      if (opts.replyToBotMessage) {
        message.reply_to_message =
          lastBotMessage.get(chat.id) ?? textMessage(chat, botUser, '（机器人之前的回答）', []);
      }
      return { message };
    },
    privateDocument(fileName, content, opts = {}) {
      const user = userOf(opts.from);
      const chat: Chat.PrivateChat = { id: user.id, type: 'private', first_name: user.first_name };
      const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      const fileId = `doc${nextMessageId}x${files.size}`;
      files.set(fileId, data);
      const message = {
        message_id: nextMessageId++,
        from: user,
        chat,
        date: now(),
        document: {
          file_id: fileId,
          file_unique_id: `u${fileId}`,
          ...(fileName !== undefined ? { file_name: fileName } : {}),
          mime_type: opts.mimeType ?? 'application/octet-stream',
          file_size: opts.fileSize ?? data.length,
        },
      };
      return { message } as Omit<Update.MessageUpdate<Message.DocumentMessage>, 'update_id'>;
    },
    inlineQuery(query, from) {
      return {
        inline_query: { id: String(nextQueryId++), from: userOf(from), query, offset: '', chat_type: 'private' },
      };
    },
    callbackQuery(data, message, from) {
      const key = messageKey(message.chat.id, message.message_id);
      if (message.from?.is_bot && !botMessages.has(key)) botMessages.set(key, message);
      return {
        callback_query: {
          id: String(nextQueryId++),
          from: userOf(from),
          message,
          chat_instance: '-7000000000000000001',
          data,
        },
      };
    },
    waitForCall(match: CallMatcher, opts: WaitOptions & { count?: number } = {}): Promise<any> {
      const predicate = typeof match === 'string' ? (c: ApiCall) => c.method === match : match;
      const log = match === 'getUpdates' ? pollCalls : calls;
      const want = opts.count ?? 1;
      const timeoutMs = opts.timeoutMs ?? 3000;
      const found: ApiCall[] = [];
      let scanned = opts.since ?? 0;
      return watch(
        () => {
          for (; scanned < log.length; scanned++) if (predicate(log[scanned]!)) found.push(log[scanned]!);
          if (found.length < want) return undefined;
          return opts.count === undefined ? found[0] : found.slice(0, want);
        },
        timeoutMs,
        () =>
          `waitForCall(${typeof match === 'string' ? match : match.name || 'predicate'}): ${found.length}/${want} matching call(s) after ${timeoutMs}ms. ` +
          `Calls seen (${log.length}${log.length > 50 ? ', last 50 shown' : ''}):\n${log.map(describeCall).slice(-50).join('\n') || '  (none)'}`,
      );
    },
    waitForIdle({ timeoutMs = 3000 } = {}) {
      return watch(
        () => (polls.size > 0 && head === queue.length ? true : undefined),
        timeoutMs,
        () =>
          `waitForIdle: not idle after ${timeoutMs}ms (${polls.size} pending long poll(s), ${queue.length - head} unconfirmed update(s))`,
      ).then(() => undefined);
    },
    injectFault(method, fault) {
      faults.set(method, [...(faults.get(method) ?? []), { ...fault }]);
    },
    sentMessages() {
      return calls
        .filter((c) => (c.method === 'sendMessage' || c.method === 'editMessageText') && c.result !== undefined)
        .map((c) => c.params);
    },
    async close() {
      if (closed) return;
      closed = true;
      const ending = [...polls].map(
        (poll) =>
          new Promise((resolve) => {
            poll.res.once('close', resolve);
            finishPoll(poll, []);
          }),
      );
      for (const w of watchers) w.fail(new Error('Bot API stand-in closed'));
      await Promise.race([Promise.all(ending), new Promise((resolve) => setTimeout(resolve, 200).unref())]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return standIn;
}
