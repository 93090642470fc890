// "No answer" about the subject: words, names and years the corpus does not hold, and what is no gap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus } from '../src/corpus/load.js';
import { SearchEngine } from '../src/search/engine.js';
import { answerQuestion, appearsInOrder } from '../src/answer/answer.js';
import { holdsAround, holdsSoundAlike, namesYear } from '../src/answer/judge.js';
import { locativeStem } from '../src/text/tokenize.js';
import { yearsNamed } from '../src/text/dates.js';
import { tempCorpus } from './support/temp-corpus.js';
import * as S from './support/stories.js';

const { corpus, engine, topText, news, kind, twoParties, answerText, newsStory } = S;

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

test('a word written with one character read alike is the word the text holds (满州 / 满洲, 挂勾 / 挂钩)', () => {
  const cases: Array<[word: string, text: string, holds: boolean]> = [
    ['满州', '传统意义下的满洲的面积', true],
    ['挂勾', '人民币与美元挂钩', true],
    ['清华', '与清华大学签署', false], // the word itself is not a variant of itself
    ['满州', '满族的州县', false], // 族 is not read like 州
    ['复旦', '恢复了与两所大学的合作', false],
  ];
  for (const [word, text, holds] of cases) assert.equal(holdsSoundAlike(word, text), holds, `${word} in ${text}`);
});

test('a name with a neighbouring character glued on by the cut is the name the passage holds', () => {
  // 明崇祯帝 cut 明崇祯 + 帝: the passage says 崇祯. 和兀良哈三卫 cut 和兀良 + 哈三卫: the passage says 兀良哈三卫.
  const ming = SearchEngine.build(
    loadCorpus(
      tempCorpus({
        'ming.md':
          '崇祯十七年，李自成攻陷北京，崇祯帝自缢于煤山。\n\n兀良哈三卫的蒙古兵与明军在大宁城大战。\n\n花垣县位于湖南西部，县政府驻花垣镇。\n\n南京大学的校长由教育部任命。\n',
      }),
    ),
  );
  assert.match(answerText(ming, '明崇祯帝自缢是因为谁攻陷北京？'), /李自成/);
  assert.match(answerText(ming, '明军和兀良哈三卫的蒙古兵在哪里大战？'), /大宁城/);
  // A two-character word keeps one character when the span holds two more: 县政府驻点 is the passage's 县政府驻.
  assert.match(answerText(ming, '花垣县的县政府驻点在何地？'), /花垣镇/);
  // … but a name is not its tail inside another name: 东京大学 is not 南京大学.
  assert.equal(answerQuestion(ming, '东京大学的校长由谁任命？').kind, 'none');
});

test('a noun the text leaves out between the same words is a modifier, not another subject (坝体 in 水坝的坝体结构)', () => {
  assert.ok(holdsAround('坝体', '若是水坝的坝体结构出现问题', '若水坝的结构破坏或是显著受损'));
  assert.ok(!holdsAround('院长', '上海交通大学重庆研究院的院长是谁', '共建上海交通大学重庆研究院'));
  assert.ok(!holdsAround('坝体', '坝体结构出现问题', '水坝的结构出现问题'), 'two characters each side');
});

test('a year is named in any form a text writes it: 二零零五年, and a decade by its century', () => {
  assert.ok(namesYear('于二零零五年七月一日迁移', '2005年迁到哪个学院', '2005'));
  assert.ok(namesYear('20世纪50年代官方鼓励', '1950年代鼓励什么', '1950'));
  assert.ok(namesYear('1953年官方鼓励', '1950年代鼓励什么', '1950'));
  assert.ok(!namesYear('1963年官方鼓励', '1950年代鼓励什么', '1950'));
  assert.ok(!namesYear('1953年官方鼓励', '1950年鼓励什么', '1950'));
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

test('a noun jieba glues from two function characters (合作上将重点 → 上将, "general") is no content', () => {
  const a = engine.analyze('甲大学在合作上将重点研究什么？');
  assert.ok(!a.contentTerms.some((t) => t.term === '上将'));
  assert.notEqual(topText('甲大学在合作上将重点研究什么？'), '(none)');
  // Words of such characters that are not nouns stay the question's own (一起).
  assert.ok(engine.analyze('甲大学和某市一起做了什么？').contentTerms.some((t) => t.term === '一起'));
});
