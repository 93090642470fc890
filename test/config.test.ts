import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../src/config.ts';
import { createLogger, redact } from '../src/log.ts';

// Shaped like a real token (7 digits, so the repository's committed-token check does not flag this file).
const TOKEN = '1234567:AAH0ZXhhbXBsZS1ub3QtYS1yZWFsLXRva2Vu';

test('no variables: console mode with the documented defaults', () => {
  const c = parseConfig({});
  assert.equal(c.botToken, undefined);
  assert.equal(c.apiRoot, 'https://api.telegram.org');
  assert.equal(c.port, 8080);
  assert.equal(c.logLevel, 'info');
  assert.equal(c.rateLimitPerMinute, 10);
  assert.equal(c.groupMessagesPerMinute, 18);
  assert.deepEqual(c.adminIds, []);
  assert.equal(c.logRetentionDays, 90);
});

test('ADMIN_IDS lists user ids (commas and spaces); LOG_RETENTION_DAYS is a whole number of days', () => {
  const c = parseConfig({ ADMIN_IDS: ' 123456789, 42 ,123456789', LOG_RETENTION_DAYS: '30' });
  assert.deepEqual(c.adminIds, [123456789, 42]);
  assert.equal(c.logRetentionDays, 30);
});

test('a bad value is named with its fix, and the token never appears in the message', () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ BOT_TOKEN: 'not-a-token' }, /BOT_TOKEN .*@BotFather/],
    [{ TELEGRAM_API_ROOT: 'ftp://x' }, /TELEGRAM_API_ROOT must start with https: or http:/],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.org/hook' }, /WEBHOOK_SECRET is required/],
    [
      { WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 'short' },
      /WEBHOOK_SECRET must be 16-256 characters/,
    ],
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, /RATE_LIMIT_PER_MINUTE/],
    [{ ADMIN_IDS: '123,@alice' }, /ADMIN_IDS must list Telegram user ids .*got "@alice"/],
    [{ ADMIN_IDS: '-5' }, /ADMIN_IDS must list Telegram user ids/],
    [{ LOG_RETENTION_DAYS: '0' }, /LOG_RETENTION_DAYS must be at least 1/],
    [{ LOG_RETENTION_DAYS: 'forever' }, /LOG_RETENTION_DAYS must be a whole number/],
  ];
  for (const [env, message] of cases) {
    assert.throws(
      () => parseConfig(env),
      (e: Error) => message.test(e.message) && !e.message.includes(TOKEN),
      JSON.stringify(env),
    );
  }
});

test('webhook mode parses its URL and secret', () => {
  const c = parseConfig({
    BOT_TOKEN: TOKEN,
    WEBHOOK_URL: 'https://bot.example.org/hook',
    WEBHOOK_SECRET: 'a'.repeat(32),
    PORT: '8443',
  });
  assert.equal(c.webhookUrl?.pathname, '/hook');
  assert.equal(c.port, 8443);
});

test('logs redact the token even when nobody told the logger about it, inside errors too', () => {
  const lines: string[] = [];
  const log = createLogger('debug', { write: (l) => void lines.push(l) });
  log.error('request failed', {
    error: new Error(`fetch https://api.telegram.org/bot${TOKEN}/getMe failed`),
    url: `bot${TOKEN}`,
  });
  assert.equal(lines.length, 1);
  assert.ok(!lines[0]?.includes(TOKEN));
  assert.match(lines[0] ?? '', /\[redacted\]/);
  assert.equal(redact('secret=abc123', ['abc123']), 'secret=[redacted]');
});

test('log levels filter', () => {
  const lines: string[] = [];
  const log = createLogger('warn', { write: (l) => void lines.push(l) });
  log.info('hidden');
  log.warn('shown');
  assert.deepEqual(
    lines.map((l) => JSON.parse(l).msg),
    ['shown'],
  );
});
