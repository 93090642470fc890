/**
 * Time to add and remove one document through the engine (what an engine holder does on an upload), on an
 * index persisted by `ask` or bench/blackbox.ts:
 *
 *   DATA_DIR=bench/tmp/blackbox-data-100000-fts5 npx tsx bench/update-one.ts bench/tmp/blackbox-100000.jsonl
 */
import { loadCorpus } from '../src/corpus/load.ts';
import { dataDirOf } from '../src/config.ts';
import { SearchEngine } from '../src/search/engine.ts';

const corpusPath = process.argv[2] ?? '';
/** Wall time, and this process' CPU time (steadier on a loaded machine), in ms. */
const cpu: Record<string, number> = {};
const time = <T>(work: () => T, name: string): [T, number] => {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(c);
  cpu[name] = Math.round((used.user + used.system) / 1000);
  return [value, performance.now() - t];
};
const corpus = loadCorpus(corpusPath);
const [{ engine, report }, openMs] = time(
  () => SearchEngine.open(corpus, { dataDir: dataDirOf(process.env), source: corpusPath }),
  'openCpuMs',
);
const ask = (e: SearchEngine) => e.rank(e.analyze('市图书馆今年新增多少藏书'), 1)[0]?.passage.id;
ask(engine); // segmenter and dictionaries loaded before the timed change
const document = { id: 'update-one', title: '图书馆' };
const passages = [
  {
    id: 'update-one#1',
    documentId: 'update-one',
    section: '图书馆',
    topic: null,
    text: '市图书馆今年新增藏书十万册，新馆将在明年开放。',
  },
];
const [added, addMs] = time(() => engine.withDocuments({ add: [{ document, passages }] }), 'addCpuMs');
const found = ask(added);
const [removed, removeMs] = time(() => added.withDocuments({ remove: ['update-one'] }), 'removeCpuMs');
const gone = ask(removed) !== 'update-one#1';
process.stdout.write(
  `${JSON.stringify({ passages: corpus.passages.length, backend: report.backend, openMs, addMs, found, removeMs, gone, ...cpu })}\n`,
);
removed.close();
