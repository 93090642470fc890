/** A worker thread of search/backend/parallel.ts: computes the indexed terms of its passages, chunk by chunk. */
import { receiveMessageOnPort } from 'node:worker_threads';
import type { Passage } from '../../corpus/types.js';
import { NameMatcher } from '../../corpus/topics.js';
import { addUserWords } from '../../text/tokenize.js';
import type { WorkerInput } from './parallel.js';
import { indexedPassage } from './terms.js';

export function computeTerms({ topics, userWords, port, passages, signal, slot, matchTexts }: WorkerInput): void {
  const post = (message: unknown) => {
    port.postMessage(message);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  /** The next chunk of passages (null after the last), waiting for it when it is not sent yet. */
  const next = (): Passage[] | null => {
    for (;;) {
      const sent = Atomics.load(signal, slot);
      const m = receiveMessageOnPort(passages);
      if (m) return m.message as Passage[] | null;
      Atomics.wait(signal, slot, sent, 1000);
    }
  };
  try {
    addUserWords(userWords);
    const names = new NameMatcher(topics);
    for (let chunk = next(); chunk; chunk = next()) post(chunk.map((p) => indexedPassage(p, names, matchTexts)));
    post(null);
  } catch (e) {
    post({ error: (e as Error).message });
  }
}
