/**
 * Replies about several agreements at once (它们, 两份协议, compare, in common): one labelled part per agreement,
 * led by a passage about them all when one answers; and the reply pieces the conversation shares (labels, the
 * "understood as" line, an agreement's areas).
 */
import { answerQuestion, type Answer, type AnswerHit } from '../answer/answer.js';
import { escapeHtml } from '../answer/format.js';
import { formatDate, messages, partyName, type Lang } from '../answer/i18n.js';
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
import type { DialogueReply } from './converse.js';
import { DIALOGUE_MESSAGES } from './messages.js';
import { readText } from './reading.js';
import type { Resolution } from './resolve.js';
import { sourceHits } from './sources.js';

/** Agreements a passage is about: the parties it names in order, else its topic. */
export function passageAgreements(engine: SearchEngine, passage: Passage | undefined): string[] {
  if (!passage) return [];
  const named = engine.names.locate(normalizeText(passage.text)).flatMap((p) => (p.topicId ? [p.topicId] : []));
  const unique = [...new Set(named)];
  return unique.length ? unique : passage.topic ? [passage.topic] : [];
}

export function topicOf(engine: SearchEngine, id: string): Topic | undefined {
  return engine.corpus.topics.agreements.find((t) => t.id === id);
}

export function understoodLine(question: string, lang: Lang): string {
  return lang === 'en'
    ? `<i>(Answered as: “${escapeHtml(question)}”)</i>`
    : `<i>（按“${escapeHtml(question)}”回答）</i>`;
}

/** A party's label in a reply about several agreements: its name and signing date. */
export function partLabel(topic: Topic, lang: Lang): string {
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
export function overviewLine(engine: SearchEngine, topic: Topic, lang: Lang): string {
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
  const named = passageAgreements(engine, hit.passage);
  return topics.every((t) => named.includes(t.id)) ? hit : undefined;
}

/**
 * One labelled part per agreement, in date order, each with its passage's key sentence; first, a passage about
 * them all when one answers the question (what the two agreements are for, what they share).
 */
export function eachReply(
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
