/**
 * postinstall: rebuilds nodejieba 3.5.8 so that load() builds jieba's dictionary once, not twice.
 *
 * nodejieba's load() builds cppjieba::Jieba (the segmenter we use) and a TextRankExtractor (keyword extraction,
 * never used here) that loads the same 350k-word dictionary and HMM model again: about half of its 2 s of CPU
 * at every start (DESIGN.md, Large corpora). The patch keeps the paths and builds the extractor at the first
 * textRankExtract() call instead; and, with glibc, keeps large blocks in the heap and grows it 256 MiB at a
 * time while the dictionary is built (glibc's defaults made the build fault twice the pages and take twice the
 * CPU). Nothing else changes.
 *
 * Safe by construction: the patched sources are built in a copy (node_modules/.nodejieba-lazy), and the working
 * binary is replaced only once the new one is built and loads. Any failure (another nodejieba version, no C++
 * tool chain) leaves nodejieba as npm installed it, prints why, and exits 0: the bot works, its start is slower.
 * Run again by hand with `npm run postinstall`.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const MARK = 'lazy TextRankExtractor (zhdoc-bot postinstall)';

/** Each part of nodejieba.cpp and nodejieba.h the patch changes (found exactly once), and what it becomes. */
const CPP_PATCH = [
  [
    `#include "utils.h"
`,
    `#include "utils.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
`,
  ],
  [
    `  delete _jieba_handle;
`,
    `  // ${MARK}.
#ifdef __GLIBC__
  // The dictionary is half a million small allocations and a few large vectors grown again and again: with
  // glibc's defaults (large blocks mapped apart, the heap grown 128 KiB at a time) the build faulted 89k pages
  // and took 1.3 s of CPU; with these, 39k pages and 0.64 s. The defaults are set again once it is built.
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TOP_PAD, 256 << 20);
#endif
  delete _jieba_handle;
`,
  ],
  [
    `  delete _text_rank_extractor_handle;
  _text_rank_extractor_handle = new cppjieba
		      ::TextRankExtractor(dictPath,
                                  modelPath,
                                  stopWordsPath,
                                  userDictPath);
`,
    `#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 128 << 10);
  mallopt(M_TOP_PAD, 128 << 10);
#endif
  // The keyword extractor is built at the first textRankExtract().
  delete _text_rank_extractor_handle;
  _text_rank_extractor_handle = nullptr;
  _text_rank_paths[0] = dictPath;
  _text_rank_paths[1] = modelPath;
  _text_rank_paths[2] = stopWordsPath;
  _text_rank_paths[3] = userDictPath;
`,
  ],
  [
    `  if( !_text_rank_extractor_handle ){`,
    `  if( !_text_rank_extractor_handle && _jieba_handle ){
    _text_rank_extractor_handle = new cppjieba::TextRankExtractor(_text_rank_paths[0], _text_rank_paths[1],
                                                                  _text_rank_paths[2], _text_rank_paths[3]);
  }
  if( !_text_rank_extractor_handle ){`,
  ],
];
const H_PATCH = [
  [
    `  cppjieba::TextRankExtractor* _text_rank_extractor_handle{nullptr};
`,
    `  cppjieba::TextRankExtractor* _text_rank_extractor_handle{nullptr};
  std::string _text_rank_paths[4];
`,
  ],
];

const say = (message) => process.stdout.write(`nodejieba-lazy-textrank: ${message}\n`);

function main() {
  let dir;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('nodejieba/package.json'));
  } catch {
    return say('nodejieba is not installed; nothing to do');
  }
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const binary = join(dir, 'build', 'Release', 'nodejieba.node');
  const marker = `${binary}.lazy-textrank`;
  // The marker names the version and the patch the binary was built with.
  const built = `${version} ${createHash('sha256')
    .update(JSON.stringify([CPP_PATCH, H_PATCH]))
    .digest('hex')}`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === built) return say('already built');
  const cpp = readFileSync(join(dir, 'lib', 'nodejieba.cpp'), 'utf8');
  const header = readFileSync(join(dir, 'lib', 'nodejieba.h'), 'utf8');
  const count = (text, part) => text.split(part).length - 1;
  const patchable = (text, patch) => patch.every(([from]) => count(text, from) === 1);
  const patched = (text, patch) => patch.reduce((t, [from, to]) => t.replace(from, () => to), text);
  if (!patchable(cpp, CPP_PATCH) || !patchable(header, H_PATCH))
    return say(`nodejieba ${version}'s sources are not the ones this patch knows (3.5.8); left as installed`);

  const work = join(dir, '..', '.nodejieba-lazy');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'lib'), { recursive: true });
  copyFileSync(join(dir, 'binding.gyp'), join(work, 'binding.gyp'));
  for (const file of ['index.cpp', 'utils.h']) copyFileSync(join(dir, 'lib', file), join(work, 'lib', file));
  writeFileSync(join(work, 'lib', 'nodejieba.cpp'), patched(cpp, CPP_PATCH));
  writeFileSync(join(work, 'lib', 'nodejieba.h'), patched(header, H_PATCH));
  symlinkSync(join(dir, 'submodules'), join(work, 'submodules'), 'dir');

  // npm sets npm_config_node_gyp for install scripts; by hand, the node-gyp bundled with npm.
  const nodeGyp =
    process.env.npm_config_node_gyp ??
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    );
  // Node's own headers where it has them (installed under its prefix), rather than a download: npm passes its
  // nodedir setting itself, a run by hand does not.
  const prefix = join(dirname(process.execPath), '..');
  const nodedir =
    !process.env.npm_config_nodedir && existsSync(join(prefix, 'include', 'node', 'node.h'))
      ? [`--nodedir=${prefix}`]
      : [];
  const compiled = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release', '--jobs', '2', ...nodedir], {
    cwd: work,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result = join(work, 'build', 'Release', 'nodejieba.node');
  if (compiled.status !== 0 || !existsSync(result)) {
    say(`the build failed (${compiled.error?.message ?? `exit ${compiled.status}`}); nodejieba left as installed`);
    process.stdout.write(`${(compiled.stderr ?? '').slice(-2000)}\n`);
    return;
  }
  // The new binary must load and segment before it replaces the old one.
  const tried = spawnSync(
    process.execPath,
    [
      '-e',
      `const j = require(${JSON.stringify(result)}); const d = ${JSON.stringify(join(dir, 'submodules', 'cppjieba', 'dict'))} + '/';
       j.load(d + 'jieba.dict.utf8', d + 'hmm_model.utf8', d + 'user.dict.utf8', d + 'idf.utf8', d + 'stop_words.utf8');
       if (j.cut('南京市长江大桥', false).join('/') !== '南京市/长江大桥') process.exit(1);
       if (j.textRankExtract('南京市长江大桥是一座桥，长江大桥很长。', 2).length === 0) process.exit(2);`,
    ],
    { encoding: 'utf8' },
  );
  if (tried.status !== 0) {
    say(`the new binary did not pass its check (exit ${tried.status}); nodejieba left as installed`);
    process.stdout.write(`${(tried.stderr ?? '').slice(-2000)}\n`);
    return;
  }
  mkdirSync(dirname(binary), { recursive: true });
  copyFileSync(result, `${binary}.tmp`);
  renameSync(`${binary}.tmp`, binary);
  writeFileSync(marker, built);
  rmSync(work, { recursive: true, force: true });
  say(`nodejieba ${version} rebuilt: load() builds the dictionary once`);
}

try {
  main();
} catch (e) {
  say(`skipped (${e instanceof Error ? e.message : String(e)}); nodejieba left as installed`);
}
