/**
 * Property tests with random Unicode (astral planes, control and bidi characters, lone surrogates, markup)
 * through the text pipeline, the answering core and both splitters: nothing throws and no text is lost.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { answerQuestion, MAX_QUESTION_CHARS } from '../src/answer/answer.ts';
import { clipQuestion, escapeHtml, formatReplyHtml, htmlToPlainText, splitMessage } from '../src/answer/format.ts';
import { openEngine } from '../src/cli/wiring.ts';
import { splitLongText, splitPassages } from '../src/corpus/split.ts';
import { NameMatcher } from '../src/corpus/topics.ts';
import type { SearchEngine } from '../src/search/engine.ts';
import { normalizeText, stripControlChars } from '../src/text/normalize.ts';
import { segment, wordTerms } from '../src/text/tokenize.ts';
import { checkTelegramHtml, stripTelegramHtml } from './support/telegram-html.ts';

/** Text as hostile users send it: any code point, with the characters that break naive code made likely. */
const hostile = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '重',
        '庆',
        '清',
        '华',
        '大',
        '学',
        '合',
        '作',
        '。',
        '？',
        '，',
        '“',
        '”',
        '臺',
        '灣',
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '\u0000',
        '\u0007',
        '\u001b',
        '\u007f',
        '\u0085',
        '\u200b',
        '\u200e',
        '\u202e',
        '\u2066',
        '\ufeff',
        '\ufffd',
        '\r',
        '\n',
        '\t',
        ' ',
        '\u3000',
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '<b>',
        '</i>',
        '<script>',
        '&amp;',
        '&',
        '<',
        '>',
        '"',
        "'",
        '&#0;',
        '@zhdoc_test_bot',
        '/ask',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom('😀', '👩‍👩‍👧', '🇨🇳', 'é', 'e\u0301', '\ud800', '\udfff', 'Ａ', '①', 'ﬁ') },
  ),
  maxLength: 300,
});

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/u;
const squeeze = (s: string) => s.replace(/\s+/g, '');

let engine: SearchEngine;
before(() => {
  engine = openEngine();
});

test('stripControlChars removes control characters and keeps every other character, in order', () => {
  fc.assert(
    fc.property(hostile, (text) => {
      const out = stripControlChars(text);
      assert.ok(!CONTROL.test(out));
      assert.equal(out, [...text].filter((c) => !CONTROL.test(c)).join(''));
    }),
    { numRuns: 500 },
  );
});

test('normalizeText, segment and wordTerms never throw on any input', () => {
  fc.assert(
    fc.property(hostile, (text) => {
      const normalized = normalizeText(text);
      assert.equal(typeof normalized, 'string');
      assert.ok(!CONTROL.test(normalized));
      for (const token of [...segment(normalized), ...wordTerms(normalized), ...segment(normalized, 'exact')])
        assert.equal(typeof token, 'string');
    }),
    { numRuns: 300 },
  );
});

test('a question of any text gets an answer, a no-answer or an invalid verdict, formatted as valid Telegram HTML', () => {
  fc.assert(
    fc.property(hostile, fc.constantFrom<'zh' | 'en'>('zh', 'en'), (text, lang) => {
      const { question, clipped } = clipQuestion(text);
      assert.ok([...question].length <= MAX_QUESTION_CHARS);
      assert.equal(clipped, [...text.trim()].length > MAX_QUESTION_CHARS);
      const answer = answerQuestion(engine, question);
      assert.ok(['answer', 'none', 'invalid'].includes(answer.kind));
      for (const piece of splitMessage(formatReplyHtml(answer, lang, engine.corpus))) {
        assert.deepEqual(checkTelegramHtml(piece), [], piece);
        assert.ok(stripTelegramHtml(piece).length <= 4096);
      }
    }),
    { numRuns: 150 },
  );
});

test('a very long hostile question is cut, not refused', () => {
  fc.assert(
    fc.property(fc.array(hostile, { minLength: 10, maxLength: 40 }), (parts) => {
      const text = `上海交大的合作涵盖哪些领域？${parts.join('')}`;
      const { question } = clipQuestion(text);
      assert.ok(text.trim().startsWith(question));
      assert.doesNotThrow(() => answerQuestion(engine, question));
    }),
    { numRuns: 30 },
  );
});

test('splitMessage: escaped hostile text splits into valid pieces within the limit, no visible text lost', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(hostile, fc.constantFrom('', 'b', 'i', 'code')), { maxLength: 12 }),
      fc.integer({ min: 30, max: 400 }),
      (parts, limit) => {
        const html = parts
          .map(([text, tag]) => (tag ? `<${tag}>${escapeHtml(text)}</${tag}>` : escapeHtml(text)))
          .join('\n');
        const pieces = splitMessage(html, limit);
        for (const piece of pieces) {
          assert.ok(piece.length <= limit, `${piece.length} > ${limit}`);
          assert.deepEqual(checkTelegramHtml(piece), [], piece);
        }
        assert.equal(squeeze(pieces.map(htmlToPlainText).join('')), squeeze(htmlToPlainText(html)));
      },
    ),
    { numRuns: 300 },
  );
});

test('splitLongText: pieces within the bound that give the text back', () => {
  fc.assert(
    fc.property(hostile, fc.integer({ min: 2, max: 120 }), (text, max) => {
      const pieces = splitLongText(text, max);
      for (const [i, piece] of pieces.entries()) {
        assert.ok(piece.length <= max, `${piece.length} > ${max}`);
        const cutPair = /[\uD800-\uDBFF]$/.test(pieces[i - 1] ?? '') && /^[\uDC00-\uDFFF]/.test(piece);
        assert.ok(!cutPair, 'a surrogate pair (emoji, rare Han character) cut in two');
      }
      assert.equal(squeeze(pieces.join('')), squeeze(text));
    }),
    { numRuns: 500 },
  );
});

test('splitPassages never throws on hostile documents and loses no visible text', () => {
  const names = new NameMatcher({ agreements: [] });
  fc.assert(
    fc.property(fc.array(hostile, { maxLength: 6 }), fc.integer({ min: 20, max: 400 }), (paras, max) => {
      const body = paras.join('\n\n');
      const passages = splitPassages('doc', '标题', body, names, max);
      for (const p of passages) {
        assert.ok(p.text.trim().length > 0, 'empty passage');
        assert.ok(p.text.length <= max);
      }
      // Headings (# …) and short labels become sections, not passages: what passages hold is a subsequence.
      const all = squeeze(body);
      let at = 0;
      // Passage by passage: joined, a lone high surrogate ending one and a lone low one opening the next would read
      // as one character the document never held.
      for (const ch of passages.flatMap((p) => [...squeeze(p.text)])) {
        at = all.indexOf(ch, at);
        assert.ok(at >= 0, `passage text not in the document: ${JSON.stringify(ch)}`);
        at += ch.length;
      }
    }),
    { numRuns: 200 },
  );
});
