import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { main } from '../src/cli/ask.js';
import type { CliIo } from '../src/cli/io.js';

async function runAsk(argv: string[], input = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdin: Readable.from([Buffer.from(input)]),
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
  };
  const code = await main(argv, {}, io);
  return { code, out, err };
}

test('ask --json answers one JSON line per input line, best first, at most 3', async () => {
  const { code, out } = await runAsk(['--json'], '上海交大的合作涵盖哪些领域？\n今天天气怎么样？\n');
  assert.equal(code, 0);
  const lines = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.equal(lines[0].question, '上海交大的合作涵盖哪些领域？');
  assert.equal(lines[0].answers.length, 3);
  for (const a of lines[0].answers) assert.deepEqual(Object.keys(a), ['id', 'text', 'section', 'topic', 'score']);
  assert.equal(lines[0].answers[0].topic, 'sjtu');
  assert.deepEqual(lines[1], { question: '今天天气怎么样？', answers: [] });
});

test('bad lines get an error field and the next line is still answered', async () => {
  const garbage = '\u0000\u0001\u0002\ufffd\ufffd\ufffd';
  const input = ['', 'x'.repeat(10_000), garbage, '😀😀', '清华大学在哪些方面与重庆合作？'].join('\n');
  const { code, out } = await runAsk(['--json', '--top', '1'], `${input}\n`);
  assert.equal(code, 0);
  const lines = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, 5);
  for (const l of lines.slice(0, 4)) {
    assert.deepEqual(l.answers, []);
    assert.equal(typeof l.error, 'string');
  }
  assert.equal(lines[4].answers.length, 1);
  assert.equal(lines[4].answers[0].topic, 'tsinghua');
});

test('--top K and --corpus PATH (JSONL) are honoured', async () => {
  const { out } = await runAsk(['--json', '--top', '5', '--corpus', 'test/fixtures/passages.jsonl'], '熊猫吃什么？\n');
  const line = JSON.parse(out);
  assert.equal(line.answers[0].id, 'panda-1');
  assert.equal(line.answers[0].section, '大熊猫');
});

test('a person gets the passage with its section and agreement', async () => {
  const { code, out } = await runAsk(['上海交大的合作涵盖哪些领域？']);
  assert.equal(code, 0);
  assert.match(out, /上海交通大学/);
  assert.match(out, /重庆市政府与上海交通大学战略合作协议/);
});

test('usage errors exit 2 with a message', async () => {
  assert.equal((await runAsk([])).code, 2);
  assert.equal((await runAsk(['--top', '0', 'q'])).code, 2);
  assert.equal((await runAsk(['--corpus', '/nonexistent', 'q'])).code, 1);
});

test('ask --json is stateless; with --session its lines are the turns of one conversation', async () => {
  const input = '上海交大的合作涵盖哪些领域？\n那清华呢？\n两份协议分别是哪天签的？\n';
  const parse = (out: string) =>
    out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
  const stateless = parse((await runAsk(['--json', '--index', 'memory'], input)).out);
  assert.equal(stateless[1].understood, undefined);
  assert.equal(stateless[1].reply, undefined);
  const { code, out } = await runAsk(['--json', '--session', '--index', 'memory'], input);
  assert.equal(code, 0);
  const [first, followUp, both] = parse(out);
  assert.equal(first.answers[0].topic, 'sjtu');
  assert.equal(followUp.question, '那清华呢？');
  assert.match(followUp.understood, /^清华大学的合作涵盖哪些领域/);
  assert.equal(followUp.answers[0].topic, 'tsinghua');
  assert.match(followUp.reply, /产学研协同5个方面/);
  // The passage about both agreements first (it gives both dates), then each agreement's own.
  assert.match(both.answers[0].text, /^6月3日和6月8日,重庆市政府先后与清华大学、上海交通大学签署/);
  assert.deepEqual(
    both.answers.slice(1).map((a: { topic: string }) => a.topic),
    ['tsinghua', 'sjtu'],
  );
});

test('ask --json answers comparisons of the agreements with the passages stating their dates', async () => {
  const questions = ['清华和交大哪个先签的？', '两次签约中间隔了几天', 'Which agreement was signed first?'];
  const { out } = await runAsk(['--json', '--index', 'memory'], `${questions.join('\n')}\n`);
  const lines = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { answers: Array<{ text: string }> });
  // The agreements' dates (corpus/topics.json: 2020-06-03 and 2020-06-08), both in the first passage.
  for (const [i, line] of lines.entries()) {
    assert.ok(line.answers.length > 0, questions[i]);
    assert.match(line.answers[0]!.text, /6月3日.*6月8日/u, questions[i]);
  }
});

test('a comparison naming a university the corpus does not know is not answered with ours', async () => {
  const { out } = await runAsk(['--json', '--index', 'memory'], '清华和浙江大学哪个先跟重庆签的？\n');
  assert.deepEqual(JSON.parse(out).answers, []);
});
