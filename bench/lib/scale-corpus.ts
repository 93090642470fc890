/** Writes the scale tier's inputs to bench/tmp: synthetic corpora (JSONL) and the question sample. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, type Dataset } from '../../src/eval/datasets.ts';
import { makeSyntheticCorpus, seededRandom, shuffled, SYNTHETIC_SEED, type SyntheticStats } from './synthetic.ts';

export interface ScaleInputs {
  corpora: Array<{ size: number; path: string; averageChars: number }>;
  questionsPath: string;
  questionCount: number;
  stats: SyntheticStats;
}

/** Questions for the scale tier: the same number from each dataset, sampled with the fixed seed. */
export function sampleQuestions(datasets: Dataset[], perDataset: number, seed = SYNTHETIC_SEED): string[] {
  const random = seededRandom(seed + 1);
  return datasets.flatMap((d) =>
    shuffled(d.questions, random)
      .slice(0, perDataset)
      .map((q) => q.question),
  );
}

export function writeScaleInputs(dir: string, sizes: number[], questionsPerDataset: number): ScaleInputs {
  mkdirSync(dir, { recursive: true });
  const datasets = ['cmrc2018', 'drcd'].map((name) => loadDataset(name));
  const largest = Math.max(...sizes);
  const { passages, stats } = makeSyntheticCorpus(
    datasets.map((d) => d.passagesPath),
    largest,
  );
  const corpora = sizes.map((size) => {
    const path = join(dir, `synthetic-${size}.jsonl`);
    const slice = passages.slice(0, size);
    writeFileSync(path, `${slice.map((p) => JSON.stringify(p)).join('\n')}\n`);
    const averageChars = slice.reduce((n, p) => n + [...p.text].length, 0) / slice.length;
    return { size, path, averageChars };
  });
  const questions = sampleQuestions(datasets, questionsPerDataset);
  const questionsPath = join(dir, 'scale-questions.json');
  writeFileSync(questionsPath, JSON.stringify(questions));
  return { corpora, questionsPath, questionCount: questions.length, stats };
}
