/**
 * Documents sent to the bot by an operator in a private chat (as a file): checked (a .md / .txt name or a text
 * MIME type, UTF-8 text, at most 1 MB, not empty, no document of the same name or text; else a reply naming the
 * problem and nothing changes), saved under DATA_DIR/documents, indexed (the engine is rebuilt and swapped), and
 * answerable by the very next question. Anyone else gets a polite refusal and nothing is downloaded or saved.
 * Documents sent in groups are ignored.
 */
import type { Context, Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Document } from 'telegraf/types';
import { escapeHtml } from '../answer/format.js';
import { countPassages, MAX_DOCUMENT_BYTES, safeFileName } from '../store/documents.js';
import type { Store } from '../store/store.js';
import { actorOf, operatorStore } from './admin.js';
import type { ResolvedDeps } from './deps.js';
import { operatorMessages } from './operator-messages.js';
import { langFor, replyToAsker } from './reply.js';
import { showTyping } from './typing.js';

/** Downloads a file the bot received (Telegram allows bots 20 MB; we read at most `limit` + 1 bytes). */
async function download(ctx: Context, fileId: string, limit: number): Promise<Buffer> {
  const url = await ctx.telegram.getFileLink(fileId);
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok || !response.body) throw new Error(`file download failed: HTTP ${response.status}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(Buffer.from(chunk));
    size += chunk.length;
    if (size > limit) break; // enough to say it is too large
  }
  return Buffer.concat(chunks);
}

async function addDocument(ctx: Context, deps: ResolvedDeps, store: Store, file: Document): Promise<string> {
  const t = operatorMessages(langFor(ctx));
  const actor = actorOf(ctx);
  const refuse = (problem: Parameters<typeof t.uploadProblem>[0]) => {
    store.recordAction(actor, 'reject-document', `${file.file_name ?? '(no name)'}: ${problem.problem}`);
    return t.uploadProblem(problem, MAX_DOCUMENT_BYTES);
  };
  // What can be judged without downloading: the name and the size Telegram reports.
  const named = safeFileName(file.file_name, file.mime_type);
  if ('problem' in named) return refuse(named);
  if ((file.file_size ?? 0) > MAX_DOCUMENT_BYTES) return refuse({ problem: 'size', bytes: file.file_size ?? 0 });
  const bytes = await download(ctx, file.file_id, MAX_DOCUMENT_BYTES);
  const checked = store.documents.check(file.file_name, bytes, file.mime_type);
  if ('problem' in checked) return refuse(checked);
  const passages = countPassages(checked, deps.engine.corpus.topics);
  if (passages === 0) return refuse({ problem: 'empty' });
  store.documents.add(checked, passages, actor);
  try {
    deps.live?.reload(store.documents.version());
  } catch (error) {
    // The new index could not be built: take the document back out, so the next start does not fail on it.
    store.documents.remove(checked.id, 'system');
    throw error;
  }
  deps.logger.info('document added', { updateId: ctx.update.update_id, name: checked.fileName, passages });
  return t.added(checked.id, passages);
}

/** Registers the document handler (before hints.ts, which answers other non-text messages). */
export function registerUpload(bot: Telegraf, deps: ResolvedDeps): void {
  bot.on(message('document'), async (ctx) => {
    if (ctx.chat.type !== 'private') return;
    const store = await operatorStore(ctx, deps);
    if (!store) return;
    const typing = showTyping(ctx, deps);
    let reply: string;
    try {
      reply = await addDocument(ctx, deps, store, ctx.message.document);
    } catch (error) {
      deps.logger.error('document upload failed', { updateId: ctx.update.update_id, error });
      reply = operatorMessages(langFor(ctx)).uploadFailed;
    }
    await typing;
    await replyToAsker(ctx, escapeHtml(reply));
  });
}
