/** Proves the Bot API stand-in works with the real telegraf, and that the HTML checker is strict. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Telegraf } from 'telegraf';
import { startBotApiStandIn, type BotApiStandIn } from './bot-api-stand-in.ts';
import { checkTelegramHtml, stripTelegramHtml } from './telegram-html.ts';

describe('Bot API stand-in with a real telegraf bot', () => {
  let standIn: BotApiStandIn;
  let bot: Telegraf;
  let stopped: Promise<void>;
  const handlerErrors: unknown[] = [];

  before(async () => {
    standIn = await startBotApiStandIn();
    bot = new Telegraf(standIn.token, { telegram: { apiRoot: standIn.url } });
    bot.on('text', (ctx) => ctx.reply('echo: ' + ctx.message.text));
    // Without bot.catch, telegraf rethrows a handler error out of the polling loop: polling stops and launch() rejects.
    bot.catch((err) => {
      handlerErrors.push(err);
    });
    // launch() resolves only when polling stops: keep the promise, wait for the first long poll instead.
    stopped = bot.launch();
    await standIn.waitForIdle();
  });

  after(async () => {
    try {
      bot.stop('test end');
      await stopped;
    } finally {
      await standIn.close();
    }
  });

  test('launch calls getMe and deleteWebhook, then long-polls', () => {
    assert.deepEqual(standIn.calls.map((c) => c.method).slice(0, 2), ['getMe', 'deleteWebhook']);
    assert.equal(standIn.pollCalls.at(-1)?.params.timeout, 50);
    assert.equal(bot.botInfo?.username, 'zhdoc_test_bot');
  });

  test('a pushed private text update gets an echo reply in the same chat', async () => {
    const update = standIn.privateText('你好，文档里说了什么？');
    const updateId = standIn.pushUpdate(update);
    const call = await standIn.waitForCall('sendMessage');
    assert.equal(call.params.chat_id, update.message.chat.id);
    assert.equal(call.params.text, 'echo: 你好，文档里说了什么？');
    assert.equal(call.result.chat.id, update.message.chat.id);
    assert.equal(call.result.from.is_bot, true);
    await standIn.waitForIdle();
    // The next poll confirmed the update.
    assert.ok(standIn.pollCalls.at(-1)!.params.offset > updateId);
  });

  test('an injected 502 on sendMessage is visible in the call log', async () => {
    const since = standIn.calls.length;
    standIn.injectFault('sendMessage', { status: 502 });
    standIn.pushUpdate(standIn.privateText('first'));
    const faulted = await standIn.waitForCall('sendMessage', { since });
    assert.equal(faulted.faulted, true);
    assert.equal(faulted.error, 'HTTP 502');
    assert.equal(faulted.params.text, 'echo: first');
    await standIn.waitForIdle();
    assert.match(String(handlerErrors.at(-1)), /502: Bad Gateway/);
    standIn.pushUpdate(standIn.privateText('second'));
    const [, ok] = await standIn.waitForCall('sendMessage', { since, count: 2 });
    assert.equal(ok!.faulted, undefined);
    assert.equal(ok!.params.text, 'echo: second');
    assert.deepEqual(
      standIn
        .sentMessages()
        .map((p) => p.text)
        .slice(-2),
      ['echo: 你好，文档里说了什么？', 'echo: second'],
    );
  });

  test('a burst of 1,000 updates is delivered and answered quickly', async () => {
    const since = standIn.calls.length;
    for (let i = 0; i < 1000; i++) standIn.pushUpdate(standIn.privateText(`burst ${i}`, { id: 5000 + (i % 7) }));
    const replies = await standIn.waitForCall('sendMessage', { since, count: 1000, timeoutMs: 10_000 });
    assert.equal(new Set(replies.map((c) => c.params.text)).size, 1000);
  });

  test('waitForCall rejects with a message listing the calls seen', async () => {
    await assert.rejects(
      standIn.waitForCall('sendPhoto', { timeoutMs: 50 }),
      /waitForCall\(sendPhoto\): 0\/1 .*Calls seen \(\d+, last 50 shown\):\n  #\d+ sendMessage/,
    );
  });
});

describe('Bot API stand-in over raw HTTP', () => {
  let standIn: BotApiStandIn;
  before(async () => {
    standIn = await startBotApiStandIn();
  });
  after(() => standIn.close());

  const post = async (method: string, body: object, token = standIn.token) => {
    const res = await fetch(`${standIn.url}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  };

  test('a wrong token gets 401 Unauthorized', async () => {
    assert.deepEqual(await post('getMe', {}, '1:wrong'), {
      status: 401,
      json: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
  });

  test('getUpdates holds the request until an update arrives, honours offset and limit', async () => {
    const started = Date.now();
    const pending = post('getUpdates', { offset: 0, timeout: 5 });
    setTimeout(() => standIn.pushUpdate(standIn.groupText('/ask@zhdoc_test_bot 这是什么？')), 100);
    const { json } = await pending;
    assert.ok(Date.now() - started < 2000);
    const [update] = json.result;
    assert.deepEqual(update.message.entities, [{ type: 'bot_command', offset: 0, length: 19 }]);
    const mention = standIn.groupText('看 @zhdoc_test_bot 你好', { replyToBotMessage: true, messageThreadId: 7 });
    assert.deepEqual(mention.message.entities, [{ type: 'mention', offset: 2, length: 15 }]);
    assert.equal(mention.message.reply_to_message?.from?.username, 'zhdoc_test_bot');
    assert.equal(mention.message.message_thread_id, 7);
    assert.ok(mention.message.message_id > update.message.message_id);
    const id1 = standIn.pushUpdate(mention);
    const id2 = standIn.pushUpdate(standIn.inlineQuery('合同'));
    assert.deepEqual(
      (await post('getUpdates', { offset: update.update_id + 1, limit: 1 })).json.result.map((u: any) => u.update_id),
      [id1],
    );
    const rest = (await post('getUpdates', { offset: id1 + 1 })).json.result;
    assert.deepEqual(
      rest.map((u: any) => u.update_id),
      [id2],
    );
    assert.equal(rest[0].inline_query.query, '合同');
  });

  test('getUpdates times out with an empty result, and close() ends a pending poll at once', async () => {
    const started = Date.now();
    assert.deepEqual((await post('getUpdates', { offset: 1e12, timeout: 1 })).json, { ok: true, result: [] });
    assert.ok(Date.now() - started >= 900);
    const other = await startBotApiStandIn();
    const pending = fetch(`${other.url}/bot${other.token}/getUpdates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timeout: 50 }),
    });
    await other.waitForIdle();
    await other.close();
    assert.deepEqual(await (await pending).json(), { ok: true, result: [] });
  });

  test('faults: 429 with retry_after, dropped connection, then normal again', async () => {
    const body = {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    };
    standIn.injectFault('sendChatAction', { status: 429, body });
    standIn.injectFault('sendChatAction', { dropConnection: true });
    assert.deepEqual(await post('sendChatAction', { chat_id: 1, action: 'typing' }), { status: 429, json: body });
    await assert.rejects(post('sendChatAction', { chat_id: 1, action: 'typing' }));
    assert.deepEqual(await post('sendChatAction', { chat_id: 1, action: 'typing' }), {
      status: 200,
      json: { ok: true, result: true },
    });
    assert.deepEqual(
      standIn.calls.filter((c) => c.method === 'sendChatAction').map((c) => c.faulted ?? false),
      [true, true, false],
    );
  });

  test('sendMessage rejects invalid HTML and overlong text like Telegram; edits must change something', async () => {
    const bad = await post('sendMessage', { chat_id: 1001, text: '<b>x</b> & y', parse_mode: 'HTML' });
    assert.equal(bad.status, 400);
    assert.match(bad.json.description, /^Bad Request: can't parse entities: Bare "&"/);
    assert.equal(
      (await post('sendMessage', { chat_id: 1001, text: 'x'.repeat(4097) })).json.description,
      'Bad Request: message is too long',
    );
    const sent = (await post('sendMessage', { chat_id: 1001, text: '<b>答</b>', parse_mode: 'HTML' })).json.result;
    const same = await post('editMessageText', {
      chat_id: 1001,
      message_id: sent.message_id,
      text: '<b>答</b>',
      parse_mode: 'HTML',
    });
    assert.match(same.json.description, /message is not modified/);
    const edited = await post('editMessageText', {
      chat_id: 1001,
      message_id: sent.message_id,
      text: '答案',
      parse_mode: 'HTML',
    });
    assert.equal(edited.json.result.text, '答案');
    assert.deepEqual(
      standIn.sentMessages().map((p) => p.text),
      ['<b>答</b>', '答案'],
    );
  });
});

describe('checkTelegramHtml', () => {
  test('accepts valid Telegram HTML', () => {
    for (const ok of [
      '<b>x</b> &amp; &lt;script&gt;',
      '<i>a</i><u>b</u><s>c</s><tg-spoiler>d</tg-spoiler><span class="tg-spoiler">e</span> &quot;&#20013;&#x1F600;',
      '<a href="https://example.com/?a=1&amp;b=2">链接</a> <code>x &lt; y</code>',
      '<pre><code class="language-python">print(1)</code></pre><blockquote expandable>引用</blockquote>',
      '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
    ])
      assert.deepEqual(checkTelegramHtml(ok), [], ok);
  });

  test('rejects what Telegram rejects (or its docs forbid)', () => {
    for (const bad of [
      '<b>x</b> & <script>',
      '<b>x',
      '<i><b>x</i></b>',
      '&nbsp;',
      'a < b',
      '<br>',
      '<p>段落</p>',
      '<span>x</span>',
      '<code><b>x</b></code>',
      '<code class="language-js">x</code>',
      '<a href="x" target="_blank">y</a>',
      '1 > 0',
      '&#xD800;',
    ])
      assert.notDeepEqual(checkTelegramHtml(bad), [], bad);
    assert.deepEqual(checkTelegramHtml('<b>x</b> & <script>'), [
      'Bare "&" at byte offset 9 must be escaped as &amp;',
      'Unsupported start tag "script" at byte offset 11',
    ]);
  });

  test('stripTelegramHtml gives the visible text', () => {
    assert.equal(
      stripTelegramHtml('<b>合同</b> &amp; <a href="https://x.y">条款</a> &lt;3 &#x1F600;'),
      '合同 & 条款 <3 😀',
    );
  });
});
