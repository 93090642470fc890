/**
 * Structured logging: one JSON object a line on stderr, level-filtered, with every secret redacted (the bot
 * token appears in Telegram URLs and therefore in library errors).
 */
import type { LogLevel } from './config.js';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
/** Anything shaped like a bot token, whether or not we were told the secret. */
const TOKEN_SHAPE = /\d{5,16}:[A-Za-z0-9_-]{30,}/g;

/** Replaces each secret (and anything shaped like a bot token) with "[redacted]". */
export function redact(text: string, secrets: string[] = []): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join('[redacted]');
  return out.replace(TOKEN_SHAPE, '[redacted]');
}

function serializeError(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const out: Record<string, unknown> = { name: e.name, message: e.message, stack: e.stack };
  if (e.cause !== undefined) out.cause = serializeError(e.cause);
  return out;
}

/** A logger writing JSON lines through `write` (stderr by default). */
export function createLogger(
  level: LogLevel = 'info',
  options: { secrets?: string[]; write?: (line: string) => void } = {},
): Logger {
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const secrets = (options.secrets ?? []).filter(Boolean);
  const log =
    (at: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (RANK[at] < RANK[level]) return;
      const record = { time: new Date().toISOString(), level: at, msg, ...fields };
      const json = JSON.stringify(record, (_k, v: unknown) => (v instanceof Error ? serializeError(v) : v));
      write(`${redact(json, secrets)}\n`);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = createLogger('silent');
