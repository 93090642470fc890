/**
 * One turn of a conversation, the same for the bot and the console chat: small talk, follow-ups resolved
 * against the earlier turns, questions about several agreements, "which one first", "how far apart", and
 * ordinary questions. Returns the reply (Telegram HTML) and what the turn leaves for the next one.
 */
import { answerQuestion, type Answer, type AnswerHit } from '../answer/answer.js';
import { escapeHtml, formatReplyHtml } from '../answer/format.js';
import { formatDate, messages, partyName, questionLang, type Lang } from '../answer/i18n.js';
import { summarizeTopic } from '../answer/summarize.js';
import type { Topic } from '../corpus/types.js';
import type { SearchEngine } from '../search/engine.js';
import { readText } from './reading.js';
import { sourceHits } from './sources.js';
import { focusOf, resolveTurn, type Resolution } from './resolve.js';
import { eachReply, overviewLine, partLabel, passageAgreements, topicOf, understoodLine } from './several.js';
import { readSmallTalk, smallTalkReply } from './small-talk.js';
import type { TurnRecord } from './state.js';

export interface DialogueReply {
  /** Telegram HTML. */
  html: string;
  /** The reply's language. */
  lang: Lang;
  /** Example questions to offer after `html` (small talk): buttons in Telegram, lines in the console. */
  examples?: string[];
  /** The passages of a reply about several agreements, one per part in order. */
  hits?: AnswerHit[];
  /**
   * The reply is composed from the agreements' facts: their dates (which first, how far apart) or their summaries
   * (what each covers); its hits are where the documents state them, not answers found for the question.
   */
  composedFrom?: 'dates' | 'summaries';
  /** The answer behind the reply, when it is one passage answer (the bot offers the next passages). */
  answer?: Answer;
  /** The question as understood, when context changed it (the reply's first line says so). */
  understood?: string;
  /** What this turn leaves for the next; undefined when nothing (small talk). */
  record?: TurnRecord;
}

export interface ConverseOptions {
  /** Passages fetched per question (default 3). */
  top?: number;
}

const DAY_MS = 86_400_000;

function recordOf(engine: SearchEngine, question: string, answer: Answer): TurnRecord {
  const hits = answer.kind === 'answer' ? answer.hits : [];
  return {
    question,
    agreements: readText(engine, question).agreements,
    passages: hits.map((h) => h.passage.id),
    answerAgreements: passageAgreements(engine, hits[0]?.passage),
    declined: answer.kind !== 'answer',
  };
}

/** An ordinary answer, with the line saying how the question was understood when context changed it. */
function answerReply(engine: SearchEngine, question: string, changed: boolean, lang: Lang, top: number): DialogueReply {
  const answer = answerQuestion(engine, question, { top });
  const body = formatReplyHtml(answer, lang, engine.corpus);
  return {
    html: changed ? `${understoodLine(question, lang)}\n${body}` : body,
    lang,
    answer,
    ...(changed ? { understood: question } : {}),
    record: recordOf(engine, question, answer),
  };
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

/** Which agreement was signed first (or last), and why: the dates. */
function whichReply(
  engine: SearchEngine,
  res: Extract<Resolution, { kind: 'which' }>,
  question: string,
  lang: Lang,
  top: number,
): DialogueReply {
  const topics = res.agreements.map((id) => topicOf(engine, id)).filter((t): t is Topic => Boolean(t));
  const ordered = res.order === 'first' ? topics : [...topics].reverse();
  const [one, ...others] = ordered;
  if (!one) return answerReply(engine, '', false, lang, 1);
  const date = (t: Topic) => formatDate(t.date, lang);
  const list = (ts: Topic[]) =>
    ts.map((t) => (lang === 'en' ? `${partyName(t, lang)} (${date(t)})` : `${partyName(t, lang)}（${date(t)}）`));
  const html =
    lang === 'en'
      ? `The <b>${escapeHtml(partyName(one, lang))}</b> agreement was signed ${res.order}: on ${escapeHtml(date(one))}, ${res.order === 'first' ? 'before' : 'after'} ${escapeHtml(list(others).join(', '))}.`
      : `<b>${escapeHtml(partyName(one, lang))}</b>的协议${res.order === 'first' ? '先' : '后'}签：${escapeHtml(date(one))}签署，${res.order === 'first' ? '早于' : '晚于'}${escapeHtml(list(others).join('、'))}。`;
  const hits = sourceHits(engine, topics, question, top, 'dates');
  return {
    html,
    lang,
    hits,
    composedFrom: 'dates',
    record: {
      question,
      agreements: [one.id],
      passages: hits.map((h) => h.passage.id),
      answerAgreements: topics.map((t) => t.id),
      declined: false,
    },
  };
}

/** How far apart the agreements were signed, from their dates. */
function intervalReply(
  engine: SearchEngine,
  res: Extract<Resolution, { kind: 'interval' }>,
  question: string,
  lang: Lang,
  top: number,
): DialogueReply {
  const topics = res.agreements.map((id) => topicOf(engine, id)).filter((t): t is Topic => Boolean(t));
  const first = topics[0];
  const last = topics.at(-1);
  if (!first || !last || first === last) return answerReply(engine, res.agreements.join(' '), false, lang, 1);
  const days = daysBetween(first.date, last.date);
  const dated = topics.map(
    (t) => `${partyName(t, lang)}${lang === 'en' ? ` ${formatDate(t.date, lang)}` : formatDate(t.date, lang)}`,
  );
  const exact = /^\d{4}-\d{2}-\d{2}$/.test(first.date) && /^\d{4}-\d{2}-\d{2}$/.test(last.date);
  const html =
    lang === 'en'
      ? `${exact ? `<b>${days} days</b> apart` : 'Apart'}: ${escapeHtml(dated.join(', '))}.`
      : `${escapeHtml(formatDate(first.date, lang))}和${escapeHtml(formatDate(last.date, lang))}${exact ? `，相隔<b>${days}天</b>` : ''}：${escapeHtml(dated.join('，'))}签署。`;
  const hits = sourceHits(engine, topics, question, top, 'dates');
  return {
    html,
    lang,
    hits,
    composedFrom: 'dates',
    record: {
      question,
      agreements: topics.map((t) => t.id),
      passages: hits.map((h) => h.passage.id),
      answerAgreements: topics.map((t) => t.id),
      declined: false,
    },
  };
}

/** More of the previous answer: its next passage not shown yet, of the agreement it was about. */
function moreReply(
  engine: SearchEngine,
  turns: readonly TurnRecord[],
  previous: TurnRecord,
  lang: Lang,
): DialogueReply {
  const shown = new Set(turns.flatMap((t) => t.passages));
  const about = new Set([...previous.agreements, ...previous.answerAgreements]);
  const answer = previous.question ? answerQuestion(engine, previous.question, { top: 10 }) : undefined;
  const hits = answer?.kind === 'answer' ? answer.hits.filter((h) => !shown.has(h.passage.id)) : [];
  const hit = hits.find((h) => !h.passage.topic || about.size === 0 || about.has(h.passage.topic));
  if (!answer || answer.kind !== 'answer' || !hit)
    return {
      html: lang === 'en' ? 'That is all the documents say about it.' : '关于这个，文档里没有更多内容了。',
      lang,
    };
  const next: Answer = { ...answer, hits: [hit] };
  return {
    html: `${understoodLine(previous.question, lang)}\n${formatReplyHtml(next, lang, engine.corpus)}`,
    lang,
    answer: next,
    understood: previous.question,
    record: { ...previous, passages: [hit.passage.id] },
  };
}

/** An agreement named alone, with nothing to follow: its signing and areas (its command has the full summary). */
function overviewReply(engine: SearchEngine, id: string, lang: Lang, top: number): DialogueReply {
  const topic = topicOf(engine, id);
  if (!topic) return { html: messages(lang).invalid, lang };
  const hits = sourceHits(engine, [topic], partyName(topic, lang), top, 'signing');
  const signing = summarizeTopic(engine, id)?.signing;
  const more = lang === 'en' ? `More: /${topic.command}` : `详见 /${topic.command}`;
  return {
    html: [
      partLabel(topic, lang),
      ...(signing ? [escapeHtml(signing)] : []),
      overviewLine(engine, topic, lang),
      more,
    ].join('\n'),
    lang,
    hits,
    record: {
      question: partyName(topic, lang),
      agreements: [id],
      passages: hits.map((h) => h.passage.id),
      answerAgreements: [id],
      declined: false,
    },
  };
}

/** A question whose party was only implied: the standalone reading wins when it already answers about that party. */
function softReply(
  engine: SearchEngine,
  text: string,
  resolved: string,
  focus: string | undefined,
  lang: Lang,
  top: number,
): DialogueReply {
  const alone = answerQuestion(engine, text, { top });
  const aloneAbout = alone.kind === 'answer' ? passageAgreements(engine, alone.hits[0]?.passage) : [];
  // Context only overrides a question that stands on its own when that answer is about another agreement.
  if (alone.kind === 'answer' && focus && (aloneAbout.includes(focus) || aloneAbout.length === 0)) {
    const body = formatReplyHtml(alone, lang, engine.corpus);
    return { html: body, lang, answer: alone, record: { ...recordOf(engine, text, alone), answerAgreements: [focus] } };
  }
  // The rewritten question only when it answers: a decline is told in the user's own words. The party the
  // context adds does not stand for words the corpus never mentions (the population of Shanghai, asked of SJTU).
  const reply =
    alone.kind === 'none' && alone.missing.length > 0 ? undefined : answerReply(engine, resolved, true, lang, top);
  if (reply?.answer?.kind === 'answer') return reply;
  return {
    html: formatReplyHtml(alone, lang, engine.corpus),
    lang,
    answer: alone,
    record: recordOf(engine, text, alone),
  };
}

/**
 * The turn an agreement's summary (/tsinghua, /sjtu) leaves in the conversation: it is about that agreement now,
 * so a follow-up (那时间呢, 他们以前合作过吗, and when was it signed?) asks of its party.
 */
export function summaryTurn(topic: Topic, lang: Lang): TurnRecord {
  return {
    question: partyName(topic, lang),
    agreements: [topic.id],
    passages: [],
    answerAgreements: [topic.id],
    declined: false,
  };
}

/** One turn: `turns` are the conversation's earlier turns (oldest first), `userLang` the user's language. */
export function converse(
  engine: SearchEngine,
  turns: readonly TurnRecord[],
  text: string,
  userLang: Lang,
  options: ConverseOptions = {},
): DialogueReply {
  const top = options.top ?? 3;
  const lang = questionLang(userLang, text);
  const talk = readSmallTalk(text);
  if (talk.kinds.length && !talk.rest) {
    const { lines, examples } = smallTalkReply(talk.kinds, engine.corpus, lang);
    return { html: lines.map(escapeHtml).join('\n'), lang, examples };
  }
  const question = talk.kinds.length ? talk.rest : text;
  const res = resolveTurn(engine, question, turns);
  switch (res.kind) {
    case 'each':
      return eachReply(engine, res, lang, top);
    case 'which':
      return whichReply(engine, res, question, lang, top);
    case 'interval':
      return intervalReply(engine, res, question, lang, top);
    case 'more':
      return moreReply(engine, turns, res.previous, lang);
    case 'overview':
      return overviewReply(engine, res.agreement, lang, top);
    case 'question':
      if (res.soft) return softReply(engine, question, res.question, focusOf(turns.at(-1)), lang, top);
      return answerReply(engine, res.question, res.changed, lang, top);
  }
}

/**
 * A question on its own, as `ask --json` answers it: the chat's first turn, in passages. A reply computed from the
 * agreements' dates gives the passages stating them; one composed from their summaries (what each covers) gives
 * those passages only when the question alone finds none, since one passage answering the whole question beats
 * one per agreement; a reply of answers found per agreement gives the question's own answer (a part found for one
 * agreement does not answer a question about both); small talk and declines give none.
 */
export function answerAlone(engine: SearchEngine, text: string, top: number): Answer {
  // A corpus without agreements (a JSONL of passages) has nothing to compose a reply from: the question alone.
  if (engine.corpus.topics.agreements.length === 0) return answerQuestion(engine, text, { top });
  const reply = converse(engine, [], text, 'zh', { top });
  if (reply.answer) return { ...reply.answer, question: text };
  const sources = reply.composedFrom ? (reply.hits ?? []).slice(0, top) : [];
  if (reply.composedFrom === 'dates' && sources.length)
    return { kind: 'answer', question: text, hits: sources, evidence: 1 };
  if (!reply.hits) return { kind: 'none', question: text, reason: 'not-in-corpus', evidence: 0, missing: [] };
  const whole = answerQuestion(engine, text, { top });
  return whole.kind === 'answer' || !sources.length
    ? whole
    : { kind: 'answer', question: text, hits: sources, evidence: 1 };
}
