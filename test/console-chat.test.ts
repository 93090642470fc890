/** `npm start` without BOT_TOKEN: the console chat, in-process through main() and as the real entry point. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { Readable } from 'node:stream';
import type { CliIo } from '../src/cli/io.ts';
import { main } from '../src/cli/start.ts';
import { REPO_ROOT } from '../src/eval/datasets.ts';
import { startBotApiStandIn } from './support/bot-api-stand-in.ts';

function fakeIo(input: string, isTTY = false): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const stdin = Object.assign(Readable.from([Buffer.from(input)]), { isTTY });
  return { stdin, stdout: (t) => void (out += t), stderr: (t) => void (err += t), out: () => out, err: () => err };
}

const QUESTIONS = '上海交大的合作涵盖哪些领域？\n\n北京明天天气怎么样？\n';

describe('console chat', () => {
  test('answers each line as plain text, a no-answer line too, and exits 0 at end of input', async () => {
    const io = fakeIo(QUESTIONS);
    assert.equal(await main([], { BOT_TOKEN: '' }, io), 0);
    const out = io.out();
    assert.match(out, /等多方面开展深度合作/);
    assert.match(out, /出处：.*重庆市政府与上海交通大学战略合作协议/);
    assert.match(out, /抱歉，这些文档没有讲到这个问题/);
    assert.doesNotMatch(out, /<\/?[bi]>|&amp;|&lt;/, 'plain text: no tags, no entities');
    assert.equal(io.err(), '', 'no banner when stdin is not a terminal');
  });

  test('on a terminal, a banner and prompts go to stderr, answers to stdout', async () => {
    const io = fakeIo('清华大学\n', true);
    assert.equal(await main([], {}, io), 0);
    assert.match(io.err(), /BOT_TOKEN/);
    assert.match(io.out(), /清华大学/);
  });

  test('a bad setting exits 2 naming the variable, never printing the token', async () => {
    const token = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij';
    const io = fakeIo('');
    assert.equal(await main([], { BOT_TOKEN: token, TELEGRAM_API_ROOT: `ftp://${token}` }, io), 2);
    assert.match(io.err(), /TELEGRAM_API_ROOT/);
    assert.ok(!io.err().includes(token));
    const bad = fakeIo('');
    assert.equal(await main([], { BOT_TOKEN: 'not-a-token' }, bad), 2);
    assert.match(bad.err(), /BOT_TOKEN .*@BotFather/);
  });

  test('a token Telegram rejects exits 1 with a hint, without printing the token', async () => {
    const standIn = await startBotApiStandIn();
    try {
      const token = '654321:ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrq';
      const io = fakeIo('');
      assert.equal(await main([], { BOT_TOKEN: token, TELEGRAM_API_ROOT: standIn.url, LOG_LEVEL: 'silent' }, io), 1);
      assert.match(io.err(), /Could not run the bot: .*401.*check it with @BotFather/);
      assert.ok(!io.err().includes(token));
    } finally {
      await standIn.close();
    }
  });

  test('`echo questions | npm start` (the real entry, no BOT_TOKEN) prints the answers and exits 0', () => {
    // Every setting given (empty = default), so a developer's .env cannot change what this test runs.
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BOT_TOKEN: '',
      CORPUS_PATH: '',
      TELEGRAM_API_ROOT: '',
      WEBHOOK_URL: '',
      WEBHOOK_SECRET: '',
      LOG_LEVEL: '',
    };
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: REPO_ROOT,
      input: QUESTIONS,
      env,
      encoding: 'utf8',
      timeout: 120_000, // a cap against a hang, not a timing: a loaded 2-core machine takes 15 s+
    });
    assert.equal(child.status, 0, child.stderr);
    assert.match(child.stdout, /等多方面开展深度合作/);
    assert.match(child.stdout, /抱歉，这些文档没有讲到这个问题/);
  });
});
