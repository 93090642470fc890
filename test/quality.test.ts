import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreDevSet } from '../src/cli/eval.js';
import { openEngine } from '../src/cli/wiring.js';
import { DEV_SETS } from '../src/eval/datasets.js';

// Retrieval quality, measured the way `npm run eval` measures it (the full answering path, as ask --json answers).
const engine = openEngine();

test('the development set meets issue 2: ≥ 95 % of answerable questions right, ≥ 90 % of unanswerable ones declined', () => {
  const dev = scoreDevSet(engine, 'dev');
  assert.ok(dev.correct / dev.answerable >= 0.95, `answered right ${dev.correct}/${dev.answerable}:\n${dev.misses.join('\n')}`);
  assert.ok(dev.declined / dev.unanswerable >= 0.9, `declined ${dev.declined}/${dev.unanswerable}:\n${dev.misses.join('\n')}`);
});

test('the blind question sets, pooled, stay above 90 % right and 90 % declined (a guard against regressions)', () => {
  const blind = Object.keys(DEV_SETS).filter((name) => /^dev\d+$/.test(name));
  assert.ok(blind.length >= 10, blind.join(' '));
  const pooled = blind.map((name) => scoreDevSet(engine, name));
  const sum = (f: (s: (typeof pooled)[number]) => number) => pooled.reduce((n, s) => n + f(s), 0);
  const [correct, answerable, declined, unanswerable] = [sum((s) => s.correct), sum((s) => s.answerable), sum((s) => s.declined), sum((s) => s.unanswerable)];
  assert.ok(correct / answerable >= 0.9, `answered right ${correct}/${answerable}`);
  assert.ok(declined / unanswerable >= 0.9, `declined ${declined}/${unanswerable}`);
});
