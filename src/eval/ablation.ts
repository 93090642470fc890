/**
 * What each rule of the table is worth: a question set scored with every rule on, then with one (or several)
 * switched off. Only the questions a rule fires on can change when it is off, so only those are answered again:
 * a whole table's ablation over CMRC 2018 and DRCD costs one pass plus the questions each rule reads.
 */
import { answerQuestion, type Answer } from '../answer/answer.js';
import { SUBJECT_CHECKS, withoutRules } from '../question/rules.js';
import type { SearchEngine } from '../search/engine.js';

/** A question to score and how: `right` for an answerable one, `declined` counts for an unanswerable one. */
export interface ScoredQuestion {
  question: string;
  /** True when the question has an answer (then `isRight` scores it); false when it should be declined. */
  answerable: boolean;
  isRight: (answer: Answer) => boolean;
}

/** A score: answerable questions answered right, unanswerable ones declined. */
export interface Score {
  right: number;
  declined: number;
}

/** What one question scores in an answer. */
function scoreOf(q: ScoredQuestion, answer: Answer): Score {
  const answered = answer.kind === 'answer';
  return {
    right: q.answerable && answered && q.isRight(answer) ? 1 : 0,
    declined: !q.answerable && !answered ? 1 : 0,
  };
}

const answer = (engine: SearchEngine, question: string) => answerQuestion(engine, question, { top: 1 });

/** A question set's first pass, all rules on: each question's score and the rules it fires. */
export interface Baseline {
  questions: ScoredQuestion[];
  scores: Score[];
  fired: Array<ReadonlySet<string>>;
  total: Score;
}

export function baseline(engine: SearchEngine, questions: ScoredQuestion[]): Baseline {
  withoutRules([]);
  const scores = questions.map((q) => scoreOf(q, answer(engine, q.question)));
  const fired = questions.map((q) => engine.analyze(q.question).asks);
  const total = scores.reduce((t, s) => ({ right: t.right + s.right, declined: t.declined + s.declined }), {
    right: 0,
    declined: 0,
  });
  return { questions, scores, fired, total };
}

/**
 * The set's score with the rules off, and how many questions they fire on. Restores every rule before returning.
 */
export function scoreWithout(
  engine: SearchEngine,
  base: Baseline,
  rules: readonly string[],
): Score & { fired: number } {
  let { right, declined } = base.total;
  let fired = 0;
  try {
    withoutRules(rules);
    base.questions.forEach((q, k) => {
      // A check about the subject reads every question; a rule of the table only those that ask by it.
      const reads = (r: string) => r in SUBJECT_CHECKS || base.fired[k]?.has(r);
      if (!rules.some(reads)) return;
      fired++;
      const before = base.scores[k] ?? { right: 0, declined: 0 };
      const after = scoreOf(q, answer(engine, q.question));
      right += after.right - before.right;
      declined += after.declined - before.declined;
    });
  } finally {
    withoutRules([]);
  }
  return { right, declined, fired };
}

/** A development set's questions, scored as `npm run eval` scores them (any expected substring in the top passage). */
export function devSetQuestions(items: ReadonlyArray<{ question: string; expect: string[] }>): ScoredQuestion[] {
  return items.map((item) => ({
    question: item.question,
    answerable: item.expect.length > 0,
    isRight: (a) => {
      const top = a.kind === 'answer' ? a.hits[0]?.passage.text : undefined;
      return top !== undefined && item.expect.some((s) => top.includes(s));
    },
  }));
}

/** A dataset's questions (all answerable), right when the gold passage is the answer. */
export function datasetQuestions(items: ReadonlyArray<{ question: string; passage_id: string }>): ScoredQuestion[] {
  return items.map((item) => ({
    question: item.question,
    answerable: true,
    isRight: (a) => a.kind === 'answer' && a.hits[0]?.passage.id === item.passage_id,
  }));
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** One line: a set's score with every rule on and with these rules off. */
export function formatWithout(name: string, base: Baseline, off: Score & { fired: number }): string {
  const answerable = base.questions.filter((q) => q.answerable).length;
  const unanswerable = base.questions.length - answerable;
  const right = `right ${base.total.right} → ${off.right}/${answerable} (${signed(off.right - base.total.right)})`;
  const declined = `declined ${base.total.declined} → ${off.declined}/${unanswerable} (${signed(off.declined - base.total.declined)})`;
  return `${name}: ${right}, ${declined}; fires on ${off.fired} question(s)`;
}

/** What a rule earns on a set (with it on minus with it off), for the ablation table: '' when nothing. */
export function worth(base: Baseline, off: Score): string {
  const right = base.total.right - off.right;
  const declined = base.total.declined - off.declined;
  return [right !== 0 ? `${signed(right)} right` : '', declined !== 0 ? `${signed(declined)} declined` : '']
    .filter(Boolean)
    .join(', ');
}
