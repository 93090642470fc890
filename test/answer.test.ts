import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion, MAX_QUESTION_CHARS } from '../src/answer/answer.js';
import { openEngine } from '../src/cli/wiring.js';
import { tempCorpus } from './support/temp-corpus.js';
import { topOf } from './support/stories.js';
import { SearchEngine } from '../src/search/engine.js';
import { loadCorpus } from '../src/corpus/load.js';

const engine = openEngine();

test('questions the article does not answer get no answer, not the least bad passage', () => {
  for (const q of ['北京大学和重庆签了什么协议？', '今天天气怎么样？', 'asdfghjkl', '苹果手机多少钱？']) {
    assert.equal(answerQuestion(engine, q).kind, 'none', q);
  }
});

test('a day the article never names (6月5日) gets no answer; a day said 号 is the day it writes 日', () => {
  assert.equal(answerQuestion(engine, '6月5日重庆跟哪所大学签了协议？').kind, 'none');
  const said = answerQuestion(engine, '6月3号重庆跟哪所大学签了协议？');
  assert.ok(said.kind === 'answer' && /6月3日/.test(said.hits[0]!.passage.text));
});

test('who else signed that day is answered by the sentence of the other signing, for each university', () => {
  const top = (q: string) => {
    const a = answerQuestion(engine, q);
    return a.kind === 'answer' ? a.hits[0]!.passage.text : '';
  };
  assert.match(top('清华签约那天还有别的协议吗'), /紫光集团有限公司签署了合作框架协议/);
  assert.match(top('上海交通大学那天还有谁签了协议'), /管理委员会还与上海交通大学签署/);
});

test('what came before (以前合作过吗) is answered by the passage of what has been done already', () => {
  for (const q of ['重庆和上海交大在这次之前合作过吗', '上海交大以前跟重庆合作过什么？']) {
    const a = answerQuestion(engine, q);
    assert.ok(a.kind === 'answer' && /已经开展了多项合作/.test(a.hits[0]!.passage.text), q);
  }
});

test('a question about the whole article (这篇文章讲了什么, summarize it, which newspaper) is answered by its lede; of several documents, not', () => {
  for (const q of ['这篇文章主要讲了什么事', '这篇新闻的主要内容是什么', '总结一下', 'what is this article about?']) {
    const a = answerQuestion(engine, q);
    assert.equal(a.kind, 'answer', q);
    assert.match(a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : '', /先后与清华大学、上海交通大学签署/, q);
  }
  // Where it comes from is told by the lede's source line (重庆日报).
  for (const q of ['这篇报道是哪家媒体的？', 'which newspaper published this?']) {
    const a = answerQuestion(engine, q);
    assert.match(a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : '', /先后与清华大学、上海交通大学签署/, q);
  }
  // Anything else asked is asked: what the official said is his words, not the lede.
  const said = answerQuestion(engine, '市科技局负责人说了什么');
  assert.match(said.kind === 'answer' ? (said.hits[0]?.passage.text ?? '') : '', /负责人表示/);
  const two = SearchEngine.build(
    loadCorpus(tempCorpus({ 'a.md': '# 甲\n\n甲市签署了协议。\n', 'b.md': '# 乙\n\n乙市新建了公园。\n' })),
  );
  assert.equal(answerQuestion(two, '这篇文章讲了什么').kind, 'none');
});

test('an area named as the overview lists it (战略决策咨询) is answered by the paragraph heading it otherwise (在决策咨询方面)', () => {
  const a = answerQuestion(engine, '清华在战略决策咨询方面做什么');
  assert.match(a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : '', /^在决策咨询方面,清华大学/);
});

test('a university named after the city (重庆大学) is another party than the city: no answer', () => {
  assert.equal(answerQuestion(engine, '重庆大学参与了这次合作吗？').kind, 'none');
  assert.equal(answerQuestion(engine, '重庆理工大学跟谁签了协议').kind, 'none');
  // The city beside a university it signed with is still the city.
  assert.equal(answerQuestion(engine, '重庆与清华大学哪天签的协议').kind, 'answer');
});

test('a well-known place the corpus never mentions makes a question about something else', () => {
  const small = SearchEngine.build(
    loadCorpus(
      tempCorpus({ 'news.md': '6月3日，某市政府与甲大学签署战略合作协议。\n\n某市两江新区与乙大学共建研究院。\n' }),
    ),
  );
  assert.equal(answerQuestion(small, '某市有没有跟香港的大学签类似的合作协议？').kind, 'none');
  assert.equal(answerQuestion(small, '某市有没有跟大学签类似的合作协议？').kind, 'answer');
  // A region named by compass points is how people describe a place, not another place.
  const west = SearchEngine.build(
    loadCorpus(tempCorpus({ 'news.md': '乙大学将在西部建设乙大学某市研究院。\n\n某市与甲大学签署协议。\n' })),
  );
  assert.equal(answerQuestion(west, '乙大学在西南建了什么研究院？').kind, 'answer');
});

test('the kind of thing a question asks for (哪些范畴, 哪两所名校) is no sign of another subject, a modifier (哪些台湾的大学) still is', () => {
  const small = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'news.md':
          '根据协议，某市将与甲大学在决策咨询、科技创新、人才交流等领域开展合作。\n\n乙大学研究院在某市揭牌。\n',
      }),
    ),
  );
  // 范畴 is a word the corpus never uses (jieba's dictionary even tags it as a name); 领域 is what the text says.
  for (const q of [
    '某市和甲大学的合作包括哪些范畴？',
    '某市和甲大学在什么范畴开展合作？',
    '某市與甲大學的協議包含哪些合作範疇?',
    '某市跟哪两所名校开展合作？',
    '某市和哪一家名校开展合作？',
  ]) {
    assert.equal(answerQuestion(small, q).kind, 'answer', q);
  }
  assert.equal(answerQuestion(small, '有哪些台湾的大学和某市开展合作？').kind, 'none');
  // 哪家 without a count is no such phrase: 媒体 is what the question is about.
  assert.equal(answerQuestion(small, '哪家媒体报道了某市和甲大学的合作？').kind, 'none');
  // Not a word further on, nor one after 为什么 / 什么时候 (why, when).
  assert.equal(answerQuestion(small, '某市与甲大学什么时候在香港开展合作？').kind, 'none');
  assert.equal(answerQuestion(small, '为什么香港没有与某市开展合作？').kind, 'none');
  assert.equal(answerQuestion(small, '有哪些台湾大学和某市开展合作？').kind, 'none');
  assert.equal(answerQuestion(small, '某市和香港哪些大学开展合作？').kind, 'none');
});

test('when the best passage lacks a name that a close one holds written out (中科院 / 中国科学院), the close one answers', () => {
  const small = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'news.md':
          '去年某市引进科研院所，计划到2022年累计引进100所。\n\n去年某市引进了中国科学院的7家科研院所。\n\n某市与甲大学签署协议。\n',
      }),
    ),
  );
  const a = answerQuestion(small, '去年某市引进的科研院所里有哪些是中科院的？');
  assert.equal(a.kind, 'answer');
  assert.match(a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : '', /中国科学院/);
  // A name no passage holds in any form still makes the question one about something else.
  assert.equal(answerQuestion(small, '去年某市引进的科研院所里有哪些是北京大学的？').kind, 'none');
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

test('a word that only exists because of how jieba cut the question does not make it unanswerable', () => {
  // jieba cuts 诺贝尔奖得主 as 诺贝尔 + 奖得主; the corpus has 诺贝尔奖 and 得主, so 奖得主 is no evidence of
  // a question about something else, while 北京大学 (no corpus word reaches across it) still is.
  const a = answerQuestion(engine, '诺贝尔奖得主可以在重庆设立什么？');
  assert.equal(a.kind, 'answer');
  if (a.kind === 'answer') assert.match(a.hits[0]?.passage.text ?? '', /诺贝尔奖、图灵奖等知名奖项得主/);
  assert.equal(answerQuestion(engine, '北京大学和重庆签署了什么协议？').kind, 'none');
});

test('a corpus of one passage still answers what it says (every word is in every passage)', () => {
  const small = openEngine(tempCorpus({ 'cqu.txt': '重庆大学成立于1929年，是教育部直属的全国重点大学。' }));
  assert.equal(answerQuestion(small, '重庆大学成立于哪一年？').kind, 'answer');
  assert.equal(answerQuestion(small, '今天天气怎么样？').kind, 'none');
});

test('"what does it cover / include" asks for a list: 涵盖 and 涉及, like 包括, are not words the answer must hold', () => {
  const small = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'news.md':
          '甲大学研究中心去年揭牌，其研究方向涵盖气动、结构、能源等领域。\n\n根据协议，某市将与甲大学在决策咨询、科技创新、人才交流等多方面开展合作。\n',
      }),
    ),
  );
  for (const q of ['甲大学的合作涵盖哪些领域？', '甲大学的合作涉及哪些领域？', '甲大学的合作包括哪些领域？']) {
    const a = answerQuestion(small, q);
    assert.match(a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : '', /决策咨询/, q);
  }
});

test('"how many" of a named thing is answered by the passage that counts it, though other words draw other passages first', () => {
  const top = (q: string) => topOf(engine, q);
  // 协议 draws the passages saying the agreement was signed; the count of areas is a paragraph below them.
  assert.match(top('清华的协议有几个方面'), /5个方面/);
  // An area is counted under any of its names.
  assert.match(top('和清华大学的合作涉及几个领域'), /5个方面/);
  // A close passage listing what is counted answers like one counting it; a domain word (user.dict) is the noun.
  assert.match(top('重庆总共签了几个战略合作协议'), /先后与清华大学、上海交通大学签署/);
  // In English, what "how many" counts is read through the glossary (areas → 领域).
  assert.match(top('How many aspects does the Tsinghua agreement cover?'), /5个方面/);
  assert.match(top('How many fields does the SJTU agreement cover?'), /人才交流与合作等多方面/);
  // What no passage counts, or the count for a party the article never mentions, stays unanswered.
  assert.equal(answerQuestion(engine, '清华的协议有几个附件').kind, 'none');
  assert.equal(answerQuestion(engine, '北大的协议有几个方面').kind, 'none');
});
