/**
 * `npm run bench [-- options]`: quality, speed, memory and scale of this project against the two peers,
 * plus the bot's end-to-end throughput, in one run. Every measurement runs in its own child process
 * (bench/task.ts, bench/cold-start.ts, bench/bot-child.ts), one after another, so none shares a core or a
 * heap with another. Writes bench/results/latest.md (+ a dated copy), latest.json and scale.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { renderReadmeSummary, withReadmeSummary } from './lib/readme.ts';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataset, DATASET_NAMES } from '../src/eval/datasets.ts';
import { measureBotBurst, type BotBurstResult } from './lib/bot-burst.ts';
import { BENCH_DIR, REPO_DIR, runScript, runTask, type ChildOutcome } from './lib/child.ts';
import { summarizeCpuProfile, type ProfileSummary } from './lib/cpuprofile.ts';
import {
  renderReport,
  renderScaleChart,
  type BenchResults,
  type ColdStartRow,
  type ProfileEntry,
  type ScaleRow,
} from './lib/report.ts';
import { sampleQuestions, writeScaleInputs } from './lib/scale-corpus.ts';
import { median } from './lib/stats.ts';
import { SYSTEM_LABELS, SYSTEM_NAMES, type SystemName } from './lib/systems.ts';
import type { QualityResult, ScaleBuildResult, ScaleLoadResult } from './task.ts';

const HELP = `Usage: npm run bench [-- options]
  (no options)        everything: quality + latency, cold start, scale (1k, 10k, 100k passages), bot burst
                      (~20 min on 2 cores, 12 of them building this project's 100k index)
  --quick             scale tiers 1k and 10k only (~8 min)
  --sizes LIST        scale tiers, comma-separated (default 1000,10000,100000)
  --only LIST         phases to run: quality,cold,scale,bot (default all)
  --cold-runs N       cold starts per set-up, the median is reported (default 3)
  --scale-queries N   questions timed per scale tier and set-up (default 1000; at most 30 s of searching)
  --peers-up-to N     largest scale tier the peers run at (default 10000: at 100k the jieba peer alone takes
                      ~12 min); "all" runs them at every tier
  --bot-updates N     updates in the bot burst (default 1000)
  --readme            rewrite README.md's benchmark table from bench/results/latest.json, measure nothing
                      (a full run rewrites it itself; a partial or --out run leaves it)
  --bot-record        the bot records every question in a fresh DATA_DIR store, as \`npm start\` does (default off)
  --no-profile        take no CPU profiles (by default taken, and shown where a target is missed)
  --out DIR           results folder (default bench/results)
`;

const PHASES = ['quality', 'cold', 'scale', 'bot'] as const;
type Phase = (typeof PHASES)[number];

const TMP_DIR = join(BENCH_DIR, 'tmp');
const PROFILE_DIR = join(TMP_DIR, 'profiles');
/** The scale tier's children may need more than V8's default heap (≈4 GiB here) at 100k passages. */
const SCALE_NODE_FLAGS = ['--max-old-space-size=16384', '--expose-gc'];
const SCALE_MAX_QUERY_MS = 30_000;

function log(message: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

function gitDescription(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_DIR, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], {
      cwd: REPO_DIR,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit} + uncommitted changes in src/` : commit;
  } catch {
    return 'unknown';
  }
}

function profileEntry(title: string, path: string | undefined, reason: string): ProfileEntry | undefined {
  if (!path) return undefined;
  try {
    const summary: ProfileSummary = summarizeCpuProfile(path, REPO_DIR);
    return { title, reason, path: relative(REPO_DIR, path), summary };
  } catch (e) {
    log(`could not read profile ${path}: ${(e as Error).message}`);
    return undefined;
  }
}

async function runQuality(profile: boolean): Promise<{
  rows: Array<QualityResult | { system: SystemName; dataset: string; error: string }>;
  drcdIndexPath: string;
}> {
  const rows: Array<QualityResult | { system: SystemName; dataset: string; error: string }> = [];
  const drcdIndexPath = join(TMP_DIR, 'drcd-ours.json');
  for (const dataset of DATASET_NAMES) {
    for (const system of SYSTEM_NAMES) {
      log(`quality: ${SYSTEM_LABELS[system]} on ${dataset}`);
      const isOursDrcd = system === 'ours' && dataset === 'drcd';
      const outcome: ChildOutcome<QualityResult> = await runTask(
        'quality',
        {
          system,
          dataset,
          ...(isOursDrcd ? { saveIndexPath: drcdIndexPath } : {}),
          ...(isOursDrcd && profile ? { profileDir: PROFILE_DIR } : {}),
        },
        { label: `${system}/${dataset}`, timeoutMs: 30 * 60_000 },
      );
      rows.push(outcome.result ?? { system, dataset, error: outcome.error ?? 'no result' });
    }
  }
  return { rows, drcdIndexPath };
}

async function runColdStarts(runs: number, drcdIndexPath: string): Promise<ColdStartRow[]> {
  const dataset = loadDataset('drcd');
  const question = dataset.questions[0]?.question ?? '梵语';
  const setups: Array<{ system: SystemName; mode: 'build' | 'load' }> = [
    { system: 'ours', mode: 'build' },
    { system: 'ours', mode: 'load' },
    { system: 'fts5', mode: 'load' },
    { system: 'jieba', mode: 'build' },
    { system: 'default', mode: 'build' },
  ];
  const rows: ColdStartRow[] = [];
  for (const { system, mode } of setups) {
    log(`cold start: ${SYSTEM_LABELS[system]} (${mode})`);
    const times: number[] = [];
    let phases: Record<string, number> | undefined;
    let error: string | undefined;
    // FTS5 opens the index its first (untimed) run persisted.
    for (let i = system === 'fts5' ? -1 : 0; i < runs; i++) {
      const started = performance.now();
      let answeredAt: number | undefined;
      const index = system === 'fts5' ? join(TMP_DIR, 'cold-fts5') : drcdIndexPath;
      const outcome = await runScript('cold-start.ts', [system, mode, dataset.passagesPath, index, question], {
        label: `cold ${system}/${mode}`,
        timeoutMs: 5 * 60_000,
        onLine: (line) => {
          if (!line.startsWith('@@answered ')) return;
          answeredAt = performance.now();
          phases = (JSON.parse(line.slice('@@answered '.length)) as { phases: Record<string, number> }).phases;
        },
      });
      if (answeredAt === undefined) {
        error = outcome.error ?? 'no answer';
        break;
      }
      if (i >= 0) times.push(answeredAt - started);
    }
    rows.push({ system, mode, runs: times, medianMs: times.length ? median(times) : undefined, phases, error });
  }
  return rows;
}

async function runScale(
  sizes: number[],
  queriesPerTier: number,
  peersUpTo: number,
  profile: boolean,
): Promise<BenchResults['scale']> {
  log(`scale: writing synthetic corpora of ${sizes.join(', ')} passages`);
  const inputs = writeScaleInputs(TMP_DIR, sizes, Math.ceil(queriesPerTier / 2));
  const rows: ScaleRow[] = [];
  const largest = Math.max(...sizes);
  for (const corpus of inputs.corpora) {
    for (const system of SYSTEM_NAMES) {
      if (system !== 'ours' && system !== 'fts5' && corpus.size > peersUpTo) continue;
      const indexPath = join(TMP_DIR, `index-${system}-${corpus.size}.json`);
      rmSync(indexPath, { force: true });
      log(`scale: ${SYSTEM_LABELS[system]}, ${corpus.size} passages: build`);
      const profileQueriesPath =
        profile && system === 'ours' && corpus.size === largest
          ? join(PROFILE_DIR, `query-ours-${corpus.size}.cpuprofile`)
          : undefined;
      const built: ChildOutcome<ScaleBuildResult> = await runTask(
        'scale-build',
        {
          system,
          corpusPath: corpus.path,
          indexPath,
          questionsPath: inputs.questionsPath,
          maxQueries: queriesPerTier,
          maxQueryMs: SCALE_MAX_QUERY_MS,
          ...(profileQueriesPath ? { profileQueriesPath } : {}),
        },
        { label: `${system}/${corpus.size}`, nodeFlags: SCALE_NODE_FLAGS, timeoutMs: 45 * 60_000 },
      );
      const row: ScaleRow = { size: corpus.size, system, build: built.result, errors: [] };
      if (built.error) row.errors.push(`build: ${built.error}`);
      if (built.result?.indexBytes !== undefined) {
        log(`scale: ${SYSTEM_LABELS[system]}, ${corpus.size} passages: load`);
        const loaded: ChildOutcome<ScaleLoadResult> = await runTask(
          'scale-load',
          {
            system,
            corpusPath: corpus.path,
            indexPath,
            questionsPath: inputs.questionsPath,
          },
          { label: `${system}/${corpus.size} load`, nodeFlags: SCALE_NODE_FLAGS, timeoutMs: 30 * 60_000 },
        );
        row.load = loaded.result;
        if (loaded.error) row.errors.push(`load: ${loaded.error}`);
      }
      rmSync(indexPath, { force: true });
      rows.push(row);
    }
  }
  return {
    method:
      `All ${inputs.stats.sourcePassages.toLocaleString('en-US')} passages of cmrc2018 and drcd split into ${inputs.stats.sentences.toLocaleString('en-US')} sentences; ` +
      'synthetic passages are runs of consecutive sentences, each closed once it reaches a length drawn uniformly from 0.5–1.5× the ' +
      `datasets' average passage (${Math.round(inputs.stats.averageChars)} characters); the source passages are walked in file order, then ` +
      `reshuffled (seed 42) for each further cycle until the tier is full. A smaller tier is a prefix of a larger one. The text repeats ` +
      `(≈${Math.round(largest / inputs.stats.sourcePassages)} cycles at ${largest.toLocaleString('en-US')}), so posting lists grow as in a real corpus but the vocabulary does not. ` +
      `Queries: ${inputs.questionCount} dataset questions (half from each, seeded sample), at most ${SCALE_MAX_QUERY_MS / 1000} s of searching per tier and set-up. ` +
      `Each tier and set-up builds in one child process and loads in another (node ${SCALE_NODE_FLAGS.join(' ')}).` +
      (sizes.some((s) => s > peersUpTo)
        ? ` The peers run up to ${peersUpTo.toLocaleString('en-US')} passages (\`--peers-up-to all\` for every tier).`
        : ''),
    sizes,
    averageChars: Object.fromEntries(inputs.corpora.map((c) => [c.size, c.averageChars])),
    rows,
  };
}

/** Rewrites README.md's benchmark table from a run's results. */
function writeReadmeSummary(results: BenchResults): void {
  const path = join(REPO_DIR, 'README.md');
  writeFileSync(path, withReadmeSummary(readFileSync(path, 'utf8'), renderReadmeSummary(results)));
  log('README.md benchmark table rewritten');
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        quick: { type: 'boolean' },
        sizes: { type: 'string' },
        only: { type: 'string' },
        'cold-runs': { type: 'string' },
        'scale-queries': { type: 'string' },
        'bot-updates': { type: 'string' },
        'bot-record': { type: 'boolean' },
        'peers-up-to': { type: 'string' },
        'no-profile': { type: 'boolean' },
        out: { type: 'string' },
        readme: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${HELP}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.readme) {
    writeReadmeSummary(JSON.parse(readFileSync(join(BENCH_DIR, 'results', 'latest.json'), 'utf8')) as BenchResults);
    return 0;
  }
  const sizes = (args.sizes ?? (args.quick ? '1000,10000' : '1000,10000,100000')).split(',').map(Number);
  const phases = new Set((args.only ?? PHASES.join(',')).split(',') as Phase[]);
  const unknown = [...phases].filter((p) => !PHASES.includes(p));
  if (unknown.length || sizes.some((s) => !Number.isInteger(s) || s <= 0)) {
    process.stderr.write(`Bad --only (${unknown.join(', ')}) or --sizes (${sizes.join(', ')})\n${HELP}`);
    return 2;
  }
  const profile = !args['no-profile'];
  const outDir = args.out ?? join(BENCH_DIR, 'results');
  mkdirSync(TMP_DIR, { recursive: true });
  if (profile) {
    rmSync(PROFILE_DIR, { recursive: true, force: true });
    mkdirSync(PROFILE_DIR, { recursive: true });
  }
  const started = performance.now();
  // Other work on the machine skews every timing: sample the 1-minute load average to show how busy it was.
  const loads: number[] = [];
  const loadTimer = setInterval(() => loads.push(loadavg()[0] ?? 0), 15_000);
  loadTimer.unref();
  const cpu = cpus();
  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      os: `${osType()} ${release()}`,
      cpu: `${cpu[0]?.model.trim() ?? 'unknown'} × ${cpu.length}`,
      totalMemory: totalmem(),
      commit: gitDescription(),
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      durationMs: 0,
      loadAverage: { mean: 0, max: 0 },
    },
    profiles: [],
  };

  let drcdIndexPath = join(TMP_DIR, 'drcd-ours.json');
  if (phases.has('quality')) {
    const quality = await runQuality(profile);
    results.quality = quality.rows;
    drcdIndexPath = quality.drcdIndexPath;
  }
  if (phases.has('cold')) {
    if (!phases.has('quality')) {
      // The load-from-saved-index cold start needs the DRCD index: build it (without timing anything).
      await runTask(
        'quality',
        { system: 'ours', dataset: 'drcd', saveIndexPath: drcdIndexPath },
        { label: 'save index' },
      );
    }
    results.cold = await runColdStarts(Number(args['cold-runs'] ?? 3), drcdIndexPath);
  }
  const peersUpTo = args['peers-up-to'] === 'all' ? Infinity : Number(args['peers-up-to'] ?? 10_000);
  if (phases.has('scale'))
    results.scale = await runScale(sizes, Number(args['scale-queries'] ?? 1000), peersUpTo, profile);
  if (phases.has('bot')) {
    log('bot: burst of private questions against the loopback Bot API stand-in');
    const drcd = loadDataset('drcd');
    const questions = sampleQuestions([drcd], Number(args['bot-updates'] ?? 1000));
    if (args['bot-record']) process.env.BENCH_BOT_RECORD = '1'; // read by bench/bot-child.ts
    try {
      results.bot = await measureBotBurst(
        drcd.passagesPath,
        questions,
        profile ? join(PROFILE_DIR, 'bot.cpuprofile') : undefined,
      );
    } catch (e) {
      results.bot = { error: (e as Error).message };
    }
  }
  results.meta.durationMs = performance.now() - started;
  clearInterval(loadTimer);
  if (loads.length)
    results.meta.loadAverage = { mean: loads.reduce((a, b) => a + b, 0) / loads.length, max: Math.max(...loads) };

  // Profiles are shown for the targets they explain, when those are missed (lib/report.ts decides).
  const drcdOurs = results.quality?.find(
    (r): r is QualityResult => 'metrics' in r && r.system === 'ours' && r.dataset === 'drcd',
  );
  const largestOurs = results.scale?.rows.find((r) => r.system === 'ours' && r.size === Math.max(...sizes));
  const bot = results.bot && 'profile' in results.bot ? results.bot : undefined;
  results.profiles = [
    profileEntry(
      'Queries, this project, DRCD (engine.rank(analyze(q), 10) × every question)',
      drcdOurs?.profiles?.query,
      'drcd-query',
    ),
    profileEntry(
      'Index build, this project, DRCD (SearchEngine.build, 2,000 passages)',
      drcdOurs?.profiles?.build,
      'build',
    ),
    profileEntry(
      `Queries, this project, ${largestOurs?.size.toLocaleString('en-US')} synthetic passages`,
      largestOurs?.build?.profile,
      'scale-query',
    ),
    profileEntry('Bot burst (bot process: answering + telegraf)', (bot as BotBurstResult | undefined)?.profile, 'bot'),
  ].filter((p): p is ProfileEntry => p !== undefined);

  mkdirSync(outDir, { recursive: true });
  const chartName = 'scale.png';
  if (results.scale) writeFileSync(join(outDir, chartName), renderScaleChart(results.scale));
  const markdown = renderReport(results, results.scale ? chartName : undefined);
  writeFileSync(join(outDir, 'latest.md'), markdown);
  copyFileSync(join(outDir, 'latest.md'), join(outDir, `${results.meta.date.slice(0, 10)}.md`));
  writeFileSync(
    join(outDir, 'latest.json'),
    `${JSON.stringify(results, (k, v: unknown) => (k === 'summary' ? undefined : v), 2)}\n`,
  );
  process.stdout.write(`${markdown}\n`);
  // README's table is of full runs into bench/results only: a partial run would leave holes in it.
  if (phases.size === PHASES.length && args.out === undefined && !args.quick) writeReadmeSummary(results);
  else log('README.md benchmark table left as is (partial run)');
  log(`done in ${((performance.now() - started) / 60_000).toFixed(1)} min; results in ${relative(REPO_DIR, outDir)}/`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
