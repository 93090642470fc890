/**
 * Faults and floods, injected through the Bot API stand-in into the real bot (real HTTP client): 429 with
 * retry_after, 502, a dropped connection, 403, a call that keeps failing, and a burst of 1,000 updates from
 * 50 users. Every question must end in an answer, a "slow down" notice, or an error in the log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openEngine } from '../../src/cli/wiring.ts';
import type { SearchEngine } from '../../src/search/engine.ts';
import { startBotApiStandIn, type ApiCall, type BotApiStandIn } from '../support/bot-api-stand-in.ts';
import { startTestBot, type TestBot } from '../support/resilient-bot.ts';

const QUESTIONS = [
  '上海交大的合作涵盖哪些领域？',
  '清华大学将在哪些方面与重庆合作？',
  '协议是哪天签署的？',
  '重庆和清华大学签了什么协议？',
];
const SLOW_DOWN = /提问太快了|asking faster/;

let engine: SearchEngine;
before(() => {
  engine = openEngine();
});

/** A successful sendMessage to `chatId`, from the `since`-th call on. */
function answerTo(standIn: BotApiStandIn, chatId: number, since = 0): Promise<ApiCall> {
  return standIn.waitForCall(
    (c) => c.method === 'sendMessage' && c.params.chat_id === chatId && c.result !== undefined,
    { since, timeoutMs: 8000 },
  );
}

async function until(ready: () => boolean, timeoutMs: number): Promise<void> {
  for (const end = Date.now() + timeoutMs; !ready(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
  }
}

describe('faults on outgoing calls and on polling', () => {
  let standIn: BotApiStandIn;
  let bot: TestBot;
  let nextUser = 5000;
  const ask = (text = QUESTIONS[0]!) => {
    const id = nextUser++;
    standIn.pushUpdate(standIn.privateText(text, { id }));
    return id;
  };

  before(async () => {
    standIn = await startBotApiStandIn();
    bot = await startTestBot(standIn, engine, {
      resilience: { questionsPerMinute: 0, retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 200 } },
    });
    await standIn.waitForIdle();
  });

  after(async () => {
    await bot?.stop();
    await standIn?.close();
  });

  test('429 with retry_after on sendMessage: the bot waits that long, then the answer arrives', async () => {
    standIn.injectFault('sendMessage', {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      },
    });
    const since = standIn.calls.length;
    const user = ask();
    const answer = await answerTo(standIn, user, since);
    const faulted = standIn.calls.slice(since).find((c) => c.faulted && c.params.chat_id === user);
    assert.ok(faulted, 'the first attempt met the 429');
    assert.ok(answer.at - faulted.at >= 900, `retried after ${answer.at - faulted.at} ms, before retry_after (1 s)`);
    assert.ok(bot.logs.some((r) => r.msg === 'Telegram call failed, retrying' && r.delayMs === 1000));
  });

  test('502 twice on sendMessage: retried with backoff, the answer arrives', async () => {
    standIn.injectFault('sendMessage', { status: 502, times: 2 });
    const since = standIn.calls.length;
    const user = ask(QUESTIONS[1]);
    await answerTo(standIn, user, since);
    assert.equal(standIn.calls.slice(since).filter((c) => c.faulted && c.params.chat_id === user).length, 2);
  });

  test('a dropped connection on sendMessage: retried, the answer arrives', async () => {
    standIn.injectFault('sendMessage', { dropConnection: true });
    const since = standIn.calls.length;
    const user = ask(QUESTIONS[2]);
    await answerTo(standIn, user, since);
    assert.ok(standIn.calls.slice(since).some((c) => c.error === 'connection dropped'));
  });

  test('a call that keeps failing is given up with an error in the log, and the asker is told', async () => {
    standIn.injectFault('sendMessage', { status: 502, times: 3 }); // maxAttempts 3
    const since = standIn.calls.length;
    const user = ask(QUESTIONS[3]);
    const reply = await answerTo(standIn, user, since);
    assert.match(reply.params.text, /出错了/, 'the error reply (bot.catch) reaches the asker');
    const gaveUp = bot.logs.find(
      (r) => r.level === 'error' && r.msg === 'Telegram call failed, giving up' && r.chatId === String(user),
    );
    assert.ok(gaveUp, 'the lost answer is logged at error level');
    assert.ok(
      bot.logs.some((r) => r.level === 'error' && r.msg === 'update failed'),
      'bot.catch logs the update',
    );
  });

  test('403 (blocked by the user): logged, not retried, the chat skipped until it writes again', async () => {
    standIn.injectFault('sendMessage', {
      status: 403,
      body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    });
    const since = standIn.calls.length;
    const user = ask();
    await standIn.waitForCall((c) => c.faulted === true && c.params.chat_id === user, { since });
    await standIn.waitForIdle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The typing indicator goes out before the answer: count the messages.
    const toUser = standIn.calls.slice(since).filter((c) => c.params.chat_id === user && c.method !== 'sendChatAction');
    assert.equal(toUser.length, 1, 'one attempt, no retry and no error reply to a chat that blocked the bot');
    assert.ok(
      bot.logs.some((r) => r.level === 'warn' && r.msg.startsWith('chat unreachable') && r.chatId === String(user)),
    );
    // The user unblocks the bot and asks again: answered.
    const again = standIn.calls.length;
    standIn.pushUpdate(standIn.privateText(QUESTIONS[1]!, { id: user }));
    await answerTo(standIn, user, again);
  });

  test('502 on getUpdates: polling goes on and later questions are answered', async () => {
    standIn.injectFault('getUpdates', { status: 502 });
    const first = ask(); // delivered by the pending long poll; the next poll meets the 502
    await answerTo(standIn, first);
    await until(() => standIn.pollCalls.some((c) => c.faulted), 3000);
    const since = standIn.calls.length;
    const second = ask(QUESTIONS[1]);
    await answerTo(standIn, second, since); // telegraf waits 5 s after a 5xx, then polls again
  });

  test('no log line holds the bot token', () => {
    assert.ok(bot.logLines.length > 0);
    for (const line of bot.logLines) assert.ok(!line.includes(standIn.token), `token leaked: ${line}`);
  });
});

describe('a burst of 1,000 updates from 50 users', () => {
  let standIn: BotApiStandIn;
  let bot: TestBot;

  before(async () => {
    standIn = await startBotApiStandIn();
    bot = await startTestBot(standIn, engine, { resilience: { questionsPerMinute: 10 } });
    await standIn.waitForIdle();
  });

  after(async () => {
    await bot?.stop();
    await standIn?.close();
  });

  test('every update is answered or covered by the one "slow down" notice; no user is left without a reply', async (t) => {
    const USERS = 50;
    const EACH = 20;
    const LIMIT = 10;
    const started = Date.now();
    for (let round = 0; round < EACH; round++) {
      for (let u = 0; u < USERS; u++)
        standIn.pushUpdate(standIn.privateText(QUESTIONS[(u + round) % QUESTIONS.length]!, { id: 20_000 + u }));
    }
    const expected = USERS * LIMIT + USERS; // the answers, and one notice each
    await standIn.waitForCall((c) => c.method === 'sendMessage' && c.result !== undefined, {
      count: expected,
      timeoutMs: 45_000,
    });
    await standIn.waitForIdle({ timeoutMs: 10_000 });
    const ms = Date.now() - started;
    let answered = 0;
    let noticed = 0;
    for (let u = 0; u < USERS; u++) {
      const sent = standIn.calls.filter((c) => c.method === 'sendMessage' && c.params.chat_id === 20_000 + u);
      assert.ok(
        sent.every((c) => c.result !== undefined),
        'every send succeeded',
      );
      const notices = sent.filter((c) => SLOW_DOWN.test(c.params.text));
      assert.equal(notices.length, 1, `user ${u}: exactly one notice`);
      assert.equal(sent.length - notices.length, LIMIT, `user ${u}: ${LIMIT} answers`);
      answered += sent.length - notices.length;
      noticed += notices.length;
    }
    const limited = USERS * EACH - answered;
    assert.deepEqual(bot.floodStats, { passed: answered, noticed, limited: limited - noticed });
    const figures = `burst: ${USERS * EACH} updates from ${USERS} users in ${(ms / 1000).toFixed(1)} s: ${answered} answered, ${limited} limited (${noticed} "slow down" notices cover them)`;
    t.diagnostic(figures);
    console.log(figures);
  });
});

describe('outgoing pace in a group', () => {
  let standIn: BotApiStandIn;
  let bot: TestBot;
  const waits: number[] = [];

  before(async () => {
    standIn = await startBotApiStandIn();
    // Real clock, recorded waits: the pacer's schedule without a minute of waiting.
    bot = await startTestBot(standIn, engine, {
      resilience: {
        groupMessagesPerMinute: 2,
        retry: { maxWaitMs: 200_000 },
        sleep: async (ms) => void waits.push(ms),
      },
    });
    await standIn.waitForIdle();
  });

  after(async () => {
    await bot?.stop();
    await standIn?.close();
  });

  test('a group gets at most N messages a minute: the rest wait for their slot, in order, none dropped', async () => {
    for (let u = 0; u < 5; u++)
      standIn.pushUpdate(standIn.groupText(`/ask ${QUESTIONS[u % QUESTIONS.length]}`, { from: { id: 30_000 + u } }));
    const sent = await standIn.waitForCall((c) => c.method === 'sendMessage' && c.result !== undefined, {
      count: 5,
      timeoutMs: 8000,
    });
    assert.ok(sent.every((c) => c.params.chat_id < 0));
    // Two slots a minute: sends 3 and 4 wait about a minute, send 5 about two.
    assert.equal(waits.length, 3, `waits: ${waits.join(', ')}`);
    assert.ok(
      waits.slice(0, 2).every((ms) => ms > 55_000 && ms <= 60_000),
      `waits: ${waits.join(', ')}`,
    );
    assert.ok(waits[2]! > 115_000 && waits[2]! <= 120_000, `waits: ${waits.join(', ')}`);
  });
});
