import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion, MAX_QUESTION_CHARS } from '../src/answer/answer.js';
import { openEngine } from '../src/cli/wiring.js';

const engine = openEngine();

test('questions the article does not answer get no answer, not the least bad passage', () => {
  for (const q of ['北京大学和重庆签了什么协议？', '今天天气怎么样？', 'asdfghjkl', '苹果手机多少钱？']) {
    assert.equal(answerQuestion(engine, q).kind, 'none', q);
  }
});

test('answerable questions are answered with up to `top` passages, best first', () => {
  const a = answerQuestion(engine, '上海交大的合作涵盖哪些领域？', { top: 5 });
  assert.equal(a.kind, 'answer');
  if (a.kind !== 'answer') return;
  assert.equal(a.hits.length, 5);
  assert.ok(a.hits.every((h, i) => i === 0 || h.score <= (a.hits[i - 1]?.score ?? Infinity)));
  assert.ok(a.hits.slice(0, 3).every((h) => h.passage.topic === 'sjtu'));
});

test('bad input gets a clear error, never an exception', () => {
  const cases: Array<[string, RegExp]> = [
    ['', /empty/],
    ['   ', /empty/],
    ['问'.repeat(MAX_QUESTION_CHARS + 1), /too long/],
    ['\u0000\u0001\u0002\ufffd\ufffd', /not readable/],
    ['😀😀🎉', /no words/],
  ];
  for (const [q, error] of cases) {
    const a = answerQuestion(engine, q);
    assert.equal(a.kind, 'invalid', JSON.stringify(q));
    if (a.kind === 'invalid') assert.match(a.error, error);
  }
});
