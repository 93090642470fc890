import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { README_END, README_START, renderReadmeSummary, withReadmeSummary } from '../bench/lib/readme.ts';
import type { BenchResults } from '../bench/lib/report.ts';

const results = JSON.parse(
  readFileSync(new URL('../bench/results/latest.json', import.meta.url), 'utf8'),
) as BenchResults;

test("README's benchmark table is the one npm run bench writes from its latest results", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  assert.equal(withReadmeSummary(readme, renderReadmeSummary(results)), readme);
});

test('the table is replaced between its markers, never appended, and missing markers are an error', () => {
  const page = `intro\n${README_START}\nold table\n${README_END}\nafter\n`;
  const once = withReadmeSummary(page, '| new |');
  assert.equal(once, `intro\n${README_START}\n| new |\n${README_END}\nafter\n`);
  assert.equal(withReadmeSummary(once, '| new |'), once);
  assert.throws(() => withReadmeSummary('no markers', '| x |'), /markers/);
});
