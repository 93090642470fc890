/**
 * `npm start`: with BOT_TOKEN, the Telegram bot (long polling, or a webhook when WEBHOOK_URL is set); without,
 * the console chat. The environment is validated once here; a bad value exits 2 with a message naming the
 * variable (never the token).
 */
import type { Telegraf } from 'telegraf';
import { answerQuestion } from '../answer/answer.js';
import { EXAMPLE_QUESTION } from '../answer/i18n.js';
import { summarizeTopic } from '../answer/summarize.js';
import { createBot } from '../bot/bot.js';
import { setCommandMenus } from '../bot/commands.js';
import type { RunningBot } from '../bot/launch.js';
import { serveUpdates } from '../bot/serve.js';
import { parseConfig, type Config } from '../config.js';
import { createLogger, redact, type Logger } from '../log.js';
import { setDescriptions } from '../bot/privacy.js';
import { runConsoleChat } from './console-chat.js';
import { EXIT, type CliIo } from './io.js';
import { documentDirs, startOperations, type Operations } from './operate.js';
import { openEngine } from './wiring.js';

const HELP = `Usage: npm start
  With BOT_TOKEN set (environment or .env): runs the Telegram bot.
  Without it: a console chat; type one question a line, e.g.  echo 上海交大的合作涵盖哪些领域？ | npm start
  Settings: see .env.example.
`;

/** How the bot gets its updates: a webhook when WEBHOOK_URL is set (config insists on WEBHOOK_SECRET then), else long polling. */
export function startUpdates(bot: Telegraf, config: Config, logger: Logger): Promise<RunningBot> {
  const { webhookUrl, webhookSecret } = config;
  const webhook =
    webhookUrl && webhookSecret ? { url: webhookUrl, secret: webhookSecret, port: config.port } : undefined;
  return serveUpdates(bot, { logger, webhook });
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs the bot until SIGINT/SIGTERM (exit 0) or a fatal error such as a rejected token (exit 1). */
async function runBot(config: Config & { botToken: string }, io: CliIo): Promise<number> {
  const secrets = [config.botToken, config.webhookSecret ?? ''];
  const logger = createLogger(config.logLevel, { secrets });
  let operations: Operations;
  try {
    operations = startOperations(config, logger);
  } catch (e) {
    io.stderr(`${redact(`Could not start the bot: ${message(e)}`, secrets)}\n`);
    return EXIT.FAILED;
  }
  const { live, store } = operations;
  // Load jieba's IDF table and warm the answering path before the first real question arrives.
  answerQuestion(live.current(), EXAMPLE_QUESTION);
  const bot = createBot(config.botToken, {
    engine: live.current(),
    live,
    store,
    admins: config.adminIds,
    retentionDays: config.logRetentionDays,
    logger,
    apiRoot: config.apiRoot,
    resilience: {
      questionsPerMinute: config.rateLimitPerMinute,
      groupMessagesPerMinute: config.groupMessagesPerMinute,
    },
    conversation: { idleMs: config.conversationIdleMinutes * 60_000 },
    // The command's header already shows the title and date: the summary's body follows it.
    summarize: (topicId) => summarizeTopic(live.current(), topicId)?.body,
  });
  // Listen for signals before anything async: a SIGTERM during start-up or mid-answer must stop cleanly.
  let running: RunningBot | undefined;
  let stopSignal: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    stopSignal = signal;
    running?.stop(signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    running = await startUpdates(bot, config, logger);
    if (stopSignal) running.stop(stopSignal);
    logger.info('bot started', {
      username: bot.botInfo?.username,
      apiRoot: config.apiRoot,
      mode: config.webhookUrl ? 'webhook' : 'polling',
    });
    // The menus are cosmetic: set them alongside, never delaying answers or shutdown (failures are logged).
    void setCommandMenus(bot, live.current().corpus.topics, logger);
    void setDescriptions(bot, live.current().corpus.documents, logger);
    live.onReload = (next) => void setDescriptions(bot, next.corpus.documents, logger); // new titles
    await running.stopped;
    logger.info('bot stopped', { signal: stopSignal });
    return EXIT.OK;
  } catch (e) {
    const hint = /\b401\b|Unauthorized/.test(message(e))
      ? ' (Telegram rejected BOT_TOKEN: check it with @BotFather)'
      : '';
    io.stderr(`${redact(`Could not run the bot: ${message(e)}`, secrets)}${hint}\n`);
    return EXIT.FAILED;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    operations.close(); // after the answers in flight: every record is committed, the WAL checkpointed
  }
}

/** `npm start` as a function: the bot with BOT_TOKEN, else the console chat; returns the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout(HELP);
    return EXIT.OK;
  }
  if (argv.length) {
    io.stderr(`Unknown argument: ${argv[0]}\n${HELP}`);
    return EXIT.USAGE;
  }
  let config: Config;
  try {
    config = parseConfig(env);
  } catch (e) {
    io.stderr(`${redact(message(e), [env.BOT_TOKEN ?? ''])}\n`);
    return EXIT.USAGE;
  }
  const { botToken } = config;
  if (!botToken)
    return runConsoleChat(
      openEngine(config.corpusPath, {
        extraDirs: documentDirs(config),
        dataDir: config.dataDir,
        readonly: config.indexReadonly,
      }),
      io,
      'zh',
      { idleMs: config.conversationIdleMinutes * 60_000 },
    );
  return runBot({ ...config, botToken }, io);
}
