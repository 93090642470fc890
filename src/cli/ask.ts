/**
 * `npm run ask -- "问题"` answers one question for a person; `npm run --silent ask -- --json` reads one
 * question a line on stdin and writes one JSON object a line (the stable interface in DEVELOPERS.md).
 */
import { DEFAULT_TOP, type Answer } from '../answer/answer.js';
import { answerAlone } from '../dialogue/converse.js';
import type { SearchEngine } from '../search/engine.js';
import { EXIT, isEntryPoint, parseCliArgs, readLines, run, type CliIo } from './io.js';
import { LARGE_CORPUS_PASSAGES, type BackendChoice } from '../search/backend/persist.js';
import { dataDirOf } from '../config.js';
import { openEngine } from './wiring.js';
import { consoleTurn, createConsoleSession } from './console-chat.js';
import type { ConversationStore } from '../dialogue/state.js';

const INDEX_KINDS = ['auto', 'minisearch', 'fts5', 'memory'];

const HELP = `Usage:
  npm run ask -- "问题"                 answer one question (passage, section, agreement)
  npm run --silent ask -- --json        read questions one a line on stdin, write one JSON object a line
Options:
  --top K          answers per question (default ${DEFAULT_TOP})
  --corpus PATH    a folder of .md/.txt documents, or a JSONL file of {id, title, text} passages
  --json           JSON lines (with a question argument: one JSON line for it)
  --session        with --json: the lines are the turns of one conversation (follow-ups such as 那清华呢
                   are resolved as in the console chat); each line also gets "reply" and "understood"
  --index KIND     auto (default: MiniSearch, or SQLite FTS5 from ${LARGE_CORPUS_PASSAGES.toLocaleString('en-US')} passages), minisearch or fts5,
                   persisted in DATA_DIR/index (default ./data) and reused while the corpus is unchanged;
                   memory: build in memory, persist nothing
`;

/** One line of `ask --json` output. */
export interface JsonAnswer {
  question: string;
  answers: Array<{ id: string; text: string; section: string; topic: string; score: number }>;
  error?: string;
}

/** The JSON form of an answer: best first, `answers: []` when the corpus has no answer. */
export function toJson(answer: Answer): JsonAnswer {
  if (answer.kind === 'invalid') return { question: answer.question, answers: [], error: answer.error };
  if (answer.kind === 'none') return { question: answer.question, answers: [] };
  return {
    question: answer.question,
    answers: answer.hits.map((h) => ({
      id: h.passage.id,
      text: h.passage.text,
      section: h.passage.section,
      topic: h.passage.topic ?? '',
      score: Math.round(h.score * 1000) / 1000,
    })),
  };
}

/** The answer as a person reads it in a terminal. */
export function toText(engine: SearchEngine, answer: Answer): string {
  if (answer.kind === 'invalid') return `⚠ ${answer.error}\n`;
  if (answer.kind === 'none') {
    const topics = engine.corpus.topics.agreements.map((t) => t.title).join('、');
    return `文档中没有找到这个问题的答案。${topics ? `文档涵盖：${topics}。` : ''}\n`;
  }
  return answer.hits
    .map((h, i) => {
      const topic = engine.corpus.topics.agreements.find((t) => t.id === h.passage.topic);
      // A heading is its own section: not repeated.
      const source = [h.passage.heading ? undefined : h.passage.section, topic?.title].filter(Boolean).join(' · ');
      return `${i + 1}. ${h.passage.text}\n   —— ${source}  [${h.passage.id}, score ${h.score.toFixed(1)}]\n   要点：${h.bestSentence}\n`;
    })
    .join('\n');
}

export async function main(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const parsed = parseCliArgs(
    argv,
    {
      json: { type: 'boolean' },
      session: { type: 'boolean' },
      top: { type: 'string' },
      corpus: { type: 'string' },
      index: { type: 'string' },
    },
    HELP,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const top = values.top === undefined ? DEFAULT_TOP : Number(values.top);
  if (!Number.isInteger(top) || top < 1 || top > 100) {
    io.stderr(`--top must be a whole number from 1 to 100 (got "${values.top}")\n`);
    return EXIT.USAGE;
  }
  const index = values.index ?? 'auto';
  if (!INDEX_KINDS.includes(index)) {
    io.stderr(`--index must be one of ${INDEX_KINDS.join(', ')} (got "${index}")\n`);
    return EXIT.USAGE;
  }
  if (!values.json && positionals.length === 0) {
    io.stderr(`Give a question, or --json to read questions from stdin.\n${HELP}`);
    return EXIT.USAGE;
  }
  let engine: SearchEngine;
  try {
    engine = openEngine(
      values.corpus,
      index === 'memory'
        ? {}
        : {
            dataDir: dataDirOf(env),
            backend: index as BackendChoice,
            // Indexing is reported (on stderr), an unchanged index is not.
            onIndex: (r) => {
              if (r.added + r.removed > 0)
                io.stderr(
                  `index (${r.backend}, ${r.file}): ${r.added} documents indexed, ${r.removed} removed, ${r.kept} kept, ${(r.ms / 1000).toFixed(1)} s\n`,
                );
            },
          },
    );
  } catch (e) {
    io.stderr(`${(e as Error).message}\n`);
    return EXIT.FAILED;
  }
  const answer = (q: string): Answer => {
    try {
      return answerAlone(engine, q, top);
    } catch (e) {
      // One bad question must not stop a batch: report it on its own line and go on.
      return { kind: 'invalid', question: q, error: `internal error: ${(e as Error).message}` };
    }
  };
  if (positionals.length > 0) {
    const a = answer(positionals.join(' '));
    io.stdout(values.json ? `${JSON.stringify(toJson(a))}\n` : toText(engine, a));
    return EXIT.OK;
  }
  // --session: the lines are the turns of one conversation (follow-ups resolved as in the console chat).
  const session = values.session ? createConsoleSession() : undefined;
  for await (const line of readLines(io.stdin)) {
    io.stdout(`${JSON.stringify(session ? sessionJson(engine, line, session, top) : toJson(answer(line)))}\n`);
  }
  return EXIT.OK;
}

/** One turn of `ask --json --session`: the answer's JSON plus the reply as the console prints it, and how it was understood. */
export function sessionJson(
  engine: SearchEngine,
  line: string,
  session: ConversationStore,
  top: number,
): JsonAnswer & { reply: string; understood?: string } {
  try {
    const { text, reply } = consoleTurn(engine, line, 'zh', session, top);
    const hits = reply?.answer?.kind === 'answer' ? reply.answer.hits : (reply?.hits ?? []);
    const base =
      reply?.answer && reply.answer.kind !== 'answer'
        ? toJson(reply.answer)
        : toJson({ kind: 'answer', question: line, hits, evidence: 1 });
    return { ...base, question: line, ...(reply?.understood ? { understood: reply.understood } : {}), reply: text };
  } catch (e) {
    return { question: line, answers: [], error: `internal error: ${(e as Error).message}`, reply: '' };
  }
}

if (isEntryPoint(import.meta.url)) run(main);
