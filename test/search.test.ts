import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchEngine } from '../src/search/engine.js';
import { glossaryExpander, openEngine } from '../src/cli/wiring.js';
import { answerQuestion } from '../src/answer/answer.js';

const engine = openEngine();
const top = (q: string) => engine.rank(engine.analyze(q), 3)[0]?.passage;

test('aliases expand to the canonical name and name the agreement', () => {
  const q = engine.analyze('上海交大的合作涵盖哪些领域？');
  assert.deepEqual(q.expansions, ['上海交通大学']);
  assert.deepEqual(q.topics, ['sjtu']);
  assert.ok(q.contentTerms.some((t) => t.term === '上海交通大学'));
  // An alias glued to its neighbour (交大会) is still recognised, and leaves no stray 大会 behind.
  const glued = engine.analyze('交大会在重庆建设什么研究院？');
  assert.deepEqual(glued.topics, ['sjtu']);
  assert.ok(!glued.contentTerms.some((t) => t.term === '大会'));
  assert.deepEqual(engine.analyze('SJTU研究院').topics, ['sjtu']);
  assert.deepEqual(engine.analyze('清华在双一流建设上怎么帮重庆').topics, ['tsinghua']);
});

test("the city's names are one name on both sides: a question saying 重庆 finds a passage saying 我市", () => {
  // "以2019年为例,我市引进了…" never writes 重庆; the index sees 我市 as 重庆.
  const hits = engine.rank(engine.analyze('重庆引进了山东大学等多少家高校？'), 1);
  assert.match(hits[0]?.passage.text ?? '', /山东大学等14家/);
});

test("a question naming one agreement does not get the other agreement's passage", () => {
  // Both agreements have a 战略决策咨询 paragraph; the party named decides.
  assert.equal(top('清华大学在决策咨询方面做什么？')?.topic, 'tsinghua');
  assert.equal(top('上海交大在战略决策咨询方面做什么？')?.topic, 'sjtu');
  assert.equal(top('交大的人才交流合作')?.topic, 'sjtu');
  assert.equal(top('清华的人才交流与合作')?.topic, 'tsinghua');
});

test('bigrams find a passage where jieba cuts question and passage differently', () => {
  // 临基发射 is not a dictionary word; its bigrams still match.
  assert.match(top('临基发射研究中心')?.text ?? '', /临基发射/);
});

test('an index saved and loaded with the same options answers the same', () => {
  const saved = JSON.stringify(engine.toJSON());
  const loaded = SearchEngine.fromJSON(saved);
  // The English glossary is not index data: it is set again after loading.
  loaded.setExpander(glossaryExpander());
  for (const q of [
    '上海交大的合作涵盖哪些领域？',
    '临近空间研发中心什么时候成立的',
    '清华大学在哪些方面与重庆合作',
    'When did Chongqing sign with Tsinghua?',
  ]) {
    const a = engine.rank(engine.analyze(q), 3).map((r) => [r.passage.id, r.score.toFixed(6)]);
    const b = loaded.rank(loaded.analyze(q), 3).map((r) => [r.passage.id, r.score.toFixed(6)]);
    assert.ok(a.length > 0);
    assert.deepEqual(b, a, q);
  }
  // What the corpus mentions (numbers with their unit included) and the answers survive the round trip.
  assert.ok(loaded.mentions('6月') && loaded.mentions('2019年') && !loaded.mentions('7月'));
  for (const q of ['6月8日重庆和谁签约？', '2019年重庆引进了多少所高校？', '北京大学和重庆签了什么协议？']) {
    assert.deepEqual(answerQuestion(loaded, q), answerQuestion(engine, q), q);
  }
});

test('a saved index of another version is refused with a clear message', () => {
  assert.throws(() => SearchEngine.fromJSON(JSON.stringify({ version: 99 })), /rebuild the index/);
});

test("the best sentence of the answer holds the question's words", () => {
  const a = answerQuestion(engine, '临近空间创新研发中心要搭建哪三大研究中心？');
  assert.equal(a.kind, 'answer');
  if (a.kind === 'answer') assert.match(a.hits[0]?.bestSentence ?? '', /三大研究中心/);
});
