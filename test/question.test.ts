import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion } from '../src/answer/answer.js';
import { openEngine } from '../src/cli/wiring.js';
import { understand } from '../src/question/index.js';

// The bundled corpus (the Chongqing article) with its English glossary, as the bot reads questions.
const engine = openEngine();
const read = (text: string) => understand(text, engine);

test('a question is read for its language and script', () => {
  assert.deepEqual(
    [read('重庆和清华是哪天签约的').language, read('重庆和清华是哪天签约的').script],
    ['zh', 'simplified'],
  );
  assert.deepEqual(
    [read('重慶和清華是哪天簽約的').language, read('重慶和清華是哪天簽約的').script],
    ['zh', 'traditional'],
  );
  assert.deepEqual(
    [read('When did SJTU sign with Chongqing?').language, read('When did SJTU sign?').script],
    ['en', 'none'],
  );
  // Cantonese written in simplified characters is not traditional.
  assert.equal(read('清华同重庆签约系几时').script, 'simplified');
});

test('the parties and agreements a question names come from topics.json, aliases read as their canonical name', () => {
  const q = read('上海交大和我市在哪些领域合作？');
  assert.deepEqual(
    q.parties.map((p) => [p.alias, p.canonical, p.topicId]),
    [
      ['上海交大', '上海交通大学', 'sjtu'],
      ['我市', '重庆', null],
    ],
  );
  assert.deepEqual(q.agreements, ['sjtu']);
  assert.deepEqual(read('What does Tsinghua offer Chongqing?').agreements, ['tsinghua']);
  // A party named only to be set aside is not the one asked about.
  const besides = read('除了清华，重庆还跟哪所大学签了协议？');
  assert.deepEqual([besides.agreements, besides.setAsideAgreements], [[], ['tsinghua']]);
  assert.ok(besides.kinds.includes('party'));
});

test('names the corpus has no party for are kept apart from the parties', () => {
  assert.ok(read('北京大学和重庆签约了吗').otherNames.includes('北京大学'));
  assert.deepEqual(read('清华和重庆签约了吗').otherNames, []);
  assert.ok(read('Did Peking University sign an agreement with Chongqing?').otherNames.includes('peking'));
});

test('the kind of answer asked for, the most specific first', () => {
  const kind = (text: string) => read(text).kind;
  assert.equal(kind('重庆和上海交大哪天签的协议'), 'date');
  assert.equal(kind('清华哪一年跟重庆签的约'), 'year');
  assert.equal(kind('重庆和清华签约是几点'), 'time-of-day');
  assert.equal(kind('清华重庆合作有几个方面'), 'number');
  assert.equal(kind('重庆投资了多少钱建研究院'), 'money');
  assert.equal(kind('合作协议有效期多长'), 'duration');
  assert.equal(kind('谁代表市政府签的约'), 'person');
  assert.equal(kind('上海交大的合作涵盖哪些领域'), 'areas');
  assert.equal(kind('你觉得哪个合作更好'), 'opinion');
  assert.equal(kind('重庆为什么要跟清华合作'), 'reason');
  assert.equal(kind('上海交大重庆研究院在哪里'), 'place');
  assert.equal(kind('重庆和清华签约了吗'), 'yes-no');
  assert.equal(kind('什么是双一流'), 'definition');
  assert.equal(kind('重庆和清华的合作'), 'other');
  assert.equal(kind('Which street is the SJTU institute on?'), 'road');
  // Several kinds at once: how many years (a duration and a number).
  assert.deepEqual(read('协议为期多少年').kinds.slice(0, 2), ['duration', 'number']);
});

test('keywords are what the question is about: no question words, nothing it sets aside', () => {
  const q = read('上海交大重庆研究院哪一年揭牌的？');
  assert.ok(q.keywords.includes('揭牌'), q.keywords.join(' '));
  assert.ok(!q.keywords.some((k) => /哪/u.test(k)), q.keywords.join(' '));
  assert.ok(!read('除了科技，清华还在哪些方面帮重庆').keywords.includes('科技'));
});

test('a question carries the earlier turns of its conversation, and is answered as its text is', () => {
  const first = read('重庆和清华是哪天签约的');
  const next = understand('那上海交大呢', engine, [first]);
  assert.deepEqual(next.previous, [first]);
  assert.equal(next.previous[0]?.agreements[0], 'tsinghua');
  for (const text of ['重庆和清华是哪天签约的', '北京大学和重庆签约了吗']) {
    assert.deepEqual(answerQuestion(engine, read(text), { top: 2 }), answerQuestion(engine, text, { top: 2 }));
  }
});
