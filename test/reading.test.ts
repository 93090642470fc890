import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion } from '../src/answer/answer.js';
import { openEngine } from '../src/cli/wiring.js';
import { splitPreamble } from '../src/reading/preamble.js';

const engine = openEngine();

/** The top passage's text, or why there is none. */
function topAnswer(question: string): string {
  const a = answerQuestion(engine, question, { top: 1 });
  return a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : `(${a.kind})`;
}

test('a long question is split into the story told first and the question asked last', () => {
  assert.deepEqual(
    splitPreamble('我表姐在重庆工作，最近跟我聊起高校合作的事，我有点好奇，重庆跟清华是哪天签的协议？'),
    {
      preamble: '我表姐在重庆工作，最近跟我聊起高校合作的事，我有点好奇，',
      question: '重庆跟清华是哪天签的协议？',
    },
  );
  // A short question part takes the clause before it: 都有哪些 asks about the institutes.
  assert.equal(
    splitPreamble('我在写一份报告，老师要求引用数据，请问2019年引进了几家科研院所，都有哪些？')?.question,
    '请问2019年引进了几家科研院所，都有哪些？',
  );
});

test('a lead that is part of the question is not taken for a preamble', () => {
  // Too short, one clause, or no word of the asker: what the question is about.
  assert.equal(splitPreamble('清华和上交，哪个先跟重庆签的约？'), undefined);
  assert.equal(splitPreamble('上海交大重庆研究院除了研发平台，还会做哪些人才培育的工作？'), undefined);
  assert.equal(splitPreamble('运用俄罗斯历史事例激励，红军的集体荣誉感，是哪个单位的作法？'), undefined);
  // Two questions are not a story and a question.
  assert.equal(splitPreamble('我想知道2019年我市一共引进了多少所高校？又举了哪所学校的例子？'), undefined);
});

test('a question after a story about the asker is answered, not declined for the story’s words', () => {
  assert.match(
    topAnswer('我表姐在重庆工作，最近跟我聊起高校合作的事，我有点好奇，重庆跟清华是在哪一天签的战略合作协议？'),
    /6月3日/u,
  );
  // The preamble names the party the question part only points at (交大 … 这个研究院).
  assert.match(
    topAnswer('我弟弟下半年要去读研，他一直念叨着想去上海，我想问问交大在重庆的研究院会开展哪些工作？'),
    /研究生培养/u,
  );
});

test('a question after a story is still declined when what it asks about is not in the corpus', () => {
  assert.equal(topAnswer('我在北京大学读书，同学们都在聊校企合作，我想问问北京大学和重庆是哪天签的协议？'), '(none)');
  assert.equal(
    topAnswer('我最近在研究腾讯的投资，朋友跟我说起重庆的高校合作，我想问问重庆跟腾讯签了什么协议？'),
    '(none)',
  );
});
