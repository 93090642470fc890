/**
 * The passages behind a reply composed from the agreements' facts (which was signed first, how far apart, what
 * each covers): the reply's text comes from corpus/topics.json and the summaries, and these passages are where the
 * documents say it, so `ask --json` and a conversation's record point at the text as for any other answer.
 */
import type { AnswerHit } from '../answer/answer.js';
import { summarizeTopic } from '../answer/summarize.js';
import type { Passage, Topic } from '../corpus/types.js';
import type { SearchEngine } from '../search/engine.js';

/** A passage as a hit: its sentence holding most of `needles` is the one shown; score from the question's ranking. */
function hitOf(engine: SearchEngine, passage: Passage, needles: string[], scores: Map<string, number>): AnswerHit {
  const [sentences] = engine.passageSentences(passage);
  const held = (s: string) => needles.filter((n) => s.includes(n)).length;
  let sentence = 0;
  sentences.forEach((s, i) => {
    if (held(s) > held(sentences[sentence] ?? '')) sentence = i;
  });
  return {
    passage,
    score: scores.get(passage.id) ?? 0,
    bestSentence: sentences[sentence] ?? passage.text,
    sentence,
    matched: needles.filter((n) => passage.text.includes(n)),
  };
}

/** The question's ranking scores, for hits the reply chose itself (0 for a passage the question does not reach). */
function rankingScores(engine: SearchEngine, question: string): Map<string, number> {
  return new Map(engine.rank(engine.analyze(question), 20).map((r) => [r.passage.id, r.score]));
}

/** The passage an agreement's summary took its signing sentence (or its areas) from, with its date. */
function sourcePassage(
  engine: SearchEngine,
  topic: Topic,
  part: 'signing' | 'aspects',
): { passage: Passage; date: string } | undefined {
  const s = summarizeTopic(engine, topic.id);
  const id = s?.sourceOf[part] ?? s?.sourceOf.signing ?? s?.sources[0];
  const passage = id === undefined ? undefined : engine.passage(id);
  return s && passage ? { passage, date: s.dateZh } : undefined;
}

/**
 * The passages behind a reply about agreements, at most `top`: for 'dates', first a passage giving every
 * agreement's date (where the documents compare them), then each agreement's signing passage; for 'signing' or
 * 'aspects', each agreement's passage of that part of its summary.
 */
export function sourceHits(
  engine: SearchEngine,
  topics: readonly Topic[],
  question: string,
  top: number,
  part: 'dates' | 'signing' | 'aspects',
): AnswerHit[] {
  const dated = part === 'dates';
  const signings = topics.map((t) => sourcePassage(engine, t, dated ? 'signing' : part)).filter((s) => s !== undefined);
  const dates = signings.map((s) => s.date).filter(Boolean);
  const scores = rankingScores(engine, question);
  const chosen: Passage[] = [];
  if (dated && dates.length > 1) {
    const together = engine.corpus.passages.find((p) => !p.heading && dates.every((d) => p.text.includes(d)));
    if (together) chosen.push(together);
  }
  for (const s of signings) if (!chosen.includes(s.passage)) chosen.push(s.passage);
  return chosen.slice(0, top).map((p) => hitOf(engine, p, dates, scores));
}
