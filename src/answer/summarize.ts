/**
 * Summaries of one agreement, extracted from that agreement's passages (topic === id): who signed and when,
 * the aspects of cooperation, the fields and industries, the institutions set up and the related signings.
 * Nothing is written by hand: every sentence and list item is cut from the corpus; the code only adds labels.
 * Passages of other agreements (and general ones, which may name several) are never read, so one summary
 * cannot carry another agreement's facts.
 */
import { CAPTION_SECTION, splitSentences } from '../corpus/split.js';
import { chineseDate } from '../corpus/topics.js';
import type { Passage, Topic } from '../corpus/types.js';
import type { SearchEngine } from '../search/engine.js';
import { Extractor, MAX_RELATED_CHARS, SIGN_VERB, trimAfter, type AspectDetail, type Sentence } from './extract.js';

export { MAX_DETAIL_CHARS, MAX_RELATED_CHARS, type AspectDetail } from './extract.js';

/** Longest summary text, in characters: read at a glance, and far below Telegram's 4096. */
export const MAX_SUMMARY_CHARS = 800;
/** The fields line is cut at an item boundary beyond this. */
export const MAX_FIELDS_CHARS = 200;

/** Labels of the summary's lines: the only words of the text that do not come from the corpus. */
export const LABELS = {
  signing: '签署',
  aspects: '合作方面',
  fields: '领域与产业',
  institutions: '机构与平台',
  related: '相关签约',
  bullet: '· ',
  separator: '：',
  more: '…',
} as const;

/** An agreement's summary: the text for people plus the extracted parts for other layouts. */
export interface TopicSummary {
  topic: Topic;
  /** Plain text, at most MAX_SUMMARY_CHARS characters; first line is the topic's title. */
  text: string;
  /** `text` without its title line, for callers that print their own header (the bot). */
  body: string;
  /** The signing sentence (date + 签署 + the party's name), trimmed; '' when none was found. */
  signing: string;
  /** The signing date as the article writes it, e.g. 6月3日. */
  dateZh: string;
  /** Who signed, as the signing sentence names them, e.g. ['重庆市政府', '清华大学']; [] when not found. */
  signers: string[];
  /** Aspects of cooperation, e.g. 战略决策咨询, 科技创新. */
  aspects: string[];
  /** Per-aspect commitments, in corpus order. */
  details: AspectDetail[];
  /** Fields and industries named in enumerations (…等领域/产业/行业). */
  fields: string[];
  /** Institutions and platforms named with the party (…研究院, …中心). */
  institutions: string[];
  /** Sentences about those institutions opening (揭牌, 成立). */
  events: string[];
  /** Sentences about other signings (还与 … 签署 … 协议). */
  related: string[];
  /** Ids of the passages the summary used, in corpus order. */
  sources: string[];
  /** Ids of the passages the signing sentence and the aspects come from (undefined when not found). */
  sourceOf: { signing?: string; aspects?: string };
}

/** One line of /agreements. */
export interface AgreementListing {
  topic: Topic;
  /** Slash command without the slash. */
  command: string;
  /** ISO date as in topics.json. */
  date: string;
  /** The date as the article writes it, e.g. 6月3日. */
  dateZh: string;
  /** Who signed, from the signing sentence; failing that, the city (when the topics file names one) and the party. */
  parties: string[];
}

/** An agreement's passages in document order, photo captions (not about it) and headings left out. */
export function topicPassages(engine: SearchEngine, topicId: string): Passage[] {
  return engine.corpus.passages.filter((p) => p.topic === topicId && p.section !== CAPTION_SECTION && !p.heading);
}

/** A line of the summary text and how readily it is dropped to stay within MAX_SUMMARY_CHARS. */
interface Line {
  text: string;
  /** Lower is kept longer; 0 is never dropped. */
  priority: number;
}

function labelled(label: string, text: string): string {
  return `${label}${LABELS.separator}${text}`;
}

/** Joins list items with 、, cut at an item boundary (marked …) to stay within `max` characters. */
function listLine(label: string, items: string[], max: number): string {
  let out = '';
  for (const item of items) {
    const next = out ? `${out}、${item}` : item;
    if (out && labelled(label, next).length > max) return labelled(label, `${out}${LABELS.more}`);
    out = next;
  }
  return labelled(label, out);
}

/** Lays out the parts, dropping the least important lines (last ones first) until the text fits. */
function layout(lines: Line[]): string {
  const kept = [...lines];
  const size = () => kept.map((l) => l.text).join('\n').length;
  while (size() > MAX_SUMMARY_CHARS) {
    let drop = -1;
    kept.forEach((l, i) => {
      if (l.priority > 0 && (drop < 0 || l.priority >= (kept[drop]?.priority ?? 0))) drop = i;
    });
    if (drop < 0) break;
    kept.splice(drop, 1);
  }
  const text = kept.map((l) => l.text).join('\n');
  return text.length > MAX_SUMMARY_CHARS ? `${text.slice(0, MAX_SUMMARY_CHARS - 1)}${LABELS.more}` : text;
}

function findTopic(engine: SearchEngine, topicId: string): Topic | undefined {
  return engine.corpus.topics.agreements.find((t) => t.id === topicId);
}

/** The summary of agreement `topicId`, or undefined when the topics file has no such agreement. */
export function summarizeTopic(engine: SearchEngine, topicId: string): TopicSummary | undefined {
  // An engine's corpus never changes: each summary is extracted once.
  let cache = summaries.get(engine);
  if (!cache) summaries.set(engine, (cache = new Map()));
  if (!cache.has(topicId)) cache.set(topicId, extractSummary(engine, topicId));
  return cache.get(topicId);
}

const summaries = new WeakMap<SearchEngine, Map<string, TopicSummary | undefined>>();

function extractSummary(engine: SearchEngine, topicId: string): TopicSummary | undefined {
  const topic = findTopic(engine, topicId);
  if (!topic) return undefined;
  const passages = topicPassages(engine, topicId);
  const sentences: Sentence[] = passages.flatMap((p) =>
    splitSentences(p.text).map((text) => ({ text, passageId: p.id })),
  );
  const city = engine.corpus.topics.city;
  const x = new Extractor(topic, city ? [city.name, ...city.aliases] : [], sentences);

  const signingSentence = x.signing();
  const signing = signingSentence ? trimAfter(signingSentence.text, SIGN_VERB, MAX_RELATED_CHARS) : '';
  const { aspects, used: aspectSentences } = x.aspects();
  const { fields, used: fieldSentences } = x.fields();
  const { institutions, used: institutionSentences } = x.institutions();
  const events = x.events(institutions);
  const related = x.related(signingSentence);
  const details = x.details(fieldSentences);

  const lines: Line[] = [{ text: topic.title, priority: 0 }];
  if (signing) lines.push({ text: labelled(LABELS.signing, signing), priority: 0 });
  if (aspects.length) lines.push({ text: listLine(LABELS.aspects, aspects, MAX_FIELDS_CHARS), priority: 0 });
  for (const d of details) lines.push({ text: `${LABELS.bullet}${labelled(d.aspect, d.text)}`, priority: 5 });
  if (fields.length) lines.push({ text: listLine(LABELS.fields, fields, MAX_FIELDS_CHARS), priority: 3 });
  if (institutions.length)
    lines.push({ text: listLine(LABELS.institutions, institutions, MAX_FIELDS_CHARS), priority: 1 });
  for (const e of events) lines.push({ text: `${LABELS.bullet}${e.text}`, priority: 4 });
  for (const r of related) lines.push({ text: labelled(LABELS.related, r.text), priority: 2 });

  const usedIds = new Set(
    [signingSentence, ...aspectSentences, ...fieldSentences, ...institutionSentences, ...events, ...related, ...details]
      .filter((s): s is Sentence | AspectDetail => s !== undefined)
      .map((s) => s.passageId),
  );
  const text = layout(lines);
  return {
    topic,
    text,
    body: text.split('\n').slice(1).join('\n'),
    signing,
    dateZh: chineseDate(topic.date),
    signers: signing ? x.signers(signing) : [],
    aspects,
    details,
    fields,
    institutions,
    events: events.map((e) => e.text),
    related: related.map((r) => r.text),
    sources: passages.map((p) => p.id).filter((id) => usedIds.has(id)),
    sourceOf: { signing: signingSentence?.passageId, aspects: aspectSentences[0]?.passageId },
  };
}

/** The agreements in topics-file order, for /agreements. */
export function listAgreements(engine: SearchEngine): AgreementListing[] {
  const city = engine.corpus.topics.city;
  return engine.corpus.topics.agreements.map((topic) => {
    const signers = summarizeTopic(engine, topic.id)?.signers ?? [];
    return {
      topic,
      command: topic.command,
      date: topic.date,
      dateZh: chineseDate(topic.date),
      parties: signers.length ? signers : [...(city ? [city.name] : []), topic.party.name],
    };
  });
}

/** The agreement a user typed: its id or its command, with or without the slash. */
export function findAgreement(engine: SearchEngine, name: string): Topic | undefined {
  const key = name.trim().replace(/^\//, '').toLowerCase();
  return engine.corpus.topics.agreements.find((t) => t.id.toLowerCase() === key || t.command === key);
}
