/** Formatting answers as Telegram HTML, and splitting long messages within Telegram's limit. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { AnswerHit } from '../src/answer/answer.ts';
import {
  clipQuestion,
  escapeHtml,
  formatAnswerHtml,
  formatNoAnswerHtml,
  htmlToPlainText,
  MAX_MESSAGE_CHARS,
  splitMessage,
  type CorpusMeta,
} from '../src/answer/format.ts';
import { langOf } from '../src/answer/i18n.ts';
import type { Passage } from '../src/corpus/types.ts';
import { checkTelegramHtml, stripTelegramHtml } from './support/telegram-html.ts';

const meta: CorpusMeta = {
  documents: [
    { id: 'doc', title: '重庆市政府与清华大学、上海交通大学签署战略合作协议', source: '重庆日报', date: '2020-06' },
  ],
  topics: {
    agreements: [
      {
        id: 'sjtu',
        command: 'sjtu',
        title: '重庆市政府与上海交通大学战略合作协议',
        titleEn: 'Chongqing–SJTU agreement',
        date: '2020-06-08',
        party: { name: '上海交通大学', aliases: ['上海交大'] },
      },
    ],
  },
};

const passage: Passage = {
  id: 'doc#15',
  documentId: 'doc',
  section: '我市启动新一轮引进科技创新资源专项行动',
  topic: 'sjtu',
  text: '6月8日,重庆市人民政府与上海交通大学签署战略合作协议。根据协议,我市将与上海交通大学在多方面开展深度合作。',
};
const hit = (p: Passage, bestSentence: string): AnswerHit => ({
  passage: p,
  score: 1,
  bestSentence,
  sentence: 0,
  matched: [],
});

describe('escapeHtml', () => {
  test('escapes the characters Telegram HTML reserves, with entities it accepts', () => {
    const html = escapeHtml('<b>x</b> & <script>"');
    assert.equal(html, '&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;&quot;');
    assert.deepEqual(checkTelegramHtml(html), []);
    assert.equal(stripTelegramHtml(html), '<b>x</b> & <script>"');
  });
});

describe('formatAnswerHtml', () => {
  test('bolds the best sentence and ends with the source line', () => {
    const html = formatAnswerHtml(hit(passage, '根据协议,我市将与上海交通大学在多方面开展深度合作。'), 'zh', meta);
    assert.equal(
      html,
      '6月8日,重庆市人民政府与上海交通大学签署战略合作协议。<b>根据协议,我市将与上海交通大学在多方面开展深度合作。</b>\n' +
        '<i>出处：我市启动新一轮引进科技创新资源专项行动 · 重庆市政府与上海交通大学战略合作协议 · ' +
        '重庆市政府与清华大学、上海交通大学签署战略合作协议（重庆日报，2020年6月）</i>',
    );
    assert.deepEqual(checkTelegramHtml(html), []);
  });

  test('uses the English agreement title and labels for English users', () => {
    const html = formatAnswerHtml(hit(passage, ''), langOf('en-GB'), meta);
    assert.match(html, /<i>Source: .* · Chongqing–SJTU agreement · .*\(重庆日报, June 2020\)<\/i>$/);
  });

  test('escapes hostile corpus text, inside and outside the bold sentence', () => {
    const hostile: Passage = {
      ...passage,
      section: 'A & <B>',
      text: '前言<i>。<b>x</b> & <script>alert(1)</script>。',
    };
    const html = formatAnswerHtml(hit(hostile, '<b>x</b> & <script>alert(1)</script>。'), 'zh', meta);
    assert.deepEqual(checkTelegramHtml(html), []);
    assert.match(html, /<b>&lt;b&gt;x&lt;\/b&gt; &amp; &lt;script&gt;/);
    assert.ok(stripTelegramHtml(html).startsWith(hostile.text));
  });
});

describe('formatNoAnswerHtml', () => {
  test('says the documents do not cover it, lists what they cover and an example', () => {
    const html = formatNoAnswerHtml(['天气', '<x>'], 'zh', meta);
    assert.deepEqual(checkTelegramHtml(html), []);
    assert.match(html, /没有讲到/);
    assert.match(html, /天气、&lt;x&gt;/);
    assert.match(html, /\/sjtu — 重庆市政府与上海交通大学战略合作协议（6月8日签署）/);
    assert.match(html, /\/agreements/);
    assert.match(formatNoAnswerHtml([], 'en', meta), /don't cover that\./);
  });
});

describe('clipQuestion', () => {
  test('cuts a long question to the limit, counting characters not UTF-16 units', () => {
    assert.deepEqual(clipQuestion('  短问题 '), { question: '短问题', clipped: false });
    const long = clipQuestion('𠀀'.repeat(600), 500);
    assert.equal([...long.question].length, 500);
    assert.equal(long.clipped, true);
  });
});

const visible = (pieces: string[]) => pieces.map(stripTelegramHtml).join('');
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('splitMessage', () => {
  test('a message within the limit is one piece, unchanged', () => {
    assert.deepEqual(splitMessage('<b>短</b>'), ['<b>短</b>']);
  });

  test('splits at paragraph ends first', () => {
    const para = (n: number) => `${'字'.repeat(30)}。${'句'.repeat(30)}。`.repeat(n);
    const html = `${para(1)}\n\n${para(1)}\n\n${para(1)}`;
    const pieces = splitMessage(html, 140);
    assert.deepEqual(pieces, [`${para(1)}\n\n${para(1)}\n\n`, para(1)]);
  });

  test('splits at sentence ends when a paragraph is too long', () => {
    const sentence = `${'字'.repeat(40)}。`;
    const pieces = splitMessage(sentence.repeat(10), 100);
    assert.ok(
      pieces.every((p) => p.endsWith('。')),
      pieces.join(' | '),
    );
    assert.equal(pieces.join(''), sentence.repeat(10));
  });

  test('closes and reopens tags across a split, never cutting a tag or an entity', () => {
    const html = `<b>${'甲乙&amp;丙。'.repeat(40)}</b><i>尾</i>`;
    const pieces = splitMessage(html, 60);
    for (const piece of pieces) {
      assert.ok(piece.length <= 60, piece);
      assert.deepEqual(checkTelegramHtml(piece), [], piece);
    }
    assert.equal(visible(pieces), stripTelegramHtml(html));
    assert.ok(pieces[1]?.startsWith('<b>'));
  });

  test('a real-size answer over 4096 characters: every piece fits, is valid, and no text is lost', () => {
    const one = formatAnswerHtml(hit(passage, '根据协议,我市将与上海交通大学在多方面开展深度合作。'), 'zh', meta);
    const html = Array.from({ length: 40 }, () => one).join('\n\n');
    assert.ok(html.length > MAX_MESSAGE_CHARS);
    const pieces = splitMessage(html);
    assert.ok(pieces.length >= 2);
    for (const piece of pieces) {
      assert.ok(piece.length <= MAX_MESSAGE_CHARS);
      assert.deepEqual(checkTelegramHtml(piece), []);
    }
    assert.equal(visible(pieces), stripTelegramHtml(html));
    // Split at paragraph ends: every piece but the last ends with a passage's source line.
    assert.ok(pieces.slice(0, -1).every((p) => p.trimEnd().endsWith('</i>')));
  });

  test('property: any escaped text with our tags splits into valid pieces within the limit, no text lost', () => {
    const chunk = fc.oneof(
      fc
        .string({ unit: fc.constantFrom('字', '。', '！', '”', ' ', '\n', 'a', '.', '<', '&', '>', '"', '😀') })
        .map(escapeHtml),
      fc.string({ unit: fc.constantFrom('粗', '。', ' ', '&') }).map((s) => `<b>${escapeHtml(s)}</b>`),
      fc
        .string({ unit: fc.constantFrom('斜', '.', '\n') })
        .map((s) => `<i>${escapeHtml(s)}<b>${escapeHtml(s)}</b></i>`),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 30 }), fc.integer({ min: 40, max: 200 }), (chunks, limit) => {
        const html = chunks.join('');
        const pieces = splitMessage(html, limit);
        for (const piece of pieces) {
          assert.ok(piece.length <= limit, `${piece.length} > ${limit}: ${piece}`);
          assert.deepEqual(checkTelegramHtml(piece), [], piece);
        }
        if (html.length > limit) assert.ok(pieces.every((p) => htmlToPlainText(p).trim() !== ''));
        // Nothing visible is lost; only whitespace-only pieces may be dropped.
        assert.equal(squeeze(visible(pieces)), squeeze(stripTelegramHtml(html)));
        if (pieces.length > 1 || html.length > limit)
          assert.ok(visible(pieces).length <= stripTelegramHtml(html).length);
      }),
      { numRuns: 300 },
    );
  });
});
