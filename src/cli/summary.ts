/**
 * `npm run summary -- sjtu`: prints the summary of one agreement, extracted from its passages;
 * `--json` prints one line `{"topic": "sjtu", "text": "..."}`.
 */
import { findAgreement, listAgreements, summarizeTopic } from '../answer/summarize.js';
import type { SearchEngine } from '../search/engine.js';
import { EXIT, isEntryPoint, parseCliArgs, run, type CliIo } from './io.js';
import { openEngine } from './wiring.js';

const HELP = `Usage: npm run summary -- TOPIC [options]
  TOPIC                   an agreement's id or command (as in the corpus' topics.json), e.g. sjtu
  --json                  print one line: {"topic": "sjtu", "text": "..."}
  --corpus PATH           corpus folder or .jsonl file (default: the bundled corpus)
  -h, --help              this text
`;

/** "Known agreements: tsinghua (清华大学, 6月3日), sjtu (…)" for usage errors. */
function knownAgreements(engine: SearchEngine): string {
  const known = listAgreements(engine).map((a) => `${a.command} (${a.topic.party.name}, ${a.dateZh})`);
  return known.length
    ? `Known agreements: ${known.join(', ')}`
    : 'This corpus names no agreements (add them to its topics.json).';
}

export async function main(argv: string[], _env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv, { json: { type: 'boolean' }, corpus: { type: 'string' } }, HELP, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const engine = openEngine(values.corpus);
  const [name, ...extra] = positionals;
  if (!name || extra.length > 0) {
    io.stderr(
      `${name ? `One topic at a time (got ${positionals.join(' ')}).` : 'Which agreement?'}\n${knownAgreements(engine)}\n${HELP}`,
    );
    return EXIT.USAGE;
  }
  const topic = findAgreement(engine, name);
  const summary = topic && summarizeTopic(engine, topic.id);
  if (!summary) {
    io.stderr(`Unknown agreement "${name}". ${knownAgreements(engine)}\n`);
    return EXIT.USAGE;
  }
  if (values.json) {
    io.stdout(`{"topic": ${JSON.stringify(summary.topic.id)}, "text": ${JSON.stringify(summary.text)}}\n`);
  } else {
    io.stdout(`${summary.text}\n\n(${summary.sources.length} passages: ${summary.sources.join(' ')})\n`);
  }
  return EXIT.OK;
}

if (isEntryPoint(import.meta.url)) run(main);
