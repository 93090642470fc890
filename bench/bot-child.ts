/**
 * The real bot (createBot + long polling through telegraf's HTTP client), in its own process, pointed at the
 * Bot API stand-in that bench/run.ts hosts, so bot and stand-in do not share a core.
 *
 *   node --import tsx bench/bot-child.ts <corpus> <apiRoot> <token> [profile.cpuprofile]
 *
 * Prints `@@ready` once polling runs. Reads commands on stdin: `profile-start`, then `stop` (writes the
 * profile if one was started, stops polling and prints `@@result {}`).
 */
import { createInterface } from 'node:readline';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { createBot, type BotDeps } from '../src/bot/bot.ts';
import { startPolling } from '../src/bot/launch.ts';
import { openEngine } from '../src/cli/wiring.ts';
import { silentLogger } from '../src/log.ts';
import { openStore } from '../src/store/store.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emitResult, progress } from './lib/child.ts';

const [corpusPath = '', apiRoot = '', token = '', profilePath] = process.argv.slice(2);

async function main(): Promise<void> {
  const engine = openEngine(corpusPath);
  // The per-user question limit and group pacing are switched off for this measurement (0 = off): the bench
  // measures how fast the bot answers, not how fast it is allowed to send. Retries stay as they are.
  const deps: BotDeps = {
    engine,
    logger: silentLogger,
    apiRoot,
    resilience: { questionsPerMinute: 0, groupMessagesPerMinute: 0 },
  };
  // `npm run bench -- --bot-record`: every question recorded in a fresh DATA_DIR's store, as the real bot does.
  if (process.env.BENCH_BOT_RECORD === '1') deps.store = openStore(mkdtempSync(join(tmpdir(), 'bench-data-')));
  const bot = createBot(token, deps);
  const running = await startPolling(bot);
  progress(`bot: polling ${apiRoot} over ${engine.corpus.passages.length} passages`);
  process.stdout.write('@@ready\n');
  let session: Session | undefined;
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'profile-start') {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      process.stdout.write('@@profiling\n');
    } else if (line === 'stop') {
      if (session && profilePath) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(profilePath, JSON.stringify(profile));
        session.disconnect();
      }
      running.stop('bench done');
      await running.stopped.catch(() => undefined);
      deps.store?.close();
      emitResult({ profile: session ? profilePath : undefined });
      process.exit(0);
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
