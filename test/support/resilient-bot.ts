/**
 * The real bot with resilience installed, receiving updates from the Bot API stand-in (polling) or through
 * its webhook server, with a log captured as parsed JSON records. Retry delays are shortened for tests.
 */
import type { Telegraf } from 'telegraf';
import { createBot } from '../../src/bot/bot.ts';
import type { FloodStats } from '../../src/bot/flood.ts';
import type { ResilienceOptions } from '../../src/bot/resilience.ts';
import { serveUpdates, type ServeOptions, type ServingBot } from '../../src/bot/serve.ts';
import { createLogger } from '../../src/log.ts';
import type { SearchEngine } from '../../src/search/engine.ts';
import type { BotApiStandIn } from './bot-api-stand-in.ts';

export interface LogRecord {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface TestBot {
  bot: Telegraf;
  running: ServingBot;
  /** Every log line, parsed. */
  logs: LogRecord[];
  /** Raw log lines (to check that no secret leaks). */
  logLines: string[];
  floodStats: FloodStats;
  /** Stops the bot and waits until it has (the stand-in stays open). */
  stop(): Promise<void>;
}

/** Delays short enough for tests, the same policy otherwise. */
export const FAST_RETRY = { baseDelayMs: 20, maxDelayMs: 200, maxWaitMs: 10_000 };

export async function startTestBot(
  standIn: BotApiStandIn,
  engine: SearchEngine,
  options: {
    resilience?: Omit<ResilienceOptions, 'logger'>;
    serve?: Omit<ServeOptions, 'logger'>;
    secrets?: string[];
  } = {},
): Promise<TestBot> {
  const logLines: string[] = [];
  const logs: LogRecord[] = [];
  const logger = createLogger('debug', {
    secrets: [standIn.token, ...(options.secrets ?? [])],
    write: (line) => {
      logLines.push(line);
      logs.push(JSON.parse(line) as LogRecord);
    },
  });
  const floodStats: FloodStats = { passed: 0, noticed: 0, limited: 0 };
  const bot = createBot(standIn.token, {
    engine,
    logger,
    apiRoot: standIn.url,
    resilience: { retry: FAST_RETRY, ...options.resilience, floodStats },
  });
  const running = await serveUpdates(bot, { logger, ...options.serve });
  return {
    bot,
    running,
    logs,
    logLines,
    floodStats,
    async stop() {
      running.stop('test end');
      await running.stopped;
    },
  };
}
