/**
 * `npm run eval`: scores the development question sets (top-1 on answerable questions, share of unanswerable
 * ones declined); `npm run eval -- --dataset cmrc2018|drcd` scores R@1, R@5, MRR@10 on a public dataset,
 * beside the peers.
 */
import { answerQuestion, type Answer } from '../answer/answer.js';
import { answerAlone } from '../dialogue/converse.js';
import { normalizeText } from '../text/normalize.js';
import { DEV_SETS, loadDataset, loadDevSet } from '../eval/datasets.js';
import { formatMetrics, retrievalMetrics } from '../eval/metrics.js';
import { defaultMiniSearchPeer, jiebaCutPeer, type Retriever } from '../eval/peers.js';
import type { SearchEngine } from '../search/engine.js';
import { EXIT, isEntryPoint, parseCliArgs, run, type CliIo } from './io.js';
import { openEngine } from './wiring.js';
import { ablationMain } from './eval-ablation.js';

const HELP = `Usage: npm run eval [-- options]
  (no options)            score the development sets in test/questions (${Object.keys(DEV_SETS).join(', ')})
  --set NAME              score one development set (repeatable)
  --dataset NAME          score a public dataset: cmrc2018 or drcd (repeatable), with the peers beside ours
  --limit N               only the first N dataset questions
  --no-peers              skip the peers
  --verbose               list every miss
  --without RULE          also score with a rule of the table switched off, and show the difference (repeatable)
  --via answer            score the answer module alone (default: chat, as ask --json and a chat's first message)
  --ablation              each rule of the table switched off in turn: what it earns on every set (a Markdown table)
`;

/** Our engine as a Retriever (ranking only; the "no answer" decision is scored separately). */
export function engineRetriever(engine: SearchEngine): Retriever {
  return { name: 'this project', search: (q, limit) => engine.rank(engine.analyze(q), limit).map((r) => r.passage.id) };
}

export interface DevSetScore {
  answerable: number;
  correct: number;
  unanswerable: number;
  declined: number;
  misses: string[];
  /** The same counts over the set's questions written in traditional characters. */
  traditional: { answerable: number; correct: number; unanswerable: number; declined: number };
}

/** True when a question is written in traditional characters: OpenCC changes its Han text. */
export function isTraditional(question: string): boolean {
  const han = [...question].filter((c) => /\p{Script=Han}/u.test(c)).join('');
  return han !== '' && normalizeText(han) !== han;
}

/** The answering path scored: the answer module alone, or the chat's (`ask --json`'s) first turn. */
export type Via = 'answer' | 'chat';
export function answerVia(via: Via): (engine: SearchEngine, question: string, top: number) => Answer {
  return via === 'chat' ? answerAlone : (engine, question, top) => answerQuestion(engine, question, { top });
}

/** Scores a development set through the full answering path, as ask --json (or a chat's first message) answers. */
export function scoreDevSet(engine: SearchEngine, name: string, via: Via = 'chat'): DevSetScore {
  const traditional = { answerable: 0, correct: 0, unanswerable: 0, declined: 0 };
  const score: DevSetScore = { answerable: 0, correct: 0, unanswerable: 0, declined: 0, misses: [], traditional };
  for (const item of loadDevSet(name)) {
    const answer = answerVia(via)(engine, item.question, 1);
    const top = answer.kind === 'answer' ? answer.hits[0]?.passage : undefined;
    const counts = isTraditional(item.question) ? [score, traditional] : [score];
    if (item.expect.length === 0) {
      counts.forEach((c) => c.unanswerable++);
      if (!top) counts.forEach((c) => c.declined++);
      else score.misses.push(`answered unanswerable: ${item.question} → ${top.id} ${top.text.slice(0, 30)}`);
    } else {
      counts.forEach((c) => c.answerable++);
      if (top && item.expect.some((s) => top.text.includes(s))) counts.forEach((c) => c.correct++);
      else {
        const why =
          answer.kind === 'answer'
            ? `${top?.id} ${top?.text.slice(0, 30)}`
            : `${answer.kind} ${'reason' in answer ? answer.reason : ''}`;
        score.misses.push(`wrong: ${item.question} → ${why}`);
      }
    }
  }
  return score;
}

export async function main(argv: string[], _env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const parsed = parseCliArgs(
    argv,
    {
      set: { type: 'string', multiple: true },
      dataset: { type: 'string', multiple: true },
      limit: { type: 'string' },
      'no-peers': { type: 'boolean' },
      verbose: { type: 'boolean' },
      without: { type: 'string', multiple: true },
      ablation: { type: 'boolean' },
      via: { type: 'string' },
    },
    HELP,
    io,
    false,
  );
  if (typeof parsed === 'number') return parsed;
  const args = parsed.values;
  if (args.without?.length || args.ablation) return ablationMain(args, io);
  if (args.via !== undefined && args.via !== 'answer' && args.via !== 'chat') {
    io.stderr(`--via must be answer or chat (got "${args.via}")\n`);
    return EXIT.USAGE;
  }
  const via: Via = args.via === 'answer' ? 'answer' : 'chat';
  if (args.dataset?.length) {
    const limit = args.limit ? Number(args.limit) : Infinity;
    for (const name of args.dataset) {
      const dataset = loadDataset(name);
      const questions = dataset.questions.slice(0, limit);
      let t = performance.now();
      const engine = openEngine(dataset.passagesPath);
      io.stdout(
        `\n${name}: ${engine.corpus.passages.length} passages, ${questions.length} questions (index ${((performance.now() - t) / 1000).toFixed(1)} s)\n`,
      );
      const retrievers = [engineRetriever(engine)];
      if (!args['no-peers'])
        retrievers.push(jiebaCutPeer(engine.corpus.passages), defaultMiniSearchPeer(engine.corpus.passages));
      for (const r of retrievers) {
        t = performance.now();
        const m = retrievalMetrics(questions.map((q) => ({ ranked: r.search(q.question, 10), gold: q.passage_id })));
        io.stdout(
          `  ${r.name.padEnd(22)} ${formatMetrics(m)}  ${((performance.now() - t) / questions.length).toFixed(2)} ms/q\n`,
        );
      }
      // Through the answering path: a declined question counts as a miss.
      let answered = 0;
      let declined = 0;
      for (const q of questions) {
        const a = answerVia(via)(engine, q.question, 1);
        if (a.kind !== 'answer') declined++;
        else if (a.hits[0]?.passage.id === q.passage_id) answered++;
      }
      io.stdout(
        `  answered top-1 ${(answered / questions.length).toFixed(3)}, wrongly declined ${declined} (${((100 * declined) / questions.length).toFixed(1)}%)\n`,
      );
    }
    return EXIT.OK;
  }
  const engine = openEngine();
  const sets = args.set?.length ? args.set : Object.keys(DEV_SETS);
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  const traditional = { answerable: 0, correct: 0, unanswerable: 0, declined: 0 };
  let ok = true;
  for (const name of sets) {
    let s: DevSetScore;
    try {
      s = scoreDevSet(engine, name, via);
    } catch (e) {
      io.stderr(`${(e as Error).message}\n`);
      ok = false;
      continue;
    }
    for (const k of Object.keys(traditional) as Array<keyof typeof traditional>) traditional[k] += s.traditional[k];
    io.stdout(
      `${name}: top-1 ${s.correct}/${s.answerable} (${pct(s.correct, s.answerable)}), declined ${s.declined}/${s.unanswerable} unanswerable (${pct(s.declined, s.unanswerable)})\n`,
    );
    if (args.verbose) s.misses.forEach((m) => io.stdout(`  ${m}\n`));
  }
  if (sets.length > 1) {
    const t = traditional;
    io.stdout(
      `traditional-character questions of these sets: top-1 ${t.correct}/${t.answerable} (${pct(t.correct, t.answerable)}), declined ${t.declined}/${t.unanswerable} unanswerable (${pct(t.declined, t.unanswerable)})\n`,
    );
  }
  return ok ? EXIT.OK : EXIT.FAILED;
}

if (isEntryPoint(import.meta.url)) run(main);
