/**
 * The real bot (createBot + long polling, telegraf's own HTTP client) against the loopback Bot API stand-in:
 * what it sends for private questions, group questions, inline queries, the "更多结果" button and odd input.
 * Each exchange is printed as a test diagnostic (question → HTML sent).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Telegraf } from 'telegraf';
import { MAX_QUESTION_CHARS } from '../../src/answer/answer.ts';
import { createBot } from '../../src/bot/bot.ts';
import { setCommandMenus } from '../../src/bot/commands.ts';
import { startPolling, type RunningBot } from '../../src/bot/launch.ts';
import { MAX_CALLBACK_BYTES } from '../../src/bot/more.ts';
import { openEngine } from '../../src/cli/wiring.ts';
import { createLogger } from '../../src/log.ts';
import type { SearchEngine } from '../../src/search/engine.ts';
import { startBotApiStandIn, type ApiCall, type BotApiStandIn, type UpdateInput } from '../support/bot-api-stand-in.ts';
import { checkTelegramHtml, stripTelegramHtml } from '../support/telegram-html.ts';

const BOT = 'zhdoc_test_bot';

describe('bot end to end (stand-in Bot API)', () => {
  let standIn: BotApiStandIn;
  let engine: SearchEngine;
  let bot: Telegraf;
  let running: RunningBot;
  const logLines: string[] = [];

  before(async () => {
    standIn = await startBotApiStandIn({ botUsername: BOT });
    engine = openEngine();
    const logger = createLogger('debug', { secrets: [standIn.token], write: (line) => void logLines.push(line) });
    // One user asks everything here: the per-user question limit (faults.test.ts covers it) stays off.
    bot = createBot(standIn.token, { engine, logger, apiRoot: standIn.url, resilience: { questionsPerMinute: 0 } });
    running = await startPolling(bot);
    await setCommandMenus(bot, engine.corpus.topics, logger);
    await standIn.waitForIdle();
  });

  after(async () => {
    running?.stop('test end');
    await running?.stopped;
    await standIn?.close();
  });

  /** Pushes an update and resolves with the bot's sendMessage calls once it is idle again. */
  async function exchange(t: TestContext, update: UpdateInput, label: string): Promise<ApiCall[]> {
    const since = standIn.calls.length;
    standIn.pushUpdate(update);
    // telegraf handles a batch of updates before it polls again: idle means every reply has been sent.
    await standIn.waitForIdle();
    const sent = standIn.calls.slice(since).filter((c) => c.method === 'sendMessage');
    for (const call of sent) {
      t.diagnostic(
        `${label} → sendMessage ${JSON.stringify({ ...call.params, reply_markup: call.params.reply_markup })}`,
      );
    }
    return sent;
  }

  /** Asserts a sendMessage call succeeded with valid Telegram HTML within the limit. */
  function assertValidHtml(call: ApiCall | undefined): asserts call is ApiCall {
    assert.ok(call, 'expected a sendMessage call');
    assert.equal(call.error, undefined, `the stand-in rejected the message: ${call.error}`);
    assert.equal(call.params.parse_mode, 'HTML');
    assert.deepEqual(checkTelegramHtml(call.params.text), []);
    assert.ok(stripTelegramHtml(call.params.text).length <= 4096);
  }

  test('start-up registers the command menus: Chinese and English, private and group scopes', () => {
    const menus = standIn.calls.filter((c) => c.method === 'setMyCommands').map((c) => c.params);
    assert.equal(menus.length, 4);
    const find = (scope: string, lang?: string) =>
      menus.find((m) => m.scope.type === scope && m.language_code === lang)?.commands;
    const names = (cmds: Array<{ command: string }> | undefined) => cmds?.map((c) => c.command);
    assert.deepEqual(names(find('default')), ['start', 'agreements', 'tsinghua', 'sjtu', 'reset', 'help']);
    assert.deepEqual(names(find('all_group_chats', 'en')), ['ask', 'agreements', 'tsinghua', 'sjtu', 'reset', 'help']);
    assert.match(find('default')?.[2]?.description ?? '', /清华大学.*6月3日签署/);
    assert.match(find('default', 'en')?.[2]?.description ?? '', /Tsinghua.*3 June 2020/);
  });

  let firstAnswer: ApiCall | undefined;

  test('a private question gets the passage, its best sentence in bold, a source line and a 更多结果 button', async (t) => {
    const update = standIn.privateText('上海交大的合作涵盖哪些领域？');
    const [reply, ...rest] = await exchange(t, update, `private "${update.message.text}"`);
    assertValidHtml(reply);
    assert.equal(rest.length, 0);
    assert.equal(reply.params.chat_id, update.message.chat.id);
    const text: string = reply.params.text;
    assert.match(
      text,
      /<b>[^<]*等多方面开展深度合作[^<]*<\/b>/,
      "the sentence naming the agreement's areas is the bold one",
    );
    assert.match(
      text,
      /\n<i>出处：.* · 重庆市政府与上海交通大学战略合作协议 · 重庆市政府与清华大学、上海交通大学签署战略合作协议（重庆日报，2020年6月）<\/i>$/,
    );
    const [[button]] = reply.params.reply_markup.inline_keyboard;
    assert.equal(button.text, '更多结果');
    assert.match(button.callback_data, /^m:[\d.,]+$/);
    assert.ok(Buffer.byteLength(button.callback_data) <= MAX_CALLBACK_BYTES);
    firstAnswer = reply;
  });

  test('pressing 更多结果 is acknowledged and sends the next passages, with a button for the rest', async (t) => {
    assert.ok(firstAnswer?.result, 'needs the private answer');
    const data: string = firstAnswer.params.reply_markup.inline_keyboard[0][0].callback_data;
    const press = standIn.callbackQuery(data, firstAnswer.result);
    const since = standIn.calls.length;
    const [more] = await exchange(t, press, `callback "${data}"`);
    const ack = standIn.calls.slice(since).find((c) => c.method === 'answerCallbackQuery');
    assert.equal(ack?.params.callback_query_id, press.callback_query.id);
    assertValidHtml(more);
    assert.notEqual(more.params.text, firstAnswer.params.text);
    assert.equal((more.params.text.match(/<i>出处：/g) ?? []).length, 2, 'a page of two passages');
    assert.equal(more.params.reply_parameters?.message_id, firstAnswer.result.message_id);
    const next = more.params.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data;
    assert.ok(next && next !== data, 'a button for the remaining passages');
    assert.ok(
      standIn.calls.slice(since).some((c) => c.method === 'editMessageReplyMarkup'),
      'the pressed button is removed',
    );
  });

  test('an English question from a Chinese-language user: English UI, matched terms, and 更多结果 pages stay English', async (t) => {
    const [reply] = await exchange(
      t,
      standIn.privateText('Which fields does the SJTU deal cover?'),
      'private English question',
    );
    assertValidHtml(reply);
    assert.match(reply.params.text, /<i>Source: /);
    assert.match(reply.params.text, /<i>matched: [^<]*上海交通大学/);
    const [[button]] = reply.params.reply_markup.inline_keyboard;
    assert.equal(button.text, 'More results');
    const [more] = await exchange(t, standIn.callbackQuery(button.callback_data, reply.result), 'press More results');
    assertValidHtml(more);
    assert.match(more.params.text, /<i>Source: /);
    assert.doesNotMatch(more.params.text, /出处/);
  });

  test('a stale or foreign callback is still answered, so the spinner stops', async (t) => {
    assert.ok(firstAnswer?.result);
    for (const data of ['m:99999.0', 'something-else']) {
      const press = standIn.callbackQuery(data, firstAnswer.result);
      const since = standIn.calls.length;
      const sent = await exchange(t, press, `callback "${data}"`);
      assert.equal(sent.length, 0);
      assert.ok(
        standIn.calls
          .slice(since)
          .some((c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === press.callback_query.id),
      );
    }
  });

  test('group: /ask@botname is answered as a reply to the asker', async (t) => {
    const update = standIn.groupText(`/ask@${BOT} 清华大学将在哪些方面与重庆合作？`);
    const [reply] = await exchange(t, update, `group "${update.message.text}"`);
    assertValidHtml(reply);
    assert.equal(reply.params.chat_id, update.message.chat.id);
    assert.equal(reply.params.reply_parameters?.message_id, update.message.message_id);
    assert.match(reply.params.text, /清华大学/);
  });

  test('group: an @mention is answered as a reply, the mention left out of the question', async (t) => {
    const update = standIn.groupText(`@${BOT} 上海交通大学重庆研究院采取什么建设模式？`);
    const [reply] = await exchange(t, update, `group "${update.message.text}"`);
    assertValidHtml(reply);
    assert.equal(reply.params.reply_parameters?.message_id, update.message.message_id);
    assert.match(reply.params.text, /总院\+中心/);
  });

  test('group: a reply to the bot is answered, in the same forum topic', async (t) => {
    const update = standIn.groupText('那清华呢？双方在人才交流方面怎么合作？', {
      replyToBotMessage: true,
      messageThreadId: 7,
    });
    const [reply] = await exchange(t, update, `group reply-to-bot "${update.message.text}"`);
    assertValidHtml(reply);
    assert.equal(reply.params.reply_parameters?.message_id, update.message.message_id);
    assert.equal(reply.params.message_thread_id, 7);
  });

  test("group: unaddressed chatter, other bots' commands and edits get no reply", async (t) => {
    for (const text of ['今天的会几点开始？', `/ask@other_bot 你好`, '清华大学真不错', '@someone_else 在吗']) {
      assert.deepEqual(await exchange(t, standIn.groupText(text), `group "${text}"`), [], text);
    }
  });

  test('group: /ask without a question explains how to ask', async (t) => {
    const [reply] = await exchange(t, standIn.groupText(`/ask@${BOT}`), 'group "/ask"');
    assertValidHtml(reply);
    assert.match(reply.params.text, /请在 \/ask 后面写上问题/);
  });

  test('inline mode: a question gets at most 5 article results with valid HTML messages', async () => {
    const since = standIn.calls.length;
    const query = standIn.inlineQuery('清华大学 合作');
    standIn.pushUpdate(query);
    const call = await standIn.waitForCall('answerInlineQuery', { since });
    assert.equal(call.params.inline_query_id, query.inline_query.id);
    const results = call.params.results as any[];
    assert.ok(results.length >= 1 && results.length <= 5, `${results.length} results`);
    for (const r of results) {
      assert.equal(r.type, 'article');
      assert.ok(Buffer.byteLength(r.id) <= 64);
      assert.ok(r.title && r.description);
      assert.equal(r.input_message_content.parse_mode, 'HTML');
      assert.deepEqual(checkTelegramHtml(r.input_message_content.message_text), []);
    }
  });

  test('inline mode: an empty query lists the agreements', async () => {
    const since = standIn.calls.length;
    standIn.pushUpdate(standIn.inlineQuery(''));
    const call = await standIn.waitForCall('answerInlineQuery', { since });
    assert.deepEqual(
      call.params.results.map((r: any) => r.title),
      engine.corpus.topics.agreements.map((a) => a.title),
    );
  });

  test('hostile input gets a reply that is valid Telegram HTML', async (t) => {
    const [reply] = await exchange(t, standIn.privateText('<b>x</b> & <script>'), 'private "<b>x</b> & <script>"');
    assertValidHtml(reply);
    // Only Latin letters: answered as an English question, in English.
    assert.match(reply.params.text, /don't cover that/);
    assert.match(reply.params.text, /\/agreements/);
  });

  test('a 6,000-character message is cut to the limit with a note, and answered', async (t) => {
    const long = '上海交大的合作涵盖哪些领域？'.repeat(430).slice(0, 6000);
    assert.equal(long.length, 6000);
    const [reply] = await exchange(t, standIn.privateText(long), 'private (6,000 characters)');
    assertValidHtml(reply);
    assert.ok(reply.params.text.startsWith(`<i>（问题太长，只按前 ${MAX_QUESTION_CHARS} 个字回答。）</i>\n\n`));
    assert.match(reply.params.text, /<b>/);
  });

  test('a sticker in a private chat gets a short hint', async (t) => {
    const { message } = standIn.privateText('');
    const sticker = {
      ...message,
      text: undefined,
      sticker: {
        file_id: 'S1',
        file_unique_id: 'U1',
        type: 'regular',
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    };
    const [reply] = await exchange(t, { message: sticker }, 'private sticker');
    assertValidHtml(reply);
    assert.match(reply.params.text, /我只能读文字消息/);
  });

  test('an edited message does not crash the bot: it stays silent and keeps answering', async (t) => {
    const { message } = standIn.privateText('上海交大的合作涵盖哪些领域？（改）');
    assert.deepEqual(
      await exchange(t, { edited_message: { ...message, edit_date: message.date + 5 } }, 'edited message'),
      [],
    );
    const [reply] = await exchange(t, standIn.privateText('清华大学'), 'private "清华大学"');
    assertValidHtml(reply);
  });

  test('commands: /start, /help, /agreements, /tsinghua (signing passage) and English for language_code en', async (t) => {
    const [start] = await exchange(t, standIn.privateText('/start'), '/start');
    assertValidHtml(start);
    assert.match(start.params.text, /重庆市政府与清华大学、上海交通大学签署战略合作协议/);
    const [help] = await exchange(t, standIn.privateText('/help'), '/help');
    assertValidHtml(help);
    for (const cmd of ['/ask', '/agreements', '/tsinghua', '/sjtu', '/start', '/help', `@${BOT}`])
      assert.ok(help.params.text.includes(cmd), cmd);
    const [list] = await exchange(t, standIn.privateText('/agreements'), '/agreements');
    assertValidHtml(list);
    assert.match(list.params.text, /\/sjtu — 重庆市政府与上海交通大学战略合作协议\n.*6月8日签署/);
    const [thu] = await exchange(t, standIn.privateText('/tsinghua'), '/tsinghua');
    assertValidHtml(thu);
    assert.match(thu.params.text, /<b>6月3日,重庆市政府与清华大学签署战略合作协议。<\/b>/);
    const [en] = await exchange(t, standIn.privateText('/sjtu', { language_code: 'en-US' }), '/sjtu (en)');
    assertValidHtml(en);
    assert.match(
      en.params.text,
      /^<b>Chongqing–Shanghai Jiao Tong University strategic cooperation agreement<\/b> \(signed 8 June 2020\)/,
    );
    assert.match(en.params.text, /<b>6月8日,重庆市人民政府与上海交通大学签署战略合作协议。<\/b>/);
    const [unknown] = await exchange(t, standIn.privateText('/nonsense'), '/nonsense');
    assert.match(unknown?.params.text ?? '', /\/help/);
  });

  test('no update failed, and the token never reached the log', () => {
    const log = logLines.join('');
    assert.doesNotMatch(log, /update failed/);
    assert.ok(!log.includes(standIn.token));
  });
});

describe('bot end to end: failures', () => {
  test('a failing handler is logged with the update id (token redacted) and the asker gets a brief apology', async (t) => {
    const standIn = await startBotApiStandIn({ botUsername: BOT });
    const logLines: string[] = [];
    const logger = createLogger('error', { secrets: [standIn.token], write: (line) => void logLines.push(line) });
    const engine = openEngine();
    const bot = createBot(standIn.token, {
      engine,
      logger,
      apiRoot: standIn.url,
      summarize: () => {
        throw new Error(`boom with ${standIn.token}`);
      },
    });
    const running = await startPolling(bot);
    try {
      await standIn.waitForIdle();
      const updateId = standIn.pushUpdate(standIn.privateText('/sjtu'));
      const reply = await standIn.waitForCall('sendMessage');
      t.diagnostic(`/sjtu with a failing summarizer → ${reply.params.text}`);
      assert.match(reply.params.text, /出错了/);
      const record = JSON.parse(logLines.find((l) => l.includes('update failed')) ?? '{}');
      assert.equal(record.updateId, updateId);
      assert.ok(!logLines.join('').includes(standIn.token));
    } finally {
      running.stop('test end');
      await running.stopped;
      await standIn.close();
    }
  });
});
