/**
 * Query cost and R@1 of ranking variants on a persisted large corpus, in process (no `ask` round trip): DRCD
 * questions (the same seeded sample as bench/blackbox.ts) answered one by one, CPU time per question (steadier
 * than wall time on a loaded machine), p50 / p90 / p99 and R@1 per variant. Needs an FTS5 index that
 * bench/blackbox.ts built for the corpus file (opened without reading the file: SearchEngine.openStored).
 *
 *   npx tsx bench/ranking-sweep.ts bench/tmp/blackbox-100000.jsonl bench/tmp/blackbox-data-100000-auto 1000 \
 *     '{}' '{"pruneShare":0.02}'
 *
 * Each variant is a JSON object of RankingOptions (search/engine.ts) laid over the defaults.
 */
import { answerQuestion } from '../src/answer/answer.ts';
import { loadDataset } from '../src/eval/datasets.ts';
import { sourceHashOf } from '../src/search/backend/persist.ts';
import { DEFAULT_RANKING, SearchEngine, type RankingOptions } from '../src/search/engine.ts';
import { seededRandom, shuffled, SYNTHETIC_SEED } from './lib/synthetic.ts';

const [corpus = '', dataDir = '', count = '1000', ...variants] = process.argv.slice(2);
const questions = shuffled(loadDataset('drcd').questions, seededRandom(SYNTHETIC_SEED + 1)).slice(0, Number(count));
const WARM_UP = 30;

for (const variant of variants.length > 0 ? variants : ['{}']) {
  const ranking: RankingOptions = { ...DEFAULT_RANKING, ...(JSON.parse(variant) as Partial<RankingOptions>) };
  const opened = SearchEngine.openStored({ dataDir, source: corpus, sourceHash: sourceHashOf(corpus) }, ranking);
  if (!opened) throw new Error(`No FTS5 index of ${corpus} in ${dataDir}: run bench/blackbox.ts first`);
  const { engine } = opened;
  for (const q of questions.slice(0, WARM_UP)) answerQuestion(engine, q.question, { top: 3 });
  const cpuMs: number[] = [];
  let right = 0;
  for (const q of questions) {
    const before = process.cpuUsage();
    const answer = answerQuestion(engine, q.question, { top: 3 });
    const used = process.cpuUsage(before);
    cpuMs.push((used.user + used.system) / 1000);
    if (answer.kind === 'answer' && answer.hits[0]?.passage.id === q.passage_id) right++;
  }
  cpuMs.sort((a, b) => a - b);
  const at = (share: number) => (cpuMs[Math.min(cpuMs.length - 1, Math.floor(share * cpuMs.length))] ?? NaN).toFixed(1);
  process.stdout.write(
    `${variant} CPU ms p50 ${at(0.5)} p90 ${at(0.9)} p99 ${at(0.99)} R@1 ${(right / questions.length).toFixed(3)}\n`,
  );
  engine.close();
}
