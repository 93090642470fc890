import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreDevSet } from '../src/cli/eval.js';
import { openEngine } from '../src/cli/wiring.js';
import { DEV_SETS } from '../src/eval/datasets.js';

// Retrieval quality, measured the way `npm run eval` measures it (the full answering path, as ask --json answers).
const engine = openEngine();

test('the development set meets issue 2: ≥ 95 % of answerable questions right, ≥ 90 % of unanswerable ones declined', () => {
  const dev = scoreDevSet(engine, 'dev');
  assert.ok(
    dev.correct / dev.answerable >= 0.95,
    `answered right ${dev.correct}/${dev.answerable}:\n${dev.misses.join('\n')}`,
  );
  assert.ok(
    dev.declined / dev.unanswerable >= 0.9,
    `declined ${dev.declined}/${dev.unanswerable}:\n${dev.misses.join('\n')}`,
  );
});

test('the blind question sets, pooled, stay above 91 % right and 92 % declined (a guard against regressions)', () => {
  // dev23–dev29 are the generalization sets (issue 19, point 7), scored separately by `npm run eval`:
  // written to find what the rules miss, they are not part of this regression floor.
  const generalization = new Set(['dev23', 'dev24', 'dev25', 'dev26', 'dev27', 'dev28', 'dev29']);
  const blind = Object.keys(DEV_SETS).filter((name) => /^dev\d+$/.test(name) && !generalization.has(name));
  assert.ok(blind.length >= 10, blind.join(' '));
  const pooled = blind.map((name) => scoreDevSet(engine, name));
  const sum = (f: (s: (typeof pooled)[number]) => number) => pooled.reduce((n, s) => n + f(s), 0);
  const [correct, answerable] = [sum((s) => s.correct), sum((s) => s.answerable)];
  const [declined, unanswerable] = [sum((s) => s.declined), sum((s) => s.unanswerable)];
  // Now 850/924 = 92.0 % and 282/298 = 94.6 %: the floors leave room for about ten questions each.
  assert.ok(correct / answerable >= 0.91, `answered right ${correct}/${answerable}`);
  assert.ok(declined / unanswerable >= 0.92, `declined ${declined}/${unanswerable}`);
});
