/** A passage's indexed terms: the one place the first stage's input is computed (index build and updates). */
import { createHash } from 'node:crypto';
import { splitSentences } from '../../corpus/split.js';
import { normalizeText } from '../../text/normalize.js';
import { hanBigrams, numberPieces, wordTerms } from '../../text/tokenize.js';
import type { NameMatcher } from '../../corpus/topics.js';
import type { Corpus, Passage } from '../../corpus/types.js';
import type { IndexedPassage } from './types.js';

/**
 * Version of what the first stage indexes: bump it when indexedPassage, normalization or segmentation change
 * in a way that changes terms, so that persisted indexes are rebuilt.
 */
export const INDEX_FORMAT = 25;

/**
 * A passage's terms; with `matchTexts`, also its match texts as SearchEngine.passageMatchText and
 * passageSentences compute them (an FTS5 index keeps them: IndexedPassage.matchText).
 */
export function indexedPassage(p: Passage, names: NameMatcher, matchTexts = false): IndexedPassage {
  const sentences = splitSentences(p.text).map((s) => names.canonicalize(normalizeText(s)));
  const text = joinedMatchText(sentences, p.keywords, names);
  const section = names.canonicalize(normalizeText(p.section));
  return {
    id: p.id,
    documentId: p.documentId,
    words: wordTerms(text, 'search').join(' '),
    bigrams: hanBigrams(text).join(' '),
    section: wordTerms(section, 'search').join(' '),
    numbers: numberPieces(text).join(' '),
    ...(matchTexts ? { matchText: text, sentenceMatchTexts: sentences } : {}),
  };
}

/**
 * A passage's match text: its sentences' match texts joined, then its keywords'. Normalization goes sentence by
 * sentence (text/normalize.ts toSimplified), so this is the whole text's match text without normalizing it twice
 * (the sentences' are needed too: a quarter of an index build's term computing went to normalizing both).
 */
export function joinedMatchText(
  sentences: string[],
  keywords: readonly string[] | undefined,
  names: NameMatcher,
): string {
  const text = sentences.join('');
  return keywords?.length ? `${text} ${names.canonicalize(normalizeText(keywords.join(' ')))}` : text;
}

/** Passages the first stage indexes: not the headings, which rankHeadings finds (questions about a heading). */
export const isIndexed = (p: Passage): boolean => !p.heading;

const sha256 = (parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/**
 * What every passage's terms depend on besides its own text: the index format, the words added to the
 * segmenter and the names canonicalized (topics.json). When it changes, every passage is indexed again.
 */
export function tokenizerKey(corpus: Pick<Corpus, 'userWords' | 'topics'>): string {
  return sha256([String(INDEX_FORMAT), ...[...corpus.userWords].sort(), JSON.stringify(corpus.topics)]);
}

/** A content hash per document, over its indexed passages (id, section, text, keywords). */
export function documentHashes(corpus: Corpus): Map<string, string> {
  const parts = new Map<string, string[]>(corpus.documents.map((d) => [d.id, []]));
  for (const p of corpus.passages) {
    if (!isIndexed(p)) continue;
    let list = parts.get(p.documentId);
    if (!list) parts.set(p.documentId, (list = []));
    list.push(p.id, p.section, p.text, (p.keywords ?? []).join(' '));
  }
  return new Map([...parts].map(([id, list]) => [id, sha256(list)]));
}

/** One hash of the whole corpus, from its documents' hashes. */
export function corpusHash(hashes: Map<string, string>): string {
  return sha256([...hashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flat());
}
