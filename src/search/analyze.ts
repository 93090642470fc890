/**
 * A question analyzed for one corpus (SearchEngine.analyze): the question read as written (src/reading), its
 * rules' analysis (search/query.ts), then its terms read against the corpus' words:
 * - a dictionary word the corpus lacks that is only a stop-word character glued to a verb the corpus has (会派
 *   for 会 + 派), or a noun glued to a locative (图里 for 图 + 里, 市里), is read as that verb or noun;
 * - a word the corpus never uses as a word gets the near-synonyms (text/synonyms.ts) the corpus does use as
 *   its alternatives, searched with the question (签 → 签署, 老师 → 教师).
 */
import { readQuestion, type CorpusWords } from '../reading/read.js';
import { synonymsOf } from '../text/synonyms.js';
import { generalIdf, gluedVerb, locativeStem, stopWords, tagWords, wordTerms } from '../text/tokenize.js';
import type { AnalyzedQuestion } from './query.js';

export function analyzeForCorpus(
  corpus: CorpusWords,
  question: string,
  analyze: (text: string) => AnalyzedQuestion,
): AnalyzedQuestion {
  const q = readQuestion(question, corpus, analyze);
  const readings: string[] = [];
  const synonymWords: string[] = [];
  // A noun the corpus lacks that is only function characters glued together (合作上将重点… cut 上将, "general",
  // for 上 + 将) is no content. (Other words of such characters, 一起, stay: they are the question's own.)
  const glued = (term: string) =>
    !corpus.mentions(term) &&
    [...term].length > 1 &&
    [...term].every((c) => stopWords().has(c)) &&
    tagWords(term).every((w) => w.word === term && w.tag.startsWith('n'));
  const contentTerms = q.contentTerms
    .filter((t) => !glued(t.term))
    .map((t) => {
      const reading = corpus.mentions(t.term) ? undefined : (gluedVerb(t.term) ?? locativeStem(t.term));
      if (reading !== undefined && corpus.mentions(reading)) {
        readings.push(reading);
        return { ...t, term: reading, idf: generalIdf(reading) };
      }
      if (corpus.vocabulary.words.has(t.term)) {
        const heads = headingsOf(corpus, t.term);
        if (heads.length === 0) return t;
        synonymWords.push(...heads.flatMap((h) => wordTerms(h, 'search')));
        return { ...t, alternatives: [...new Set([...(t.alternatives ?? []), ...heads])] };
      }
      const alternatives = synonymsInCorpus(corpus, t.term);
      if (alternatives.length === 0) return t;
      synonymWords.push(...alternatives.flatMap((a) => wordTerms(a, 'search')));
      return { ...t, alternatives: [...new Set([...(t.alternatives ?? []), ...alternatives])] };
    });
  return { ...q, contentTerms, words: [...q.words, ...readings], synonymWords };
}

/**
 * Near-synonyms of a word that the corpus holds: the word's own (老师 → 教师), or, for a compound jieba cuts
 * into two words, one part's synonym beside the other part (大学老师 → 大学 + 教师, found as 大学教师). A
 * synonym must be a word of the corpus (or a two-character word it holds); single characters are not
 * replaced inside compounds (国企 is not 国家企).
 */
function synonymsInCorpus(corpus: CorpusWords, word: string): string[] {
  const words = corpus.vocabulary.words;
  const isCorpusWord = (w: string) => words.has(w) || ([...w].length === 2 && corpus.mentions(w));
  const found = new Set(synonymsOf(word).filter(isCorpusWord));
  const parts = new Set(wordTerms(word, 'search'));
  for (const head of parts) {
    const tail = word.startsWith(head) ? word.slice(head.length) : '';
    if ([...head].length < 2 || [...tail].length < 2 || !parts.has(tail)) continue;
    const joined = (a: string, b: string) => words.has(a) && words.has(b) && corpus.mentions(a + b);
    for (const h of synonymsOf(head)) if (joined(h, tail)) found.add(h + tail);
    for (const t of synonymsOf(tail)) if (joined(head, t)) found.add(head + t);
  }
  return [...found];
}

/** Characters an area's two names share at least, from the start or inside (产学研 of 产学研协同 and 产学研合作). */
const SHARED_AREA_CHARS = 3;

/**
 * The aspect headings of the corpus that name the same area as a question word (战略决策咨询 → 决策咨询, 产学研协同 →
 * 产学研合作): one holds the other, or they open alike for at least SHARED_AREA_CHARS characters and half of each.
 * An overview lists an area by one name and its paragraph heads it by another.
 */
function headingsOf(corpus: CorpusWords, word: string): string[] {
  const chars = [...word];
  if (chars.length < SHARED_AREA_CHARS || !/^\p{Script=Han}+$/u.test(word)) return [];
  return (corpus.aspectHeadings?.() ?? []).filter((heading) => {
    if (heading === word || !/^\p{Script=Han}+$/u.test(heading)) return false;
    const h = [...heading];
    if (h.length >= SHARED_AREA_CHARS && (word.includes(heading) || heading.includes(word))) return true;
    let same = 0;
    while (same < Math.min(h.length, chars.length) && h[same] === chars[same]) same++;
    return same >= SHARED_AREA_CHARS && 2 * same >= h.length && 2 * same >= chars.length;
  });
}
