// Answer kinds of time and names: which year, when expected, when it happens, time of day, person, road, district, and the "when" fallbacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus } from '../src/corpus/load.js';
import { SearchEngine } from '../src/search/engine.js';
import { answerQuestion } from '../src/answer/answer.js';
import { givesNumber } from '../src/question/kinds/number.js';
import { givesDistrict, givesRoad } from '../src/question/kinds/names.js';
import { tempCorpus } from './support/temp-corpus.js';
import * as S from './support/stories.js';

const { engine, storyOf, topText, news } = S;

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
