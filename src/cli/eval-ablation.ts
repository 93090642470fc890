/**
 * `npm run eval -- --without RULE` and `--ablation`: what the rule table's records earn on the question sets and,
 * with --dataset, on CMRC 2018 / DRCD (see src/eval/ablation.ts).
 */
import {
  baseline,
  datasetQuestions,
  devSetQuestions,
  formatWithout,
  scoreWithout,
  worth,
  type Baseline,
} from '../eval/ablation.js';
import { DEV_SETS, loadDataset, loadDevSet } from '../eval/datasets.js';
import { RULES, SUBJECT_CHECKS, withoutRules } from '../question/rules.js';
import type { SearchEngine } from '../search/engine.js';
import { EXIT, type CliIo } from './io.js';
import { openEngine } from './wiring.js';

interface AblationArgs {
  set?: string[];
  dataset?: string[];
  limit?: string;
  without?: string[];
  ablation?: boolean;
}

/** The sets asked for, each with the engine it is answered from and its first pass. */
function baselines(args: AblationArgs): Array<{ name: string; engine: SearchEngine; base: Baseline }> {
  const out: Array<{ name: string; engine: SearchEngine; base: Baseline }> = [];
  if (!args.dataset?.length || args.set?.length) {
    const engine = openEngine();
    for (const name of args.set?.length ? args.set : Object.keys(DEV_SETS)) {
      out.push({ name, engine, base: baseline(engine, devSetQuestions(loadDevSet(name))) });
    }
  }
  for (const name of args.dataset ?? []) {
    const dataset = loadDataset(name);
    const engine = openEngine(dataset.passagesPath);
    const questions = dataset.questions.slice(0, args.limit ? Number(args.limit) : Infinity);
    out.push({ name, engine, base: baseline(engine, datasetQuestions(questions)) });
  }
  return out;
}

/** The table's rules answering reads (labels only name a kind for the conversation, but for heading), and the checks. */
export async function ablationMain(args: AblationArgs, io: CliIo): Promise<number> {
  try {
    withoutRules(args.without ?? []);
    withoutRules([]);
  } catch (e) {
    io.stderr(`${(e as Error).message}\n`);
    return EXIT.USAGE;
  }
  const sets = baselines(args);
  if (!args.ablation) {
    for (const { name, engine, base } of sets)
      io.stdout(`${formatWithout(name, base, scoreWithout(engine, base, args.without ?? []))}\n`);
    return EXIT.OK;
  }
  io.stdout(`| rule | fires on | earns (with it on − off) |\n| --- | --- | --- |\n`);
  const ids = [
    ...RULES.filter((r) => r.use !== 'label' || r.id === 'heading').map((r) => r.id),
    ...Object.keys(SUBJECT_CHECKS),
  ];
  for (const id of ids) {
    const fired: string[] = [];
    const earned: string[] = [];
    for (const { name, engine, base } of sets) {
      const off = scoreWithout(engine, base, [id]);
      if (off.fired > 0 && !(id in SUBJECT_CHECKS)) fired.push(`${name} ${off.fired}`);
      const w = worth(base, off);
      if (w) earned.push(`${name} ${w}`);
    }
    const reads = id in SUBJECT_CHECKS ? 'every question' : fired.join(', ') || 'none';
    io.stdout(`| ${id} | ${reads} | ${earned.join('; ') || 'nothing'} |\n`);
  }
  return EXIT.OK;
}
