/**
 * `npm run dialogues [-- FILE… --console --bot --verbose]`: plays dialogue sets (default test/dialogues/*.jsonl)
 * through the console chat (private dialogues) and through the real bot against the Bot API stand-in (all), and
 * prints each set's score; --verbose lists every failed turn.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBot } from '../../src/bot/bot.ts';
import { startPolling } from '../../src/bot/launch.ts';
import { openEngine } from '../../src/cli/wiring.ts';
import { createLogger } from '../../src/log.ts';
import { startBotApiStandIn } from './bot-api-stand-in.ts';
import { describeFailures, formatScore, playBot, playConsole, readDialogues, score } from './dialogues.ts';

const DIR = resolve(import.meta.dirname, '../dialogues');

const { values, positionals } = parseArgs({
  options: {
    console: { type: 'boolean' },
    bot: { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
    corpus: { type: 'string' },
  },
  allowPositionals: true,
});
const files = positionals.length
  ? positionals
  : readdirSync(DIR)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => join(DIR, f));
const both = !values.console && !values.bot;
const engine = openEngine(values.corpus);

for (const file of files) {
  const dialogues = readDialogues(file);
  if (values.console || both) {
    const results = [];
    for (const d of dialogues.filter((d) => d.chat === 'private')) results.push(await playConsole(engine, d));
    console.log(`${file} console: ${formatScore(score(results))}`);
    if (values.verbose) for (const line of describeFailures(results)) console.log(`  ${line}`);
  }
  if (values.bot || both) {
    const standIn = await startBotApiStandIn({ botUsername: 'zhdoc_test_bot' });
    const logger = createLogger('silent', { secrets: [standIn.token] });
    const bot = createBot(standIn.token, {
      engine,
      logger,
      apiRoot: standIn.url,
      resilience: { questionsPerMinute: 0, groupMessagesPerMinute: 0 },
    });
    const running = await startPolling(bot);
    await standIn.waitForIdle();
    const results = [];
    for (const d of dialogues) results.push(await playBot(standIn, bot, d));
    running.stop('done');
    await running.stopped;
    await standIn.close();
    console.log(`${file} bot: ${formatScore(score(results))}`);
    if (values.verbose) for (const line of describeFailures(results)) console.log(`  ${line}`);
  }
}
