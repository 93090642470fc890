import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadCorpus, parseFrontMatter, parseUserDict } from '../src/corpus/load.js';
import { CAPTION_SECTION, splitLongText, splitPassages } from '../src/corpus/split.js';
import { NameMatcher } from '../src/corpus/topics.js';
import { DEFAULT_CORPUS } from '../src/cli/wiring.js';
import { tempCorpus } from './support/temp-corpus.js';
import { removeLayoutSpaces } from '../src/text/normalize.js';

const corpus = loadCorpus(DEFAULT_CORPUS);
const byText = (s: string) => {
  const p = corpus.passages.find((x) => x.text.includes(s));
  assert.ok(p, `no passage contains ${s}`);
  return p;
};

test('the seed article loads with its metadata', () => {
  assert.equal(corpus.documents.length, 1);
  assert.equal(corpus.documents[0]?.source, '重庆日报');
  assert.equal(corpus.documents[0]?.date, '2020-06');
  assert.deepEqual(
    corpus.topics.agreements.map((t) => t.command),
    ['tsinghua', 'sjtu'],
  );
});

test('paragraphs broken mid-sentence are rejoined', () => {
  assert.match(byText('累计引进100所高校').text, /科研院所和企业与我市开展合作。$/);
  assert.match(byText('双方将重点').text, /双方将重点在智能化产业/);
  assert.ok(!corpus.passages.some((p) => p.text === '所和企业与我市开展合作。'));
});

test('headings become sections without their layout spaces; the lead label and the caption are kept', () => {
  assert.equal(byText('据悉,我市将与清华大学').section, '与清华大学在5个方面开展深度合作');
  assert.equal(byText('6月3日和6月8日').section, '核心提示');
  const caption = byText('重庆日报通讯员');
  assert.equal(caption.section, CAPTION_SECTION);
});

test('every seed passage has the agreement it is about', () => {
  const expected: Array<[string, string | null]> = [
    ['6月3日和6月8日,重庆市政府先后', null], // names both agreements
    ['6月3日,重庆市政府与清华大学签署', 'tsinghua'],
    ['在科技创新方面,共同开展', 'tsinghua'], // names no party: carried over from the passage before
    ['当天,重庆两江新区产业发展集团', 'tsinghua'], // 清华控股: a name of 清华
    ['按照‘引得来', null], // the city's programme, under a heading that names no agreement
    ['以2019年为例', null],
    ['6月8日,重庆市人民政府与上海交通大学', 'sjtu'],
    ['此外,双方还将在干部教育培训', 'sjtu'], // after the late SJTU heading, names no party
    ['据悉,重庆研究院将采取', 'sjtu'],
    ['市科技局有关负责人表示,此次双方', 'sjtu'],
  ];
  for (const [snippet, topic] of expected) assert.equal(byText(snippet).topic, topic, snippet);
  const body = corpus.passages.filter((p) => !p.heading);
  assert.equal(body.filter((p) => p.topic === 'tsinghua' && p.section !== CAPTION_SECTION).length, 8);
  assert.equal(body.filter((p) => p.topic === 'sjtu').length, 12);
});

test('the title and each heading of the article are passages of their own, after the body, with the agreement they name', () => {
  const headings = corpus.passages.filter((p) => p.heading);
  assert.deepEqual(
    headings.map((p) => [p.id, p.section, p.topic]),
    [
      ['chongqing-universities-2020#h0', '重庆市政府与清华大学、上海交通大学签署战略合作协议', null],
      ['chongqing-universities-2020#h1', '清华大学优质科教资源将在渝落地', 'tsinghua'],
      ['chongqing-universities-2020#h2', '与清华大学在5个方面开展深度合作', 'tsinghua'],
      ['chongqing-universities-2020#h3', '我市启动新一轮引进科技创新资源专项行动', null],
      ['chongqing-universities-2020#h4', '培育建设具有区域特色和产业支撑能力的协同创新平台', null],
      ['chongqing-universities-2020#h5', '重庆「牵手」上海交大开展深度合作', 'sjtu'],
      ['chongqing-universities-2020#h6', '总院+中心(基地)的模式建设重庆研究院', null],
    ],
  );
  // The text is the heading as the document writes it (a quotation, like any passage), layout space included;
  // the section is the heading without it.
  assert.equal(headings[1]?.text, '清华大学优质科教资源 将在渝落地');
  assert.ok(headings.every((p) => removeLayoutSpaces(p.text) === p.section));
  // The body's passages keep their ids and order: the headings come after all of them.
  assert.ok(corpus.passages.findIndex((p) => p.heading) === corpus.passages.length - headings.length);
  assert.deepEqual(
    headings.map((p) => p.heading),
    ['title', ...Array(6).fill('section')],
  );
});

test('front matter is parsed and removed from the body', () => {
  const { meta, body } = parseFrontMatter('---\ntitle: 标题\ndate: 2020-06\n---\n正文。');
  assert.deepEqual(meta, { title: '标题', date: '2020-06' });
  assert.equal(body, '正文。');
});

const names = new NameMatcher({ agreements: [] });
const paragraph = fc
  .array(fc.constantFrom('重庆', '合作', '。', ',', '科技', 'A', ' ', '“', '”', '！', '创新'), {
    minLength: 1,
    maxLength: 120,
  })
  .map((a) => a.join(''));

test('splitting loses no text, makes no empty passage and keeps the size bound', () => {
  fc.assert(
    fc.property(
      fc.array(paragraph, { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 10, max: 200 }),
      (paras, max) => {
        const body = paras.join('\n\n');
        const passages = splitPassages('doc', '标题', body, names, max);
        for (const p of passages) {
          assert.ok(p.text.trim().length > 0, 'empty passage');
          assert.ok(p.text.length <= max, `passage of ${p.text.length} > ${max}`);
        }
        const squash = (s: string) => s.replace(/\s+/g, '');
        assert.equal(
          squash(passages.map((p) => p.text).join('')),
          squash(paras.filter((x) => !/^[^\p{P}\p{S}]{1,16}$/u.test(x.trim())).join('')),
        );
      },
    ),
    { numRuns: 300 },
  );
});

test('long text is cut at sentence ends when it can be', () => {
  const text = '第一句话。第二句话很长很长。第三句。';
  assert.deepEqual(splitLongText(text, 10), ['第一句话。', '第二句话很长很长。', '第三句。']);
  assert.equal(splitLongText('没有标点的一段很长的文字', 5).join(''), '没有标点的一段很长的文字');
});

test('two documents with the same name are refused with a message naming them', () => {
  const dir = tempCorpus({ 'a.md': '第一段。', 'a.txt': '第二段。' });
  assert.throws(() => loadCorpus(dir), /a\.txt: another document is also named "a"/);
});

test('user.dict: one word a line, English names after " = ", comments ignored', () => {
  const dict = parseUserDict(
    '# comment\n双一流 = double first-class; double first class\n临近空间\n\n两江新区 = Liangjiang New Area # note\n',
  );
  assert.deepEqual(dict.words, ['双一流', '临近空间', '两江新区']);
  assert.deepEqual(dict.english, [
    { word: '双一流', english: ['double first-class', 'double first class'] },
    { word: '两江新区', english: ['Liangjiang New Area'] },
  ]);
  // The bundled corpus' English names reach the glossary generator.
  assert.ok(
    corpus.englishNames?.some((n) => n.word === '产学研' && n.english.includes('industry-university-research')),
  );
});
