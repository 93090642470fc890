import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuestion } from '../../src/answer/answer.js';
import { LiveEngine } from '../../src/cli/live-engine.js';
import { DEFAULT_CORPUS, openEngine } from '../../src/cli/wiring.js';
import { REPO_ROOT } from '../../src/paths.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Passage } from '../../src/corpus/types.js';
import { NameMatcher } from '../../src/corpus/topics.js';
import { indexedChunks, PARALLEL_FROM } from '../../src/search/backend/parallel.js';
import { indexedPassage, isIndexed } from '../../src/search/backend/terms.js';
import { splitSentences } from '../../src/corpus/split.js';
import { addUserWords } from '../../src/text/tokenize.js';
import { SearchEngine } from '../../src/search/engine.js';
import { correctNearMisses } from '../../src/reading/near-miss.js';
import { tempCorpus } from '../support/temp-corpus.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'data-'));
const ids = (engine: SearchEngine, q: string) => engine.rank(engine.analyze(q), 3).map((r) => r.passage.id);
const best = (engine: SearchEngine, q: string) => engine.rank(engine.analyze(q), 1)[0]?.passage.text ?? '';
const counts = (r: { kept: number; added: number; removed: number }) => [r.kept, r.added, r.removed];

const PANDA = '大熊猫主要生活在四川的竹林里，以竹子为主要食物。\n\n大熊猫每天要吃十几公斤竹子。\n';
const LIBRARY = '市图书馆今年新增藏书十万册，新馆将在明年开放。\n';
const TEA = '普洱茶产自云南，是一种发酵茶。\n';

for (const backend of ['minisearch', 'fts5'] as const) {
  test(`${backend}: a second start opens the persisted index and answers as a fresh build does`, () => {
    const dir = dataDir();
    const first = SearchEngine.open(loadCorpus(DEFAULT_CORPUS), { dataDir: dir, source: DEFAULT_CORPUS, backend });
    assert.equal(first.report.kept, 0);
    assert.ok(first.report.added > 0);
    first.engine.close();
    const second = SearchEngine.open(loadCorpus(DEFAULT_CORPUS), { dataDir: dir, source: DEFAULT_CORPUS, backend });
    assert.deepEqual(counts(second.report), [first.report.added, 0, 0]);
    const built = SearchEngine.build(loadCorpus(DEFAULT_CORPUS));
    for (const q of [
      '上海交大的合作涵盖哪些领域？',
      '临近空间研发中心什么时候成立的',
      '北京大学和重庆签了什么协议？',
    ]) {
      assert.equal(answerQuestion(second.engine, q).kind, answerQuestion(built, q).kind, q);
      assert.equal(ids(second.engine, q)[0], ids(built, q)[0], q);
    }
    // What the corpus mentions survives too (numbers with their unit, words).
    assert.ok(second.engine.mentions('6月') && second.engine.mentions('签约') && !second.engine.mentions('7月'));
    second.engine.close();
  });

  test(`${backend}: a reopened index ranks on the match texts its passages' texts give (traditional made simplified)`, () => {
    const dir = dataDir();
    const folder = tempCorpus({
      'kept.md': '我市與清華大學簽署協議。臺灣的學生也來了，照片裡有他們。\n\n大熊貓主要生活在四川。\n',
    });
    SearchEngine.open(loadCorpus(folder), { dataDir: dir, source: folder, backend }).engine.close();
    const { engine } = SearchEngine.open(loadCorpus(folder), { dataDir: dir, source: folder, backend });
    for (const p of engine.corpus.passages.filter(isIndexed)) {
      const computed = splitSentences(p.text).map((s) => engine.matchText(s));
      assert.deepEqual(engine.passageSentences(p)[1], computed, p.id);
      assert.equal(engine.passageMatchText(p), computed.join(''), p.id);
    }
    assert.match(
      engine.passageMatchText(engine.corpus.passages.find((p) => !p.heading)!),
      /与清华大学签署协议。台湾的学生/,
    );
    engine.close();
  });

  test(`${backend}: a document added to or removed from the corpus folder is indexed alone at the next start`, () => {
    const dir = dataDir();
    const folder = tempCorpus({ 'panda.md': PANDA, 'library.md': LIBRARY });
    const open = () => SearchEngine.open(loadCorpus(folder), { dataDir: dir, source: folder, backend });
    open().engine.close();
    writeFileSync(join(folder, 'tea.md'), TEA);
    const added = open();
    assert.deepEqual(counts(added.report), [2, 1, 0]);
    assert.match(best(added.engine, '普洱茶产自哪里'), /普洱茶产自云南/);
    added.engine.close();
    unlinkSync(join(folder, 'library.md'));
    const removed = open();
    assert.deepEqual(counts(removed.report), [2, 0, 1]);
    assert.deepEqual(ids(removed.engine, '图书馆新增多少藏书'), []);
    removed.engine.close();
  });

  test(`${backend}: withDocuments adds and removes one document and the persisted index keeps the change`, () => {
    const dir = dataDir();
    const folder = tempCorpus({ 'panda.md': PANDA });
    let engine = SearchEngine.open(loadCorpus(folder), { dataDir: dir, source: folder, backend }).engine;
    assert.deepEqual(ids(engine, '普洱茶产自哪里'), []);
    const tea = loadCorpus(tempCorpus({ 'tea.md': TEA }));
    engine = engine.withDocuments({ add: [{ document: tea.documents[0]!, passages: tea.passages }] });
    assert.match(best(engine, '普洱茶产自哪里'), /普洱茶产自云南/);
    assert.ok(engine.mentions('普洱茶'));
    assert.equal(engine.passage(tea.passages[0]!.id)?.text, TEA.trim());
    engine = engine.withDocuments({ remove: ['panda'] });
    assert.deepEqual(ids(engine, '大熊猫吃什么'), []);
    assert.ok(!engine.mentions('熊猫'));
    engine.close();
    // The index on disk holds tea, not panda: the folder changed alike opens with nothing to index.
    writeFileSync(join(folder, 'tea.md'), TEA);
    unlinkSync(join(folder, 'panda.md'));
    const reopened = SearchEngine.open(loadCorpus(folder), { dataDir: dir, source: folder, backend });
    assert.deepEqual(counts(reopened.report), [1, 0, 0]);
    reopened.engine.close();
  });
}

test('FTS5: table vocab counts exactly what fts5vocab counts after a build, an addition and a removal', () => {
  const dir = dataDir();
  const folder = tempCorpus({ 'panda.md': PANDA, 'library.md': LIBRARY });
  const both = () => {
    const [file = ''] = readdirSync(join(dir, 'index')).filter((f) => f.endsWith('.sqlite'));
    const db = new Database(join(dir, 'index', file), { readonly: true });
    try {
      const rows = (table: string) => db.prepare(`SELECT term, doc FROM ${table} ORDER BY term`).raw().all();
      return [rows('vocab'), rows('fts_vocab')];
    } finally {
      db.close();
    }
  };
  let engine = SearchEngine.open(loadCorpus(folder), { dataDir: dir, source: folder, backend: 'fts5' }).engine;
  let [vocab, truth] = both();
  assert.ok(truth!.length > 10);
  assert.deepEqual(vocab, truth);
  const tea = loadCorpus(tempCorpus({ 'tea.md': TEA }));
  engine = engine.withDocuments({ add: [{ document: tea.documents[0]!, passages: tea.passages }] });
  [vocab, truth] = both();
  assert.deepEqual(vocab, truth);
  engine = engine.withDocuments({ remove: ['panda'] });
  [vocab, truth] = both();
  assert.deepEqual(vocab, truth);
  assert.ok(!engine.mentions('熊猫') && engine.mentions('普洱茶'));
  engine.close();
  // A document removed from the folder, noticed at the next start.
  unlinkSync(join(folder, 'library.md'));
  SearchEngine.open(loadCorpus(folder), { dataDir: dir, source: folder, backend: 'fts5' }).engine.close();
  [vocab, truth] = both();
  assert.deepEqual(vocab, truth);
});

test('a replica opens the FTS5 index read-only and answers from it', () => {
  const dir = dataDir();
  const folder = tempCorpus({ 'panda.md': PANDA, 'tea.md': TEA });
  SearchEngine.open(loadCorpus(folder), { dataDir: dir, source: folder, backend: 'fts5' }).engine.close();
  const replica = SearchEngine.open(loadCorpus(folder), {
    dataDir: dir,
    source: folder,
    backend: 'fts5',
    readonly: true,
  });
  assert.match(best(replica.engine, '普洱茶产自哪里'), /普洱茶产自云南/);
  assert.throws(() => replica.engine.withDocuments({ remove: ['tea'] }), /read-only/);
  replica.engine.close();
});

test('new domain words (user.dict) re-index every document, since they change how text is cut', () => {
  const dir = dataDir();
  const folder = tempCorpus({ 'panda.md': PANDA, 'tea.md': TEA });
  SearchEngine.open(loadCorpus(folder), { dataDir: dir, source: folder }).engine.close();
  writeFileSync(join(folder, 'user.dict'), '十几公斤\n');
  const again = SearchEngine.open(loadCorpus(folder), { dataDir: dir, source: folder });
  assert.deepEqual(counts(again.report), [0, 2, 0]);
  again.engine.close();
});

test('a large corpus is cut into terms in worker threads, with the same terms as in this thread', () => {
  const corpus = loadCorpus(DEFAULT_CORPUS);
  const source = corpus.passages.filter((p) => !p.heading);
  // Enough passages to start workers (PARALLEL_FROM), each a passage of the article under its own id.
  const passages = Array.from({ length: PARALLEL_FROM }, (_, i) => ({ ...source[i % source.length]!, id: `p${i}` }));
  const names = new NameMatcher(corpus.topics);
  // This thread cuts with the corpus' words, as SearchEngine does before indexing (a worker adds them itself).
  addUserWords(corpus.userWords);
  const byId = new Map<string, string>();
  let yielded = 0;
  for (const chunk of indexedChunks(passages, corpus, names))
    for (const p of chunk) {
      yielded++;
      byId.set(p.id, `${p.words}|${p.bigrams}|${p.section}|${p.numbers}`);
    }
  // Every passage once, whether a worker or this thread (taking a worker's last chunks) cut it.
  assert.equal(byId.size, passages.length);
  assert.equal(yielded, passages.length);
  for (const p of [...passages.slice(0, 40), ...passages.slice(-40)]) {
    const own = indexedPassage(p, names);
    assert.equal(byId.get(p.id), `${own.words}|${own.bigrams}|${own.section}|${own.numbers}`);
  }
});

test('a LiveEngine reload closes the previous FTS5 connection and answers from the new one', () => {
  const folder = tempCorpus({ 'panda.md': PANDA });
  const live = new LiveEngine(folder, [], { dataDir: dataDir(), backend: 'fts5' });
  const before = live.current();
  writeFileSync(join(folder, 'tea.md'), TEA);
  const after = live.reload();
  // The old engine's connection is closed: using it fails instead of holding a file handle forever.
  assert.throws(() => before.rank(before.analyze('大熊猫吃什么'), 1), /not open/);
  assert.match(best(after, '普洱茶产自哪里'), /普洱茶产自云南/);
  live.close();
});

test('an unchanged JSONL corpus reopens from the FTS5 index with the same answers, and a changed one is re-read', () => {
  const dir = dataDir();
  const file = join(mkdtempSync(join(tmpdir(), 'jsonl-')), 'passages.jsonl');
  writeFileSync(file, readFileSync(join(REPO_ROOT, 'test/fixtures/passages.jsonl')));
  const open = () => openEngine(file, { dataDir: dir, backend: 'fts5' });
  const shown = (engine: SearchEngine, q: string) => {
    const a = answerQuestion(engine, q);
    return a.kind === 'answer' ? a.hits.map((h) => [h.passage.id, h.passage.section, h.passage.text]) : a.kind;
  };
  const questions = ['普洱茶产于哪里', '大熊猫吃什么', '大熊猫生活在哪些省份'];
  const first = open();
  const expected = questions.map((q) => shown(first, q));
  first.close();
  const second = open();
  assert.deepEqual(
    questions.map((q) => shown(second, q)),
    expected,
  );
  // What a passage says, read through its getters (a stored passage's section and text are its class's).
  const fields = (p: Passage) => ({
    id: p.id,
    documentId: p.documentId,
    section: p.section,
    topic: p.topic,
    text: p.text,
    keywords: p.keywords,
    heading: p.heading,
  });
  assert.deepEqual(second.corpus.passages.map(fields), loadCorpus(file).passages.map(fields));
  second.close();
  // A passage's text changed in the file: the next start reads the file and shows the new text.
  writeFileSync(file, readFileSync(file, 'utf8').replace('龙井茶产于杭州西湖一带', '碧螺春产于苏州太湖'));
  const changed = open();
  assert.match(best(changed, '碧螺春产于哪里'), /碧螺春产于苏州太湖/);
  changed.close();
  const third = open();
  assert.match(best(third, '碧螺春产于哪里'), /碧螺春产于苏州太湖/);
  third.close();
  // A corpus this small is MiniSearch's by default, FTS5 index or not.
  let backend = '';
  openEngine(file, { dataDir: dir, onIndex: (r) => (backend = r.backend) }).close();
  assert.equal(backend, 'minisearch');
});

for (const backend of ['minisearch', 'fts5'] as const) {
  test(`${backend}: a typo of a word that a document added since brings is corrected (near misses follow the index)`, () => {
    const folder = tempCorpus({ 'panda.md': PANDA });
    const { engine } = SearchEngine.open(loadCorpus(folder), { dataDir: dataDir(), source: folder, backend });
    assert.equal(correctNearMisses('清华大雪在哪里', engine), '清华大雪在哪里');
    const text = '清华大学在北京。';
    const next = engine.withDocuments({
      add: [
        {
          document: { id: 'tsinghua', title: '清华' },
          passages: [{ id: 'tsinghua#1', documentId: 'tsinghua', section: '清华', topic: null, text }],
        },
      ],
    });
    assert.equal(correctNearMisses('清华大雪在哪里', next), '清华大学在哪里');
    next.close();
  });
}
