/**
 * Webhook mode: Telegram POSTs each update to WEBHOOK_URL with the secret given to setWebhook in the
 * X-Telegram-Bot-Api-Secret-Token header. Our own node:http server (not telegraf's webhookCallback) so that
 * every request gets a deliberate answer, and one bad request never takes the server down:
 *   GET /healthz                 → 200 (for the load balancer; also while the bot is busy)
 *   another path                 → 404
 *   not POST                     → 405
 *   secret header missing        → 401, wrong → 403; the update is not processed
 *   body over maxBodyBytes       → 413
 *   not JSON / not an update     → 400
 *   shutting down                → 503 (Telegram retries later, or another replica takes it)
 *   an update                    → 200 once handled, or once the dispatcher put it in the background
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';
import type { Logger } from '../log.js';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Largest update body accepted (default of maxBodyBytes). Telegram's updates are a few kB. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const HEALTH_PATH = '/healthz';

export interface WebhookServerOptions {
  /** Path the updates are POSTed to: WEBHOOK_URL's path. */
  path: string;
  /** WEBHOOK_SECRET. */
  secret: string;
  /** Handles one update; resolves when the request may be answered 200. */
  dispatch: (update: Update) => Promise<void>;
  logger: Logger;
  /** Default MAX_BODY_BYTES. */
  maxBodyBytes?: number;
}

export interface WebhookServer {
  server: http.Server;
  /** From now on, updates are refused with 503 (health checks still answer). */
  refuseUpdates(): void;
}

/** Compares secrets in constant time (hashing first, so the length does not leak either). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function isUpdate(value: unknown): value is Update {
  return (
    typeof value === 'object' && value !== null && Number.isSafeInteger((value as { update_id?: unknown }).update_id)
  );
}

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw new RequestError(413, `body of ${declared} bytes is over the ${limit}-byte limit`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RequestError(413, `body is over the ${limit}-byte limit`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The webhook HTTP server (not listening yet). */
export function createWebhookServer(options: WebhookServerOptions): WebhookServer {
  const { path, secret, dispatch, logger, maxBodyBytes = MAX_BODY_BYTES } = options;
  let refusing = false;

  const answer = (res: http.ServerResponse, status: number, body = http.STATUS_CODES[status] ?? '', close = false) => {
    if (res.headersSent) return void res.end();
    res
      .writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...(close ? { connection: 'close' } : {}) })
      .end(body);
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://webhook');
    if (url.pathname === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD')) return answer(res, 200, 'ok');
    if (url.pathname !== path) return answer(res, 404);
    if (req.method !== 'POST') return answer(res, 405);
    const given = req.headers[SECRET_HEADER];
    if (typeof given !== 'string' || given === '') {
      logger.warn('webhook request without the secret header: refused', { remote: req.socket.remoteAddress });
      return answer(res, 401, 'missing secret token', true);
    }
    if (!sameSecret(given, secret)) {
      logger.warn('webhook request with a wrong secret: refused', { remote: req.socket.remoteAddress });
      return answer(res, 403, 'wrong secret token', true);
    }
    if (refusing) return answer(res, 503, 'shutting down');
    let update: unknown;
    try {
      update = JSON.parse((await readBody(req, maxBodyBytes)).toString('utf8'));
    } catch (error) {
      if (error instanceof RequestError) {
        logger.warn('webhook request refused', { status: error.status, reason: error.message });
        return answer(res, error.status, error.message, true);
      }
      logger.warn('webhook request with a body that is not JSON: refused', { error });
      return answer(res, 400, 'body is not JSON');
    }
    if (!isUpdate(update)) return answer(res, 400, 'not a Telegram update (no update_id)');
    await dispatch(update);
    answer(res, 200);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('webhook request failed', { error });
      answer(res, 500);
    });
  });
  // A client that sends garbage or stalls gets a 400 / a timeout, and the server goes on.
  server.on('clientError', (error, socket) => {
    logger.debug('webhook client error', { error });
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return { server, refuseUpdates: () => void (refusing = true) };
}

/** Listens on port (0 = any) and host; resolves with the port. */
export function listen(server: http.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting connections; resolves when the open ones ended (those still busy after `graceMs` are cut). */
export function closeServer(server: http.Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
