import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDuplicates, listsIn } from '../src/cli/duplicates.js';

test('no word list is written twice in src/, and numerals are spelled out only in the lexicon', () => {
  assert.deepEqual(findDuplicates(), []);
});

test('the duplicate finder sees lists in character classes, alternations and arrays, not in comments', () => {
  const source = [
    'const A = /[个家所位]/u;',
    "const B = new RegExp('(?:签署|签订|签约)');",
    "const C = ['签约', '签署', '签订'];",
    ' * 一二三四五 in a comment',
    "const D = '一二三四五';",
  ].join('\n');
  const { lists, numerals } = listsIn('x.ts', source);
  assert.deepEqual(
    lists.map((l) => l.line),
    [1, 2, 3],
  );
  assert.equal(lists[0]?.key, `[${[...'个家所位'].sort().join(' ')}]`);
  // The same three words, in another order and another form, are one list written twice.
  assert.equal(lists[1]?.key, lists[2]?.key);
  assert.deepEqual(
    numerals.map((n) => n.line),
    [5],
  );
});

test('counts in Chinese numerals are read as numbers', async () => {
  const { hanNumberValue } = await import('../src/text/lexicon.js');
  const cases: Array<[string, number | undefined]> = [
    ['五', 5],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['两百', 200],
    ['一百零五', 105],
    ['三万', 30_000],
    ['十二万五千', 125_000],
    ['零', undefined],
    ['五a', undefined],
  ];
  for (const [text, value] of cases) assert.equal(hanNumberValue(text), value, text);
});
