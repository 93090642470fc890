/**
 * Pure formatting of answers as Telegram HTML (and, through htmlToPlainText, as console text): every piece of
 * corpus or user text is escaped here, and splitMessage keeps each message within Telegram's limit.
 */
import type { Corpus, Passage, Topic } from '../corpus/types.js';
import { MAX_QUESTION_CHARS, type Answer, type AnswerHit } from './answer.js';
import { isEnglishQuestion } from '../text/english.js';
import { formatDate, messages, topicTitle, type Lang } from './i18n.js';

/** Telegram's limit for one message's text. */
export const MAX_MESSAGE_CHARS = 4096;
/** At most this many of a question's missing words are named in a no-answer message. */
const MAX_MISSING_SHOWN = 5;

/** What the source line needs from the corpus. */
export type CorpusMeta = Pick<Corpus, 'documents' | 'topics'>;

/** Escapes text for Telegram HTML: &, < and > (and " so the text is also safe in an attribute). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Decodes the four named entities Telegram knows, and numeric ones. */
function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d+)|#[xX]([0-9A-Fa-f]+)|(lt|gt|amp|quot));/g,
    (whole, dec?: string, hex?: string, named?: string) => {
      if (named) return { lt: '<', gt: '>', amp: '&', quot: '"' }[named as 'lt'];
      const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

/** Our own HTML as plain text (the console chat): tags dropped, entities decoded. */
export function htmlToPlainText(html: string): string {
  return decodeEntities(html.replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?>/g, ''));
}

/** A question as the core accepts it: trimmed, and cut to MAX_QUESTION_CHARS characters when longer. */
export function clipQuestion(text: string, max = MAX_QUESTION_CHARS): { question: string; clipped: boolean } {
  const chars = [...text.trim()];
  if (chars.length <= max) return { question: chars.join(''), clipped: false };
  return { question: chars.slice(0, max).join(''), clipped: true };
}

/** The passage text, escaped, with `sentence` (when it occurs) in bold. */
export function boldSentenceHtml(text: string, sentence: string | undefined): string {
  const at = sentence?.trim() ? text.indexOf(sentence) : -1;
  if (!sentence || at < 0) return escapeHtml(text);
  const end = at + sentence.length;
  return `${escapeHtml(text.slice(0, at))}<b>${escapeHtml(sentence)}</b>${escapeHtml(text.slice(end))}`;
}

function topicOf(meta: CorpusMeta, id: string | null): Topic | undefined {
  return id ? meta.topics.agreements.find((t) => t.id === id) : undefined;
}

/** "section · agreement title · document title (source, date)" in italics; parts equal to an earlier one are left out. */
export function sourceLineHtml(passage: Passage, lang: Lang, meta: CorpusMeta): string {
  const doc = meta.documents.find((d) => d.id === passage.documentId);
  const topic = topicOf(meta, passage.topic);
  const docExtra = doc ? [doc.source, doc.date ? formatDate(doc.date, lang) : undefined].filter(Boolean) : [];
  const docPart = doc
    ? `${doc.title}${docExtra.length ? (lang === 'en' ? ` (${docExtra.join(', ')})` : `（${docExtra.join('，')}）`) : ''}`
    : passage.documentId;
  // A heading is its own section: the line does not repeat it.
  const parts = [passage.heading ? undefined : passage.section, topic ? topicTitle(topic, lang) : undefined].filter(
    (p): p is string => Boolean(p) && p !== doc?.title,
  );
  const unique = [...new Set(parts)];
  return `<i>${escapeHtml(messages(lang).source)}${lang === 'en' ? ': ' : '：'}${escapeHtml([...unique, docPart].join(' · '))}</i>`;
}

/** One passage with its best sentence in bold, then its source line. */
export function formatPassageHtml(
  passage: Passage,
  bestSentence: string | undefined,
  lang: Lang,
  meta: CorpusMeta,
): string {
  return `${boldSentenceHtml(passage.text, bestSentence)}\n${sourceLineHtml(passage, lang, meta)}`;
}

/** Han terms shown as "matched" under an answer to an English question. */
const MAX_MATCHED_SHOWN = 6;

/**
 * An answer hit: the passage with its best sentence in bold and the source line; with `showMatched` (an
 * English question), also the Chinese terms it matched, so the reader sees why this passage.
 */
export function formatAnswerHtml(hit: AnswerHit, lang: Lang, meta: CorpusMeta, showMatched = false): string {
  const html = formatPassageHtml(hit.passage, hit.bestSentence, lang, meta);
  const han = hit.matched.filter((t) => /\p{Script=Han}/u.test(t)).slice(0, MAX_MATCHED_SHOWN);
  return showMatched && han.length ? `${html}\n<i>${messages(lang).matched(han.map(escapeHtml))}</i>` : html;
}

/** "/tsinghua — 重庆市政府与清华大学战略合作协议（6月3日签署）" */
export function agreementLineHtml(topic: Topic, lang: Lang): string {
  const signed = messages(lang).signed(formatDate(topic.date, lang));
  return `/${topic.command} — ${escapeHtml(topicTitle(topic, lang))}${lang === 'en' ? ` (${signed})` : `（${signed}）`}`;
}

/** The friendly no-answer message: not covered, what the documents do cover, and what to try. */
export function formatNoAnswerHtml(missing: string[], lang: Lang, meta: CorpusMeta): string {
  const t = messages(lang);
  const lines = meta.topics.agreements.map((topic) => `• ${agreementLineHtml(topic, lang)}`);
  // Single letters ("b", "x" from pasted markup) say nothing about what is missing.
  const named = missing
    .filter((w) => [...w].length > 1)
    .slice(0, MAX_MISSING_SHOWN)
    .map(escapeHtml);
  return [t.noAnswer(named), '', t.coverageIntro, ...lines, '', t.tryThis].join('\n');
}

/** The reply to a question: its first `shown` hits, or the no-answer / invalid message. */
export function formatReplyHtml(answer: Answer, lang: Lang, meta: CorpusMeta, shown = 1): string {
  switch (answer.kind) {
    case 'answer': {
      const showMatched = isEnglishQuestion(answer.question);
      return answer.hits
        .slice(0, Math.max(shown, 1))
        .map((hit) => formatAnswerHtml(hit, lang, meta, showMatched))
        .join('\n\n');
    }
    case 'none':
      return formatNoAnswerHtml(answer.missing, lang, meta);
    case 'invalid':
      return messages(lang).invalid;
  }
}

// ---- Splitting ---------------------------------------------------------------------------------------------

interface Token {
  /** Offset in the HTML. */
  at: number;
  text: string;
  kind: 'char' | 'entity' | 'open' | 'close';
  /** Tag name, for open and close tags. */
  name?: string;
}

const TOKEN_RE =
  /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?>|&(?:#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);|[\s\S]/gu;
const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '.', '…']);
const CLOSING_PUNCT = new Set(['”', '’', '」', '』', '）', ')', '"', "'", '》']);

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  for (const m of html.matchAll(TOKEN_RE)) {
    const at = m.index ?? 0;
    if (m[2] !== undefined) tokens.push({ at, text: m[0], kind: m[1] ? 'close' : 'open', name: m[2].toLowerCase() });
    else tokens.push({ at, text: m[0], kind: m[0].length > 1 && m[0].startsWith('&') ? 'entity' : 'char' });
  }
  return tokens;
}

/**
 * How good a place the boundary after tokens[i] is to split at: 4 paragraph end, 3 sentence end, 2 line end,
 * 1 after a space, 0 anywhere else. Close tags take the class of the text they follow.
 */
function breakClass(tokens: Token[], i: number): number {
  let k = i;
  while (k >= 0 && tokens[k]?.kind === 'close') k--;
  const token = tokens[k];
  if (!token || token.kind !== 'char') return 0;
  let n = i + 1;
  while (tokens[n]?.kind === 'open' || tokens[n]?.kind === 'close') n++;
  const next = tokens[n];
  if (token.text === '\n') return tokens[k - 1]?.text === '\n' ? 4 : 2;
  if (next && CLOSING_PUNCT.has(next.text)) return 0;
  let p = k;
  while (p >= 0 && CLOSING_PUNCT.has(tokens[p]?.text ?? '')) p--;
  if (SENTENCE_END.has(tokens[p]?.text ?? '')) return 3;
  return /\s/.test(token.text) ? 1 : 0;
}

const closers = (stack: Token[]) =>
  stack
    .map((t) => `</${t.name}>`)
    .reverse()
    .join('');
const openers = (stack: Token[]) => stack.map((t) => t.text).join('');

/**
 * Splits Telegram HTML into messages of at most `limit` characters, at paragraph ends, else sentence ends,
 * else line ends or spaces, and only as a last resort inside a word; never inside a tag or an entity. Tags
 * open at a split are closed at the end of one piece and reopened at the start of the next, so every piece
 * is valid on its own. Pieces with no visible text are dropped; nothing else is lost.
 */
export function splitMessage(html: string, limit = MAX_MESSAGE_CHARS): string[] {
  if (html.length <= limit) return [html];
  const tokens = tokenize(html);
  // stacks[b]: tags open at the boundary before tokens[b] (shared arrays while unchanged).
  const stacks: Token[][] = [[]];
  for (const [i, token] of tokens.entries()) {
    let stack = stacks[i] ?? [];
    if (token.kind === 'open') stack = [...stack, token];
    else if (token.kind === 'close') {
      const open = stack.map((t) => t.name).lastIndexOf(token.name);
      if (open >= 0) stack = stack.slice(0, open);
    }
    stacks.push(stack);
  }
  const offset = (b: number) => tokens[b]?.at ?? html.length;
  const pieces: string[] = [];
  let start = 0;
  while (start < tokens.length) {
    const prefix = openers(stacks[start] ?? []);
    // The furthest boundary whose piece (reopened tags + text + closing tags) fits.
    let last = start + 1;
    for (let b = start + 1; b <= tokens.length; b++) {
      const cost = prefix.length + offset(b) - offset(start) + closers(stacks[b] ?? []).length;
      if (cost <= limit) last = b;
      else if (offset(b) - offset(start) + prefix.length > limit) break;
    }
    let end = last;
    if (last < tokens.length) {
      const half = offset(start) + (offset(last) - offset(start)) / 2;
      const candidates: Array<{ b: number; cls: number }> = [];
      for (let b = start + 1; b <= last; b++) candidates.push({ b, cls: breakClass(tokens, b - 1) });
      end = 0;
      for (let cls = 4; cls >= 1 && !end; cls--) {
        const best = candidates.filter((c) => c.cls >= cls).at(-1);
        if (best && offset(best.b) >= half) end = best.b;
      }
      if (!end) end = candidates.filter((c) => c.cls >= 1).at(-1)?.b ?? last;
    }
    const piece = prefix + html.slice(offset(start), offset(end)) + closers(stacks[end] ?? []);
    if (htmlToPlainText(piece).trim()) pieces.push(piece);
    start = end;
  }
  return pieces;
}
