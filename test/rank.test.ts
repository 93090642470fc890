// Ranking: which passage comes first (first stage, the second stage's sentence share and kind bonus, names, headings).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus } from '../src/corpus/load.js';
import { DEFAULT_RANKING, SearchEngine } from '../src/search/engine.js';
import { answerQuestion } from '../src/answer/answer.js';
import { bestSentence, onlyListed, phraseShare } from '../src/search/rerank.js';
import { givesTime } from '../src/text/dates.js';
import { generalIdf, wordJunctions, wordTerms } from '../src/text/tokenize.js';
import { tempCorpus } from './support/temp-corpus.js';
import * as S from './support/stories.js';

const { engine, firstStageTop, topText, news, twoParties, answerText, newsStory } = S;

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

test('wordJunctions: where neighbouring words meet, not the characters inside a word', () => {
  const junctions = wordJunctions('主要是想借清华哪方面的优势？');
  const words = junctions.map((j) => j.words);
  assert.ok(words.includes('借清华') && words.includes('的优势'), words.join(' '));
  // 方面 and 主要 are words of the question: they are no junction, so a passage's 决策咨询方面 shares no wording.
  assert.ok(!junctions.some((j) => j.bigram === '方面' || j.bigram === '主要'), words.join(' '));
  // Punctuation ends the run: no junction spans 优势？
  assert.ok(junctions.every((j) => /^\p{Script=Han}+$/u.test(j.words)));
});

test("phraseShare: the sentence following the question's wording holds the most of its weighted junctions", () => {
  const junction = (words: string, weight = 1) => ({ words, bigram: words.slice(1, 3), weight });
  const junctions = [junction('谱写了'), junction('了战曲'), junction('战曲是', 3)];
  assert.equal(phraseShare(['他在家中谱写了战曲是在夜里', '战曲很有名'], junctions), 1);
  assert.equal(phraseShare(['这首战曲是国歌', '他写了诗'], junctions), 3 / 5);
  // The junction's bigram alone is not the wording: 了战 in 为了战斗 joins other words.
  assert.equal(phraseShare(['为了战斗'], junctions), 0);
  // A sentence holding a question term only as one item of an enumeration counts the listed weight of its share.
  const listed = [{ words: '科技', bigram: '科技', weight: 1 }];
  const terms = [{ term: '科技', idf: 1 }];
  assert.equal(phraseShare(['在决策、科技、人才三个方面合作'], listed, terms, 0.5), 0.5);
  assert.equal(phraseShare(['在科技方面合作'], listed, terms, 0.5), 1);
});

test('of two passages holding the same words, the one saying them as the question does comes first', () => {
  // Both passages hold 谱写, 战曲 and 市长家中 once; only the first says who wrote the song in one phrase.
  const corpus = loadCorpus(
    tempCorpus({
      'a.md':
        '---\ntitle: 战曲\n---\n\n那年春天，诗人甲在市长家中进晚餐时谱写了这首战曲，后来它成为国歌。\n\n' +
        '市长家中常有宴会，诗人们在那里谱写诗篇，也谈论那首战曲的来历和流传。\n',
    }),
  );
  const q = '战曲是谁在市长家中谱写的？';
  const top = (ranking = DEFAULT_RANKING) => {
    const built = SearchEngine.build(corpus, ranking);
    return built.rank(built.analyze(q), 2)[0]?.passage.text ?? '';
  };
  assert.match(top(), /诗人甲/);
  // What decides is the wording: without the phrase feature the other passage comes first.
  assert.doesNotMatch(top({ ...DEFAULT_RANKING, phraseWeight: 0 }), /诗人甲/);
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

test('a party the question says it is not about (…，不是甲大学; …, not 甲大学) is set aside', () => {
  const { parties, top } = twoParties(
    '5月10日，某市与甲大学签署合作协议，双方将共建实验室。\n\n5月12日，某市与乙大学签署合作协议，双方将共建研究院。\n',
  );
  assert.match(top('某市签署的合作协议要共建什么，不是甲大学的'), /乙大学/);
  assert.match(top('某市签署的合作协议要共建什么，而不是甲大学'), /乙大学/);
  assert.deepEqual(parties.analyze('某市签署的合作协议要共建什么, not 甲大学').setAsideTopics, ['a']);
  // A question whether it was (不是甲大学吗) sets nothing aside.
  assert.deepEqual(parties.analyze('签协议的不是甲大学吗').setAsideTopics, []);
});

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
  // A question that enumerates or counts asks about the list itself.
  assert.equal(top(halved, '决策咨询、双一流建设是丙大学和某市合作的哪些方面？'), '某市将与丙大');
  assert.equal(top(halved, '丙大学和某市在双一流建设等几个方面合作？'), '某市将与丙大');
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
  // What the article tells as a whole is told by the passage that best tells its title (rule gist).
  const gist = answerQuestion(titled, '这篇文章讲了什么事？');
  assert.equal(gist.kind === 'answer' ? gist.hits[0]?.passage.text : gist.kind, '某市与甲大学签署协议。');
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

test('a count in Chinese numerals finds the count the document writes in digits (十二家 → 12家), 一个 and 哪两个 stay words', () => {
  assert.match(topText('某市今年引进了十二家什么机构？'), /引进了12家研究机构/);
  assert.match(topText('以2020年为例，某市引进了八家研究机构和几所大学？'), /8家研究机构和3所大学/);
  const terms = (q: string) => engine.analyze(q).contentTerms.flatMap((t) => [t.term, ...(t.alternatives ?? [])]);
  assert.ok(terms('某市今年引进了十二家研究机构').includes('12家'));
  assert.ok(!terms('某市和哪两个大学合作').some((t) => /\d/.test(t)));
  assert.ok(!terms('某市有一个实验室吗').some((t) => /\d/.test(t)));
});
