/** Issue 5: an English question gets the Chinese passage with English UI text and the Chinese terms it matched. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consoleReply } from '../src/cli/console-chat.ts';
import { openEngine } from '../src/cli/wiring.ts';

const engine = openEngine();

test('an English question is answered with the Chinese passage, English UI and the matched Chinese terms', () => {
  const reply = consoleReply(engine, 'When did Chongqing sign the agreement with Tsinghua?', 'zh');
  assert.match(reply, /6月3日,重庆市政府与清华大学签署战略合作协议/);
  assert.match(reply, /^Source: /m);
  assert.match(reply, /^matched: .*清华大学/m);
});

test('a Chinese question from the same user keeps the Chinese UI and shows no matched line', () => {
  const reply = consoleReply(engine, '重庆和清华大学什么时候签的协议？', 'zh');
  assert.match(reply, /^出处：/m);
  assert.doesNotMatch(reply, /matched|匹配/);
});

test('an English question the documents do not cover is declined in English', () => {
  assert.match(consoleReply(engine, 'What is the weather like today?', 'zh'), /^Sorry, the documents don't cover that/);
});
