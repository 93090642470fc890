// Near-synonyms: a word the corpus never uses is searched through those it uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus } from '../src/corpus/load.js';
import { SearchEngine } from '../src/search/engine.js';
import { answerQuestion } from '../src/answer/answer.js';
import { readFileSync } from 'node:fs';
import { isContentToken } from '../src/text/tokenize.js';
import { parseSynonyms, synonymsOf } from '../src/text/synonyms.js';
import { glossSynonyms } from '../src/cli/gloss-synonyms.js';
import { tempCorpus } from './support/temp-corpus.js';
import * as S from './support/stories.js';

const { corpus, engine, topText } = S;

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
  // (The dictionary's own 师娘 / 师母, "wife of one's teacher", is a synonym, not junk.)
  const alternatives = junk.analyze('师娘做了什么？').contentTerms.find((t) => t.term === '师娘')?.alternatives;
  assert.ok(!(alternatives ?? []).includes('师母亲'), String(alternatives));
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

test('the dictionary lexicon: words sharing an English sense of CC-CEDICT, only searched words, no general sense', () => {
  const lexicon = parseSynonyms(readFileSync(new URL('../src/text/synonyms-cedict.tsv', import.meta.url), 'utf8'));
  assert.ok(lexicon.size > 10000);
  const unsearched = [...lexicon].flatMap(([word, variants]) => [word, ...variants]).filter((w) => !isContentToken(w));
  assert.deepEqual(unsearched, []);
  // 扮演的角色 is the text's 充当 …: dev23's 清华和交大扮演的角色有什么不一样 is answered so.
  assert.ok(synonymsOf('扮演').includes('充当') && synonymsOf('环保').includes('环境保护'));
  const entries = [
    ['', '扮演', '', ['to play the role of']],
    ['', '充当', '', 'to serve as; to play the role of'],
    ['', '甲乙', '', 'variant of 乙甲'],
    ['', '乙甲', '', 'variant of 乙甲'],
    ...['展示', '显示', '表明', '呈现', '显出'].map((w) => ['', w, '', 'to show']),
  ];
  const alike = glossSynonyms(entries);
  assert.deepEqual([...(alike.get('扮演') ?? [])], ['充当']);
  assert.ok(!alike.has('甲乙') && !alike.has('展示'), 'a cross-reference or a sense of five words makes no synonyms');
});
