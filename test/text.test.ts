import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { hasTraditionalChars, normalizeText, removeLayoutSpaces, stripControlChars } from '../src/text/normalize.js';
import { hanBigrams, isContentToken, questionBigrams, segment, stopWords, wordTerms } from '../src/text/tokenize.js';
import { answerQuestion } from '../src/answer/answer.js';
import { openEngine } from '../src/cli/wiring.js';

const engine = openEngine();

test('normalization folds full-width forms, traditional characters and case', () => {
  assert.equal(normalizeText('ＳＪＴＵ（重慶）'), 'sjtu(重庆)');
  assert.equal(normalizeText('上海交大的合作涵蓋哪些領域？'), '上海交大的合作涵盖哪些领域?');
  // Taiwan variants too (DRCD is written in them).
  assert.equal(normalizeText('臺灣的裏面'), '台湾的里面');
  // Taiwan phrases become the mainland's, so a Taiwan reader's words meet a mainland text's.
  assert.equal(normalizeText('積體電路與資訊軟體'), '集成电路与信息软件');
  // Simplified text is left as it is.
  assert.equal(normalizeText('集成电路与信息软件、程序和方程式'), '集成电路与信息软件、程序和方程式');
  // 甚麼 (Taiwan's spelling of 什麼) is 什么, so 甚麼時候 asks when as 什么时候 does.
  assert.equal(normalizeText('為甚麼、甚麼時候、甚么'), '为什么、什么时候、什么');
  // Written Cantonese is read as Mandarin (嗰, which OpenCC writes 𠮶, too) …
  assert.equal(normalizeText('研發中心係幾時喺邊度成立嘅？'), '研发中心是什么时候在哪里成立的?');
  assert.equal(
    normalizeText('華為有冇份？佢哋係咪簽咗協議？點解要合作？'),
    '华为有没有份?他们是不是签了协议?为什么要合作?',
  );
  assert.equal(normalizeText('簽約嗰日係幾號？上交點樣幫重慶？邊間大學？'), '签约那日是几号?上交怎样帮重庆?哪间大学?');
  // … but Mandarin words holding the same characters stay as they are, beside Cantonese or not.
  assert.equal(normalizeText('兩者關係幾好，體系完整'), '两者关系几好,体系完整');
  assert.equal(normalizeText('重点解决什么，他在海边度假时联系几家企业'), '重点解决什么,他在海边度假时联系几家企业');
  assert.equal(normalizeText('重慶嘅科技創新體系點樣完善？这边个人信息'), '重庆的科技创新体系怎样完善?这边个人信息');
});

test('a question in written Cantonese is answered like its Mandarin', () => {
  const cantonese = answerQuestion(engine, '臨近空間創新研發中心係幾時喺邊度成立嘅？', { top: 1 });
  const mandarin = answerQuestion(engine, '临近空间创新研发中心是什么时候在哪里成立的？', { top: 1 });
  assert.equal(cantonese.kind, 'answer');
  const top = (a: ReturnType<typeof answerQuestion>) => (a.kind === 'answer' ? a.hits[0]?.passage.id : a.kind);
  assert.equal(top(cantonese), top(mandarin));
});

test('normalization drops control and invisible characters but keeps the text', () => {
  assert.equal(stripControlChars('重\u0000庆\u200b市\u202e'), '重庆市');
  assert.equal(normalizeText('a\u0007b'), 'ab');
});

test('layout spaces between Chinese characters go, spaces between Latin words stay', () => {
  assert.equal(removeLayoutSpaces('与清华大学在5个方面 开展深度合作'), '与清华大学在5个方面开展深度合作');
  assert.equal(removeLayoutSpaces('Shanghai Jiao Tong 大学'), 'Shanghai Jiao Tong 大学');
});

test('segmentation keeps Latin words whole and drops punctuation and question words', () => {
  assert.deepEqual(wordTerms('sjtu 研究院 模式?', 'exact'), ['sjtu', '研究院', '模式']);
  assert.ok(!wordTerms('上海交大的合作涵盖哪些领域?', 'exact').includes('哪些'));
  assert.ok(!isContentToken('哪一年'), 'interrogative compounds are question words');
  assert.ok(isContentToken('领域'));
});

test('search mode adds the sub-words of long words', () => {
  const terms = segment('上海交通大学', 'search');
  assert.ok(terms.includes('上海交通大学') && terms.includes('大学'), terms.join(' '));
});

test('bigrams cover every run of Han characters; a lone character stands as itself', () => {
  assert.deepEqual(hanBigrams('科学城,渝'), ['科学', '学城', '渝']);
  assert.deepEqual(questionBigrams('合作覆盖哪些领域'), ['合作', '作覆', '覆盖', '领域']);
});

test('text is seen as traditional exactly when OpenCC would change it, phrases of shared characters too', () => {
  const opencc = OpenCC.Converter({ from: 'tw', to: 'cn' });
  // Simplified and shared characters, traditional ones, and those only some phrases convert (反覆, 瞭解, 藉口, 沈思).
  const alphabet = [...'一上下不以明重深合作大学清华覆瞭解藉口沈思坏梁甦醒哩衹得臺灣裏學與體系这边'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (chars) => {
      const text = chars.join('');
      assert.equal(hasTraditionalChars(text), opencc(text) !== text, text);
    }),
    { numRuns: 2000 },
  );
  for (const t of ['反覆', '瞭解到', '一目瞭然', '清华大学', '合作'])
    assert.equal(hasTraditionalChars(t), opencc(t) !== t, t);
});

test('segmentation never throws and loses no Han character on random Unicode', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
      const text = normalizeText(s);
      const tokens = segment(text, 'exact');
      const han = [...text].filter((c) => /\p{Script=Han}/u.test(c)).join('');
      assert.equal(tokens.join('').replace(/[^\p{Script=Han}]/gu, ''), han);
    }),
    { numRuns: 300 },
  );
});

test('a "when" word that asks (何年, 哪一年, 几月) is no content word; a noun naming the kind (日期) stays one', () => {
  for (const w of ['何年', '哪一年', '几月', '什么时候']) assert.ok(stopWords().has(w), w);
  // 「卡乐」于何年结束营业: 何年 is not a word the passage must hold (it held too little of the question without).
  assert.ok(!stopWords().has('日期'));
});

test('a range of numbers joined by a hyphen is read as the article writes it with a dash (2019-2022, 2019—2022年)', () => {
  assert.deepEqual(wordTerms('行动计划2019-2022', 'exact'), ['行动计划', '2019', '2022']);
  assert.deepEqual(wordTerms('(2019—2022年)', 'exact').slice(0, 2), ['2019', '2022']);
  // A word with a hyphen stays one (covid-19, sub-center).
  assert.deepEqual(wordTerms('covid-19', 'exact'), ['covid-19']);
  const answer = answerQuestion(openEngine(), '行动计划2019-2022');
  assert.ok(answer.kind === 'answer' && answer.hits[0]!.passage.text.includes('2019—2022年'));
});
