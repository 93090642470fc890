/** A worker thread of search/backend/parallel.ts: computes the indexed terms of its passages, chunk by chunk. */
import { NameMatcher } from '../../corpus/topics.js';
import { addUserWords } from '../../text/tokenize.js';
import type { WorkerInput } from './parallel.js';
import { indexedPassage } from './terms.js';

export function computeTerms({ passages, topics, userWords, port, signal, chunk, matchTexts }: WorkerInput): void {
  const post = (message: unknown) => {
    port.postMessage(message);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  try {
    addUserWords(userWords);
    const names = new NameMatcher(topics);
    for (let i = 0; i < passages.length; i += chunk)
      post(passages.slice(i, i + chunk).map((p) => indexedPassage(p, names, matchTexts)));
    post(null);
  } catch (e) {
    post({ error: (e as Error).message });
  }
}
