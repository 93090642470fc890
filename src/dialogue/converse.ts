/**
 * One turn of a conversation, the same for the bot and the console chat: small talk, follow-ups resolved
 * against the earlier turns, questions about several agreements, "which one first", "how far apart", and
 * ordinary questions. Returns the reply (Telegram HTML) and what the turn leaves for the next one.
 */
import { answerQuestion, type Answer, type AnswerHit } from '../answer/answer.js';
import { escapeHtml, formatReplyHtml } from '../answer/format.js';
import { formatDate, messages, partyName, questionLang, type Lang } from '../answer/i18n.js';
import { summarizeTopic } from '../answer/summarize.js';
import type { Passage, Topic } from '../corpus/types.js';
import type { SearchEngine } from '../search/engine.js';
import { normalizeText } from '../text/normalize.js';
import {
  ABOUT_THE_AGREEMENT,
  COMPARE_WORDS,
  EACH_WORDS,
  LINK_CHARS,
  PLURAL_PRONOUN,
  SHARED_WORDS,
} from '../text/conversation-lexicon.js';
import { DIALOGUE_MESSAGES } from './messages.js';
import { readText } from './reading.js';
import { sourceHits } from './sources.js';
import { focusOf, resolveTurn, type Resolution } from './resolve.js';
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

/** Agreements a passage is about: the parties it names in order, else its topic. */
function passageAgreements(engine: SearchEngine, passage: Passage | undefined): string[] {
  if (!passage) return [];
  const named = engine.names.locate(normalizeText(passage.text)).flatMap((p) => (p.topicId ? [p.topicId] : []));
  const unique = [...new Set(named)];
  return unique.length ? unique : passage.topic ? [passage.topic] : [];
}

function topicOf(engine: SearchEngine, id: string): Topic | undefined {
  return engine.corpus.topics.agreements.find((t) => t.id === id);
}

function understoodLine(question: string, lang: Lang): string {
  return lang === 'en'
    ? `<i>(Answered as: “${escapeHtml(question)}”)</i>`
    : `<i>（按“${escapeHtml(question)}”回答）</i>`;
}

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

/** A party's label in a reply about several agreements: its name and signing date. */
function partLabel(topic: Topic, lang: Lang): string {
  const date = formatDate(topic.date, lang);
  return lang === 'en'
    ? `<b>${escapeHtml(partyName(topic, lang))}</b> (signed ${escapeHtml(date)})`
    : `<b>${escapeHtml(partyName(topic, lang))}</b>（${escapeHtml(date)}签署）`;
}

/** The question for one agreement: the words for "each / both / they" and other parties out, its party in. */
export function questionFor(engine: SearchEngine, question: string, agreement: string): string {
  const r = readText(engine, question);
  const topic = topicOf(engine, agreement);
  const name = topic ? (r.english ? (topic.party.nameEn ?? topic.party.name) : topic.party.name) : agreement;
  const base = r.aligned ? r.shown : r.normalized;
  const cuts: Array<[number, number]> = r.parties.filter((p) => p.topicId).map((p) => [p.start, p.end]);
  for (const p of [PLURAL_PRONOUN, EACH_WORDS, COMPARE_WORDS]) {
    for (const m of r.normalized.matchAll(new RegExp(p.source, `${p.flags}g`)))
      cuts.push([m.index, m.index + m[0].length]);
  }
  let out = '';
  let at = 0;
  for (const [s, e] of cuts.sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    out += base.slice(at, s);
    at = e;
  }
  out = (out + base.slice(at))
    .replace(new RegExp(`^[\\s\\p{P}${LINK_CHARS}、]+`, 'u'), '')
    .replace(new RegExp(`[${LINK_CHARS}、,，]\\s*(?=[\\p{P}\\s]|$)`, 'gu'), '');
  return r.english ? `${out.replace(/\s+/g, ' ').trim()} (${name})` : `${name}${out}`;
}

/** Share of the answer's score a hit of the agreement needs when the answer itself is of another one. */
const PART_MARGIN = 0.7;

/** The best hit of an answer that is of the agreement (its own passage, or a general one naming its party), close to the answer. */
function hitOf(engine: SearchEngine, answer: Answer, agreement: string): AnswerHit | undefined {
  if (answer.kind !== 'answer') return undefined;
  const best = answer.hits[0]?.score ?? 0;
  return answer.hits
    .filter((h, i) => i === 0 || h.score >= PART_MARGIN * best)
    .find(
      (h) =>
        h.passage.topic === agreement || (!h.passage.topic && passageAgreements(engine, h.passage).includes(agreement)),
    );
}

/** What an agreement covers, for comparisons: its areas of cooperation (else its signing sentence), from its summary. */
function overviewLine(engine: SearchEngine, topic: Topic, lang: Lang): string {
  const s = summarizeTopic(engine, topic.id);
  const aspects = s?.aspects ?? [];
  if (aspects.length) return `${lang === 'en' ? 'areas' : '合作方面'}：${escapeHtml(aspects.join('、'))}`;
  return escapeHtml(s?.signing || messages(lang).agreementMissing);
}

/**
 * The areas of cooperation every agreement names, each in its shortest form: an area of one held whole in an area
 * of each other (科技创新 in 科技创新与合作).
 */
function sharedAspects(engine: SearchEngine, topics: Topic[]): string[] {
  const [first = [], ...others] = topics.map((t) => summarizeTopic(engine, t.id)?.aspects ?? []);
  const shared = first.flatMap((a) => {
    const forms = others.map((list) => list.find((b) => a.includes(b) || b.includes(a)));
    if (forms.some((b) => b === undefined)) return [];
    return [[a, ...(forms as string[])].reduce((s, b) => (b.length < s.length ? b : s))];
  });
  return [...new Set(shared)];
}

/**
 * The passage about all the agreements at once (6月3日和6月8日,重庆市政府先后与清华大学、上海交通大学签署…) when it
 * best answers the question asked with every party named; undefined when the best passage is about fewer.
 */
function jointHit(
  engine: SearchEngine,
  question: string,
  topics: Topic[],
  lang: Lang,
  top: number,
): AnswerHit | undefined {
  const names = topics.map((t) => partyName(t, lang));
  const answer = answerQuestion(engine, `${names.join(lang === 'en' ? ' and ' : '和')} ${question}`, { top });
  const hit = answer.kind === 'answer' ? answer.hits[0] : undefined;
  if (!hit) return undefined;
  const named = new Set(engine.names.find(hit.passage.text).map((f) => f.topicId));
  return topics.every((t) => named.has(t.id)) ? hit : undefined;
}

/**
 * One labelled part per agreement, in date order, each with its passage's key sentence; first, a passage about
 * them all when one answers the question (what the two agreements are for, what they share).
 */
function eachReply(
  engine: SearchEngine,
  res: Extract<Resolution, { kind: 'each' }>,
  lang: Lang,
  top: number,
): DialogueReply {
  const topics = res.agreements.map((id) => topicOf(engine, id)).filter((t): t is Topic => t !== undefined);
  const shared = SHARED_WORDS.test(normalizeText(res.question)) ? sharedAspects(engine, topics) : [];
  const parts = topics.map((topic) =>
    agreementPart(engine, res.question, topic, res.compare || shared.length > 0, lang, top),
  );
  const joint = jointHit(engine, res.question, topics, lang, top);
  const t = DIALOGUE_MESSAGES[lang];
  const lead = [
    ...(joint ? [`${t.together}\n${escapeHtml(joint.bestSentence)}`] : []),
    ...(shared.length ? [`${t.shared}：${escapeHtml(shared.join('、'))}`] : []),
  ];
  const html = [...(res.changed ? [understoodLine(res.question, lang)] : []), ...lead, ...parts.map((p) => p.html)];
  const hits = [...(joint ? [joint] : []), ...parts.flatMap((p) => p.hits)].filter(
    (h, k, all) => all.findIndex((o) => o.passage.id === h.passage.id) === k,
  );
  return {
    html: html.join('\n\n'),
    lang,
    hits,
    ...(parts.some((p) => p.searched) ? {} : { composedFrom: 'summaries' as const }),
    record: {
      question: res.question,
      agreements: res.agreements,
      passages: hits.map((h) => h.passage.id),
      answerAgreements: res.agreements,
      declined: false,
    },
  };
}

/**
 * One agreement's part of a reply about several: its areas for a comparison (or a question naming nothing but
 * the agreement), else the key sentence of its answer to the question asked of it alone.
 */
function agreementPart(
  engine: SearchEngine,
  question: string,
  topic: Topic,
  overview: boolean,
  lang: Lang,
  top: number,
): { html: string; hits: AnswerHit[]; searched: boolean } {
  const sub = questionFor(engine, question, topic.id);
  const subReading = readText(engine, sub);
  const onlyParty = subReading.contentTerms.every(
    (t) => ABOUT_THE_AGREEMENT.test(t) || subReading.parties.some((p) => p.canonical === t),
  );
  if (overview || onlyParty)
    return {
      html: `${partLabel(topic, lang)}\n${overviewLine(engine, topic, lang)}`,
      hits: sourceHits(engine, [topic], question, 1, 'aspects'),
      searched: false,
    };
  const hit = hitOf(engine, answerQuestion(engine, sub, { top: Math.max(top, 5) }), topic.id);
  const text = hit ? escapeHtml(hit.bestSentence) : escapeHtml(messages(lang).noAnswer([]));
  return { html: `${partLabel(topic, lang)}\n${text}`, hits: hit ? [hit] : [], searched: true };
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
