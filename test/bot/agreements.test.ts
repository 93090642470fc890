/**
 * The agreement commands in Telegram (issue 4): /agreements lists each agreement with its date, parties and
 * command; /tsinghua and /sjtu send the extracted summary with two buttons, and "逐段阅读原文" pages through
 * that agreement's passages (and only its passages).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { summarizeTopic } from '../../src/answer/summarize.ts';
import { createBot } from '../../src/bot/bot.ts';
import { startPolling, type RunningBot } from '../../src/bot/launch.ts';
import { openEngine } from '../../src/cli/wiring.ts';
import { silentLogger } from '../../src/log.ts';
import { startBotApiStandIn, type ApiCall, type BotApiStandIn } from '../support/bot-api-stand-in.ts';
import { checkTelegramHtml, stripTelegramHtml } from '../support/telegram-html.ts';

describe('agreement commands', () => {
  let standIn: BotApiStandIn;
  let running: RunningBot;
  const engine = openEngine();

  before(async () => {
    standIn = await startBotApiStandIn();
    const bot = createBot(standIn.token, {
      engine,
      logger: silentLogger,
      apiRoot: standIn.url,
      summarize: (id) => summarizeTopic(engine, id)?.body,
    });
    running = await startPolling(bot);
    await standIn.waitForIdle();
  });

  after(async () => {
    running?.stop('test end');
    await running?.stopped;
    await standIn?.close();
  });

  async function send(update: Parameters<BotApiStandIn['pushUpdate']>[0], method = 'sendMessage'): Promise<ApiCall> {
    const since = standIn.calls.length;
    standIn.pushUpdate(update);
    await standIn.waitForIdle();
    const call = standIn.calls.slice(since).find((c) => c.method === method);
    assert.ok(call, `no ${method} call`);
    assert.equal(call.error, undefined, call.error);
    assert.deepEqual(checkTelegramHtml(call.params.text), []);
    return call;
  }

  test('/agreements lists every agreement with its command, date and parties', async () => {
    const text = stripTelegramHtml((await send(standIn.privateText('/agreements'))).params.text);
    assert.match(text, /\/tsinghua[^\n]*\n[^\n]*6月3日签署[^\n]*重庆市政府、清华大学/);
    assert.match(text, /\/sjtu[^\n]*\n[^\n]*6月8日签署[^\n]*重庆市人民政府、上海交通大学/);
  });

  test('after /tsinghua, a follow-up asks of Tsinghua (那时间呢 → its signing date)', async () => {
    await send(standIn.privateText('/tsinghua'));
    const text = stripTelegramHtml((await send(standIn.privateText('那时间呢？'))).params.text);
    assert.match(text, /6月3日,重庆市政府与清华大学签署/);
  });

  test('/sjtu sends its own summary, with "ask about it" and "read its passages" buttons', async () => {
    const call = await send(standIn.privateText('/sjtu'));
    const text = stripTelegramHtml(call.params.text);
    assert.match(text, /6月8日/);
    assert.match(text, /上海交通大学重庆研究院/);
    assert.doesNotMatch(text, /清华/, 'the SJTU summary carries no Tsinghua fact');
    const [ask, read] = call.params.reply_markup.inline_keyboard[0];
    assert.equal(ask.switch_inline_query_current_chat, '上海交通大学 ');
    assert.equal(read.callback_data, 'a:sjtu:0');
  });

  test('"read its passages" pages through the agreement\'s passages in place, and every press is answered', async () => {
    const summary = await send(standIn.privateText('/tsinghua'));
    const first = await send(standIn.callbackQuery('a:tsinghua:0', summary.result));
    assert.match(stripTelegramHtml(first.params.text), /^1\/8\n6月3日,重庆市政府与清华大学签署/);
    const next = first.params.reply_markup.inline_keyboard[0];
    assert.deepEqual(
      next.map((b: { callback_data: string }) => b.callback_data),
      ['a:tsinghua:1:e'],
    );
    const edited = await send(standIn.callbackQuery('a:tsinghua:1:e', first.result), 'editMessageText');
    assert.match(stripTelegramHtml(edited.params.text), /^2\/8\n据悉,我市将与清华大学/);
    const last = await send(standIn.callbackQuery('a:tsinghua:7:e', first.result), 'editMessageText');
    assert.match(stripTelegramHtml(last.params.text), /^8\/8\n当天,重庆两江新区产业发展集团/);
    assert.equal(standIn.calls.filter((c) => c.method === 'answerCallbackQuery').length, 3);
    // A page that does not exist (the corpus changed) is answered with a note, not silence.
    const since = standIn.calls.length;
    standIn.pushUpdate(standIn.callbackQuery('a:tsinghua:99:e', first.result));
    await standIn.waitForIdle();
    const answered = standIn.calls.slice(since).find((c) => c.method === 'answerCallbackQuery');
    assert.ok(answered?.params.text);
  });
});
