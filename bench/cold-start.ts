/**
 * A cold start, as a user restarting the program sees it: load the corpus, build (or load) the index, answer
 * one question, then print `@@answered {phases}` and exit. bench/run.ts times it from spawn to that line.
 *
 *   node --import tsx bench/cold-start.ts <ours|fts5|jieba|default> <build|load> <corpus.jsonl> <index.json|DATA_DIR|-> <question>
 *
 * Each set-up imports only what it needs (dynamic imports), so no one pays for another's modules.
 */
const [system = '', mode = '', corpusPath = '', indexPath = '', question = ''] = process.argv.slice(2);

/** ms since this process started (performance.timeOrigin is the process start). */
const sinceStart = () => performance.now();
const phases: Record<string, number> = { imports: 0, index: 0, answer: 0 };

async function answerOnce(): Promise<string[]> {
  if (system === 'fts5') {
    // The index persisted in a DATA_DIR (here indexPath) by a first run: opened, not built.
    const [{ answerQuestion }, { SearchEngine }, { loadCorpus }] = await Promise.all([
      import('../src/answer/answer.ts'),
      import('../src/search/engine.ts'),
      import('../src/corpus/load.ts'),
    ]);
    phases.imports = sinceStart();
    const corpus = loadCorpus(corpusPath);
    const { engine } = SearchEngine.open(corpus, { dataDir: indexPath, source: corpusPath, backend: 'fts5' });
    phases.index = sinceStart();
    const answer = answerQuestion(engine, question, { top: 5 });
    return answer.kind === 'answer' ? answer.hits.map((h) => h.passage.id) : [];
  }
  if (system === 'ours') {
    const [{ answerQuestion }, { SearchEngine }, { loadCorpus }, { readFileSync }] = await Promise.all([
      import('../src/answer/answer.ts'),
      import('../src/search/engine.ts'),
      import('../src/corpus/load.ts'),
      import('node:fs'),
    ]);
    phases.imports = sinceStart();
    const engine =
      mode === 'load'
        ? SearchEngine.fromJSON(readFileSync(indexPath, 'utf8'))
        : SearchEngine.build(loadCorpus(corpusPath));
    phases.index = sinceStart();
    const answer = answerQuestion(engine, question, { top: 5 });
    return answer.kind === 'answer' ? answer.hits.map((h) => h.passage.id) : [];
  }
  const [{ default: MiniSearch }, { loadCorpus }, { peerOptions, jiebaCutTokens }] = await Promise.all([
    import('minisearch'),
    import('../src/corpus/load.ts'),
    import('../src/eval/peers.ts'),
  ]);
  let tokenize: ((text: string) => string[]) | undefined;
  if (system === 'jieba') {
    tokenize = jiebaCutTokens;
  } else if (system !== 'default') {
    throw new Error(`Unknown system "${system}" (ours, jieba, default)`);
  }
  phases.imports = sinceStart();
  const ms = new MiniSearch(peerOptions(tokenize));
  ms.addAll(loadCorpus(corpusPath).passages);
  phases.index = sinceStart();
  return ms
    .search(question)
    .slice(0, 5)
    .map((r) => String(r.id));
}

answerOnce()
  .then((ids) => {
    phases.answer = sinceStart();
    process.stdout.write(`@@answered ${JSON.stringify({ phases, ids })}\n`);
  })
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
