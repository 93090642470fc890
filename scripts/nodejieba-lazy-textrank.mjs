/**
 * postinstall: rebuilds nodejieba 3.5.8 so that load() builds jieba's dictionary once, not twice.
 *
 * nodejieba's load() builds cppjieba::Jieba (the segmenter we use) and a TextRankExtractor (keyword extraction,
 * never used here) that loads the same 350k-word dictionary and HMM model again: about half of its 2 s of CPU
 * at every start (DESIGN.md, Large corpora). The patch keeps the paths and builds the extractor at the first
 * textRankExtract() call instead. Nothing else changes.
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
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const MARK = 'lazy TextRankExtractor (zhdoc-bot postinstall)';

const CPP_LOAD = `  delete _text_rank_extractor_handle;
  _text_rank_extractor_handle = new cppjieba
		      ::TextRankExtractor(dictPath,
                                  modelPath,
                                  stopWordsPath,
                                  userDictPath);
`;
const CPP_LOAD_LAZY = `  // ${MARK}: built at the first textRankExtract().
  delete _text_rank_extractor_handle;
  _text_rank_extractor_handle = nullptr;
  _text_rank_paths[0] = dictPath;
  _text_rank_paths[1] = modelPath;
  _text_rank_paths[2] = stopWordsPath;
  _text_rank_paths[3] = userDictPath;
`;
const CPP_EXTRACT = `  if( !_text_rank_extractor_handle ){`;
const CPP_EXTRACT_LAZY = `  if( !_text_rank_extractor_handle && _jieba_handle ){
    _text_rank_extractor_handle = new cppjieba::TextRankExtractor(_text_rank_paths[0], _text_rank_paths[1],
                                                                  _text_rank_paths[2], _text_rank_paths[3]);
  }
${CPP_EXTRACT}`;
const H_MEMBER = `  cppjieba::TextRankExtractor* _text_rank_extractor_handle{nullptr};
`;
const H_MEMBER_LAZY = `${H_MEMBER}  std::string _text_rank_paths[4];
`;

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
  if (existsSync(marker) && readFileSync(marker, 'utf8') === version) return say('already built');
  const cpp = readFileSync(join(dir, 'lib', 'nodejieba.cpp'), 'utf8');
  const header = readFileSync(join(dir, 'lib', 'nodejieba.h'), 'utf8');
  const count = (text, part) => text.split(part).length - 1;
  if (count(cpp, CPP_LOAD) !== 1 || count(cpp, CPP_EXTRACT) !== 1 || count(header, H_MEMBER) !== 1)
    return say(`nodejieba ${version}'s sources are not the ones this patch knows (3.5.8); left as installed`);

  const work = join(dir, '..', '.nodejieba-lazy');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'lib'), { recursive: true });
  copyFileSync(join(dir, 'binding.gyp'), join(work, 'binding.gyp'));
  for (const file of ['index.cpp', 'utils.h']) copyFileSync(join(dir, 'lib', file), join(work, 'lib', file));
  writeFileSync(
    join(work, 'lib', 'nodejieba.cpp'),
    cpp.replace(CPP_LOAD, CPP_LOAD_LAZY).replace(CPP_EXTRACT, CPP_EXTRACT_LAZY),
  );
  writeFileSync(join(work, 'lib', 'nodejieba.h'), header.replace(H_MEMBER, H_MEMBER_LAZY));
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
  const built = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release', '--jobs', '2'], {
    cwd: work,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result = join(work, 'build', 'Release', 'nodejieba.node');
  if (built.status !== 0 || !existsSync(result)) {
    say(`the build failed (${built.error?.message ?? `exit ${built.status}`}); nodejieba left as installed`);
    process.stdout.write(`${(built.stderr ?? '').slice(-2000)}\n`);
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
  writeFileSync(marker, version);
  rmSync(work, { recursive: true, force: true });
  say(`nodejieba ${version} rebuilt: load() builds the dictionary once`);
}

try {
  main();
} catch (e) {
  say(`skipped (${e instanceof Error ? e.message : String(e)}); nodejieba left as installed`);
}
