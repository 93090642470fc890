/**
 * One bench measurement in its own process: `node --import tsx bench/task.ts <task> '<json params>'`.
 * bench/run.ts starts these; each prints one `@@result {json}` line (see lib/child.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadCorpus } from '../src/corpus/load.ts';
import { loadDataset } from '../src/eval/datasets.ts';
import { retrievalMetrics, type RetrievalMetrics } from '../src/eval/metrics.ts';
import { emitResult, progress } from './lib/child.ts';
import { profileSection } from './lib/profiler.ts';
import { summarizeLatencies, type LatencySummary } from './lib/stats.ts';
import { isSystemName, SYSTEMS, type BenchIndex, type SystemName } from './lib/systems.ts';

/** Questions searched before timing starts, so that the JIT has compiled the search path. */
const WARM_UP_QUESTIONS = 200;

export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

function memory(): MemorySnapshot {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

/** Peak resident set of this process so far (bytes). */
function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Collects garbage when the process runs with --expose-gc, so that RSS shows what stays, not what is left over. */
function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function time<T>(work: () => T): [T, number] {
  const t = performance.now();
  const value = work();
  return [value, performance.now() - t];
}

/** Times `run` per question (after a warm-up), stopping after `maxCount` questions or `maxMs` of searching. */
function timeQueries(questions: string[], run: (q: string) => void, maxCount = Infinity, maxMs = Infinity): number[] {
  for (const q of questions.slice(0, Math.min(WARM_UP_QUESTIONS, questions.length))) run(q);
  const samples: number[] = [];
  let spent = 0;
  for (const q of questions) {
    if (samples.length >= maxCount || spent >= maxMs) break;
    const t = performance.now();
    run(q);
    const dt = performance.now() - t;
    samples.push(dt);
    spent += dt;
  }
  return samples;
}

// ---------------------------------------------------------------------------------------------- quality

export interface QualityParams {
  system: SystemName;
  dataset: string;
  /** Where to save the built index (for the cold-start-from-saved-index run). */
  saveIndexPath?: string;
  /** Profile a second pass of the queries and a second build into this folder. */
  profileDir?: string;
}

export interface QualityResult {
  system: SystemName;
  dataset: string;
  passages: number;
  questions: number;
  corpusLoadMs: number;
  buildMs: number;
  metrics: RetrievalMetrics;
  /** engine.rank(analyze(q), 10) for ours, ms.search(q) for the peers: one sample per question. */
  search: LatencySummary;
  /** answerQuestion (ours only): the whole answering path the bot runs. */
  answer?: LatencySummary;
  memory: MemorySnapshot;
  profiles?: { query: string; build: string };
}

async function quality(p: QualityParams): Promise<QualityResult> {
  const system = SYSTEMS[p.system];
  system.warmUp();
  const dataset = loadDataset(p.dataset);
  const [corpus, corpusLoadMs] = time(() => loadCorpus(dataset.passagesPath));
  progress(`${system.label} on ${p.dataset}: building over ${corpus.passages.length} passages`);
  const [index, buildMs] = time(() => system.build(corpus));
  const questions = dataset.questions.map((q) => q.question);
  progress(`${system.label} on ${p.dataset}: built in ${(buildMs / 1000).toFixed(1)} s; ${questions.length} questions`);
  // The timed pass is also the scored pass: each question's ranking is kept for the metrics.
  for (const q of questions.slice(0, WARM_UP_QUESTIONS)) index.search(q, 10);
  const samples: number[] = [];
  const runs = dataset.questions.map((q) => {
    const t = performance.now();
    const ranked = index.search(q.question, 10);
    samples.push(performance.now() - t);
    return { ranked, gold: q.passage_id };
  });
  const result: QualityResult = {
    system: p.system,
    dataset: p.dataset,
    passages: corpus.passages.length,
    questions: questions.length,
    corpusLoadMs,
    buildMs,
    metrics: retrievalMetrics(runs),
    search: summarizeLatencies(samples),
    memory: memory(),
  };
  if (index.answer) {
    const answer = index.answer.bind(index);
    result.answer = summarizeLatencies(timeQueries(questions, answer));
  }
  if (p.saveIndexPath) {
    mkdirSync(dirname(p.saveIndexPath), { recursive: true });
    writeFileSync(p.saveIndexPath, index.serialize());
  }
  if (p.profileDir) {
    progress(`${system.label} on ${p.dataset}: profiling queries and build`);
    const query = await profileSection(`${p.profileDir}/query-${p.system}-${p.dataset}.cpuprofile`, () => {
      for (const q of questions) index.search(q, 10);
    });
    const build = await profileSection(
      `${p.profileDir}/build-${p.system}-${p.dataset}.cpuprofile`,
      () => void system.build(corpus),
    );
    result.profiles = { query, build };
  }
  return result;
}

// ------------------------------------------------------------------------------------------------ scale

export interface ScaleBuildParams {
  system: SystemName;
  corpusPath: string;
  indexPath: string;
  /** A JSON array of question strings. */
  questionsPath: string;
  maxQueries: number;
  maxQueryMs: number;
  profileQueriesPath?: string;
}

export interface ScaleBuildResult {
  system: SystemName;
  passages: number;
  /** After the corpus is read and the dictionaries are loaded, before the index. */
  before: MemorySnapshot;
  buildMs: number;
  /** After the build and a full GC: what a running bot holds. */
  afterBuild: MemorySnapshot;
  peakRss: number;
  search: LatencySummary;
  serializeMs?: number;
  indexBytes?: number;
  /** Why the index could not be saved (e.g. V8's string length limit). */
  serializeError?: string;
  profile?: string;
}

async function scaleBuild(p: ScaleBuildParams): Promise<ScaleBuildResult> {
  const system = SYSTEMS[p.system];
  system.warmUp();
  const corpus = loadCorpus(p.corpusPath);
  const questions = JSON.parse(readFileSync(p.questionsPath, 'utf8')) as string[];
  collect();
  const before = memory();
  progress(`${system.label}: building ${corpus.passages.length} passages`);
  const [index, buildMs] = time(() => system.build(corpus));
  collect();
  const afterBuild = memory();
  progress(
    `${system.label}: built ${corpus.passages.length} in ${(buildMs / 1000).toFixed(1)} s, RSS ${(afterBuild.rss / 2 ** 20).toFixed(0)} MiB; querying`,
  );
  const samples = timeQueries(questions, (q) => void index.search(q, 10), p.maxQueries, p.maxQueryMs);
  const result: ScaleBuildResult = {
    system: p.system,
    passages: corpus.passages.length,
    before,
    buildMs,
    afterBuild,
    peakRss: 0,
    search: summarizeLatencies(samples),
  };
  if (p.profileQueriesPath) {
    progress(`${system.label}: profiling ${samples.length} queries`);
    result.profile = await profileSection(p.profileQueriesPath, () => {
      for (const q of questions.slice(0, samples.length)) index.search(q, 10);
    });
  }
  // Saving can kill the process (heap out of memory at 100k passages with node's default heap): hand over what
  // was measured so far first; the parent keeps the last result a child printed.
  emitResult({ ...result, peakRss: peakRss() });
  progress(`${system.label}: saving the index`);
  try {
    const [json, serializeMs] = time(() => index.serialize());
    mkdirSync(dirname(p.indexPath), { recursive: true });
    writeFileSync(p.indexPath, json);
    result.serializeMs = serializeMs;
    result.indexBytes = index.indexBytes?.() ?? Buffer.byteLength(json);
  } catch (e) {
    result.serializeError = `${(e as Error).name}: ${(e as Error).message}`;
  }
  result.peakRss = peakRss();
  return result;
}

export interface ScaleLoadParams {
  system: SystemName;
  corpusPath: string;
  indexPath: string;
  questionsPath: string;
}

export interface ScaleLoadResult {
  system: SystemName;
  /** Read the file, parse, restore (peers: plus reading the passages they need to show an answer). */
  loadMs: number;
  before: MemorySnapshot;
  afterLoad: MemorySnapshot;
  peakRss: number;
  /** Share of the first 100 questions that find something: a loaded index that silently finds nothing shows here. */
  sanityHitRate: number;
}

function scaleLoad(p: ScaleLoadParams): ScaleLoadResult {
  const system = SYSTEMS[p.system];
  system.warmUp();
  const questions = (JSON.parse(readFileSync(p.questionsPath, 'utf8')) as string[]).slice(0, 100);
  collect();
  const before = memory();
  const [index, loadMs] = time((): BenchIndex =>
    system.load(readFileSync(p.indexPath, 'utf8'), () => loadCorpus(p.corpusPath)),
  );
  collect();
  const afterLoad = memory();
  const hits = questions.filter((q) => index.search(q, 1).length > 0).length;
  return {
    system: p.system,
    loadMs,
    before,
    afterLoad,
    peakRss: peakRss(),
    sanityHitRate: hits / (questions.length || 1),
  };
}

// ------------------------------------------------------------------------------------------------- main

const TASKS: Record<string, (params: never) => unknown> = {
  quality,
  'scale-build': scaleBuild,
  'scale-load': scaleLoad,
};

async function main(): Promise<void> {
  const [task = '', json = '{}'] = process.argv.slice(2);
  const run = TASKS[task];
  if (!run) throw new Error(`Unknown bench task "${task}" (known: ${Object.keys(TASKS).join(', ')})`);
  const params = JSON.parse(json) as { system?: string };
  if (params.system !== undefined && !isSystemName(params.system)) throw new Error(`Unknown system "${params.system}"`);
  emitResult(await run(params as never));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
