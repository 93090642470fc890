/**
 * Indexed terms of many passages, computed in worker threads (one per core but one) while this thread writes the
 * index: on 2 cores one worker computes terms while this thread writes. Synchronous for the caller (SearchEngine.open is): this
 * thread sleeps on an Atomics counter the workers bump after each chunk, and takes the chunks off their ports
 * with receiveMessageOnPort, in order per worker. The passages go to a worker a chunk at a time, a few chunks
 * ahead of what this thread has written (WINDOW): a worker given all its passages at once held a copy of them
 * (110 MiB at 100k) and ran ahead of the writer, its chunks queued on the port (500 MiB at 100k, peak RSS
 * 1.2 GiB).
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { NameMatcher } from '../../corpus/topics.js';
import type { Corpus, Passage } from '../../corpus/types.js';
import { indexedPassage } from './terms.js';
import type { IndexedPassage } from './types.js';

/** Below this many passages, terms are computed in this thread (a worker loads its dictionaries for ~1 s). */
export const PARALLEL_FROM = 4000;
/** Passages per message from a worker. */
const CHUNK = 250;
/** At most this many workers (each holds its own copy of jieba's and OpenCC's dictionaries, ≈150 MiB). */
const MAX_WORKERS = 4;
/**
 * Chunks of passages a worker is given ahead of the chunks this thread has taken back: enough that neither waits
 * for the other, few enough that neither side queues much.
 */
const WINDOW = 4;

export interface WorkerInput {
  topics: Corpus['topics'];
  userWords: string[];
  /** Where the worker posts its chunks of terms (then null, or an error). */
  port: MessagePort;
  /** Where it receives its chunks of passages (then null). */
  passages: MessagePort;
  /** signal[0]: bumped by a worker after each post; signal[slot]: bumped by this thread after each chunk sent. */
  signal: Int32Array;
  slot: number;
  /** Compute the passages' match texts too (indexedPassage). */
  matchTexts: boolean;
}

/** The worker's entry: TypeScript through tsx's loader, which a new thread does not inherit. */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const { port, signal } = workerData.input;
import(workerData.tsx)
  .then(({ register }) => { register(); return import(workerData.module); })
  .then((m) => m.computeTerms(workerData.input))
  .catch((e) => { port.postMessage({ error: String(e && e.message || e) }); Atomics.add(signal, 0, 1); Atomics.notify(signal, 0); });
`;
const TSX_API = import.meta.resolve('tsx/esm/api');

/** Terms of the passages, in chunks, in this thread or in workers (see PARALLEL_FROM). */
export function* indexedChunks(
  passages: Passage[],
  corpus: Corpus,
  names: NameMatcher,
  matchTexts = false,
): Generator<IndexedPassage[]> {
  // One core is left to this thread, which writes the index meanwhile: on 2 cores a second worker only took
  // turns with the first and the writer, and held another copy of the dictionaries (≈150 MiB) and of its passages.
  const workers = Math.min(MAX_WORKERS, availableParallelism() - 1, Math.floor(passages.length / (PARALLEL_FROM / 2)));
  if (passages.length < PARALLEL_FROM || workers < 1) {
    for (let i = 0; i < passages.length; i += CHUNK)
      yield passages.slice(i, i + CHUNK).map((p) => indexedPassage(p, names, matchTexts));
    return;
  }
  const signal = new Int32Array(new SharedArrayBuffer(4 * (workers + 1)));
  const size = Math.ceil(passages.length / workers);
  const running = Array.from({ length: workers }, (_, w) => {
    const { port1, port2 } = new MessageChannel();
    const input = new MessageChannel();
    const data: WorkerInput = {
      topics: corpus.topics,
      userWords: corpus.userWords,
      port: port2,
      passages: input.port2,
      signal,
      slot: w + 1,
      matchTexts,
    };
    const module = new URL('./terms-worker.ts', import.meta.url).href;
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { module, tsx: TSX_API, input: data },
      transferList: [port2, input.port2],
    });
    const r = { port: port1, input: input.port1, worker, done: false, next: w * size, end: (w + 1) * size };
    for (let k = 0; k < WINDOW; k++) send(r, w + 1);
    return r;
  });
  /** Gives a worker its next chunk of passages (null once there are none). */
  function send(r: { input: MessagePort; next: number; end: number }, slot: number): void {
    if (r.next > r.end) return;
    const to = Math.min(r.next + CHUNK, r.end, passages.length);
    r.input.postMessage(r.next < to ? passages.slice(r.next, to) : null);
    r.next = r.next < to ? to : r.end + 1;
    Atomics.add(signal, slot, 1);
    Atomics.notify(signal, slot);
  }
  try {
    while (running.some((r) => !r.done)) {
      const seen = Atomics.load(signal, 0);
      let got = false;
      for (const [w, r] of running.entries()) {
        for (let m = r.done ? undefined : receiveMessageOnPort(r.port); m; m = receiveMessageOnPort(r.port)) {
          got = true;
          const chunk = m.message as IndexedPassage[] | { error: string } | null;
          if (chunk === null) r.done = true;
          else if (!Array.isArray(chunk)) throw new Error(`Indexing worker failed: ${chunk.error}`);
          else {
            yield chunk;
            send(r, w + 1);
          }
          if (r.done) break;
        }
      }
      // Nothing new: sleep until a worker signals (every failure is reported as a message too).
      if (!got) Atomics.wait(signal, 0, seen, 1000);
    }
  } finally {
    for (const r of running) {
      r.port.close();
      r.input.close();
      void r.worker.terminate();
    }
  }
}
