/**
 * Receiving updates, by long polling or by webhook, with a graceful stop: stop taking updates, finish the
 * answers in flight, and settle within the shutdown grace (SIGTERM → exit 0 within 10 s). Answers still
 * running after the grace are abandoned with an error in the log, never silently.
 */
import type { Context, Telegraf } from 'telegraf';
import type { Logger } from '../log.js';
import { createDispatcher, dispatchPolledUpdates, settleWithin, type DispatcherOptions } from './dispatch.js';
import { ALLOWED_UPDATES, startPolling, type RunningBot } from './launch.js';
import { abortOutgoing } from './resilience.js';
import { closeServer, createWebhookServer, listen } from './webhook.js';

/** How long a stop waits for answers in flight before abandoning them (leaves room under 10 s to exit). */
export const SHUTDOWN_GRACE_MS = 8000;
/** After abandoning, how long the aborted calls get to fail and be logged. */
const ABANDON_MS = 500;

export interface WebhookMode {
  /** WEBHOOK_URL: the public URL Telegram posts to; the server listens at its path. */
  url: URL;
  /** WEBHOOK_SECRET. */
  secret: string;
  /** PORT (0 = any free port, for tests). */
  port: number;
  /** Interface to listen on (default all). */
  host?: string;
}

export interface ServeOptions extends Omit<DispatcherOptions, 'logger'> {
  logger: Logger;
  /** Webhook mode when set, else long polling. */
  webhook?: WebhookMode;
  /** Default SHUTDOWN_GRACE_MS. */
  shutdownGraceMs?: number;
}

/** A running bot; in webhook mode with the port its server listens on. */
export type ServingBot = RunningBot & { port?: number };

/**
 * Finishes the answers in flight within the grace, then abandons the rest (logged). Last, ends any other
 * outgoing call still waiting (the command menus, set alongside at start), so nothing holds up the exit.
 */
async function drainAnswers(
  bot: Telegraf<Context>,
  dispatcher: { drain(ms: number): Promise<number> },
  graceMs: number,
  logger: Logger,
): Promise<void> {
  const left = await dispatcher.drain(graceMs);
  if (left) logger.error('shutdown grace over: abandoning answers still in flight', { count: left, graceMs });
  abortOutgoing(bot, left ? 'shutdown grace over' : 'bot stopped');
  if (left) await dispatcher.drain(ABANDON_MS);
}

/** Starts receiving updates (webhook when options.webhook is set, else long polling); resolves once running. */
export function serveUpdates(bot: Telegraf<Context>, options: ServeOptions): Promise<ServingBot> {
  return options.webhook ? serveWebhook(bot, options.webhook, options) : servePolling(bot, options);
}

async function servePolling(bot: Telegraf<Context>, options: ServeOptions): Promise<ServingBot> {
  const { logger, shutdownGraceMs = SHUTDOWN_GRACE_MS } = options;
  const dispatcher = dispatchPolledUpdates(bot, options);
  const polling = await startPolling(bot);
  let requestStop!: () => void;
  const stopRequested = new Promise<'stop'>((resolve) => (requestStop = () => resolve('stop')));
  const stopped = (async () => {
    const ended = polling.stopped.then(
      () => ({ error: undefined }),
      (error: unknown) => ({ error }),
    );
    const first = await Promise.race([ended, stopRequested]);
    const started = Date.now();
    if (first === 'stop') {
      logger.info('stopping: no more updates; finishing the answers in flight', { inFlight: dispatcher.inFlight });
      // Polling stops at once; its last call (confirming the offset) must not hold up the exit.
      await settleWithin(ended, shutdownGraceMs);
    }
    await drainAnswers(bot, dispatcher, Math.max(0, shutdownGraceMs - (Date.now() - started)), logger);
    if (first !== 'stop' && first.error !== undefined) throw first.error;
  })();
  return {
    stopped,
    stop(reason) {
      polling.stop(reason);
      requestStop();
    },
  };
}

async function serveWebhook(bot: Telegraf<Context>, mode: WebhookMode, options: ServeOptions): Promise<ServingBot> {
  const { logger, shutdownGraceMs = SHUTDOWN_GRACE_MS } = options;
  bot.botInfo ??= await bot.telegram.getMe(); // checks the token before anything listens
  const dispatcher = createDispatcher((update) => bot.handleUpdate(update), options);
  const webhook = createWebhookServer({
    path: mode.url.pathname,
    secret: mode.secret,
    dispatch: (u) => dispatcher.dispatch(u),
    logger,
  });
  const port = await listen(webhook.server, mode.port, mode.host);
  try {
    // Listening first, so the first delivery finds us. Pending updates are kept: replicas restart one by one.
    await bot.telegram.setWebhook(mode.url.toString(), { secret_token: mode.secret, allowed_updates: ALLOWED_UPDATES });
  } catch (error) {
    await closeServer(webhook.server, 0);
    throw error;
  }
  logger.info('webhook set', { url: mode.url.origin + mode.url.pathname, port });
  let stopping: Promise<void> | undefined;
  let requestStop!: () => void;
  const stopRequested = new Promise<void>((resolve) => (requestStop = resolve));
  const stopped = stopRequested.then(() => stopping);
  return {
    port,
    stopped,
    stop(reason) {
      if (stopping) return;
      logger.info('stopping: no more updates; finishing the answers in flight', {
        reason,
        inFlight: dispatcher.inFlight,
      });
      webhook.refuseUpdates();
      // The webhook stays set: another replica (or this one, restarted) takes the next updates.
      stopping = (async () => {
        const started = Date.now();
        await Promise.all([
          closeServer(webhook.server, shutdownGraceMs),
          drainAnswers(bot, dispatcher, shutdownGraceMs, logger),
        ]);
        logger.debug('webhook server closed', { ms: Date.now() - started });
      })();
      requestStop();
    },
  };
}
