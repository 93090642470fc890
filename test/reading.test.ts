import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion } from '../src/answer/answer.js';
import { openEngine } from '../src/cli/wiring.js';
import { readKeywords } from '../src/reading/keywords.js';
import { correctNearMisses } from '../src/reading/near-miss.js';
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

test('the topic a question asks about stays with it when it stands before it in its sentence', () => {
  // A noun phrase (verbs only before its 的) is the topic: it is asked about …
  assert.deepEqual(
    splitPreamble('我在单位负责整理资料，领导让我核实一下。上海交大在重庆建的那个研究院，是在哪一个区正式揭牌的？'),
    {
      preamble: '我在单位负责整理资料，领导让我核实一下。',
      question: '上海交大在重庆建的那个研究院，是在哪一个区正式揭牌的？',
    },
  );
  // … a clause with a verb of its own, or one opening with a verb (the asker unsaid), is the story.
  assert.equal(
    splitPreamble('我在单位负责整理资料，领导要求核实数据，交大的研究院在哪里揭牌的？')?.question,
    '交大的研究院在哪里揭牌的？',
  );
  assert.equal(
    splitPreamble('我老家在重庆，看到报道里一张很干净的车间，这家企业跟清华一起研发什么产品？')?.question,
    '这家企业跟清华一起研发什么产品？',
  );
  assert.match(
    topAnswer('我在单位负责整理资料，领导让我核实一下。上海交大在重庆建的那个研究院，是在哪一个区正式揭牌的？'),
    /两江新区/u,
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

test('a word the corpus lacks, one read-alike character from a corpus word, is read as that word', () => {
  assert.equal(correctNearMisses('清华大雪跟重庆是哪一天签约的？', engine), '清华大学跟重庆是哪一天签约的？');
  assert.equal(correctNearMisses('清化大学跟重庆是哪一天签约的？', engine), '清华大学跟重庆是哪一天签约的？');
  assert.equal(correctNearMisses('重庆和上交签属战略合作协议是几号', engine), '重庆和上交签署战略合作协议是几号');
  // Traditional characters are read after simplification.
  assert.equal(correctNearMisses('清華大雪跟重慶是哪一天簽約的？', engine), '清华大学跟重庆是哪一天签约的?');
  assert.match(topAnswer('清华大雪跟重庆是哪一天签约的？'), /6月3日/u);
});

test("a party's name written with one read-alike character wrong is read as the name, inside a longer word too", () => {
  // jieba cuts 上海交同大学 into 上海 / 交 / 同 / 大学: no span of whole words is the name's near miss.
  assert.equal(correctNearMisses('上海交同大学跟重庆签署的协议', engine), '上海交通大学跟重庆签署的协议');
  assert.equal(correctNearMisses('青华大学和重庆', engine), '清华大学和重庆');
  assert.deepEqual(engine.analyze('上海焦通大学重庆研究院在哪').topics, ['sjtu']);
});

test('near-miss correction leaves alone what is written right', () => {
  for (const question of [
    // A name the corpus lacks: 大雪 alone is a word (heavy snow), and 南开大学 is no corpus word to confirm it.
    '南开大雪跟重庆是哪一天签约的？',
    // Particles, question words and what the corpus knows.
    '重庆去年的引进目标是什么',
    '研究院的面积有多长',
    '北京大学和重庆签约了吗',
    // Another university one character from a party's name, the character not read alike (东 / 清).
    '东华大学和重庆签约了吗',
  ])
    assert.equal(correctNearMisses(question, engine), question);
  assert.equal(topAnswer('南开大雪跟重庆是哪一天签约的？'), '(none)');
});

test('a keyword query asks what its kind noun names, like the full question', () => {
  assert.equal(readKeywords('清华 签约 日期'), '清华 签约 哪天');
  assert.equal(readKeywords('上交 签约时间'), '上交 签约什么时候');
  // A question, or a sentence with a space in it, is no keyword query.
  assert.equal(readKeywords('清华 签约日期是哪天'), '清华 签约日期是哪天');
  assert.equal(readKeywords('签约日期'), '签约日期');
  assert.match(topAnswer('上交 签约 时间'), /6月8日/u);
  assert.match(topAnswer('清华 签约 日期'), /6月3日/u);
  assert.equal(topAnswer('北大 签约 日期'), '(none)');
});
