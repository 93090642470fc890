/**
 * Large corpora as a user with an archive meets them (issue 22), through the stable interface only: a JSONL
 * corpus of the 2,000 DRCD passages among distractor passages recombined from CMRC 2018 sentences, and DRCD
 * questions sent one at a time through `ask --json --corpus` with a fresh DATA_DIR.
 *
 * Why CMRC 2018 sentences only (the issue says CMRC and DRCD): a distractor made of DRCD sentences holds a copy
 * of some DRCD answer's sentence. At 100k passages each DRCD sentence stood ≈28 times among the distractors, so
 * a question's answer sentence was found in ≈29 passages of which one is gold: R@1 then measured how ties fall
 * (0.584 against 0.906 on DRCD alone), not whether ranking survives scale. With CMRC sentences only, the gold
 * passage is the only one holding its sentences, and the distractors still share words, names and topics with
 * the questions (both datasets are Chinese Wikipedia), which is what a larger corpus adds. Per size: the first start (the index is built and persisted), the second start (it is opened), query
 * latency (write a question, read its line), peak RSS (VmHWM) and DRCD R@1 of the answers, for each --index
 * kind asked for; then the time to add and remove one document (a changed corpus file, noticed at the next
 * start).
 *
 *   npx tsx bench/blackbox.ts [--sizes 2000,20000,100000] [--index auto,minisearch,fts5] [--questions 1000] [--keep]
 *
 * --keep reuses the DATA_DIR of an earlier run when there is one (no first start: the second start, latency and
 * R@1 of the code as it is now, without building the index again).
 *
 * Writes bench/tmp/blackbox-<size>.jsonl and prints one JSON line per run, then a table (Markdown).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataset, readJsonl } from '../src/eval/datasets.ts';
import { BENCH_DIR, REPO_DIR } from './lib/child.ts';
import { summarizeLatencies } from './lib/stats.ts';
import { splitSentences } from '../src/corpus/split.ts';
import { seededRandom, shuffled, SYNTHETIC_SEED } from './lib/synthetic.ts';

const TMP = join(BENCH_DIR, 'tmp');

interface Line {
  id: string;
  title: string;
  text: string;
}

/**
 * Distractor passages: every sentence of the given datasets (CMRC 2018: see the file's comment), shuffled (seeded) and cut into passages of 0.5–1.5×
 * the datasets' average passage length, reshuffled for each further cycle. Unlike the scale tier's corpora
 * (consecutive sentences, bench/lib/synthetic.ts), a distractor holds no stretch of a gold passage: it shares
 * an answer's sentence, as an archive repeats facts, not the passage around it.
 */
function distractors(count: number, paths: string[]): Line[] {
  const sources = paths.flatMap((p) => readJsonl<Line>(p));
  const sentences = sources.flatMap((s) => splitSentences(s.text).map((text) => ({ text, title: s.title })));
  const average = sources.reduce((n, s) => n + s.text.length, 0) / sources.length;
  const random = seededRandom(SYNTHETIC_SEED + 3);
  const out: Line[] = [];
  while (out.length < count) {
    let text = '';
    let title = '';
    let want = average * (0.5 + random());
    for (const s of shuffled(sentences, random)) {
      if (!text) title = s.title;
      text += s.text;
      if (text.length < want) continue;
      out.push({ id: `distractor-${out.length}`, title, text });
      if (out.length === count) break;
      text = '';
      want = average * (0.5 + random());
    }
  }
  return out;
}

/** The DRCD passages and enough distractors to make `size` passages, shuffled (seeded), as JSONL. */
function writeCorpus(size: number): string {
  const path = join(TMP, `blackbox-${size}.jsonl`);
  const drcd = loadDataset('drcd');
  const gold = readJsonl<Line>(drcd.passagesPath);
  const extra = size > gold.length ? distractors(size - gold.length, [loadDataset('cmrc2018').passagesPath]) : [];
  const lines = shuffled([...gold, ...extra], seededRandom(SYNTHETIC_SEED + 7));
  writeFileSync(path, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  return path;
}

interface Run {
  size: number;
  index: string;
  start: 'first' | 'second' | 'changed';
  /** Spawn to the first answer line. */
  firstAnswerMs: number;
  latency: ReturnType<typeof summarizeLatencies>;
  r1: number;
  questions: number;
  peakRssMiB: number;
  /** What ask said on stderr about the index (what was indexed, how long it took). */
  indexNote: string;
}

/** Peak resident set of a process (VmHWM), in MiB. */
function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Starts ask, sends the questions one at a time, times each answer, reads the peak RSS before it ends. */
function runAsk(corpus: string, dataDir: string, index: string, questions: Array<{ question: string; gold: string }>) {
  return new Promise<Omit<Run, 'size' | 'index' | 'start'>>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/ask.ts', '--json', '--top', '3', '--corpus', corpus, '--index', index],
      { cwd: REPO_DIR, env: { ...process.env, DATA_DIR: dataDir }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const samples: number[] = [];
    let firstAnswerMs = 0;
    let right = 0;
    let next = 0;
    let sentAt = 0;
    let rest = '';
    const send = () => {
      sentAt = performance.now();
      child.stdin.write(`${questions[next]!.question}\n`);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const now = performance.now();
        if (next === 0) firstAnswerMs = now - started;
        else samples.push(now - sentAt);
        const answer = JSON.parse(line) as { answers: Array<{ id: string }> };
        if (answer.answers[0]?.id === questions[next]!.gold) right++;
        next++;
        if (next < questions.length) send();
        else {
          const peak = peakRss(child.pid!);
          child.stdin.end();
          resolve({
            firstAnswerMs,
            latency: summarizeLatencies(samples),
            r1: right / questions.length,
            questions: questions.length,
            peakRssMiB: peak,
            indexNote: stderr.trim(),
          });
        }
      }
    });
    child.on('exit', (code) => {
      if (next < questions.length) reject(new Error(`ask exited ${code}: ${stderr.slice(-500)}`));
    });
    send();
  });
}

/** Appends a document of one passage to the corpus file (a new article), or takes it out again. */
function changeCorpus(path: string, add: boolean): void {
  const text = readFileSync(path, 'utf8');
  const line = JSON.stringify({
    id: 'bench-added-1',
    title: 'bench-added',
    text: '基准测试新增的一篇文章：某市图书馆今年新增藏书十万册。',
  });
  if (add) appendFileSync(path, `${line}\n`);
  else writeFileSync(path, text.replace(`${line}\n`, ''));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '2000,20000' },
      index: { type: 'string', default: 'auto' },
      questions: { type: 'string', default: '1000' },
      keep: { type: 'boolean', default: false },
    },
  });
  mkdirSync(TMP, { recursive: true });
  const drcd = loadDataset('drcd');
  const questions = shuffled(drcd.questions, seededRandom(SYNTHETIC_SEED + 1))
    .slice(0, Number(values.questions))
    .map((q) => ({ question: q.question, gold: q.passage_id }));
  const runs: Run[] = [];
  for (const size of values.sizes.split(',').map(Number)) {
    const corpus = writeCorpus(size);
    for (const index of values.index.split(',')) {
      const dataDir = join(TMP, `blackbox-data-${size}-${index}`);
      const kept = values.keep && existsSync(dataDir);
      if (!kept) rmSync(dataDir, { recursive: true, force: true });
      const record = (start: Run['start'], r: Omit<Run, 'size' | 'index' | 'start'>) => {
        const run = { size, index, start, ...r };
        runs.push(run);
        process.stdout.write(`${JSON.stringify(run)}\n`);
      };
      if (!kept) record('first', await runAsk(corpus, dataDir, index, questions.slice(0, 50)));
      record('second', await runAsk(corpus, dataDir, index, questions));
      // One document more, then one fewer: each noticed at the next start and indexed alone.
      changeCorpus(corpus, true);
      record('changed', await runAsk(corpus, dataDir, index, questions.slice(0, 20)));
      changeCorpus(corpus, false);
      record('changed', await runAsk(corpus, dataDir, index, questions.slice(0, 20)));
    }
  }
  const row = (r: Run) =>
    `| ${r.size.toLocaleString('en-US')} | ${r.index} | ${r.start} | ${(r.firstAnswerMs / 1000).toFixed(2)} | ` +
    `${r.latency.p50Ms.toFixed(2)} | ${r.latency.p99Ms.toFixed(2)} | ${r.r1.toFixed(3)} (${r.questions}) | ` +
    `${r.peakRssMiB.toFixed(0)} | ${r.indexNote.replaceAll('\n', ' ')} |`;
  process.stdout.write(
    [
      '| passages | index | start | first answer s | p50 ms | p99 ms | R@1 (questions) | peak RSS MiB | index |',
      '|---:|---|---|---:|---:|---:|---:|---:|---|',
      ...runs.map(row),
    ].join('\n') + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
