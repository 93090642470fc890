/** Flood control on a fake clock: the per-user window with its one notice, the group pacer, error classes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TelegramError } from 'telegraf';
import { createChatPacer, createRateLimiter, isGroupChatId, PacingError } from '../../src/bot/flood.ts';
import { classifyFailure } from '../../src/bot/resilience.ts';

test('rate limiter: the first N of a window pass, the next gets the notice, the rest are silent; a new window starts afresh', () => {
  let now = 0;
  const limiter = createRateLimiter({ perWindow: 3, windowMs: 60_000, now: () => now });
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map(() => limiter.take('u1')),
    ['ok', 'ok', 'ok', 'notice', 'limited', 'limited'],
  );
  assert.equal(limiter.take('u2'), 'ok', 'users are counted apart');
  now = 59_999;
  assert.equal(limiter.take('u1'), 'limited');
  now = 60_000;
  assert.deepEqual(
    [1, 2, 3, 4].map(() => limiter.take('u1')),
    ['ok', 'ok', 'ok', 'notice'],
  );
});

test('rate limiter: 0 turns it off', () => {
  const limiter = createRateLimiter({ perWindow: 0 });
  for (let i = 0; i < 100; i++) assert.equal(limiter.take(1), 'ok');
});

test('pacer: a group gets N sends in any minute, in call order; private chats are not paced', async () => {
  let now = 0;
  const waits: number[] = [];
  const pacer = createChatPacer({
    perMinute: 3,
    now: () => now,
    sleep: async (ms) => void waits.push(ms),
  });
  for (let i = 0; i < 7; i++) await pacer.acquire(-100, 1_000_000);
  // Slots at 0, 0, 0, then 60 s, 60 s, 60 s, then 120 s: each call waits until its slot.
  assert.deepEqual(waits, [60_000, 60_000, 60_000, 120_000]);
  waits.length = 0;
  for (let i = 0; i < 10; i++) await pacer.acquire(42, 0);
  assert.deepEqual(waits, [], 'private chats are not paced');
  now = 500_000;
  await pacer.acquire(-100, 0);
  assert.deepEqual(waits, [], 'a quiet group sends at once again');
});

test('pacer: a send that would wait past maxWaitMs fails at once and reserves nothing', async () => {
  const pacer = createChatPacer({ perMinute: 1, now: () => 0, sleep: async () => undefined });
  await pacer.acquire('-100', 10);
  await assert.rejects(pacer.acquire('-100', 10), PacingError);
  await pacer.acquire('-100', 60_000); // the refused send took no slot: this one is the second
  await assert.rejects(pacer.acquire('-100', 60_000), PacingError);
});

test('pacer: 0 turns pacing off', async () => {
  const pacer = createChatPacer({ perMinute: 0, sleep: async () => assert.fail('no wait expected') });
  for (let i = 0; i < 50; i++) await pacer.acquire(-1, 0);
});

test('group chat ids: negative numbers and @channel names', () => {
  assert.ok(isGroupChatId(-1001234));
  assert.ok(isGroupChatId('-1001234'));
  assert.ok(isGroupChatId('@channel'));
  assert.ok(!isGroupChatId(1234));
  assert.ok(!isGroupChatId('1234'));
});

test('failure classes: 429 waits retry_after, 5xx and network errors are transient, 403 unreachable, other 4xx final', () => {
  const tg = (error_code: number, parameters?: object) =>
    new TelegramError({ error_code, description: 'x', ...(parameters ? { parameters } : {}) });
  assert.deepEqual(classifyFailure(tg(429, { retry_after: 7 })), { kind: 'retry-after', ms: 7000 });
  assert.deepEqual(classifyFailure(tg(502)), { kind: 'transient' });
  assert.deepEqual(classifyFailure(tg(403)), { kind: 'unreachable' });
  assert.deepEqual(classifyFailure(tg(400)), { kind: 'permanent' });
  const reset = Object.assign(new Error('socket hang up'), { name: 'FetchError', code: 'ECONNRESET' });
  assert.deepEqual(classifyFailure(reset), { kind: 'transient' });
  assert.deepEqual(classifyFailure(Object.assign(new Error('aborted'), { name: 'AbortError' })), { kind: 'permanent' });
  assert.deepEqual(classifyFailure(new TypeError('bug')), { kind: 'permanent' });
});
