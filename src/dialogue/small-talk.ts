/**
 * Small talk: greetings, thanks, who are you, what can you do, goodbye (zh and en). A message made only of such
 * phrases gets a short friendly reply saying what the bot answers, built from the corpus (its documents and
 * agreements) with example questions; a greeting before a question (你好，请问…) is set aside and the question
 * answered.
 */
import { formatDate, partyName, topicTitle, type Lang } from '../answer/i18n.js';
import type { Corpus, Topic } from '../corpus/types.js';
import { normalizeText } from '../text/normalize.js';
import {
  CLOSING_PARTICLES,
  FILLERS,
  SMALL_TALK,
  STANDALONE_SMALL_TALK,
  type SmallTalkKind,
} from '../text/conversation-lexicon.js';
import { byDate } from './resolve.js';

export interface SmallTalk {
  /** The kinds of small talk found, in the order they stand. */
  kinds: SmallTalkKind[];
  /** What is left once they are set aside: the question ('' when the message was only small talk). */
  rest: string;
}

const PHRASES = [
  ...SMALL_TALK.flatMap(([kind, phrases]) => phrases.map((phrase) => ({ kind, phrase }))),
  ...FILLERS.map((phrase) => ({ kind: undefined, phrase })),
].sort((a, b) => b.phrase.length - a.phrase.length);

/** Document titles a small-talk reply names at most. */
const MAX_TITLES_SHOWN = 3;

const SEPARATORS = /^[\s\p{P}\p{S}~～]+/u;

/** One phrase at the start of normalized text: a Latin phrase ends at a word boundary. */
function phraseAt(text: string): { kind: SmallTalkKind | undefined; length: number } | undefined {
  for (const { kind, phrase } of PHRASES) {
    if (!text.startsWith(phrase)) continue;
    if (/[a-z]$/.test(phrase) && /^[a-z0-9]/.test(text.slice(phrase.length))) continue;
    return { kind, length: phrase.length };
  }
  return undefined;
}

/**
 * The small talk opening a message (and closing it, when nothing else is left). Works on the normalized text
 * (simplified, lower case); `rest` is cut from the original when both have the same length.
 */
export function readSmallTalk(text: string): SmallTalk {
  const shown = text.normalize('NFKC').trim();
  const normalized = normalizeText(shown);
  const whole = normalized.replace(/[\s\p{P}\p{S}~～]+$/u, '').replace(CLOSING_PARTICLES, '');
  const standalone = STANDALONE_SMALL_TALK.find(([, phrases]) => phrases.includes(whole));
  if (standalone) return { kinds: [standalone[0]], rest: '' };
  const kinds: SmallTalkKind[] = [];
  let at = 0;
  let fillersOnly = true;
  for (;;) {
    at += SEPARATORS.exec(normalized.slice(at))?.[0].length ?? 0;
    const found = phraseAt(normalized.slice(at));
    if (!found) break;
    if (found.kind) {
      kinds.push(found.kind);
      fillersOnly = false;
    }
    at += found.length;
  }
  // Thanks or goodbye closing a question (清华哪天签的，谢谢): set aside too.
  let end = normalized.length;
  for (let found = true; found && end > at;) {
    found = false;
    const head = normalized.slice(at, end).replace(/[\s\p{P}\p{S}~～]+$/u, '');
    for (const { kind, phrase } of PHRASES) {
      if (!head.endsWith(phrase) || head.length === phrase.length) continue;
      if (/^[a-z]/.test(phrase) && /[a-z0-9]$/.test(head.slice(0, -phrase.length))) continue;
      if (kind === 'thanks' || kind === 'goodbye') {
        kinds.push(kind);
        fillersOnly = false;
      } else if (kind) continue;
      end = at + head.length - phrase.length;
      found = true;
      break;
    }
  }
  if (!kinds.length || fillersOnly) return { kinds: [], rest: shown };
  const rest = (normalized.length === shown.length ? shown : normalized).slice(at, end).trim();
  return { kinds, rest };
}

/** Example questions built from the agreements of topics.json (the first two by date, then a comparison). */
export function exampleQuestions(topics: readonly Topic[], lang: Lang): string[] {
  const ordered = byDate(
    topics,
    topics.map((t) => t.id),
  ).map((id) => topics.find((t) => t.id === id)!);
  const [a, b] = ordered;
  if (!a) return [];
  const name = (t: Topic) => partyName(t, lang);
  if (lang === 'en')
    return [
      `Which fields does the ${name(a)} agreement cover?`,
      ...(b ? [`When was the ${name(b)} agreement signed?`, `How do the two agreements differ?`] : []),
    ];
  return [`${name(a)}的合作涵盖哪些领域？`, ...(b ? [`${name(b)}和重庆是哪天签约的？`, '两份协议有什么不同？'] : [])];
}

const OPENERS: Record<Lang, Record<SmallTalkKind, string>> = {
  zh: {
    greeting: '你好！',
    thanks: '不客气！',
    identity: '我是文档问答机器人：只根据文档原文回答，不编造。',
    abilities: '',
    goodbye: '再见！有问题随时再来问我。',
  },
  en: {
    greeting: 'Hello!',
    thanks: "You're welcome!",
    identity: 'I am a document Q&A bot: I answer only from the documents, quoting them.',
    abilities: '',
    goodbye: 'Goodbye! Ask me again any time.',
  },
};

/** The reply to small talk (plain text lines): a friendly opener, what the bot can answer, example questions. */
export function smallTalkReply(
  kinds: SmallTalkKind[],
  corpus: Corpus,
  lang: Lang,
): { lines: string[]; examples: string[] } {
  const opener = [...new Set(kinds)]
    .map((k) => OPENERS[lang][k])
    .filter(Boolean)
    .join(' ');
  // A large corpus (thousands of passages from a dataset) is named by its first titles and its size.
  const titles = corpus.documents.map((d) => d.title).filter(Boolean);
  const shown = titles.slice(0, MAX_TITLES_SHOWN);
  const more = titles.length > shown.length;
  const agreements = corpus.topics.agreements.map(
    (t) =>
      `${topicTitle(t, lang)}${lang === 'en' ? ` (${formatDate(t.date, lang)})` : `（${formatDate(t.date, lang)}）`}`,
  );
  const examples = exampleQuestions(corpus.topics.agreements, lang);
  const lines =
    lang === 'en'
      ? [
          opener,
          `I answer questions about ${titles.length === 1 ? 'this document' : `these ${titles.length} documents`}: ${shown.join('; ')}${more ? ` … (${titles.length} in all)` : ''}.`,
          ...(agreements.length
            ? [
                `It covers ${agreements.length === 1 ? 'one agreement' : `${agreements.length} agreements`}: ${agreements.join('; ')}.`,
              ]
            : []),
          ...(examples.length ? ['For example, ask:'] : []),
        ]
      : [
          opener,
          `我根据${titles.length === 1 ? '这篇文档' : `这${titles.length}篇文档`}回答问题：${shown.map((d) => `《${d}》`).join('、')}${more ? `等${titles.length}篇` : ''}。`,
          ...(agreements.length ? [`其中讲到${agreements.length}项协议：${agreements.join('、')}。`] : []),
          ...(examples.length ? ['可以这样问：'] : []),
        ];
  return { lines: lines.filter(Boolean), examples };
}
