import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { DEFAULT_CORPUS } from '../../src/cli/wiring.js';
import { REPO_ROOT } from '../../src/paths.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { NameMatcher } from '../../src/corpus/topics.js';
import { MiniSearchStage, type MiniSearchSnapshot } from '../../src/search/backend/minisearch.js';
import { indexedPassage, isIndexed } from '../../src/search/backend/terms.js';
import type { FirstStageQuery } from '../../src/search/backend/types.js';
import { DEFAULT_RANKING } from '../../src/search/ranking.js';
import { addUserWords } from '../../src/text/tokenize.js';

/** The bundled article and the made-up third agreement, as indexed passages. */
function passages() {
  return [DEFAULT_CORPUS, join(REPO_ROOT, 'test', 'fixtures', 'third-agreement')].flatMap((folder) => {
    const corpus = loadCorpus(folder);
    addUserWords(corpus.userWords);
    const names = new NameMatcher(corpus.topics);
    return corpus.passages.filter(isIndexed).map((p) => indexedPassage(p, names));
  });
}

/** The stage's hits as MiniSearch's own search gives them, and as the lean OR query does. */
function bothWays(stage: MiniSearchStage, q: FirstStageQuery) {
  stage.scoring = 'minisearch';
  const reference = stage.search(q);
  stage.scoring = 'lean';
  return { reference, lean: stage.search(q) };
}

const indexed = passages();
const words = [...new Set(indexed.flatMap((p) => `${p.words} ${p.section}`.split(' ')))].filter(Boolean);
const bigrams = [...new Set(indexed.flatMap((p) => p.bigrams.split(' ')))].filter(Boolean);
/** Terms the corpus lacks, and terms of one field searched in another (a bigram that is also a word). */
const absent = ['长江', '足球比赛', 'tsinghua'];

const queries = fc.record({
  words: fc.array(fc.constantFrom(...words, ...absent, ...bigrams.slice(0, 20)), { maxLength: 25 }),
  bigrams: fc.array(fc.constantFrom(...bigrams, ...absent, ...words.slice(0, 20)), { maxLength: 30 }),
  synonyms: fc.array(fc.constantFrom(...words), { maxLength: 4 }),
  limit: fc.constantFrom(1, 3, 20, 1000),
});

const query = (q: { words: string[]; bigrams: string[]; synonyms: string[]; limit: number }): FirstStageQuery => ({
  ...q,
  boosts: {
    words: DEFAULT_RANKING.wordBoost,
    bigrams: DEFAULT_RANKING.bigramBoost,
    section: DEFAULT_RANKING.sectionBoost,
  },
  synonymFactor: DEFAULT_RANKING.synonymFactor,
});

test('the first stage ranks exactly as MiniSearch search does: same passages, order and scores', () => {
  const stage = new MiniSearchStage(indexed);
  fc.assert(
    fc.property(queries, (q) => {
      const { reference, lean } = bothWays(stage, query(q));
      assert.deepEqual(lean, reference);
    }),
    { numRuns: 300 },
  );
  // A question's terms, repeats included (a word searched twice weighs twice but counts once).
  const { reference, lean } = bothWays(
    stage,
    query({
      words: ['清华大学', '签署', '清华大学', '合作'],
      bigrams: ['清华', '大学', '签署'],
      synonyms: ['签署'],
      limit: 20,
    }),
  );
  assert.ok(reference.length > 3);
  assert.deepEqual(lean, reference);
});

test('after documents are removed and added, and from a snapshot, it still ranks as MiniSearch does', () => {
  const stage = new MiniSearchStage(indexed);
  const [first, second] = [...new Set(indexed.map((p) => p.documentId))];
  stage.removeDocuments([first!]);
  stage.add(indexed.filter((p) => p.documentId === first).slice(0, 3));
  stage.removeDocuments([second!]);
  const restored = MiniSearchStage.fromSnapshot(deserialize(serialize(stage.snapshot())) as MiniSearchSnapshot);
  for (const s of [stage, restored]) {
    fc.assert(
      fc.property(queries, (q) => {
        const { reference, lean } = bothWays(s, query(q));
        assert.deepEqual(lean, reference);
      }),
      { numRuns: 100 },
    );
  }
});

test('equal scores keep the order MiniSearch meets the passages in (field by field), and no passage is wanted, none', () => {
  const passage = (id: string, words: string, section: string) => ({
    id,
    documentId: 'd',
    words,
    bigrams: '',
    section,
    numbers: '',
  });
  // x weighs alike in p1's section and p2's words: MiniSearch meets p2 first (words before section).
  const stage = new MiniSearchStage([
    passage('p1', 'a b', 'x y'),
    passage('p2', 'x y', 'a b'),
    passage('p3', 'c', 'd'),
  ]);
  const q = {
    ...query({ words: ['x'], bigrams: [], synonyms: [], limit: 5 }),
    boosts: { words: 1, bigrams: 1, section: 1 },
  };
  const { reference, lean } = bothWays(stage, q);
  assert.deepEqual(
    reference.map((r) => r.id),
    ['p2', 'p1'],
  );
  assert.equal(reference[0]!.score, reference[1]!.score);
  assert.deepEqual(lean, reference);
  assert.deepEqual(bothWays(stage, { ...q, limit: 0 }).lean, []);
});
