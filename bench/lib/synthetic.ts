/**
 * Synthetic corpora for the scale tier, made from the datasets' own sentences, deterministically.
 *
 * Every passage of both datasets is split into sentences (src/corpus/split.ts splitSentences). Cycle 0 walks
 * the source passages in file order; each later cycle shuffles their order with a seeded PRNG. Within a cycle
 * the sentences are read in order (so neighbouring sentences stay neighbours) and cut into synthetic passages
 * of consecutive sentences, each closed once it reaches a length drawn uniformly from 0.5–1.5 × the datasets'
 * average passage length. Cycles repeat until the wanted number of passages exists; a smaller tier is a
 * prefix of a larger one. Ids are `syn-<n>`, titles are the title of the first source passage used.
 *
 * The text repeats (a 100k corpus holds each sentence ≈ 30 times, at different passage boundaries), so
 * posting lists grow with the corpus as they would, but the vocabulary does not grow as a real corpus' would.
 */
import { splitSentences } from '../../src/corpus/split.ts';
import { readJsonl } from '../../src/eval/datasets.ts';

export const SYNTHETIC_SEED = 42;

interface SourcePassage {
  id: string;
  title: string;
  text: string;
}

export interface SyntheticPassage {
  id: string;
  title: string;
  text: string;
}

/** mulberry32: a small seeded PRNG, enough for shuffles that must come out the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface SyntheticStats {
  sourcePassages: number;
  sentences: number;
  averageChars: number;
}

/** Builds `count` synthetic passages from the passages files given (see the module comment for how). */
export function makeSyntheticCorpus(
  passagesPaths: string[],
  count: number,
  seed = SYNTHETIC_SEED,
): { passages: SyntheticPassage[]; stats: SyntheticStats } {
  const sources = passagesPaths.flatMap((p) => readJsonl<SourcePassage>(p));
  const sentencesOf = sources.map((s) => splitSentences(s.text));
  const totalChars = sources.reduce((n, s) => n + [...s.text].length, 0);
  const averageChars = totalChars / sources.length;
  const random = seededRandom(seed);
  const passages: SyntheticPassage[] = [];
  const target = () => Math.round(averageChars * (0.5 + random()));
  let order = sources.map((_, i) => i);
  for (let cycle = 0; passages.length < count; cycle++) {
    if (cycle > 0) order = shuffled(order, random);
    let text = '';
    let title = '';
    let want = target();
    for (const i of order) {
      for (const sentence of sentencesOf[i]!) {
        if (!text) title = sources[i]!.title;
        text += sentence;
        if (text.length >= want) {
          passages.push({ id: `syn-${passages.length}`, title, text });
          if (passages.length === count) break;
          text = '';
          want = target();
        }
      }
      if (passages.length === count) break;
    }
  }
  return {
    passages,
    stats: { sourcePassages: sources.length, sentences: sentencesOf.reduce((n, s) => n + s.length, 0), averageChars },
  };
}
