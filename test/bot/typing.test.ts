/**
 * The typing indicator: sent before each answer, and left out for the updates beyond TYPING_MAX_IN_FLIGHT when a
 * burst arrives at once (every update is still answered).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { answerQuestion } from '../../src/answer/answer.ts';
import { EXAMPLE_QUESTION } from '../../src/answer/i18n.ts';
import { TYPING_MAX_IN_FLIGHT } from '../../src/bot/typing.ts';
import { openEngine } from '../../src/cli/wiring.ts';
import { startBotApiStandIn, type BotApiStandIn } from '../support/bot-api-stand-in.ts';
import { startTestBot, type TestBot } from '../support/resilient-bot.ts';

let standIn: BotApiStandIn;
let bot: TestBot;

before(async () => {
  standIn = await startBotApiStandIn();
  const engine = openEngine();
  answerQuestion(engine, EXAMPLE_QUESTION); // loads the segmenter's tables, as npm start does before polling
  bot = await startTestBot(standIn, engine, { resilience: { questionsPerMinute: 0 } });
  await standIn.waitForIdle();
});

after(async () => {
  await bot?.stop();
  await standIn?.close();
});

test('one question: "typing" goes to its chat before the answer', async () => {
  const since = standIn.calls.length;
  standIn.pushUpdate(standIn.privateText('上海交大的合作涵盖哪些领域？', { id: 5001 }));
  await standIn.waitForCall('sendMessage', { since, timeoutMs: 10_000 });
  const calls = standIn.calls.slice(since).map((c) => `${c.method}:${c.params.chat_id}`);
  assert.deepEqual(calls.slice(0, 2), ['sendChatAction:5001', 'sendMessage:5001']);
});

test('a burst: every question answered, typing only for those within the in-flight limit', async () => {
  const since = standIn.calls.length;
  const burst = TYPING_MAX_IN_FLIGHT + 30;
  for (let i = 0; i < burst; i++)
    standIn.pushUpdate(standIn.privateText('清华大学将在哪些方面与重庆合作？', { id: 6000 + i }));
  await standIn.waitForCall('sendMessage', { since, count: burst, timeoutMs: 30_000 });
  const typing = standIn.calls.slice(since).filter((c) => c.method === 'sendChatAction').length;
  // The first long poll may return the first update alone, before the rest arrive: a few more than the limit.
  assert.ok(typing >= 1 && typing <= TYPING_MAX_IN_FLIGHT + 5, `${typing} typing calls for ${burst} questions`);
});
