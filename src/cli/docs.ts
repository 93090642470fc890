/**
 * `npm run docs -- list | add FILE | remove NAME`: the documents operators add, from the command line, on the
 * same DATA_DIR and corpus as the bot, while it runs. add and remove change DATA_DIR/documents and bump the
 * store's documents_version row; a running bot polls that row every 2 s and rebuilds its index when it moved.
 */
import { config as loadDotenv } from 'dotenv';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { operatorMessages } from '../bot/operator-messages.js';
import { passageCounts } from '../bot/operator-report.js';
import { parseConfig, type Config } from '../config.js';
import { loadCorpus } from '../corpus/load.js';
import { countPassages, MAX_DOCUMENT_BYTES } from '../store/documents.js';
import { openStore, type Store } from '../store/store.js';
import { EXIT, isEntryPoint, parseCliArgs, run, type CliIo } from './io.js';
import { DOCUMENTS_POLL_MS } from './live-engine.js';
import { documentDirs } from './operate.js';
import { DEFAULT_CORPUS } from './wiring.js';

const HELP = `Usage: npm run docs -- COMMAND
  list                    the corpus' documents with their passage counts (bundled, then added)
  add FILE                check a .md / .txt file (UTF-8, ≤ 1 MB, not empty, not a duplicate) and add it
  remove NAME             remove a document added before (by its name, as list shows it)
  DATA_DIR and CORPUS_PATH come from the environment or .env, as for the bot. A running bot picks a change up
  within ${DOCUMENTS_POLL_MS / 1000} s.
  -h, --help              this text
`;

const actor = () =>
  `cli:${(() => {
    try {
      return userInfo().username;
    } catch {
      return 'unknown';
    }
  })()}`;

function list(config: Config, store: Store, io: CliIo): number {
  const counts = passageCounts(loadCorpus(config.corpusPath ?? DEFAULT_CORPUS, documentDirs(config)));
  store.recordAction(actor(), 'docs');
  for (const d of store.documents.list()) {
    const added = d.origin === 'added' ? `\tadded${d.addedBy ? ` by ${d.addedBy}` : ''}` : '\tbundled';
    io.stdout(`${d.id}\t${counts.get(d.id) ?? 0} passages${added}\n`);
  }
  return EXIT.OK;
}

function add(config: Config, store: Store, file: string, io: CliIo): number {
  const t = operatorMessages('en');
  const bytes = readFileSync(file);
  const checked = store.documents.check(basename(file), bytes);
  const refuse = (problem: Parameters<typeof t.uploadProblem>[0]) => {
    store.recordAction(actor(), 'reject-document', `${basename(file)}: ${problem.problem}`);
    io.stderr(`${file}: ${t.uploadProblem(problem, MAX_DOCUMENT_BYTES)}\n`);
    return EXIT.FAILED;
  };
  if ('problem' in checked) return refuse(checked);
  const topics = loadCorpus(config.corpusPath ?? DEFAULT_CORPUS).topics;
  const passages = countPassages(checked, topics);
  if (passages === 0) return refuse({ problem: 'empty' });
  store.documents.add(checked, passages, actor());
  io.stdout(
    `Added ${checked.id}: ${passages} passages (a running bot answers from it within ${DOCUMENTS_POLL_MS / 1000} s)\n`,
  );
  return EXIT.OK;
}

function remove(store: Store, name: string, io: CliIo): number {
  const listed = store.documents.list().find((d) => d.id === name);
  if (listed?.origin !== 'added') {
    io.stderr(`${operatorMessages('en').removeNotAdded(name, listed?.origin === 'corpus')}\n`);
    return EXIT.FAILED;
  }
  store.documents.remove(listed.id, actor());
  io.stdout(`Removed ${listed.id} (a running bot stops answering from it within ${DOCUMENTS_POLL_MS / 1000} s)\n`);
  return EXIT.OK;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv, {}, HELP, io);
  if (typeof parsed === 'number') return parsed;
  const [command, arg, ...extra] = parsed.positionals;
  const usage = (why: string) => (io.stderr(`${why}\n${HELP}`), EXIT.USAGE);
  if (extra.length) return usage(`Unexpected argument: ${extra[0]}`);
  if (command !== 'list' && command !== 'add' && command !== 'remove')
    return usage(command ? `Unknown command: ${command}` : 'Missing command');
  if (command !== 'list' && !arg) return usage(`${command} needs ${command === 'add' ? 'a FILE' : 'a NAME'}`);
  let config: Config;
  let store: Store;
  try {
    config = parseConfig(env);
    store = openStore(config.dataDir, { corpusDir: config.corpusPath ?? DEFAULT_CORPUS });
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.FAILED;
  }
  try {
    if (command === 'list') return list(config, store, io);
    if (command === 'add') return add(config, store, arg!, io);
    return remove(store, arg!, io);
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.FAILED;
  } finally {
    store.close();
  }
}

if (isEntryPoint(import.meta.url)) {
  loadDotenv({ quiet: true }); // the bot's DATA_DIR and CORPUS_PATH, when .env sets them
  run(main);
}
