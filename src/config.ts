/**
 * Configuration: a pure parse of an explicit environment (process.env plus .env, loaded by main). Nothing is
 * read at import time. Every failure names the variable and the fix; the token never appears in a message.
 */
import { resolve } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Config {
  /** BOT_TOKEN; absent → console chat instead of Telegram. */
  botToken?: string;
  /** TELEGRAM_API_ROOT, default https://api.telegram.org (tests point it at a loopback stand-in). */
  apiRoot: string;
  /** CORPUS_PATH, default the bundled corpus/ folder. */
  corpusPath?: string;
  /** DATA_DIR, default ./data (absolute): everything the bot stores (SQLite store, persisted index, documents). */
  dataDir: string;
  /** INDEX_READONLY=1: open the persisted index without writing (every replica but the one that writes). */
  indexReadonly: boolean;
  /** WEBHOOK_URL: public https URL; set → webhook mode instead of long polling. */
  webhookUrl?: URL;
  /** WEBHOOK_SECRET: required in webhook mode; Telegram sends it back in X-Telegram-Bot-Api-Secret-Token. */
  webhookSecret?: string;
  /** PORT the webhook server listens on, default 8080. */
  port: number;
  /** LOG_LEVEL, default info. */
  logLevel: LogLevel;
  /** RATE_LIMIT_PER_MINUTE: questions one user may ask a minute, default 10 (0 turns the limit off). */
  rateLimitPerMinute: number;
  /** GROUP_MESSAGES_PER_MINUTE: outgoing pace per group chat, default 18 (Telegram allows about 20). 0 = no pacing. */
  groupMessagesPerMinute: number;
  /** CONVERSATION_IDLE_MINUTES: a conversation idle this long is forgotten (default 15; 0 = no follow-ups). */
  conversationIdleMinutes: number;
  /** ADMIN_IDS: Telegram user ids of the operators (comma-separated), who get /stats, /unanswered, /docs, uploads. */
  adminIds: number[];
  /** LOG_RETENTION_DAYS: days the question log keeps a question (default 90), pruned at start and daily. */
  logRetentionDays: number;
}

const TOKEN = /^\d{5,16}:[A-Za-z0-9_-]{30,}$/;
const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

function invalid(name: string, fix: string, cause?: unknown): Error {
  return new Error(`Invalid config: ${name} ${fix}`, cause === undefined ? undefined : { cause });
}

function parseUrl(name: string, value: string, protocols: string[]): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (e) {
    throw invalid(name, `is not a URL (got "${value}"); use e.g. ${protocols[0]}//example.org/path`, e);
  }
  if (!protocols.includes(url.protocol))
    throw invalid(name, `must start with ${protocols.join(' or ')} (got ${url.protocol})`);
  return url;
}

function parseCount(env: Record<string, string | undefined>, name: string, fallback: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw invalid(name, `must be a whole number from 0 to ${max} (got "${raw}")`);
  return n;
}

/** LOG_RETENTION_DAYS: 1 to 36500, default 90. */
function parseRetention(env: Record<string, string | undefined>): number {
  const days = parseCount(env, 'LOG_RETENTION_DAYS', 90, 36_500);
  if (days === 0) throw invalid('LOG_RETENTION_DAYS', 'must be at least 1 (days a question stays in the log)');
  return days;
}

/** ADMIN_IDS: comma- (or space-) separated positive Telegram user ids; empty → no admins. */
function parseAdminIds(raw: string | undefined): number[] {
  const parts = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  const ids = parts.map((part) => {
    const n = Number(part);
    if (!/^\d{1,16}$/.test(part) || !Number.isSafeInteger(n) || n <= 0)
      throw invalid(
        'ADMIN_IDS',
        `must list Telegram user ids separated by commas, e.g. 123456789,987654321 (got "${part}"; a user can learn their id from @userinfobot)`,
      );
    return n;
  });
  return [...new Set(ids)];
}

/** DATA_DIR, absolute (default ./data): for tools that need no other setting. */
export function dataDirOf(env: Record<string, string | undefined>): string {
  return resolve(env.DATA_DIR?.trim() || 'data');
}

/** Parses and validates the environment once, at start-up. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const botToken = env.BOT_TOKEN?.trim() || undefined;
  if (botToken && !TOKEN.test(botToken)) {
    throw invalid(
      'BOT_TOKEN',
      'does not look like a bot token (digits, a colon, then 30+ letters): copy it again from @BotFather',
    );
  }
  const apiRoot = parseUrl('TELEGRAM_API_ROOT', env.TELEGRAM_API_ROOT?.trim() || 'https://api.telegram.org', [
    'https:',
    'http:',
  ])
    .toString()
    .replace(/\/$/, '');
  const webhookUrl = env.WEBHOOK_URL?.trim()
    ? parseUrl('WEBHOOK_URL', env.WEBHOOK_URL.trim(), ['https:', 'http:'])
    : undefined;
  const webhookSecret = env.WEBHOOK_SECRET?.trim() || undefined;
  if (webhookUrl && !webhookSecret) {
    throw invalid(
      'WEBHOOK_SECRET',
      'is required when WEBHOOK_URL is set: use 1-256 characters of A-Z a-z 0-9 _ - (e.g. `openssl rand -hex 32`)',
    );
  }
  if (webhookSecret && !/^[A-Za-z0-9_-]{16,256}$/.test(webhookSecret)) {
    // Telegram allows 1-256 characters; fewer than 16 are guessable, and the logs redact every occurrence.
    throw invalid('WEBHOOK_SECRET', 'must be 16-256 characters of A-Z a-z 0-9 _ - (e.g. `openssl rand -hex 32`)');
  }
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw invalid('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  return {
    botToken,
    apiRoot,
    corpusPath: env.CORPUS_PATH?.trim() || undefined,
    dataDir: dataDirOf(env),
    indexReadonly: ['1', 'true', 'yes'].includes(env.INDEX_READONLY?.trim().toLowerCase() ?? ''),
    webhookUrl,
    webhookSecret,
    port: parseCount(env, 'PORT', 8080, 65535),
    logLevel,
    rateLimitPerMinute: parseCount(env, 'RATE_LIMIT_PER_MINUTE', 10, 10_000),
    groupMessagesPerMinute: parseCount(env, 'GROUP_MESSAGES_PER_MINUTE', 18, 10_000),
    conversationIdleMinutes: parseCount(env, 'CONVERSATION_IDLE_MINUTES', 15, 10_080),
    adminIds: parseAdminIds(env.ADMIN_IDS),
    logRetentionDays: parseRetention(env),
  };
}
