import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus } from '../src/corpus/load.js';
import { DEFAULT_RANKING, SearchEngine } from '../src/search/engine.js';
import { answerQuestion, appearsInOrder } from '../src/answer/answer.js';
import { bestSentence, onlyListed } from '../src/search/rerank.js';
import { givesTime, yearsNamed } from '../src/text/dates.js';
import { readFileSync } from 'node:fs';
import { generalIdf, isContentToken, locativeStem, wordTerms } from '../src/text/tokenize.js';
import { countsUnit, givesMoney, givesNumber } from '../src/question/kinds/number.js';
import { givesDistrict, givesRoad } from '../src/question/kinds/names.js';
import { givesAspects } from '../src/question/kinds/subject.js';
import { parseSynonyms, synonymsOf } from '../src/text/synonyms.js';
import { tempCorpus } from './support/temp-corpus.js';

// A small made-up news story. Each paragraph is a passage.
const STORY = `---
title: 某市与两所大学合作
date: 2021-05
---

某市今年引进了12家研究机构。2020年，某市的研究机构增加。企业也在引进人才，研究机构也多。

以2020年为例，某市引进了8家研究机构和3所大学。这些大学来自全国各地，带来了大量的科研项目和优秀的青年教师，也带动了本地产业的发展和城市建设。

根据《人才计划(2020—2025年)》，某市将引进更多人才，到2025年引进50家研究机构。

5月10日，某市与甲大学签署合作协议，双方将共建实验室。

5月12日，某市与乙大学签署合作协议，双方将共建研究院。

签约现场，某市科技局与甲大学签署了共建实验室的协议。该协议是甲大学签署的第一份协议，实验室将研究新材料。

某区光电公司的无尘车间里，工人正在组装芯片。 本报记者 张三 摄
`;

const corpus = loadCorpus(tempCorpus({ 'story.md': STORY }));
const engine = SearchEngine.build(corpus);
/** BM25 alone, without the second stage: what the re-ranking changes. */
const firstStage = SearchEngine.build(corpus, { ...DEFAULT_RANKING, sentenceWeight: 0, kindWeight: 0 });
const firstStageTop = (q: string) => firstStage.rank(firstStage.analyze(q), 1)[0]?.passage.text ?? '';
/** An engine over a one-document corpus of these paragraphs. */
const storyOf = (...paragraphs: string[]) =>
  SearchEngine.build(loadCorpus(tempCorpus({ 'a.md': paragraphs.join('\n\n') })));
const topText = (q: string) => {
  const a = answerQuestion(engine, q, { top: 1 });
  return a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : `(${a.kind})`;
};

test('the passage with one sentence holding the whole question beats one that repeats its words apart', () => {
  // The first paragraph is short and says 研究机构 three times, 引进 twice and 2020年, in different sentences;
  // the second says "以2020年为例，某市引进了8家研究机构" in one sentence, then goes on about other things.
  const q = '2020年某市引进了多少家研究机构？';
  assert.doesNotMatch(firstStageTop(q), /以2020年为例/);
  assert.match(topText(q), /以2020年为例/);
});

test('a number keeps its measure word: 2020年 is not found in 2020—2025年, 5月12日 is not 5月10日', () => {
  const terms = engine.analyze('2020年某市引进了多少家研究机构？').contentTerms.map((t) => t.term);
  assert.ok(terms.includes('2020年'), terms.join(' '));
  assert.ok(!terms.includes('2020') && !terms.includes('年'), terms.join(' '));
  const a = answerQuestion(engine, '2020年某市引进了多少家研究机构？', { top: 3 });
  assert.equal(a.kind, 'answer');
  const plan = a.kind === 'answer' ? a.hits.find((h) => h.passage.text.includes('2020—2025年')) : undefined;
  assert.ok(plan && !plan.matched.includes('2020年'), 'the plan passage is found, without 2020年');
  // jieba drops lone digits (5, 12) as stop words; the date stays whole.
  assert.ok(engine.analyze('5月12日某市和谁签了协议？').contentTerms.some((t) => t.term === '5月12日'));
  assert.match(topText('5月12日某市和谁签了协议？'), /乙大学/);
  assert.match(topText('5月10日某市和谁签了协议？'), /甲大学/);
});

test("a question about a year no passage names gets no answer, unless it is the document's own year", () => {
  assert.equal(answerQuestion(engine, '2023年某市引进了多少家研究机构？').kind, 'none');
  // The story is dated 2021-05: its "5月12日" is in 2021 though no passage says 2021年.
  assert.match(topText('2021年5月12日某市和谁签署了合作协议？'), /乙大学/);
  assert.match(topText('2021年5月12日和谁签约？'), /乙大学/);
  // … but not from a passage about other years (《人才计划(2020—2025年)》 is not about 2021); its 今年 is.
  assert.match(topText('2021年某市将引进多少家研究机构？'), /^某市今年引进了12家/);
  // A month the corpus names only inside a full date (5月12日) is still a month it names.
  assert.ok(engine.mentions('5月') && !engine.mentions('7月'));
});

test('the best answer does not depend on how many answers are asked for', () => {
  for (const q of ['某市哪天与甲大学签署协议？', '2020年某市引进了多少家研究机构？', '照片里的工人在做什么？']) {
    assert.equal(
      engine.rank(engine.analyze(q), 1)[0]?.passage.id,
      engine.rank(engine.analyze(q), 50)[0]?.passage.id,
      q,
    );
  }
});

test('a question that asks "when" prefers the passage that gives a time', () => {
  // Both signing paragraphs say 某市, 甲大学, 签署, 协议; only one says when.
  const q = '某市哪天与甲大学签署协议？';
  assert.doesNotMatch(firstStageTop(q), /^5月10日/);
  assert.match(topText(q), /^5月10日/);
  assert.ok(
    engine.analyze('甲大学什么时候签约').asks.has('when') && engine.analyze('甲大学啥时候签约的').asks.has('when'),
  );
  assert.ok(
    engine.analyze('When did SJTU sign?').asks.has('when') &&
      engine.analyze('Which year was it founded?').asks.has('when'),
  );
  assert.ok(!engine.analyze('甲大学签约了什么协议').asks.has('when'));
});

test('which day / how many are question words, not a question about days or institutes', () => {
  assert.deepEqual(wordTerms('我市哪天先后和两所大学签约', 'exact'), ['我市', '先后', '两所', '大学', '签约']);
  assert.ok(!wordTerms('几所高校', 'exact').includes('所'));
  // So are a demonstrative and its measure word: 那份协议 is about a 协议, not about 份.
  assert.deepEqual(wordTerms('那份协议是这所大学签的', 'exact'), ['协议', '大学', '签']);
  assert.deepEqual(wordTerms('那份协议', 'search'), ['协议']);
  assert.deepEqual(wordTerms('最后那篇论文', 'exact'), ['最后', '论文']);
  // An example asked for (举了哪所学校的例子) is what the question wants, not what it is about.
  assert.deepEqual(wordTerms('举了哪所学校的例子', 'exact'), ['学校']);
  // The document's own words (报道, 文章) say nothing, but news is a subject (新闻学院 is cut 新闻 + 学院).
  assert.ok(
    !wordTerms('这篇报道讲了什么', 'exact').includes('报道') &&
      wordTerms('清华新闻学院哪年成立', 'exact').includes('新闻'),
  );
  // 张 is a surname as often as a measure word: 那张教授 is about 张.
  assert.ok(wordTerms('那张教授', 'exact').includes('张'));
  // "Name a few" (说几个, 举几个例子) asks for examples, not for a number.
  assert.ok(
    !engine.analyze('甲大学和某市有过哪些合作 说几个').asks.has('number') &&
      engine.analyze('甲大学签了几个协议').asks.has('number'),
  );
  // 以前 / 之前 place the question in time; the text says 近年来 or a date, rarely 以前.
  assert.ok(!engine.analyze('甲大学以前和某市签过什么协议？').contentTerms.some((t) => t.term === '以前'));
  // 两所 is a quantity, however rare jieba's table says the pair is.
  assert.ok(generalIdf('两所') < generalIdf('大学'));
});

test('a photo caption is found as the photo (照片, 图片), though it never says so', () => {
  assert.match(topText('照片里的工人在做什么？'), /组装芯片/);
  assert.match(topText('图片上是哪家公司的车间？'), /光电公司/);
  // Its "… 摄" credit says who took it: 拍 is found as 拍摄; 图里 is "in the picture", not a word 里.
  assert.match(topText('那张图是谁拍的？'), /张三 摄/);
  assert.ok(!engine.analyze('图片里的工人在做什么？').contentTerms.some((t) => t.term === '里'));
  assert.ok(engine.analyze('某市距离海边30里吗？').contentTerms.some((t) => t.term === '里'));
});

test('bestSentence picks the sentence with the most question weight and reports its share', () => {
  const terms = [
    { term: '签署', idf: 2 },
    { term: '协议', idf: 2 },
    { term: '实验室', idf: 4 },
  ];
  const r = bestSentence(['双方签署协议', '双方将共建实验室并签署协议'], terms);
  assert.equal(r.index, 1);
  assert.equal(r.coverage, 1);
  assert.deepEqual(bestSentence(['无关'], terms), { index: 0, coverage: 0 });
  assert.ok(givesTime('去年12月,中心揭牌') && givesTime('6月8日') && givesTime('二〇一九年') && !givesTime('两所大学'));
});

// A second made-up story for the "no answer" rules: names, shortened names, paraphrased nouns, counts.
const NEWS = `---
title: 宜昌市与研究院合作
date: 2021-06
---

宜昌市与中国科学院签署合作协议，中国科学院将在宜昌市设立分院，开展新材料研究。

宜昌市的知名高校与企业共建实验室，培养青年教师。

宜昌市政府表示，将在两江新区支持更多企业研发新产品。
`;
const news = SearchEngine.build(loadCorpus(tempCorpus({ 'news.md': NEWS })));
const kind = (q: string) => answerQuestion(news, q, { top: 1 }).kind;

test('a name the corpus never mentions gets no answer, however much else matches', () => {
  // Every other word of the question is in the first paragraph (over 80 % of the question's weight).
  assert.equal(kind('宜昌市与北京大学签署合作协议，在宜昌市设立分院开展新材料研究了吗？'), 'none');
  assert.equal(kind('宜昌市与北京大学签署合作协议了吗？'), 'none');
  assert.equal(kind('宜昌市与北大签署合作协议，在宜昌市设立分院开展新材料研究了吗？'), 'none');
  // A name one character away from a name the passage holds is another name (中国社科院 / 中国科学院) …
  assert.equal(kind('宜昌市与中国社科院签署合作协议了吗？'), 'none');
  // … but a name written short (中科院 for 中国科学院) is the same name.
  assert.equal(kind('中科院在宜昌市设立分院了吗？'), 'answer');
});

test('a common noun said another way (名校 for 知名高校) does not make a question unanswerable', () => {
  assert.equal(kind('宜昌市的名校和企业共建了什么？'), 'answer');
  // A noun the best passage does not hold even in part still does (校长: who the president is).
  assert.equal(kind('宜昌市知名高校的校长是谁？'), 'none');
});

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

/** A list passage that counts three areas, then two of the areas' own paragraphs. */
const areasStory = () =>
  loadCorpus(
    tempCorpus({
      'story.md': [
        '某市将与丙大学在决策咨询、科技创新、人才交流与合作3个方面开展深度合作。',
        '在人才交流与合作方面，某市将支持丙大学优秀人才来某市工作，丙大学也将为某市培养人才，双方人才交流与合作将更加紧密。',
        '在科技创新方面，丙大学将与某市共建实验室。',
      ].join('\n\n'),
    }),
  );

test('"how many" is answered by a passage that gives a number and ranks close to the best one', () => {
  const story = areasStory();
  const small = SearchEngine.build(story);
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
  const without = SearchEngine.build(story, { ...DEFAULT_RANKING, kindWeight: 0 });
  const top = (e: SearchEngine, q: string) => e.rank(e.analyze(q), 1)[0]?.passage.text.slice(0, 4);
  for (const q of [
    '丙大学和某市在哪几个方面合作',
    '某市与丙大学的合作主要包括哪些方面',
    'Which areas will 丙大学 cooperate in?',
  ]) {
    // The talent paragraph repeats 合作 and the names: by words alone it wins.
    assert.equal(top(without, q), '在人才交', q);
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

test('"on which road" needs a road or a house number, not a district', () => {
  const news = SearchEngine.build(
    loadCorpus(
      tempCorpus({ 'news.md': '当天下午，乙大学某市研究院在某市新区揭牌。\n\n丙公司总部位于某市新区金开大道88号。\n' }),
    ),
  );
  assert.equal(answerQuestion(news, '乙大学某市研究院具体在新区哪条路上？').kind, 'none');
  assert.equal(answerQuestion(news, '乙大学某市研究院设在新区的哪一条街道？').kind, 'none');
  // Which line (哪一条路线) is no road.
  assert.ok(!news.analyze('机场快线和哪一条路线同时建成？').asks.has('road'));
  assert.equal(answerQuestion(news, 'On which street is the 乙大学 研究院?').kind, 'none');
  assert.equal(answerQuestion(news, '丙公司总部在哪条路上').kind, 'answer');
  // Where, without asking for a road: the district answers.
  assert.equal(answerQuestion(news, '乙大学某市研究院在哪里揭牌？').kind, 'answer');
  assert.ok(givesRoad('在解放碑步行街') && givesRoad('沿着丝绸之路') && givesRoad('南京东路上'));
  assert.ok(!givesRoad('按照引得来的思路') && !givesRoad('修建了一条铁路') && !givesRoad('走发展道路'));
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

test('appearsInOrder: a word shortened or written out, within twice its length', () => {
  assert.ok(appearsInOrder('中科院', '与中国科学院签署'));
  assert.ok(appearsInOrder('名校', '知名高校'));
  assert.ok(!appearsInOrder('北京大学', '北京健坤投资集团与清华大学'));
  assert.ok(!appearsInOrder('中科院', '院中科'));
  // Four characters or more may lose one: 联合开发 / 联合研发, 年轻干部 / 青年干部; not 复旦大学 / 两所大学.
  assert.ok(
    appearsInOrder('联合开发', '与清华大学等高校联合研发大数据') && appearsInOrder('年轻干部', '支持青年干部来重庆'),
  );
  assert.ok(!appearsInOrder('复旦大学', '恢复了与两所大学的合作') && !appearsInOrder('校长', '长江与学校'));
  // … but not inside a name the text holds: 华侨大学 is not 清华大学.
  assert.ok(appearsInOrder('华侨大学', '与清华大学签署') && !appearsInOrder('华侨大学', '与清华大学签署', () => true));
});

test("a question about a year finds the passage of that year's document, though neither passage names a year", () => {
  const sameDay = (year: string, university: string) =>
    `---\ntitle: 签约\ndate: ${year}-06\n---\n\n6月3日，甲市与${university}签署战略合作协议，双方将共建实验室。\n`;
  const years = SearchEngine.build(
    loadCorpus(tempCorpus({ 'a.md': sameDay('2019', '丙大学'), 'b.md': sameDay('2020', '丁大学') })),
  );
  for (const [year, university] of [
    ['2019', '丙大学'],
    ['2020', '丁大学'],
  ] as const) {
    const a = answerQuestion(years, `${year}年6月3日甲市与哪所大学签署了战略合作协议？`, { top: 1 });
    assert.equal(a.kind, 'answer', year);
    assert.match(a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : '', new RegExp(university), year);
  }
  assert.equal(answerQuestion(years, '2021年6月3日甲市与哪所大学签署了战略合作协议？').kind, 'none');
});

test('"which year" needs a passage that gives a year, or a date of its document\'s year', () => {
  // 5月10日 in a 2021 story: the year is the document's.
  assert.match(topText('某市与甲大学是哪一年签署合作协议的？'), /5月10日/);
  assert.ok(engine.analyze('某市科技局哪一年与甲大学共建实验室？').asks.has('year'));
  // The 签约现场 passage gives no time at all; asked without "which year", it answers.
  assert.equal(topText('某市科技局哪一年与甲大学共建实验室？'), '(none)');
  assert.match(topText('某市科技局与甲大学共建什么？'), /签约现场/);
  assert.ok(!engine.analyze('某市科技局什么时候与甲大学共建实验室？').asks.has('year'));
  // 当天 in a dated story is a day of its year.
  const sameDay = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'day.md':
          '---\ntitle: 揭牌\ndate: 2021-05\n---\n\n5月10日，某市与甲大学签署合作协议。当天下午，甲大学某市研究院揭牌。\n',
      }),
    ),
  );
  assert.equal(answerQuestion(sameDay, '甲大学某市研究院是哪一年揭牌的？').kind, 'answer');
});

test('a rare dictionary word that is a stop word glued to a verb (会派) is read as the verb', () => {
  const aid = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'aid.md':
          '甲大学每年选派一批青年教师到某市开展帮扶工作。\n\n某市与乙大学共建研究院，按产业需求开展人才培养。\n',
      }),
    ),
  );
  // jieba's dictionary has 会派 (a faction); the corpus has 派 only inside 选派.
  const terms = aid.analyze('甲大学每年会派什么人到某市帮扶？').contentTerms.map((t) => t.term);
  assert.ok(terms.includes('派') && !terms.includes('会派'), terms.join(' '));
  const a = answerQuestion(aid, '甲大学每年会派什么人到某市帮扶？', { top: 1 });
  assert.match(a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : a.kind, /选派/);
  // A word the corpus lacks that is no such glue stays what it is, and so does a verb (要求 is not 要 + 求).
  assert.ok(aid.analyze('甲大学的校长是谁？').contentTerms.some((t) => t.term === '校长'));
  assert.ok(aid.analyze('甲大学对某市提出了什么要求？').contentTerms.some((t) => t.term === '要求'));
});

test("a heading's words are in the corpus, and a compound noun is there when its head is (研究成果 in 科技成果)", () => {
  const doc = `---\ntitle: 合作\ndate: 2021-05\n---\n\n甲大学科教资源将在某市落地\n\n某市与甲大学签署合作协议，双方将共建实验室。\n\n在成果转化方面，双方将推进甲大学科技成果优先在某市转化和产业化。\n\n某市还与乙公司签署了合作框架协议。\n`;
  const headed = SearchEngine.build(loadCorpus(tempCorpus({ 'doc.md': doc })));
  // 落地 is only in the heading; 研究成果 nowhere, its head 成果 in 科技成果.
  assert.ok(headed.mentions('落地') && !headed.mentions('研究成果'));
  const a = answerQuestion(headed, '甲大学的研究成果会优先在某市落地转化吗？', { top: 1 });
  assert.match(a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : JSON.stringify(a), /科技成果优先/);
  // A two-character noun has no such head: 校长 is still a question about something else.
  assert.equal(answerQuestion(headed, '甲大学的校长会优先在某市转化吗？').kind, 'none');
});

test("a date is no amount, and a person's name needs a passage that names a person", () => {
  const people = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'people.md':
          '5月10日，某市与甲大学签署合作协议，双方将共建甲大学某市研究院。\n\n某市科技局有关负责人表示，此次合作将加快促进某市产业发展。\n\n某区光电公司的车间里，工人正在组装芯片。 本报记者 王京华 摄\n',
      }),
    ),
  );
  const kindOf = (q: string) => answerQuestion(people, q, { top: 1 }).kind;
  // "How much money" is not answered by 5月10日; "which day" (几号) is.
  assert.equal(kindOf('某市与甲大学的合作协议投入了多少资金？'), 'none');
  assert.equal(kindOf('某市与甲大学几号签署合作协议？'), 'answer');
  // "有关负责人表示" names nobody; the caption names its photographer; an institute's name is no person's.
  assert.equal(kindOf('某市科技局那个负责人叫啥名字？'), 'none');
  // (The same passage answers a question that does not ask for a name.)
  assert.equal(kindOf('某市科技局有关负责人表示了什么？'), 'answer');
  assert.equal(kindOf('照片的记者叫什么名字？'), 'answer');
  for (const q of ['某市与甲大学共建的研究院叫什么名字？', '某市的人才计划叫什么名字？', '管理委员会叫什么名字？']) {
    assert.ok(!people.analyze(q).asks.has('person'), q);
  }
  // A year range is no amount either.
  assert.ok(!givesNumber('引进计划(2019—2022年)', { dates: false }) && givesNumber('引进100所高校', { dates: false }));
  // Nor is "a batch" (一批): it tells no how many, while 两批 and 三大 count.
  assert.ok(
    !givesNumber('每年推荐选派一批优秀青年教师') && givesNumber('分两批选派青年教师') && givesNumber('三大研究中心'),
  );
});

/** A story about two agreements, of 甲大学 (topic a) and 乙大学 (topic b), and its best answer's text or (kind). */
function twoParties(news: string): { parties: SearchEngine; top: (q: string) => string } {
  const party = (id: string, name: string) => ({
    id,
    command: id,
    title: `某市与${name}合作协议`,
    date: '2021-05-10',
    party: { name, aliases: [] },
  });
  const dir = tempCorpus({
    'news.md': news,
    'topics.json': JSON.stringify({ agreements: [party('a', '甲大学'), party('b', '乙大学')] }),
  });
  const parties = SearchEngine.build(loadCorpus(dir));
  return { parties, top: (q: string) => answerText(parties, q) };
}

/** The answer's first passage, or "(none)" / "(invalid)". */
function answerText(e: SearchEngine, q: string): string {
  const a = answerQuestion(e, q, { top: 1 });
  return a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : `(${a.kind})`;
}

/** An engine over one document, news.md, made of these paragraphs (a front matter may be the first). */
function newsStory(paragraphs: string[]): SearchEngine {
  return SearchEngine.build(loadCorpus(tempCorpus({ 'news.md': paragraphs.join('\n\n') })));
}

test('a party the question sets aside (除了甲大学, besides …) is not the one it asks about', () => {
  const { parties, top } = twoParties(
    '5月10日，某市与甲大学签署合作协议，双方将共建实验室。\n\n5月12日，某市与乙大学签署合作协议，双方将共建研究院。\n',
  );
  // Without the clause the question would be about 甲大学 (its name, 签署, 合作协议 all match there).
  assert.match(top('甲大学和某市签署了什么合作协议？'), /甲大学/);
  assert.match(top('除了甲大学，某市还和哪所大学签署了合作协议？'), /乙大学/);
  assert.match(top('除了甲大学以外，某市还和哪所大学签署了合作协议？'), /乙大学/);
  const q = parties.analyze('除了甲大学，某市还和哪所大学签署了合作协议？');
  assert.deepEqual([q.topics, q.setAsideTopics], [[], ['a']]);
  // The clause ends at 以外 / 之外 too, wherever it stands.
  assert.deepEqual(parties.analyze('某市和除了甲大学以外的哪所大学签署了合作协议？').setAsideTopics, ['a']);
  const after = parties.analyze('除了甲大学以外某市还和哪所大学签署了合作协议？');
  assert.deepEqual(
    after.contentTerms.filter((t) => t.setAside).map((t) => t.term),
    ['甲大学'],
  );
  // 除甲大学外 / 除甲大学之外 set aside too; 外 frames the clause (除了国外大学 is set aside whole); 排除 sets nothing aside.
  assert.deepEqual(parties.analyze('除了甲大学外，某市还和哪所大学签署了合作协议？').setAsideTopics, ['a']);
  assert.deepEqual(parties.analyze('除甲大学之外某市还和哪所大学签署了合作协议？').setAsideTopics, ['a']);
  assert.ok(
    !parties.analyze('除了甲大学外，某市还和哪所大学签署了合作协议？').contentTerms.some((t) => t.term === '外'),
  );
  assert.deepEqual(
    parties
      .analyze('除了国外大学，某市还引进了什么')
      .contentTerms.filter((t) => t.setAside)
      .map((t) => t.term),
    ['国外', '大学'],
  );
  assert.ok(!parties.analyze('排除甲大学外还要做什么').contentTerms.some((t) => t.setAside));
  // 以外 / 之外 frame the clause: not a word the documents would have to hold.
  const framed = answerQuestion(parties, '除了实验室之外，甲大学还和某市共建了动物园吗？', { top: 1 });
  assert.deepEqual(framed.kind === 'none' ? framed.missing : framed.kind, ['动物园']);
  // Telegram users often end a clause with a space, not a comma.
  assert.deepEqual(parties.analyze('除了实验室这些 甲大学还和某市共建什么').setAsideTopics, []);
  assert.deepEqual(parties.analyze('除了甲大学这些 某市还和乙大学签了什么').topics, ['b']);
  // Named outside the clause too, the party is what the question is about.
  assert.deepEqual(parties.analyze('除了实验室，甲大学还和某市共建什么？').topics, ['a']);
  assert.deepEqual(parties.analyze('除了甲大学的实验室，甲大学还共建什么？').setAsideTopics, []);
});

test('an opinion is in no document; a question for a full name needs no passage saying 全称', () => {
  const news = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'plan.md':
          '去年底，某市政府办公厅发布了《某市引进科技创新资源行动计划(2019—2022年)》。\n\n某市与甲大学签署合作协议，双方将共建实验室。\n',
      }),
    ),
  );
  const kindOf = (q: string) => answerQuestion(news, q, { top: 1 }).kind;
  assert.equal(kindOf('某市引进科技创新资源的行动计划叫什么？'), 'answer');
  assert.equal(kindOf('那个引进科技创新资源的行动计划全称叫什么'), 'answer');
  assert.equal(kindOf('某市与甲大学签署合作协议共建什么？'), 'answer');
  for (const q of [
    '你觉得某市与甲大学签署合作协议共建实验室有用吗？',
    '在你看来某市与甲大学的合作协议怎么样',
    'Do you think the agreement between 某市 and 甲大学 is good?',
  ]) {
    const a = answerQuestion(news, q, { top: 1 });
    assert.equal(a.kind, 'none', q);
    // The reply does not list the opinion's words (觉得, 有用) as what the documents lack.
    if (a.kind === 'none') assert.deepEqual(a.missing, [], q);
  }
});

test("a question about one party is not answered by another agreement's passage that does not name it", () => {
  const { top: answer } = twoParties(
    '5月10日，某市与甲大学签署合作协议。\n\n在人才方面，甲大学将为某市培养青年教师。\n\n5月12日，某市与乙大学签署合作协议。\n\n在科技方面，双方将在某市设立研究院，共建实验室。\n',
  );
  // The institute is 乙大学's (its agreement's passage says 双方): asked of 甲大学, the corpus has no answer.
  assert.match(answer('乙大学在某市设立的研究院叫什么？'), /设立研究院/);
  assert.equal(answer('甲大学在某市设立的研究院叫什么？'), '(none)');
  assert.match(answer('某市和哪所大学设立研究院？'), /设立研究院/);
  // A question for a party may name the other as a landmark.
  assert.match(answer('跟甲大学签约后某市又和谁设立了研究院？'), /设立研究院/);
  assert.match(answer('甲大学签约之后，某市和哪所大学设立研究院？'), /设立研究院/);
});

test('what actually came of a plan, in a year after the document, is not in it; who signed on behalf of … needs a name', () => {
  // The story is of 2021-05; its plan runs to 2025.
  assert.match(topText('到2025年某市计划引进多少家研究机构？'), /到2025年引进50家研究机构/);
  assert.equal(topText('到2025年某市实际引进了多少家研究机构？'), '(none)');
  assert.equal(topText('By 2025, how many research institutions did the city actually bring in?'), '(none)');
  // Whether the target was met is an outcome too; what the plan aims to reach is not.
  assert.equal(topText('到2025年某市完成引进50家研究机构的目标了吗？'), '(none)');
  for (const q of [
    '到2025年某市完成引进50家研究机构的目标了吗？',
    '到2025年某市最终有没有完成引进50家研究机构的目标？',
    '到2025年某市是否实现了引进50家的目标',
    '到2025年引进50家研究机构的目标是否完成？',
    '到2025年那个引进50家的目标最后完成了没？',
    'Did the city reach its target of 50 institutions by 2025?',
  ]) {
    assert.ok(engine.analyze(q).asks.has('outcome'), q);
  }
  for (const q of [
    '能告诉我某市计划到2025年实现引进多少家研究机构吗',
    '到2025年要达到多少家',
    '计划到2025年完成什么目标？',
    '到2025年某市有没有实现引进50家研究机构目标的具体计划？',
    'What did the city plan to achieve by 2025?',
    'Did they reach an agreement?',
  ]) {
    assert.ok(!engine.analyze(q).asks.has('outcome'), q);
  }
  // 最终 / 最后 as often name a plan's target.
  assert.match(topText('到2025年某市最终要引进多少家研究机构？'), /到2025年引进50家研究机构/);
  // 2020 is before the document: what happened then may be in it.
  assert.match(topText('2020年某市实际引进了多少家研究机构？'), /2020年/);
  // The signing passage names no one (张三 is in the photo caption).
  assert.match(topText('某市和甲大学签署了什么协议？'), /甲大学签署/);
  assert.equal(topText('谁代表某市和甲大学签署了合作协议？'), '(none)');
  assert.equal(topText('代表某市签署协议的是谁？'), '(none)');
  assert.equal(topText('哪位领导和甲大学签署了合作协议？'), '(none)');
  // In English, a person in a role; not a role an organization holds (author of a plan, leader of a project).
  for (const q of [
    'Who was the mayor that signed the agreement with 甲大学?',
    'Who is the official quoted in the story?',
    'What is the name of the science bureau official quoted in the story?',
    "Who signed for the city? What's his name?",
    'Which Chongqing official inked the deal?',
    'Which Nobel Prize laureate has set up a lab in the city?',
    'Which professor will head the platform?',
  ]) {
    assert.ok(engine.analyze(q).asks.has('person'), q);
  }
  for (const q of [
    'Who was the author of the action plan?',
    'Who is the leader of the project?',
    'Who signed the agreement?',
    'What is the name of the lab?',
    'Which official documents were signed?',
    "Which scientists' platforms were set up?",
    'When was the agreement which the officials signed with 甲大学 signed?',
  ]) {
    assert.ok(!engine.analyze(q).asks.has('person'), q);
  }
  // jieba's dictionary tags many four-character phrases as names (大力支持 nr): they name no one.
  const support = SearchEngine.build(
    loadCorpus(tempCorpus({ 'a.md': '某市科技局负责人表示，将大力支持甲大学在某市设立研究院。\n' })),
  );
  const named = (q: string) => answerQuestion(support, q, { top: 1 }).kind;
  assert.equal(named('某市科技局负责人叫什么名字？'), 'none');
  assert.equal(named('某市科技局负责人表示了什么？'), 'answer');
  // A real four-character name (jieba tags 安倍晋三 nr as well) starts like a surname.
  const visit = SearchEngine.build(loadCorpus(tempCorpus({ 'a.md': '日本首相安倍晋三在东京会见了某市代表团。\n' })));
  assert.equal(answerQuestion(visit, '在东京会见某市代表团的人叫什么名字？', { top: 1 }).kind, 'answer');
});

test('a word the corpus never uses is searched through its near-synonyms (老师 → 教师, 大学老师 → 大学教师)', () => {
  assert.ok(synonymsOf('老师').includes('教师'));
  assert.match(topText('某市的大学带来了优秀老师吗？'), /青年教师/);
  assert.deepEqual(
    engine.analyze('某市的大学带来了优秀老师吗？').contentTerms.find((t) => t.term === '老师')?.alternatives,
    ['教师'],
  );
  // A compound (jieba's one word 大学老师) through one of its parts.
  const lectures = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'a.md': '去年，三所大学的大学教师来到某市开展讲座。\n\n某市企业的工人参加了大学组织的技能培训。\n',
      }),
    ),
  );
  const a = answerQuestion(lectures, '大学老师来某市做了什么？', { top: 1 });
  assert.match(a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : a.kind, /讲座/);
  // No junk from replacing one character inside a word (师娘 → 师母亲: 娘 → 母亲), though every bigram of it is
  // in this corpus.
  assert.ok(synonymsOf('娘').includes('母亲'));
  const junk = SearchEngine.build(loadCorpus(tempCorpus({ 'a.md': '师母亲手做了一桌饭。\n' })));
  assert.equal(junk.analyze('师娘做了什么？').contentTerms.find((t) => t.term === '师娘')?.alternatives, undefined);
  // The corpus says 大学 and 协议 itself: their synonyms (高校, 协定) are not searched.
  assert.ok(synonymsOf('大学').length > 0 && synonymsOf('协议').length > 0);
  assert.ok(engine.analyze('甲大学签署了什么协议？').contentTerms.every((t) => t.alternatives === undefined));
  assert.deepEqual(engine.analyze('甲大学签署了什么协议？').synonymWords, []);
});

test('the synonym lexicon only holds words that are searched: no stop or question word on either side', () => {
  const lexicon = parseSynonyms(readFileSync(new URL('../src/text/synonyms.tsv', import.meta.url), 'utf8'));
  assert.ok(lexicon.size > 500);
  const unsearched = [...lexicon].flatMap(([word, variants]) => [word, ...variants]).filter((w) => !isContentToken(w));
  assert.deepEqual(unsearched, []);
});

test('parseSynonyms: word, tab, variants; comments, blank lines and self-references skipped', () => {
  const parsed = parseSynonyms('# verbs\n帮\t帮助 协助\n\n帮\t助力 帮\n坏行\n钱\t\n');
  assert.deepEqual([...parsed], [['帮', ['帮助', '协助', '助力']]]);
});

test('a noun glued to a locative (图里) is read as the noun; a quantity (两份) the corpus never says is no gap', () => {
  assert.equal(locativeStem('图里'), '图');
  assert.equal(locativeStem('会上'), undefined, '会 is a stop word');
  // Words that only end like one: a school (高中), a measure (公里), a time (晚上), an adverb (马上).
  for (const word of ['高中', '公里', '晚上', '马上']) assert.equal(locativeStem(word), undefined, word);
  assert.equal(topText('某市有多少所高中？'), '(none)');
  assert.match(topText('图里的工人在做什么？'), /组装芯片/);
  // What "no answer" says the story lacks: not 两份 (it says 合作协议 twice, never 两份), nor 一共 or 多久, which
  // are asked with, not asked about.
  const missing = (q: string) => {
    const a = answerQuestion(engine, q);
    return a.kind === 'none' ? a.missing : a.kind;
  };
  assert.deepEqual(missing('这两份协议有效期多久？'), ['有效期']);
  assert.deepEqual(missing('某市一共有多少个公园？'), ['公园']);
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

test("a year told relative to the document (今年, 去年) is that year: 2019年 is a 2020 story's 去年", () => {
  const story = newsStory([
    '---\ndate: 2020-06\n---',
    '去年12月，某市的研发中心在新区揭牌成立。',
    '某厂目前年产量达10万吨，提前年底完成扩建。',
    '某市计划明年引进20家研究机构。',
  ]);
  const top = (q: string) => answerText(story, q).slice(0, 6);
  // 去年12月 in a 2020 story is 2019年12月 (it was declined as another year).
  assert.equal(top('2019年12月在新区揭牌成立的是什么？'), '去年12月，');
  assert.equal(top('2018年12月在新区揭牌成立的是什么？'), '(none)');
  // 目前年产量, 提前年底: jieba's words, not 前年 (2018).
  assert.equal(top('2018年某厂年产量达多少？'), '(none)');
  // 明年 is 2021: what actually came of it is after the story.
  assert.equal(top('2021年某市实际引进了多少家研究机构？'), '(none)');
  assert.equal(top('明年某市实际引进了多少家研究机构？'), '(none)');
  assert.equal(top('2021年某市计划引进多少家研究机构？'), '某市计划明年');
  // In the 2021 story, 今年 is 2021: "某市今年引进了12家研究机构" answers 2021年, and 前年 (2019) is in no passage.
  assert.match(topText('2021年某市引进了多少家研究机构？'), /今年引进了12家/);
  assert.equal(topText('前年某市引进了多少家研究机构？'), '(none)');
  assert.deepEqual(
    [...yearsNamed('《计划(2019—2022年)》，2019~2022年，去年底发布', ['计划', '去年底', '发布'], '2020')],
    ['2019'],
  );
  assert.deepEqual([...yearsNamed('去年底发布', ['去年底', '发布'])], []);
  // 到 / 至 end a span only after a number: 计划到2022年 names 2022.
  assert.deepEqual([...yearsNamed('计划到2022年引进', ['计划', '引进'], '2020')], ['2022']);
});

test("an area named only as one item of a list counts half: the area's own paragraph answers what is done in it", () => {
  // A list of areas naming both parties, one area's own paragraph naming one, and other news of the city.
  const story = loadCorpus(
    tempCorpus({
      'story.md': [
        '某市将与丙大学在决策咨询、“双一流”建设、人才交流3个方面开展深度合作。',
        '在助力“双一流”建设方面，丙大学将加强与本地高校合作，开展教师交流。',
        '在人才交流方面，某市将支持丙大学优秀人才来某市工作。',
        '某市今年新建了两座公园。',
        '某市的地铁线路将延长。',
        '某市举办了科技博览会。',
      ].join('\n\n'),
    }),
  );
  const halved = SearchEngine.build(story);
  const whole = SearchEngine.build(story, { ...DEFAULT_RANKING, listedWeight: 1 });
  const top = (e: SearchEngine, q: string) => e.rank(e.analyze(q), 1)[0]?.passage.text.slice(0, 6);
  for (const q of ['丙大学在双一流建设上怎么帮某市？', '丙大学在双一流建设方面会为某市做什么']) {
    // The list holds every word of the question (某市 too, which the area's paragraph lacks).
    assert.equal(top(whole, q), '某市将与丙大', q);
    assert.equal(top(halved, q), '在助力“双一', q);
  }
  // A question that enumerates, counts or asks whether something is among others asks about the list itself.
  assert.equal(top(halved, '决策咨询、双一流建设是丙大学和某市合作的哪些方面？'), '某市将与丙大');
  assert.equal(top(halved, '丙大学和某市在双一流建设等几个方面合作？'), '某市将与丙大');
  assert.equal(top(halved, '丙大学和某市合作的方面包括双一流建设吗？'), '某市将与丙大');
  const t = (term: string) => ({ term, idf: 1 });
  const list = '某市将与丙大学在决策咨询、科技创新、人才交流与合作3个方面开展深度合作';
  assert.ok(onlyListed(list, t('决策咨询')) && onlyListed(list, t('科技创新')) && onlyListed(list, t('人才交流')));
  assert.ok(
    !onlyListed(list, t('丙大学')) &&
      !onlyListed(list, t('深度合作')) &&
      !onlyListed('在科技创新方面，丙大学将与某市共建实验室', t('科技创新')),
  );
  // Next to a list of one-character items, 清华 is no item; nor is an empty term anywhere.
  assert.ok(
    !onlyListed('清华的文、理、工3个学科排名靠前', t('清华')) &&
      !onlyListed('文、理、工与清华合作', t('清华')) &&
      !onlyListed('甲、乙、丙', t('')),
  );
  // Held once in the list and once outside it, the sentence is about it too.
  assert.ok(!onlyListed('在决策咨询、科技创新、人才方面合作，科技创新是重点', t('科技创新')));
});

test('a question about a heading is answered by the heading; no other question gets a heading', () => {
  const story = newsStory([
    '# 甲大学优质资源将在某市落地',
    '5月10日，某市与甲大学签署合作协议，双方将共建实验室。',
    '# 某市牵手乙大学共建研究院',
    '5月12日，某市与乙大学签署合作协议，双方将共建研究院。',
  ]);
  const top = (q: string) => answerText(story, q);
  assert.equal(top('报道里讲甲大学那一部分的大标题是什么？'), '甲大学优质资源将在某市落地');
  assert.equal(top('哪个小标题用“牵手”形容某市和乙大学的合作？'), '某市牵手乙大学共建研究院');
  for (const q of [
    'What does the headline about 乙大学 say?',
    'One of the subheadings says what?',
    "What does the article's heading say?",
    '那段小标题说了什么',
    '報導中有個小標說什麼',
  ]) {
    assert.ok(story.analyze(q).asks.has('heading'), q);
  }
  for (const q of [
    'What is the title of the plan?',
    'Who is heading the institute?',
    'Which university is heading to the city?',
    '那个计划的标题叫什么',
    '论文标题是什么',
  ]) {
    assert.ok(!story.analyze(q).asks.has('heading'), q);
  }
  // A heading question naming nothing gets the document's title; any other question naming nothing, no answer.
  const titled = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'news.md': '---\ntitle: 某市与两所大学签署合作协议\n---\n\n# 甲大学资源落地\n\n某市与甲大学签署协议。',
      }),
    ),
  );
  const headline = answerQuestion(titled, '这篇报道的大标题是什么？');
  assert.equal(
    headline.kind === 'answer' ? headline.hits[0]?.passage.text : headline.kind,
    '某市与两所大学签署合作协议',
  );
  assert.equal(answerQuestion(titled, '这篇文章讲了什么事？').kind, 'none');
  assert.equal(answerQuestion(titled, '？？？').kind, 'invalid');
  // Not a question about a heading: the body answers, though a heading holds the same words.
  assert.match(top('某市和乙大学共建什么？'), /^5月12日/);
  const body = answerQuestion(story, '甲大学的资源将在哪里落地？', { top: 5 });
  assert.ok(body.kind === 'answer' && !body.hits.some((h) => h.passage.heading));
  // A heading question no heading holds is answered like any other question (or not at all).
  assert.equal(top('丙大学那部分的小标题是什么？'), '(none)');
});

test('a question naming both parties is about a passage naming both as much as about either one', () => {
  const { top } = twoParties(
    [
      '5月10日和5月12日，某市政府先后与甲大学、乙大学签署战略合作协议，将立足各方资源优势深化合作，助力科学城建设，加快打造创新中心。',
      '5月10日，某市政府与甲大学签署战略合作协议。双方将立足甲大学科教资源优势深化合作。',
      '5月12日，某市政府与乙大学签署战略合作协议。根据协议，某市将与乙大学在多方面开展深度合作。',
      '某市将与甲大学在咨询、创新两个方面开展合作。',
      '乙大学将支持某市建设研究院。',
    ].join('\n\n'),
  );
  // The single-party passages are boosted for their party; the long one naming both was not, and lost.
  assert.match(top('某市政府跟甲大学、乙大学分别是哪天签的战略合作协议？'), /^5月10日和5月12日/);
  assert.match(top('某市政府跟乙大学是哪天签的战略合作协议？'), /^5月12日，某市政府与乙大学/);
});

test('a modal particle closing a spoken question is tone, not content (哪天呀 is not 哪 + 天呀)', () => {
  const plain = engine.analyze('某市和乙大学签署合作协议是哪天？');
  // jieba cuts 哪天呀 as 哪 + 天呀 (an interjection), whatever closes the question.
  for (const q of [
    '某市和乙大学签署合作协议是哪天呀？',
    '某市和乙大学签署合作协议是哪天呀。',
    '某市和乙大学签署合作协议是哪天呀😊',
    '某市和乙大学签署合作协议是哪天呀',
  ]) {
    const a = engine.analyze(q);
    assert.ok(a.asks.has('when'), q);
    assert.deepEqual(
      a.contentTerms.map((t) => t.term),
      plain.contentTerms.map((t) => t.term),
      q,
    );
    assert.match(topText(q), /5月12日/, q);
  }
  // A noun ending like a particle keeps it (酒吧, 网吧), and so does a particle inside the question.
  assert.ok(engine.analyze('某市在哪里设立了网吧？').contentTerms.some((t) => t.term === '网吧'));
  assert.ok(engine.analyze('甲大学在哪家酒吧').contentTerms.some((t) => t.term === '酒吧'));
});

test('a traditional question asking 甚麼時候 asks when, as 什么时候 does', () => {
  const a = engine.analyze('某市與乙大學是甚麼時候簽署合作協議的？');
  assert.ok(a.asks.has('when'));
  assert.deepEqual(
    a.contentTerms.map((t) => t.term),
    engine.analyze('某市与乙大学是什么时候签署合作协议的？').contentTerms.map((t) => t.term),
  );
});

test('"which district" is answered by a district named, not by a development zone or a science city', () => {
  const zones = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'a.md':
          '甲大学将在某市建设联合实验室，支持某市高新技术开发区和国家自主创新示范区建设。\n\n乙大学研究院当天在两江新区揭牌。\n',
      }),
    ),
  );
  const answer = (q: string) => {
    const a = answerQuestion(zones, q, { top: 1 });
    return a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : '(none)';
  };
  assert.equal(answer('甲大学的联合实验室建在哪个区？'), '(none)');
  assert.match(answer('乙大学研究院在哪个区揭牌？'), /两江新区/);
  // A region (区域), "county or city" (县市), 区位 (location) or 为什么区政府 is not a district asked for.
  for (const q of [
    '实验室在哪个区域？',
    '位于哪一个县市？',
    '联合实验室建在哪里？',
    '某市有什么区位优势？',
    '为什么区政府要支持甲大学？',
  ]) {
    assert.ok(!zones.analyze(q).asks.has('district'), q);
  }
  for (const q of [
    '建在哪个区',
    '位於哪一個縣',
    '在什么区',
    '哪些区县参与了',
    'Which county is it in?',
    'Which districts joined?',
  ]) {
    assert.ok(zones.analyze(q).asks.has('district'), q);
  }
  for (const t of [
    '綦江区华芯智造',
    '位于台北市大安区',
    '宜兰县',
    '北京市海淀区',
    '落户两江新区内',
    '石柱土家族自治县',
    '綦江区委书记',
  ]) {
    assert.ok(givesDistrict(t), t);
  }
  for (const t of [
    '高新技术开发区',
    '重庆高新区',
    '各产业集聚区',
    '该县位于山区',
    '西部(重庆)科学城',
    '全区人口',
    '区域合作',
    '科学城核心区',
    '综合保税区',
    '住宅小区',
    '全市38个区县',
    '广西壮族自治区',
  ]) {
    assert.ok(!givesDistrict(t), t);
  }
});

test('"when is it expected" (or "when is the next one") is answered in a dated document only by a time after its date', () => {
  // The story is of 2021-05: 到2025年 is ahead of it; the signing passages tell only what happened.
  assert.match(topText('某市预计什么时候引进50家研究机构？'), /到2025年/);
  assert.equal(topText('甲大学的实验室预计什么时候开始研究新材料？'), '(none)');
  // A time in the sentence about the thing asked answers it, past or not (the plan was to sign on 5月10日, and they
  // did); so does a later month of the document's year.
  assert.match(topText('某市与甲大学计划什么时候签署合作协议？'), /5月10日/);
  assert.match(topText('某市准备哪天和乙大学签署合作协议？'), /5月12日/);
  const lab = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'a.md': '---\ndate: 2021-05\n---\n\n某市与甲大学共建的实验室正在施工，该实验室预计今年10月建成投用。\n',
      }),
    ),
  );
  const labAnswer = answerQuestion(lab, '实验室预计什么时候建成？', { top: 1 });
  assert.match(labAnswer.kind === 'answer' ? (labAnswer.hits[0]?.passage.text ?? '') : labAnswer.kind, /10月/);
  // Without a word of expectation next to "when", "when" is answered by what happened.
  assert.match(topText('某市与甲大学什么时候签署合作协议？'), /5月10日/);
  assert.match(topText('甲大学什么时候会和某市签署合作协议？'), /5月10日/);
  // The next one of something (下一届峰会, the next summit) is ahead too: what was held does not say when.
  const summitStory =
    '---\ndate: 2021-05\n---\n\n近年来，某市与甲大学共同举办了科学家峰会。\n\n某市与乙大学签署协议。\n';
  const summit = SearchEngine.build(loadCorpus(tempCorpus({ 'a.md': summitStory })));
  assert.equal(answerQuestion(summit, '科学家峰会是什么时候举办的？').kind, 'answer');
  assert.equal(answerQuestion(summit, '下一届科学家峰会什么时候举办？').kind, 'none');
  const expected = [
    'When will the lab start its research?',
    'When is the lab scheduled to open?',
    '实验室预计什么时候建成',
    '实验室哪年能建成',
  ];
  for (const q of [...expected, '下次峰会什么时候开', 'When is the next summit?']) {
    assert.ok(engine.analyze(q).asks.has('expected-time'), q);
  }
  for (const q of [
    'When did the lab open?',
    '实验室什么时候会建成',
    '实验室预计有多大',
    '《人才计划》是什么时候发布的',
    'When was it signed due to the plan?',
  ]) {
    assert.ok(!engine.analyze(q).asks.has('expected-time'), q);
  }
});

test('"when does it happen" is not answered by a passage telling only that it will, whatever other times it gives', () => {
  const centre = (plan: string) =>
    SearchEngine.build(
      loadCorpus(
        tempCorpus({
          'a.md': `---\ndate: 2020-06\n---\n\n去年12月，甲大学研究中心在某区揭牌成立。${plan}\n\n某市与乙大学签署协议。\n`,
        }),
      ),
    );
  const planned = centre('该中心将搭建卫星、发射两大研究平台，开展卫星研制。');
  assert.equal(answerQuestion(planned, '甲大学研究中心的第一颗卫星什么时候发射？').kind, 'none');
  // 将 as 把 (将研究成果转交) and 计划 as a noun (研发计划) tell no plan: the passage's time answers.
  assert.equal(
    answerQuestion(centre('该中心将研究成果转交某市。'), '甲大学研究中心什么时候转交研究成果？').kind,
    'answer',
  );
  assert.equal(
    answerQuestion(centre('该中心申报了重点研发计划，转交研究成果。'), '甲大学研究中心什么时候转交研究成果？').kind,
    'answer',
  );
  // A time told relative to another event answers too.
  assert.equal(
    answerQuestion(centre('在完成研究后，该中心将转交研究成果。'), '甲大学研究中心什么时候转交研究成果？').kind,
    'answer',
  );
  assert.equal(answerQuestion(centre('该中心将转交研究成果。'), '甲大学研究中心什么时候转交研究成果？').kind, 'none');
  // Nor by one that names only what the event is of (研究生), in a plan.
  assert.equal(answerQuestion(centre('该中心将开展研究生培养。'), '甲大学研究中心哪一年开始招收研究生？').kind, 'none');
  // The passage's own time is of the event it goes with.
  assert.equal(answerQuestion(planned, '甲大学研究中心什么时候揭牌成立？').kind, 'answer');
  // A time in the sentence of the plan answers.
  assert.equal(
    answerQuestion(centre('该中心将于明年3月发射第一颗卫星。'), '甲大学研究中心的第一颗卫星什么时候发射？').kind,
    'answer',
  );
});

test('"at what time of day" (几点) needs a clock time or a part of the day, not a date alone', () => {
  const day = storyOf(
    '5月12日，某市与乙大学签署合作协议。',
    '当天下午，乙大学某市研究院揭牌。',
    '丙公司在某市设立工厂。',
  );
  assert.equal(answerQuestion(day, '某市与乙大学签署合作协议是几点？').kind, 'none');
  assert.equal(answerQuestion(day, '乙大学某市研究院几点揭牌？').kind, 'answer');
  assert.equal(answerQuestion(day, '某市与乙大学哪天签署合作协议？').kind, 'answer');
});

test('a noun jieba glues from two function characters (合作上将重点 → 上将, "general") is no content', () => {
  const a = engine.analyze('甲大学在合作上将重点研究什么？');
  assert.ok(!a.contentTerms.some((t) => t.term === '上将'));
  assert.notEqual(topText('甲大学在合作上将重点研究什么？'), '(none)');
  // Words of such characters that are not nouns stay the question's own (一起).
  assert.ok(engine.analyze('甲大学和某市一起做了什么？').contentTerms.some((t) => t.term === '一起'));
});

test('a "when" question whose best passage gives no time takes a close one that does', () => {
  // 签约现场 holds the question's 签 and 约 best; the signing passage, nearly as close, gives the day.
  const signing = storyOf(
    '5月12日，某市人民政府与乙大学签署战略合作协议。根据协议，某市将与乙大学在多方面开展合作。',
    '签约现场，某市某区管委会还与乙大学签署了共建乙大学某市研究院合作协议。',
    '乙大学将支持某市发展。',
  );
  const q = '乙大学跟某市是哪天签的约？';
  assert.match(signing.rank(signing.analyze(q), 1)[0]?.passage.text ?? '', /签约现场/);
  const a = answerQuestion(signing, q, { top: 1 });
  assert.match(a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : a.kind, /5月12日/);
  // Not a question that asks no time.
  const b = answerQuestion(signing, '乙大学跟某市签的约是什么协议？', { top: 1 });
  assert.match(b.kind === 'answer' ? (b.hits[0]?.passage.text ?? '') : b.kind, /签约现场/);
});

test('a "when" question takes a passage further down whose dated sentence holds all of it, near-synonyms included', () => {
  // 签约 is only in 签约现场, which ranks far first and says no day; the signing sentence says 签署, 签约's synonym.
  const signing = storyOf(
    '5月12日，某市人民政府与乙大学签署战略合作协议。根据协议，某市将与乙大学在科技创新、人才交流、成果转化等多方面开展深度合作，推动某市建设科学城，打造具有全国影响力的科技创新中心。',
    '签约现场，某区管委会还与乙大学签署了共建研究院合作协议。',
    '乙大学将支持某市发展。',
    '某市引进了丙大学。',
    '丁大学在某市设立研究院。',
  );
  const [first, second] = signing.rank(signing.analyze('某市跟乙大学签约是哪天？'), 2);
  assert.match(first?.passage.text ?? '', /签约现场/);
  assert.ok((second?.score ?? 0) < 0.9 * (first?.score ?? 0), 'the dated passage is not close');
  for (const q of ['某市跟乙大学签约是哪天？', '某市跟乙大学签约是几号？']) {
    const a = answerQuestion(signing, q, { top: 1 });
    assert.match(a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : a.kind, /5月12日/, q);
  }
  // A dated sentence lacking a word of the question does not answer it (研究院 is in no dated sentence), nor one
  // dating the event the question counts from (签约后…, 再签约).
  for (const q of [
    '某市跟乙大学的研究院是几号签约的？',
    '某市跟乙大学签约后哪天开始合作？',
    '某市哪天再跟乙大学签约？',
  ]) {
    const c = answerQuestion(signing, q, { top: 1 });
    assert.doesNotMatch(c.kind === 'answer' ? (c.hits[0]?.passage.text ?? '') : c.kind, /5月12日/, q);
  }
});
