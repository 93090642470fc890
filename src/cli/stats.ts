/**
 * `npm run stats`: what /stats and /unanswered show, from DATA_DIR/bot.sqlite (the bot may be running: the
 * database is in WAL mode, so reading never blocks it). `--json` prints the figures as one JSON object.
 */
import { config as loadDotenv } from 'dotenv';
import { parseConfig } from '../config.js';
import { formatTime, statsLines, unansweredLines } from '../bot/operator-report.js';
import { openStore } from '../store/store.js';
import { EXIT, isEntryPoint, parseCliArgs, run, type CliIo } from './io.js';

const HELP = `Usage: npm run stats [-- options]
  Prints the bot's statistics (questions, declines, feedback, latency) and the latest unanswered questions,
  read from DATA_DIR/bot.sqlite (DATA_DIR from the environment or .env, default ./data).
  --json                  one JSON object: {"stats": {...}, "unanswered": [...]}
  --lang zh|en            language of the text report (default en)
  -h, --help              this text
`;

export async function main(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv, { json: { type: 'boolean' }, lang: { type: 'string' } }, HELP, io, false);
  if (typeof parsed === 'number') return parsed;
  const lang = parsed.values.lang === 'zh' ? 'zh' : 'en';
  let store;
  try {
    store = openStore(parseConfig(env).dataDir);
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.FAILED;
  }
  try {
    const stats = store.stats();
    const unanswered = store.unanswered(15);
    if (parsed.values.json) {
      io.stdout(`${JSON.stringify({ stats, unanswered })}\n`);
      return EXIT.OK;
    }
    const [title = '', ...lines] = statsLines(stats, lang);
    const latest = unansweredLines(unanswered);
    io.stdout(
      [
        `${title} (${store.dataDir}, ${formatTime(Date.now())})`,
        ...lines,
        '',
        lang === 'zh' ? '最近没能回答的问题（次数 · 最后一次）：' : 'Latest unanswered (times asked · last asked):',
        ...(latest.length ? latest : [lang === 'zh' ? '（没有）' : '(none)']),
      ].join('\n') + '\n',
    );
    return EXIT.OK;
  } finally {
    store.close();
  }
}

if (isEntryPoint(import.meta.url)) {
  loadDotenv({ quiet: true }); // the bot's DATA_DIR, when .env sets it
  run(main);
}
