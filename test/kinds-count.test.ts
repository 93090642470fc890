// Answer kinds that count: how many, how much money, how long, which areas (see the rule table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus } from '../src/corpus/load.js';
import { DEFAULT_RANKING, SearchEngine } from '../src/search/engine.js';
import { answerQuestion } from '../src/answer/answer.js';
import { countsUnit, givesMoney } from '../src/question/kinds/number.js';
import { givesAspects } from '../src/question/kinds/subject.js';
import { tempCorpus } from './support/temp-corpus.js';
import * as S from './support/stories.js';

const { engine, topText, topOf, storyOf, news, kind, areasStory } = S;

test('"how many" needs a passage that gives a number', () => {
  // 两江 is a name, not a number.
  assert.equal(kind('宜昌市政府支持多少家企业研发新产品？'), 'none');
  assert.ok(!news.analyze('这几年宜昌市政府支持什么？').asks.has('number'));
  assert.equal(kind('宜昌市政府支持企业研发什么？'), 'answer');
  // A size is a number too; a name holding 多大 is not a question about size.
  assert.equal(kind('中国科学院在宜昌市设立的分院离两江新区多远？'), 'none');
  assert.equal(kind('中国科学院在宜昌市设立的分院离两江新区有什么？'), 'answer');
  assert.ok(news.analyze('面积有多大').asks.has('number') && news.analyze('How big is it?').asks.has('number'));
  assert.ok(!news.analyze('科罗拉多大学在哪里').asks.has('number') && !news.analyze('有多长时间').asks.has('number'));
  // How much something matters is no size.
  for (const q of [
    '合作的意义有多大？',
    '作用有多大',
    '有多重要',
    '影响有多深远',
    '水平有多高',
    'How wide-ranging is it?',
  ]) {
    assert.ok(!news.analyze(q).asks.has('number'), q);
  }
  assert.ok(news.analyze('分院离市区多远呢').asks.has('number') && news.analyze('有效期多长').asks.has('duration'));
  // What is counted is read after 多少 / 几, wherever a "name a few" clause stands.
  assert.deepEqual(news.analyze('举几个例子，宜昌市支持了多少家企业').countedUnit, { measure: '家', nouns: ['企业'] });
  assert.deepEqual(news.analyze('宜昌市与几所高校合作').countedUnit, { measure: '所', nouns: ['高校'] });
  // The noun phrase is read past its modifiers, and nouns coordinated with 、 / 和 are counted each.
  assert.deepEqual(news.analyze('宜昌市引进了几所国内外知名高校？').countedUnit, { measure: '所', nouns: ['高校'] });
  assert.deepEqual(news.analyze('一共引进多少家高校、院所和企业').countedUnit, {
    measure: '家',
    nouns: ['高校', '院所', '企业'],
  });
  assert.ok(countsUnit('去年引进了10家企业', { measure: '家', nouns: ['高校', '院所', '企业'] }));
  // The phrase ends at the verb after it: 深度 in 几个方面深度合作 is no noun counted.
  assert.deepEqual(news.analyze('宜昌市和甲大学在几个方面深度合作').countedUnit, { measure: '个', nouns: ['方面'] });
  // 哪几个 asks "which", not "how many".
  assert.ok(
    news.analyze('支持哪几个企业？').asks.has('number') === false && news.analyze('支持几个企业？').asks.has('number'),
  );
});

test('"how many" is answered by a passage that gives a number and ranks close to the best one', () => {
  const story = areasStory();
  // Without the phrasing feature, so that the passage giving no number ranks first.
  const small = SearchEngine.build(story, { ...DEFAULT_RANKING, phraseWeight: 0 });
  const q = '丙大学 人才交流 合作 几个方面';
  // The passage about talent exchange ranks first but gives no number; the one that counts the areas is close.
  assert.match(small.rank(small.analyze(q), 1)[0]?.passage.text ?? '', /^在人才交流与合作方面/);
  const a = answerQuestion(small, q, { top: 2 });
  assert.equal(a.kind, 'answer');
  if (a.kind === 'answer')
    assert.deepEqual(
      a.hits.map((h) => h.passage.text.slice(0, 6)),
      ['某市将与丙大', '在人才交流与'],
    );
  // A number far behind the best passage (3个方面, for a question about laboratories) answers nothing …
  assert.equal(answerQuestion(small, '丙大学与某市共建了多少个实验室').kind, 'none');
  assert.equal(answerQuestion(small, '丙大学科技创新实验室有几个方面').kind, 'none');
  // … nor does a close one that counts something else (3个方面 is no count of 措施).
  assert.equal(answerQuestion(small, '丙大学在人才交流与合作方面有几项措施').kind, 'none');
});

test('"which areas" is answered by the passage that lists the areas, not by one area\'s own paragraph', () => {
  const story = areasStory();
  const withBonus = SearchEngine.build(story);
  // By words alone (no kind bonus, no phrasing), the talent paragraph wins.
  const without = SearchEngine.build(story, { ...DEFAULT_RANKING, kindWeight: 0, phraseWeight: 0 });
  const bonusOnly = SearchEngine.build(story, { ...DEFAULT_RANKING, phraseWeight: 0 });
  const top = (e: SearchEngine, q: string) => e.rank(e.analyze(q), 1)[0]?.passage.text.slice(0, 4);
  for (const q of [
    '丙大学和某市在哪几个方面合作',
    '某市与丙大学的合作主要包括哪些方面',
    'Which areas will 丙大学 cooperate in?',
  ]) {
    // The talent paragraph repeats 合作 and the names: by words alone it wins.
    assert.equal(top(without, q), '在人才交', q);
    assert.equal(top(bonusOnly, q), '某市将与', q);
    assert.equal(top(withBonus, q), '某市将与', q);
  }
  for (const q of [
    '在哪方面合作',
    '合作涉及哪些重点领域',
    '合作具体分哪几块',
    'What other areas will they cooperate in?',
  ]) {
    assert.ok(withBonus.analyze(q).asks.has('areas'), q);
  }
  assert.equal(top(withBonus, '丙大学和某市合作分哪几块啊'), '某市将与');
  // An area that qualifies something else, one area named, or "which area" (where) asks for no list.
  for (const q of [
    '丙大学在人才交流方面做什么',
    '哪个方面的负责人出席了签约',
    '他是什么领域的专家',
    'In which area of the city is it?',
  ]) {
    assert.ok(!withBonus.analyze(q).asks.has('areas'), q);
  }
  assert.ok(
    givesAspects('在战略决策咨询、科技创新、人才交流与合作等多方面开展合作') &&
      givesAspects('围绕智能硬件、物联网等战略性新兴产业领域'),
  );
  // A list of names working in one field, or 方面 as a side, is no list of areas.
  assert.ok(!givesAspects('重庆大学、西南大学在人工智能领域开展合作') && !givesAspects('市政府、交大方面表示'));
});

test('asking for areas, 领域 / 方面 / 范畴 / 层面 are one word: a list of 方面 answers 哪些领域', () => {
  const story = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'story.md': [
          '某市将与丙大学在决策咨询、科技创新、人才交流等多方面开展深度合作。',
          '丙大学的实验室落户某市，研究方向涵盖新材料、新能源等领域。',
        ].join('\n\n'),
      }),
    ),
  );
  const terms = story.analyze('丙大学和某市的合作涵盖哪些领域').contentTerms;
  assert.deepEqual(terms.find((t) => t.term === '领域')?.alternatives, ['方面', '范畴', '层面']);
  assert.match(story.rank(story.analyze('丙大学和某市的合作包括哪些领域'), 1)[0]?.passage.text ?? '', /多方面/);
  // Elsewhere 领域 is a word like any other, and only the area word asked for is one with the others: 军事层面 is
  // what the question is about, and the story does not hold it.
  assert.equal(
    story.analyze('丙大学在新材料领域做什么').contentTerms.find((t) => t.term === '领域')?.alternatives,
    undefined,
  );
  assert.equal(answerQuestion(story, '在军事层面，丙大学会和某市在哪些方面合作？').kind, 'none');
});

test('the area word asked for (哪些领域) is not searched: a passage does not win by naming one area', () => {
  const story = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'story.md': [
          '根据协议，某市将与丙大学在决策咨询、科技创新、人才交流等多方面开展深度合作。',
          '近年来，丙大学与某市在科技创新领域已经开展了多项合作，包括共建实验室。',
        ].join('\n\n'),
      }),
    ),
  );
  for (const q of ['某市和丙大学在哪些领域合作？', '丙大学跟某市的合作涵盖哪几个领域']) {
    assert.match(story.rank(story.analyze(q), 1)[0]?.passage.text ?? '', /多方面/, q);
  }
  assert.ok(!story.analyze('某市和丙大学在哪些领域合作？').words.includes('领域'));
  // 领域 the question is about is searched like any other word.
  assert.ok(story.analyze('丙大学在科技创新领域做了什么').words.includes('领域'));
});

test('a count is read however the text writes it: 8日 for 几号, 项目30余项 for 多少个项目, 14家知名高校 for 多少家高校', () => {
  const counts = (text: string, measure: string, noun: string) =>
    countsUnit(text, { measure, nouns: noun ? [noun] : [] });
  assert.ok(counts('6月8日，某市与乙大学签署协议', '号', ''));
  assert.ok(counts('合作申报科研项目30余项', '个', '项目') && counts('申报了30项科研项目', '个', '项目'));
  assert.ok(counts('引进了山东大学等14家国内外知名高校', '家', '高校'));
  assert.ok(counts('在5个方面开展合作', '个', '方面') && counts('在五个方面开展合作', '个', '方面'));
  // Universities are counted in 所 or 家; a count of something else is no count of the noun.
  assert.ok(counts('引进了14所高校', '家', '高校') && counts('引进了14家知名高校', '所', '高校'));
  assert.ok(!counts('引进了14所高校', '家', '企业') && !counts('在5个方面开展合作', '项', '措施'));
  // People, time, money and ordinals beside the noun are no count of it.
  for (const [text, noun] of [
    ['该项目共有5人参加', '项目'],
    ['科研项目于2019年启动', '项目'],
    ['项目总投资30亿元', '项目'],
    ['企业员工达500人', '企业'],
    ['高校第3届论坛', '高校'],
  ]) {
    assert.ok(!counts(text ?? '', '个', noun ?? ''), text);
  }
  // Without a noun the measure word is what is counted: 5个方面 is no count of people, 6月8日 none of 几个.
  assert.ok(counts('共有5人参加', '人', '') && !counts('在5个方面开展合作', '人', ''));
  assert.ok(!counts('6月8日签约', '个', '') && !counts('6月8号', '日', '') && !counts('6月8日', '', ''));
  // The date passage ranks below one without a number, and answers.
  const signing = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'news.md':
          '签约现场，某市新区管理委员会还与乙大学签署了共建乙大学研究院合作协议。\n\n6月8日，某市人民政府与乙大学签署合作协议。\n',
      }),
    ),
  );
  const q = '乙大学跟某市是几号签的约';
  assert.match(signing.rank(signing.analyze(q), 1)[0]?.passage.text ?? '', /^签约现场/);
  const a = answerQuestion(signing, q, { top: 1 });
  assert.match(a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : a.kind, /^6月8日/);
});

test('"how much money" needs a passage that names a sum, not just a number', () => {
  // The plan passage gives numbers (50家, 2025年), no money.
  assert.match(topText('到2025年某市计划引进多少家研究机构？'), /50家/);
  assert.equal(topText('某市引进研究机构一共投资了多少钱？'), '(none)');
  assert.equal(topText('How much money did the city invest in research institutions?'), '(none)');
  const funded = SearchEngine.build(
    loadCorpus(tempCorpus({ 'a.md': '某市投资3.5亿元建设实验室，共引进8家研究机构。\n' })),
  );
  const a = answerQuestion(funded, '某市建设实验室投资了多少钱？');
  assert.equal(a.kind, 'answer');
  for (const sum of ['11.42亿元', '5亿日圆', '731美元', '三千万元', '投资10亿', '$5', '5,000,000美元'])
    assert.ok(givesMoney(sum), sum);
  for (const none of ['三大研究中心', '14家高校', '2019年', '6月3日', '可容纳2万名学生'])
    assert.ok(!givesMoney(none), none);
  // Money, not people or effort, is what these ask about.
  for (const q of [
    '每年投入多少青年教师',
    '投资了多少家企业',
    'How much effort will they invest?',
    '培养了多少钱学森这样的人才',
  ]) {
    assert.ok(!engine.analyze(q).asks.has('money'), q);
  }
  assert.ok(
    engine.analyze('需要多少万元').asks.has('money') &&
      engine.analyze('How many dollars did it cost?').asks.has('money'),
  );
});

test('"how long" needs a passage that gives a length of time; a date does not say how long', () => {
  assert.equal(topText('某市与甲大学的合作协议签了多少年？'), '(none)');
  assert.ok(engine.analyze('How long will the agreement last?').asks.has('duration'));
  // A span of years is a length of time.
  const plan = answerQuestion(engine, '人才计划为期多少年？', { top: 1 });
  assert.match(plan.kind === 'answer' ? (plan.hits[0]?.passage.text ?? '') : plan.kind, /2020—2025年/);
  const lasting = SearchEngine.build(
    loadCorpus(tempCorpus({ 'a.md': '5月10日，某市与甲大学签署合作协议，为期三年。\n' })),
  );
  assert.equal(answerQuestion(lasting, '某市与甲大学的合作协议签了多少年？').kind, 'answer');
  // These ask for a date or a frequency, not a length of time.
  for (const q of [
    '协议是西元几年签的？',
    '佛教艺术最早可以追溯至多少年前？',
    '公元前多少年？',
    '多久一次？',
    'How long ago was it signed?',
    '实验室是几个月前建的',
    '多久之前签的',
    '签约后几天揭牌',
    '多久举办一次',
    '每隔多久开展',
    '是多少年揭牌的',
  ]) {
    assert.ok(!engine.analyze(q).asks.has('duration'), q);
  }
  assert.ok(
    engine.analyze('合作要持续多久？').asks.has('duration') &&
      engine.analyze('How many years does it last?').asks.has('duration'),
  );
});

test('"how many" of a named thing is answered by a list of it (A、B、C等领域), and a count beats a list', () => {
  const small = storyOf(
    '某市与丙大学研究院签署协议，双方将在规划、人才两个方面合作。',
    '丙大学研究院将重点围绕航空航天、装备制造、生物医药等领域开展研发。',
    '研究院还将联合某市企业共建实验室。',
  );
  assert.match(topOf(small, '丙大学研究院重点围绕几个领域'), /航空航天、装备制造、生物医药等领域/);
  // What the list does not name stays unanswered: its items are no laboratories.
  assert.equal(topOf(small, '丙大学研究院共建了几个实验室'), '(none)');
  // A list ranked first gives way to a passage below that counts the thing asked (两个方面 for 几个领域).
  const q = '丙大学研究院涉及几个领域';
  assert.match(small.rank(small.analyze(q), 1)[0]?.passage.text ?? '', /等领域/);
  assert.match(topOf(small, q), /两个方面/);
});

test('"how many" reads the thing counted before the question word too (领域有几个, 平台总共几种)', () => {
  const small = storyOf(
    '丙大学研究院将重点围绕航空航天、装备制造、生物医药等领域开展研发。',
    '研究院还将联合某市企业共建实验室，并选派专家来某市工作。',
  );
  assert.match(topOf(small, '丙大学研究院的研发领域一共有几个'), /航空航天、装备制造、生物医药等领域/);
  // A count of something the list does not name stays unanswered.
  assert.equal(topOf(small, '丙大学研究院的实验室有几个'), '(none)');
});
