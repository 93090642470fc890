/**
 * Webhook mode: setWebhook with the secret, then our server on a loopback port. Requests without the right
 * X-Telegram-Bot-Api-Secret-Token are refused and not processed; /healthz answers; bad requests get 4xx and
 * the server goes on; after stop() nothing is taken.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openEngine } from '../../src/cli/wiring.ts';
import { startBotApiStandIn, type BotApiStandIn } from '../support/bot-api-stand-in.ts';
import { startTestBot, type TestBot } from '../support/resilient-bot.ts';

const SECRET = 'test_webhook-secret_0123456789';
const URL_PUBLIC = new URL('https://bot.example.org/telegram/hook');

describe('webhook mode', () => {
  let standIn: BotApiStandIn;
  let bot: TestBot;
  let base: string;
  let nextUser = 7000;

  before(async () => {
    standIn = await startBotApiStandIn();
    bot = await startTestBot(standIn, openEngine(), {
      serve: { webhook: { url: URL_PUBLIC, secret: SECRET, port: 0, host: '127.0.0.1' } },
      secrets: [SECRET],
    });
    base = `http://127.0.0.1:${bot.running.port}`;
  });

  after(async () => {
    await bot?.stop();
    await standIn?.close();
  });

  /** POSTs a private question as Telegram would, with the given secret header (or none). */
  async function post(
    secret: string | undefined,
    text = '上海交大的合作涵盖哪些领域？',
  ): Promise<{ status: number; user: number }> {
    const user = nextUser++;
    const update = { update_id: 900_000 + user, ...standIn.privateText(text, { id: user }) };
    const res = await fetch(`${base}${URL_PUBLIC.pathname}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }),
      },
      body: JSON.stringify(update),
    });
    await res.arrayBuffer();
    return { status: res.status, user };
  }

  const sentTo = (user: number) => standIn.calls.filter((c) => c.method === 'sendMessage' && c.params.chat_id === user);

  test('start-up calls setWebhook with the URL, the secret and the allowed updates', () => {
    const set = standIn.calls.find((c) => c.method === 'setWebhook');
    assert.ok(set);
    assert.equal(set.params.url, URL_PUBLIC.toString());
    assert.equal(set.params.secret_token, SECRET);
    assert.deepEqual(set.params.allowed_updates, ['message', 'edited_message', 'callback_query', 'inline_query']);
  });

  test('without the secret header: 401, and the update is not processed', async (t) => {
    const { status, user } = await post(undefined);
    t.diagnostic(`missing secret → ${status}`);
    assert.equal(status, 401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(sentTo(user).length, 0);
  });

  test('with a wrong secret: 403, and the update is not processed', async (t) => {
    const { status, user } = await post('not-the-secret');
    const { status: prefixStatus, user: prefixUser } = await post(SECRET.slice(0, -1));
    t.diagnostic(`wrong secret → ${status}; the secret minus its last character → ${prefixStatus}`);
    assert.equal(status, 403);
    assert.equal(prefixStatus, 403);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(sentTo(user).length + sentTo(prefixUser).length, 0);
  });

  test('with the right secret: 200, and the question is answered', async (t) => {
    const { status, user } = await post(SECRET);
    t.diagnostic(`right secret → ${status}`);
    assert.equal(status, 200);
    const answer = await standIn.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === user);
    assert.match(answer.params.text, /上海交通大学|上海交大/);
  });

  test('GET /healthz: 200', async () => {
    const res = await fetch(`${base}/healthz`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'ok');
  });

  test('bad requests get 4xx and the server goes on', async () => {
    const hook = `${base}${URL_PUBLIC.pathname}`;
    const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET };
    const status = async (url: string, init?: RequestInit) => {
      const res = await fetch(url, init);
      await res.arrayBuffer();
      return res.status;
    };
    assert.equal(await status(hook, { method: 'POST', headers, body: '{not json' }), 400);
    assert.equal(await status(hook, { method: 'POST', headers, body: '[1,2,3]' }), 400);
    assert.equal(
      await status(hook, {
        method: 'POST',
        headers,
        body: JSON.stringify({ update_id: 1, message: 'x'.repeat(2 * 1024 * 1024) }),
      }),
      413,
    );
    assert.equal(await status(hook), 405);
    assert.equal(await status(`${base}/elsewhere`, { method: 'POST', headers, body: '{}' }), 404);
    // A hostile update that is valid JSON but nothing the bot knows: accepted, no reply, no crash.
    assert.equal(
      await status(hook, { method: 'POST', headers, body: JSON.stringify({ update_id: 5, message: { chat: null } }) }),
      200,
    );
    const { status: ok, user } = await post(SECRET, '清华大学将在哪些方面与重庆合作？');
    assert.equal(ok, 200);
    await standIn.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === user);
  });

  test('the webhook secret never appears in the log', () => {
    for (const line of bot.logLines) assert.ok(!line.includes(SECRET), `secret leaked: ${line}`);
  });
});
