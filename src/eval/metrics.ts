/** Retrieval metrics over ranked passage ids. */
export interface RetrievalMetrics {
  questions: number;
  r1: number;
  r5: number;
  mrr10: number;
}

/** R@1, R@5 and MRR@10 given, per question, the ranked ids and the gold id. */
export function retrievalMetrics(runs: Array<{ ranked: string[]; gold: string }>): RetrievalMetrics {
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  for (const { ranked, gold } of runs) {
    const rank = ranked.indexOf(gold);
    if (rank === 0) r1++;
    if (rank >= 0 && rank < 5) r5++;
    if (rank >= 0 && rank < 10) mrr += 1 / (rank + 1);
  }
  const n = runs.length || 1;
  return { questions: runs.length, r1: r1 / n, r5: r5 / n, mrr10: mrr / n };
}

export function formatMetrics(m: RetrievalMetrics): string {
  return `R@1 ${m.r1.toFixed(3)}  R@5 ${m.r5.toFixed(3)}  MRR@10 ${m.mrr10.toFixed(3)}  (${m.questions} questions)`;
}
