import { test } from 'node:test';
import { wordTerms } from '../src/text/tokenize.js';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createEnglishAnalyzer,
  createEnglishExpander,
  isEnglishQuestion,
  matchedChineseTerms,
  parseGlossary,
  stemWord,
  type Glossary,
} from '../src/text/english.ts';
import { buildEntries, glossKeys, headWord } from '../src/cli/glossary.ts';
import { normalizeText } from '../src/text/normalize.ts';
import { REPO_ROOT } from '../src/eval/datasets.ts';
import { openEngine } from '../src/cli/wiring.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { answerQuestion } from '../src/answer/answer.ts';
import { tempCorpus } from './support/temp-corpus.ts';
import {
  englishClippings,
  englishSynonyms,
  parseClippings,
  parseEnglishSynonyms,
} from '../src/text/english-lexicons.ts';

/** A tiny glossary, so each test says which entry it relies on. */
const GLOSSARY: Glossary = {
  source: 'test',
  license: 'test',
  generated: '2020-06-08',
  entries: {
    field: ['领域', '方面'],
    sign: ['签署'],
    cooperate: ['合作', '协同'],
    university: ['大学'],
    'research institute': ['研究院', '研究所'],
    research: ['科研', '研究'],
    institute: ['研究院'],
    'integrated circuit': ['集成电路'],
    'nobel prize': ['诺贝尔奖'],
    'strategic cooperation agreement': ['战略合作协议'],
    agreement: ['协议'],
    'bring in': ['引进'],
    sjtu: ['上海交通大学'],
    'shanghai jiao tong university': ['上海交通大学'],
    tsinghua: ['清华大学'],
    model: ['模式'],
  },
};

const analyze = createEnglishAnalyzer(GLOSSARY);
const read = (q: string) => analyze(normalizeText(q));
const chinese = (q: string) => read(q).matches.flatMap((m) => m.chinese);

test('phrases win over their words: "research institute" is 研究院, not 研究 + 研究院', () => {
  const { matches } = read('How many research institutes came?');
  assert.deepEqual(
    matches.map((m) => m.english),
    ['research institutes'],
  );
  assert.deepEqual(matches[0]?.chinese, ['研究院', '研究所']);
  assert.deepEqual(chinese('the integrated circuit industry'), ['集成电路']);
  assert.deepEqual(chinese('Nobel Prize winners'), ['诺贝尔奖']);
  assert.deepEqual(chinese('a strategic cooperation agreement'), ['战略合作协议']);
});

test('a short form the glossary does not know is read as its full word (photo → photograph), never over a key', () => {
  const glossary = {
    ...GLOSSARY,
    entries: { ...GLOSSARY.entries, photograph: ['照片'], lab: ['实验室'], 'research and development': ['研发'] },
  };
  const clipped = createEnglishAnalyzer(glossary, {
    clippings: parseClippings(
      '# comment\nphoto\tphotograph\nlab\tlaboratory\nrnd\tResearch  and development\nai\tartificial intelligence\nbad line\n',
    ),
  });
  const terms = (q: string) => clipped(normalizeText(q)).matches.flatMap((m) => m.chinese);
  assert.deepEqual(terms('Who took the photo?'), ['照片']);
  assert.deepEqual(terms('Who took the photos?'), ['照片']);
  // The glossary's own key wins over the list's reading; a full form may be a phrase.
  assert.deepEqual(terms('Which lab?'), ['实验室']);
  assert.deepEqual(terms('rnd centres'), ['研发']);
  // Inside a phrase the glossary knows, a short form it also knows by itself is its full word.
  const phrases = createEnglishAnalyzer(
    { ...GLOSSARY, entries: { ...GLOSSARY.entries, tech: ['高技术'], 'technology transfer': ['科技成果转化'] } },
    { clippings: parseClippings('tech\ttechnology\n') },
  );
  const read = (q: string) => phrases(normalizeText(q)).matches.flatMap((m) => m.chinese);
  assert.deepEqual(read('In tech transfer, which fields?'), ['科技成果转化', '领域', '方面']);
  assert.deepEqual(read('Which tech?'), ['高技术']);
  // A full form the glossary does not know either leaves the short form as it is (the corpus may hold AI itself).
  assert.deepEqual(clipped(normalizeText('共建AI研究院')).unknown, ['ai']);
  // Without the list, the short form is an unknown word.
  assert.deepEqual(analyze(normalizeText('Who took the photo?')).unknown, ['photo']);
  // The bundled list is read, and on the article an English question about the photo finds the caption.
  assert.equal(englishClippings().get('photo'), 'photograph');
  // An abbreviation with & stays one token: R&D is research and development, not the letters r and d.
  assert.deepEqual(
    createEnglishAnalyzer(glossary, { clippings: englishClippings() })(
      normalizeText('Which R&D centres?'),
    ).matches.flatMap((m) => m.chinese),
    ['研发'],
  );
  const article = openEngine();
  const a = article.rank(article.analyze('Who took the photo?'), 1)[0];
  assert.match(a?.passage.text ?? '', /摄/);
});

test('a word the glossary has no key for is read as its first near-synonym the glossary knows (deal → agreement), never over a key', () => {
  const glossary = {
    ...GLOSSARY,
    entries: { ...GLOSSARY.entries, agreement: ['协议'], start: ['启动'], company: ['企业'], plan: ['计划'] },
  };
  const lexicon = parseEnglishSynonyms(
    '# comment\ndeal\tagreement contract\nkick off\tstart begin\ncorporate\tfirm company\nscheme\tplan\nteam up\tjoin_forces cooperate\nbad line\n',
  );
  assert.deepEqual(lexicon.get('team up'), ['join forces', 'cooperate']);
  const read = createEnglishAnalyzer(glossary, { synonyms: lexicon });
  const terms = (q: string) => read(normalizeText(q)).matches.flatMap((m) => m.chinese);
  assert.deepEqual(terms('When was the Tsinghua deal signed?'), ['清华大学', '协议', '签署']);
  // Inflected forms meet the entry on its stem; a phrase is read whole; a variant the glossary lacks is passed over.
  assert.deepEqual(terms('Both deals'), ['协议']);
  assert.deepEqual(terms('What did the city kick off?'), ['启动']);
  assert.deepEqual(terms('corporate partners'), ['企业']);
  assert.deepEqual(terms('They teamed up.'), ['合作', '协同']);
  // The glossary's own key wins over the lexicon's reading.
  const keyed = createEnglishAnalyzer(
    { ...glossary, entries: { ...glossary.entries, scheme: ['方案'] } },
    { synonyms: lexicon },
  );
  assert.deepEqual(
    keyed(normalizeText('Which scheme?')).matches.flatMap((m) => m.chinese),
    ['方案'],
  );
  // Without the lexicon, "deal" is a word the glossary does not know.
  assert.deepEqual(analyze(normalizeText('the deal')).unknown, ['deal']);
  // A head in its base form meets its inflections; an inflected or derived head only itself (founded is not found).
  const derived = createEnglishAnalyzer(
    { ...glossary, entries: { ...glossary.entries, establish: ['成立'], include: ['包括'] } },
    {
      synonyms: parseEnglishSynonyms('founded\testablished\nfeaturing\tincluding\n'),
    },
  );
  const derivedTerms = (q: string) => derived(normalizeText(q)).matches.flatMap((m) => m.chinese);
  assert.deepEqual(derivedTerms('When was it founded?'), ['成立']);
  assert.deepEqual(derivedTerms('What was found?'), []);
  assert.deepEqual(derivedTerms('What are its key features?'), []);
  // A synonym does not take the first word of a glossary phrase running on past it.
  const phrases = createEnglishAnalyzer(
    {
      ...glossary,
      entries: {
        ...glossary.entries,
        'new generation': ['新一代'],
        'generation information technology': ['新一代信息技术'],
      },
    },
    { synonyms: parseEnglishSynonyms('next generation\tnew_generation\n') },
  );
  assert.deepEqual(
    phrases(normalizeText('next generation information technology')).matches.flatMap((m) => m.chinese),
    ['新一代信息技术'],
  );
  assert.deepEqual(
    phrases(normalizeText('the next generation')).matches.flatMap((m) => m.chinese),
    ['新一代'],
  );
  // A phrasal verb of stop words alone (bring in) is read through the lexicon; a stop word alone never is.
  const withoutBringIn = Object.fromEntries(Object.entries(glossary.entries).filter(([key]) => key !== 'bring in'));
  const phrasal = createEnglishAnalyzer(
    { ...glossary, entries: { ...withoutBringIn, introduce: ['引进'], plan: ['计划'] } },
    {
      synonyms: parseEnglishSynonyms('bring in\tintroduce\nin\tintroduce\n'),
    },
  );
  assert.deepEqual(
    phrasal(normalizeText('Which universities did the city bring in?')).matches.flatMap((m) => m.chinese),
    ['大学', '引进'],
  );
  assert.deepEqual(
    phrasal(normalizeText('Who brought in the plan?')).matches.flatMap((m) => m.chinese),
    ['引进', '计划'],
  );
  assert.deepEqual(
    phrasal(normalizeText('in the city')).matches.flatMap((m) => m.chinese),
    [],
  );
  // The bundled lexicon is read: on the article, "the SJTU deal" is searched as the agreement (协议).
  assert.ok(englishSynonyms().get('deal')?.includes('agreement'));
  const article = openEngine();
  assert.ok(article.analyze('When was the SJTU deal signed?').contentTerms.some((t) => t.term === '协议'));
});

test('"which areas" and "how many areas" ask for fields, not regions', () => {
  const regions = createEnglishAnalyzer({ ...GLOSSARY, entries: { ...GLOSSARY.entries, area: ['区域'] } });
  const terms = (q: string) => regions(normalizeText(q)).matches.flatMap((m) => m.chinese);
  assert.deepEqual(terms('In which areas will they cooperate?'), ['领域', '方面', '合作', '协同']);
  assert.deepEqual(terms('What aspects does it cover?'), ['领域', '方面']);
  assert.deepEqual(terms('How many areas does it cover?'), ['领域', '方面']);
  // Elsewhere an area is a region: "which area" (singular) asks where.
  assert.deepEqual(terms('Which area is the institute in?'), ['区域', '研究院']);
  assert.deepEqual(terms('the areas around the institute'), ['区域', '研究院']);
});

test('inflections and British spellings meet their dictionary form', () => {
  for (const [word, base] of [
    ['fields', 'field'],
    ['signed', 'sign'],
    ['signing', 'sign'],
    ['cooperating', 'cooperate'],
    ['cooperated', 'cooperate'],
    ['cooperation', 'cooperate'],
    ['universities', 'university'],
    ['institutes', 'institute'],
    ['brought', 'bring'],
    // British spelling meets the dictionary's -ize.
    ['organised', 'organize'],
    ['organising', 'organize'],
    ['organisation', 'organization'],
    ['realise', 'realize'],
  ] as const) {
    assert.equal(stemWord(word), stemWord(base), `${word} ~ ${base}`);
  }
  // Not every -is is British spelling.
  assert.equal(stemWord('analysis'), 'analysis');
  assert.equal(stemWord('this'), 'this');
  assert.deepEqual(chinese('Which fields?'), ['领域', '方面']);
  assert.deepEqual(chinese('when was it signed'), ['签署']);
  assert.deepEqual(chinese('universities cooperating'), ['大学', '合作', '协同']);
  assert.deepEqual(chinese('institutes brought in'), ['研究院', '引进']);
});

test("dates and numbers become the article's own forms", () => {
  for (const q of ['June 8', '8 June', 'Jun 8th', 'on the 8th of June', 'jun. 8']) {
    assert.deepEqual(chinese(q), ['6月8日'], q);
  }
  assert.deepEqual(chinese('in December'), ['12月']);
  assert.deepEqual(chinese('in 2019'), ['2019年']);
  assert.deepEqual(chinese('100 universities'), ['100', '大学']);
  assert.deepEqual(chinese('five areas'), ['5']);
  // "may" alone is the verb, not the month.
  assert.deepEqual(chinese('may SJTU sign'), ['上海交通大学', '签署']);
});

test('stop words and question words are dropped; unknown content words are kept as unknown', () => {
  const { matches, unknown } = read('What is the weather, and which agreement does it mean?');
  assert.deepEqual(
    matches.map((m) => m.chinese[0]),
    ['协议'],
  );
  assert.deepEqual(unknown, ['weather', 'mean']);
  assert.deepEqual(read('what does the which is').matches, []);
  // A stop word with a possessive is one too (the article's agreement).
  assert.deepEqual(read("What does the article's agreement say?").unknown, []);
});

test('mixed questions: English words are read, Han text is left to the Chinese pipeline', () => {
  assert.deepEqual(chinese('sjtu 研究院 模式'), ['上海交通大学']);
  // A Han run breaks phrases: "research 研究院 institute" is two readings, not the phrase.
  assert.deepEqual(
    read('research 的 institute').matches.map((m) => m.english),
    ['research', 'institute'],
  );
});

test('party names from topics.json are read as whole phrases', () => {
  assert.deepEqual(chinese('Did Shanghai Jiao Tong University sign?'), ['上海交通大学', '签署']);
  assert.deepEqual(chinese("Tsinghua's fields"), ['清华大学', '领域', '方面']);
});

test('the expander returns Chinese terms first, one group of alternatives per English reading, then the words it could not read', () => {
  const expand = createEnglishExpander(GLOSSARY);
  assert.deepEqual(expand(normalizeText('Did Peking University sign?')), [['大学'], ['签署'], ['peking']]);
  assert.deepEqual(expand(normalizeText('Which universities cooperate?')), [['大学'], ['合作', '协同']]);
});

test('the alternatives of one English reading are one term: a passage holding either holds it, and it weighs once', () => {
  const engine = SearchEngine.build(
    loadCorpus(tempCorpus({ 'a.md': '甲大学与某市开展协同创新。\n\n乙大学与某市签署协议。\n' })),
  );
  engine.setExpander(createEnglishExpander(GLOSSARY));
  const terms = engine.analyze('Which university will cooperate with 某市?').contentTerms;
  const cooperate = terms.find((t) => t.term === '合作');
  assert.deepEqual(cooperate?.alternatives, ['协同']);
  assert.ok(!terms.some((t) => t.term === '协同'));
  const a = answerQuestion(engine, 'Which university will cooperate with 某市?', { top: 1 });
  assert.match(a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : a.kind, /甲大学/);
  assert.deepEqual(a.kind === 'answer' ? a.hits[0]?.matched.filter((m) => m !== '某市') : [], ['大学', '协同']);
  // Readings sharing a word are one meaning, whatever their order; each word is one term or one alternative.
  const shared = SearchEngine.build(loadCorpus(tempCorpus({ 'a.md': '合作取得了明显成效。\n' })));
  shared.setExpander(
    createEnglishExpander({
      ...GLOSSARY,
      entries: { ...GLOSSARY.entries, result: ['成果', '成效'], effect: ['成效', '影响'] },
    }),
  );
  for (const q of ['What results and effects were achieved?', 'What effects and results were achieved?']) {
    const meaning = shared.analyze(q).contentTerms.filter((t) => /\p{Script=Han}/u.test(t.term));
    assert.equal(meaning.length, 1, q);
    assert.deepEqual(
      [meaning[0]?.term, ...(meaning[0]?.alternatives ?? [])].sort(),
      ['影响', '成效', '成果'].sort(),
      q,
    );
  }
});

test("matched terms for display: the glossary's terms the passage held, in question order", () => {
  const analysis = read('Which fields does the SJTU deal cover?');
  assert.deepEqual(matchedChineseTerms(analysis, ['上海交通大学', '领域']), ['领域', '上海交通大学']);
});

test('isEnglishQuestion: English when Latin letters at least match Han characters', () => {
  assert.equal(isEnglishQuestion('Which fields does the SJTU deal cover?'), true);
  assert.equal(isEnglishQuestion('what is 临近空间?'), true);
  assert.equal(isEnglishQuestion('sjtu 研究院 模式'), false);
  assert.equal(isEnglishQuestion('上海交大的合作涵蓋哪些領域？'), false);
  assert.equal(isEnglishQuestion('2019?'), false);
});

test('glossKeys: CEDICT glosses become short English keys; references, surnames and qualifiers go', () => {
  assert.deepEqual(glossKeys('to sign (an agreement)'), ['sign']);
  assert.deepEqual(glossKeys('domain; sphere; field; territory; area'), [
    'domain',
    'sphere',
    'field',
    'territory',
    'area',
  ]);
  assert.deepEqual(glossKeys('surname Li'), []);
  assert.deepEqual(glossKeys('variant of 研究[yan2 jiu1]'), []);
  assert.deepEqual(glossKeys('abbr. for 高等學校|高等学校[gao1 deng3 xue2 xiao4]'), []);
  assert.deepEqual(glossKeys('population (statistics)'), []);
  assert.deepEqual(glossKeys('Qijiang, a district of Chongqing 重慶|重庆[Chong2 qing4]'), ['qijiang']);
  assert.deepEqual(glossKeys('Chongqing municipality (abbr. to 渝[Yu2])'), ['chongqing municipality', 'chongqing']);
  assert.deepEqual(glossKeys('to introduce sth (from outside)'), ['introduce']);
  assert.equal(headWord('research institute', false), 'institute');
  assert.equal(headWord('unveil the plaque for', true), 'unveil');
  assert.equal(headWord('put the emphasis on', true), null);
  // "last year" (去年) is one year pointed at, not what "year" means: "every year" would read as 去年.
  assert.equal(headWord('last year', false), null);
  assert.equal(headWord('recent years', false), null);
});

test('a title in a gloss (the Great Learning) gives no key for its head word alone', () => {
  const entries = buildEntries(
    [
      { simplified: '大学', senses: ['university', 'college', 'the Great Learning, one of the Four Books'] },
      { simplified: '研究院', senses: ['research institute'] },
    ],
    new Map([
      ['大学', { indexed: true, count: 3 }],
      ['研究院', { indexed: true, count: 2 }],
    ]),
  );
  assert.deepEqual([entries.learning, entries['great learning'], entries.institute], [undefined, ['大学'], ['研究院']]);
});

test('buildEntries keeps only corpus terms and puts the specific sense first', () => {
  const entries = buildEntries(
    [
      { simplified: '领域', senses: ['domain; sphere; field; territory; area'] },
      { simplified: '田', senses: ['field', 'farm'] },
      { simplified: '外星人', senses: ['alien'] },
    ],
    new Map([
      ['领域', { indexed: true, count: 3 }],
      ['田', { indexed: true, count: 1 }],
    ]),
  );
  assert.equal(entries.alien, undefined, 'not a corpus term');
  // A single character is a weak search term: the word comes first although 田's "field" is its first sense.
  assert.equal(entries.field?.[0], '领域');
});

const GLOSSARY_PATH = join(REPO_ROOT, 'corpus/glossary.en.json');

test('the committed glossary keeps the CC-CEDICT attribution and its source', () => {
  const glossary = parseGlossary(JSON.parse(readFileSync(GLOSSARY_PATH, 'utf8')), GLOSSARY_PATH);
  assert.match(glossary.license, /CC-CEDICT/);
  assert.match(glossary.license, /MDBG/);
  assert.match(glossary.license, /Attribution-ShareAlike 4\.0/);
  assert.match(glossary.source, /cc-cedict \d+\.\d+\.\d+/);
  assert.match(glossary.generated, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(Object.keys(glossary.entries).length > 200);
});

test('the committed glossary maps only to terms the corpus mentions', () => {
  const glossary = parseGlossary(JSON.parse(readFileSync(GLOSSARY_PATH, 'utf8')), GLOSSARY_PATH);
  const engine = openEngine();
  // Read as the engine reads a question's terms: names set apart (重庆研究院 → 重庆 + 研究院), then cut.
  const found = (t: string) =>
    engine.mentions(t) || wordTerms(engine.matchText(t), 'exact').every((w) => engine.mentions(w));
  const outside = [...new Set(Object.values(glossary.entries).flat())].filter((t) => !found(t));
  assert.deepEqual(outside, []);
  assert.deepEqual(glossary.entries['research institute'], ['研究院', '研究所']);
  assert.deepEqual(glossary.entries.sjtu, ['上海交通大学']);
});

test('English words that are names of Object.prototype members are ordinary words', async () => {
  const { stemWord } = await import('../src/text/english.ts');
  assert.equal(typeof stemWord('constructor'), 'string');
  const { openEngine } = await import('../src/cli/wiring.ts');
  const q = openEngine().analyze('who is the constructor of the sjtu institute?');
  assert.ok(
    !q.contentTerms.some((t) => /function|object|native/i.test(t.term)),
    q.contentTerms.map((t) => t.term).join(' '),
  );
});

test('an English name the glossary does not know (in a run of capitalized words) is a name the corpus lacks', async () => {
  const { openEngine } = await import('../src/cli/wiring.ts');
  const { answerQuestion } = await import('../src/answer/answer.ts');
  const engine = openEngine();
  assert.deepEqual(engine.analyze('Did Peking University sign an agreement with Chongqing?').unknownNames, ['peking']);
  assert.equal(answerQuestion(engine, 'Did Peking University sign an agreement with Chongqing?').kind, 'none');
  assert.deepEqual(engine.analyze('Peking University and Chongqing: did they sign?').unknownNames, ['peking']);
  // An acronym starts a run too (NBA Finals), and such a question is not about the article; but a known name
  // with only an unknown acronym beside it (SJTU CQ) still is.
  assert.deepEqual(engine.analyze('Who won the 2020 NBA Finals?').unknownNames, ['nba', 'finals']);
  assert.equal(answerQuestion(engine, 'Who won the 2020 NBA Finals?').kind, 'none');
  assert.deepEqual(engine.analyze('What will the SJTU CQ institute do?').unknownNames, []);
  assert.equal(answerQuestion(engine, 'What will the SJTU CQ institute do?').kind, 'answer');
  // A lone capital (a first word, a greeting) and a lone acronym are not taken for a name.
  for (const q of [
    'Urgent: when did Tsinghua sign with Chongqing?',
    'When did Tsinghua sign with Chongqing? Thanks, Bot',
    'Will SJTU train PhD students in Chongqing?',
  ]) {
    assert.deepEqual(engine.analyze(q).unknownNames, [], q);
  }
  assert.equal(answerQuestion(engine, 'Urgent: when did Tsinghua sign with Chongqing?').kind, 'answer');
});

test('eval counts the traditional-character questions of every set apart', async () => {
  const { isTraditional, scoreDevSet } = await import('../src/cli/eval.ts');
  const { openEngine } = await import('../src/cli/wiring.ts');
  assert.ok(
    isTraditional('上海交大的合作涵蓋哪些領域？') &&
      !isTraditional('上海交大的合作涵盖哪些领域？') &&
      !isTraditional('When?'),
  );
  const engine = openEngine();
  const zht = scoreDevSet(engine, 'zht');
  assert.equal(zht.traditional.answerable + zht.traditional.unanswerable, zht.answerable + zht.unanswerable);
  assert.equal(scoreDevSet(engine, 'dev').traditional.answerable, 0);
});

test('an English set-aside clause sets aside the name it names, not the words the question asks about', () => {
  const engine = openEngine();
  for (const question of [
    'Besides Tsinghua, which university did Chongqing sign an agreement with?',
    'Which university other than Tsinghua signed an agreement with Chongqing?',
  ]) {
    const q = engine.analyze(question);
    const setAside = q.contentTerms.filter((t) => t.setAside).map((t) => t.term);
    assert.deepEqual([setAside, q.setAsideTopics, q.topics], [['清华大学'], ['tsinghua'], []], question);
  }
});
