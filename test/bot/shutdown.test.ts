/**
 * Graceful shutdown of the real program (`node --import tsx src/main.ts`) against the Bot API stand-in:
 * SIGTERM while an answer is in flight (its first send met a 429 with retry_after 2) → the answer is still
 * delivered and the process exits 0 within 10 s.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { startBotApiStandIn } from '../support/bot-api-stand-in.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN = '7654321:AAF-shutdown-test-token-0123456789abc';

test('SIGTERM mid-answer: the answer is delivered and the process exits 0 within 10 s', async (t) => {
  const standIn = await startBotApiStandIn({ token: TOKEN });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: standIn.url,
      WEBHOOK_URL: '',
      WEBHOOK_SECRET: '',
      CORPUS_PATH: '',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'shutdown-data-')), // not the checkout's ./data
      RATE_LIMIT_PER_MINUTE: '',
      GROUP_MESSAGES_PER_MINUTE: '',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  try {
    await standIn.waitForCall('getUpdates', { timeoutMs: 30_000 });
    standIn.injectFault('sendMessage', {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 2',
        parameters: { retry_after: 2 },
      },
    });
    const user = 4242;
    standIn.pushUpdate(standIn.privateText('上海交大的合作涵盖哪些领域？', { id: user }));
    await standIn.waitForCall((c) => c.method === 'sendMessage' && c.faulted === true, { timeoutMs: 10_000 });
    const signalled = Date.now();
    child.kill('SIGTERM');
    const { code, signal } = await Promise.race([
      exited,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no exit within 12 s; stderr:\n${stderr}`)), 12_000),
      ),
    ]);
    const ms = Date.now() - signalled;
    t.diagnostic(`SIGTERM → exit code ${code} after ${ms} ms`);
    assert.equal(signal, null);
    assert.equal(code, 0, `exit code; stderr:\n${stderr}`);
    assert.ok(ms < 10_000, `exited after ${ms} ms`);
    const delivered = standIn.calls.find(
      (c) => c.method === 'sendMessage' && c.params.chat_id === user && c.result !== undefined,
    );
    assert.ok(delivered, `the answer in flight was delivered; stderr:\n${stderr}`);
    assert.ok(delivered.at > signalled, 'it was still in flight at SIGTERM');
    assert.ok(!stderr.includes(TOKEN), 'the token never appears in the output');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await standIn.close();
  }
});
