/**
 * README's benchmark table, written by the bench from its results (never by hand): the lines between the markers
 * below are replaced by `npm run bench` after a full run, or from bench/results/latest.json by
 * `npm run bench -- --readme`.
 */
import type { QualityResult } from '../task.ts';
import type { BotBurstResult } from './bot-burst.ts';
import type { BenchResults } from './report.ts';
import { fixed3, mib, ms, seconds } from './stats.ts';
import type { SystemName } from './systems.ts';

export const README_START = '<!-- bench:summary (written by npm run bench; do not edit by hand) -->';
export const README_END = '<!-- /bench:summary -->';

const SYSTEMS: SystemName[] = ['ours', 'jieba', 'default'];
const HEADER = ['this project', 'MiniSearch + jieba `cut`', 'MiniSearch default'];

/** The summary table for README: quality, latency, cold start, 100k scale and the bot, one column a set-up. */
export function renderReadmeSummary(results: BenchResults): string {
  const quality = (results.quality ?? []).filter((r): r is QualityResult => 'metrics' in r);
  const find = (system: SystemName, dataset: string) =>
    quality.find((r) => r.system === system && r.dataset === dataset);
  const cell = (f: (system: SystemName) => string | undefined) => SYSTEMS.map((s) => f(s) ?? '–');
  const rows: string[][] = [];
  for (const [dataset, label] of [
    ['drcd', 'DRCD'],
    ['cmrc2018', 'CMRC 2018'],
  ] as const) {
    rows.push([
      `${label} R@1 / MRR@10`,
      ...cell((s) => {
        const r = find(s, dataset);
        return r && `${fixed3(r.metrics.r1)} / ${fixed3(r.metrics.mrr10)}`;
      }),
    ]);
  }
  rows.push([
    'DRCD query p50 / p99',
    ...cell((s) => {
      const r = find(s, 'drcd');
      return r && `${ms(r.search.p50Ms)} / ${ms(r.search.p99Ms)} ms`;
    }),
  ]);
  const cold = (system: SystemName, mode: 'build' | 'load') =>
    results.cold?.find((c) => c.system === system && c.mode === mode)?.medianMs;
  rows.push([
    'cold start, DRCD corpus',
    ...cell((s) => {
      const build = cold(s, 'build');
      const load = cold(s, 'load');
      if (build === undefined) return undefined;
      return `${seconds(build)} s${load === undefined ? '' : ` (${seconds(load)} s from a saved index)`}`;
    }),
  ]);
  const largest = Math.max(0, ...(results.scale?.sizes ?? []));
  // At scale this project answers from FTS5 (from 10,000 passages on), so its column shows that row when measured.
  const scaleRow = (s: SystemName) =>
    (s === 'ours' ? results.scale?.rows.find((r) => r.system === 'fts5' && r.size === largest) : undefined) ??
    results.scale?.rows.find((r) => r.system === s && r.size === largest);
  rows.push([
    `${largest.toLocaleString('en-US')} passages: build, query p99, RSS (peak)`,
    ...cell((s) => {
      const b = scaleRow(s)?.build;
      return b && `${seconds(b.buildMs)} s, ${ms(b.search.p99Ms)} ms, ${mib(b.afterBuild.rss)} MiB (${mib(b.peakRss)})`;
    }),
  ]);
  const bot = results.bot && 'updatesPerSecond' in results.bot ? (results.bot as BotBurstResult) : undefined;
  if (bot)
    rows.push([
      `bot, bursts of ${bot.updates.toLocaleString('en-US')} questions`,
      `${Math.round(bot.updatesPerSecond)} answered/s warm (${Math.round(bot.firstBurstPerSecond)}/s first burst), ${bot.lost} lost`,
      '',
      '',
    ]);
  const { meta } = results;
  const title = `2 cores, Node ${meta.node.replace(/^v/u, '')} (${meta.date.slice(0, 10)}, commit ${meta.commit}, load ${meta.loadAverage.mean.toFixed(1)})`;
  return [
    `| ${title} | ${HEADER.join(' | ')} |`,
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** README with its summary table replaced; throws when the markers are missing, so a table is never appended twice. */
export function withReadmeSummary(readme: string, summary: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${README_START} … ${README_END}`);
  return `${readme.slice(0, start + README_START.length)}\n${summary}\n${readme.slice(end)}`;
}
