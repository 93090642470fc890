/** Rules about what a question is about as a whole: areas, an outcome, inclusion, a heading, an opinion. */
import { ASKS_FOR_AREAS } from '../../text/english.js';
import { relativeYear, yearOf } from '../../text/dates.js';
import {
  AGREEMENT_WORDS,
  ALSO_WITH_WORDS,
  AREA_WORDS,
  ELSE_WORDS,
  GIST_NOUNS,
  GIST_VERBS,
  MEDIA_NOUNS,
  ONE_TO_TEN,
  oneOf,
  REACHING_VERBS,
  SIGNING_VERBS,
  SOURCE_NOUNS,
  TARGET_NOUNS,
} from '../../text/lexicon.js';
import type { AskedQuestion, PassageView, Rule } from '../rule.js';

/**
 * A question about a heading of the document: 标题 (大标题, 小标题, 小标 for short), headline, (sub)heading as a
 * noun (the / its / the article's heading). Not the title of something the document names (计划的标题, 论文标题), nor
 * "heading to" / "who is heading".
 */
const ASKS_HEADING =
  /(?<!(?:计划|协议|方案|文件|论文|规划|条例|通知|书|法)的?)(?:标题|小标(?!准))|\bheadlines?\b|\bsubheadings?\b|\bsubheads?\b|\bheadings\b|(?:\b(?:the|a|which|what|its|this|that|each)|['’]s) (?:\w+ )?heading\b(?! (?:to|for|the|a|an|up)\b)/u;

/**
 * A question about the document as a whole: what it tells (讲了什么, 写的是啥, what is this article about), its gist
 * (主要内容, 大意, 总结一下, summarize, tl;dr). Answered by the document's lead only when nothing else is asked
 * (answer.ts: its other words are all GIST_WORDS): 市科技局负责人说了什么 asks what the official said.
 */
const ASKS_GIST = new RegExp(
  String.raw`(?:讲|说|写|报道|介绍)(?:了|的|的是|了些|些)?(?:什么|啥)|${oneOf(GIST_NOUNS)}|(?:${oneOf(GIST_VERBS)})(?:一下)?|\bwhat(?:'s|’s| is| was)? (?:this|the|that) (?:article|story|report|news|document|piece|text)(?: \w+)? about\b|\bsummar(?:y|ize|ise)\b|\btl;?dr\b|\bgist\b|\bmain points?\b`,
  'u',
);

/**
 * A question about where the document comes from (哪家媒体, 哪个报纸, 出处, 来源, who published it): the source line
 * every answer ends with names it, so the document's lead answers (as for a gist question).
 */
const ASKS_PROVENANCE = new RegExp(
  String.raw`(?:哪|什么)(?:家|个)?(?:${oneOf(MEDIA_NOUNS)})|${oneOf(SOURCE_NOUNS)}|\b(?:which|what) (?:newspaper|paper|outlet|media|publication)\b|\bsource of (?:this|the) (?:article|story|report|news)\b|\bwho published\b`,
  'u',
);

/** The reader's opinion asked for: 你觉得, 你认为, 在你看来, do you think, your opinion. */
const ASKS_OPINION =
  /你(?:觉得|认为|怎么看|个人看法)|(?:依|在)你看来?|\b(?:do|would) you think\b|\bwhat do you think\b|\byour (?:opinion|view|take)\b/u;

/**
 * What actually came of something: 实际引进了多少, 完成…目标了吗, 目标最后完成了没, 有没有 / 是否完成…目标, 真的…了吗, 引够了没 /
 * 引进满100家了吗 (a result reached), actually, did they achieve / meet / reach. Not 最终 / 最后 / finally alone, which
 * as often name a plan's target (到2022年最终要引进多少).
 */
const TARGET = `(?:${oneOf(TARGET_NOUNS)})`;
const REACHED = `(?:${oneOf(REACHING_VERBS)})`;
const DONE = `(?:${oneOf(REACHING_VERBS)}|做到)`;
const ASKS_OUTCOME = new RegExp(
  `实际|真的[^，,。？?]{0,12}了(?:吗|没有?)|[够满](?:\\d+[家所个项])?了(?:吗|没有?)` +
    `|${DONE}[^，,。？?]{0,12}?${TARGET}(?:了吗|了没有?|没有)` +
    `|${TARGET}(?:最后|最终|已经|到底|究竟)?${REACHED}了(?:吗|没有?)` +
    `|(?:有没有|是否|是不是|有无)(?:已经|最终|真正)?${DONE}[^，,。？?]{0,12}?${TARGET}(?!的(?:计划|方案|安排|具体))` +
    `|${TARGET}(?:是否|有没有)(?:已经)?${REACHED}` +
    String.raw`|\b(?:actually|in fact|in reality)\b|^(?!.*\b(?:plan|plans|planned|aim|aims|aimed|want|wanted|hope|hoped|intend|intended|expect|expected)\b).*\b(?:did|has|have)\b[^?]*\b(?:meet|met|reach|reached|achieve|achieved|hit|fulfil\w*)\b[^?]*\b(?:target|goal)s?\b`,
  'u',
);

/**
 * Areas asked for: 哪些方面, 在哪方面, 哪几个重点领域, 什么合作范畴, 分哪几块 (which areas, what other fields:
 * ASKS_FOR_AREAS).
 * Not an area that qualifies something else: 哪个方面的负责人, 什么领域的专家.
 */
const ASKS_ASPECTS = new RegExp(
  String.raw`(?:哪(?:些|几个?|个)?|什么|啥)\p{Script=Han}{0,2}?(?:${oneOf(AREA_WORDS)})(?!的)|分(?:哪几|哪些|几)(?:块|部分|大块)`,
  'u',
);

/**
 * A list of areas: items set apart by 、, closed by 等 or a count, then the areas (在决策咨询、科技创新、人才交流5个
 * 方面, 围绕智能硬件、物联网等战略性新兴产业领域, 等多方面). What a "which areas" question asks for; not a list of
 * names that works in one field (重庆大学、西南大学在人工智能领域), nor 方面 meaning a side (市政府、交大方面表示).
 */
const GIVES_ASPECTS = new RegExp(
  `、[^、，,。；;！!？?]{1,15}?(?:等|[\\d${ONE_TO_TEN}]+个|多)[^、，,。；;！!？?]{0,8}?(?:${oneOf(AREA_WORDS)})`,
  'u',
);

/**
 * A paragraph's opening that names its aspect (在人才交流与合作方面，…; 据悉，在决策咨询方面，…): the paragraph is about
 * that aspect. Shared with the summaries (src/answer/extract.ts).
 */
export const ASPECT_HEADING = /^(?:[^,，。;；]{1,8}[,，])?在([^,，。;；、]{2,24}?)方面[,，]/u;

/** The aspect a question names (在人才方面, 科技创新方面会做什么), not asked for (哪些方面, 什么方面). */
const NAMED_ASPECT =
  /((?:(?!在|哪|什么|啥|几|各|这|那|多|其他|其它|的|和|与)[\p{Script=Han}“”"]){2,10}?)方面(?!的负责人)/u;

/** … or said 在…上 / 在…这块 (在科技创新上, 在人才这块): the words before it, when the corpus heads a paragraph so. */
const ASPECT_ON =
  /在((?:(?!在|哪|什么|啥|几|各|这|那|多|的|和|与)\p{Script=Han}){2,10}?)(?:这块|那块|这一块|上)(?![海面下])/u;

export function namedAspect(question: string): string | undefined {
  return NAMED_ASPECT.exec(question)?.[1] ?? ASPECT_ON.exec(question)?.[1];
}

/** True when a sentence opens with the aspect named (its 在…方面 holds it, or it holds the opening's aspect). */
function opensWithAspect(sentence: string, aspect: string): boolean {
  const heading = ASPECT_HEADING.exec(sentence)?.[1];
  return heading !== undefined && (heading.includes(aspect) || aspect.includes(heading));
}

export function givesAspects(text: string): boolean {
  return GIVES_ASPECTS.test(text);
}

/**
 * The area word a question asks for (哪些领域 → 领域, which fields → 领域), or undefined: it names the kind of answer, a
 * list of areas, not what the question is about.
 */
export function askedAreaWord(normalized: string): string | undefined {
  return ASKS_ASPECTS.exec(normalized)?.[0].slice(-2) ?? (ASKS_FOR_AREAS.test(normalized) ? '领域' : undefined);
}

/** True when the question names a year after the passage's document (到2022年实际引进了多少, of a 2020 article). */
function asksAfterDocument(p: PassageView, q: AskedQuestion): boolean {
  const documentYear = p.documentYear;
  if (documentYear === undefined) return false;
  return q.terms.some(({ term }) => {
    const year = yearOf(term) ?? relativeYear(term, documentYear);
    return year !== undefined && Number(year) > Number(documentYear);
  });
}

/**
 * Another signing asked for: who else signed, what else was signed (还有谁签了协议, 还签了什么, 别的协议, who else
 * signed, other agreements), in Chinese 还 / 别的 … before 签 or an agreement word within a few characters.
 */
const ASKS_OTHER_SIGNING = new RegExp(
  `(?:${oneOf(ELSE_WORDS)})[^，,。？?！!]{0,6}?(?:签|${oneOf(AGREEMENT_WORDS)})` +
    String.raw`|\b(?:who|what|anyone|anything|which)\s+else\b[^?]*\bsign|\bother (?:agreements?|deals?|signings?)\b|\balso signed?\b`,
  'u',
);
/** A sentence telling another signing: "X还与Y签署了…协议". */
const GIVES_OTHER_SIGNING = new RegExp(`(?:${oneOf(ALSO_WITH_WORDS)})[^。；;]*?(?:${oneOf(SIGNING_VERBS)})`, 'u');

export const SUBJECT_RULES: Rule[] = [
  {
    id: 'heading',
    kind: 'heading',
    use: 'label',
    why: "a question about a heading (大标题, headline) is answered by the documents' headings, which nothing else gets",
    asks: (q) => ASKS_HEADING.test(q),
    examples: {
      asks: [
        '这篇报道的大标题是什么',
        '报道里关于清华那一部分的小标题',
        "what does the article's headline say?",
        'what is its heading?',
      ],
      doesNotAsk: ['行动计划的标题是什么', '论文标题', 'who is heading the institute?', 'heading to chongqing'],
    },
  },
  {
    id: 'gist',
    kind: 'gist',
    use: 'label',
    why: 'a question about the whole document (这篇文章讲了什么, summarize it) is answered by its lead, which no word of it matches',
    asks: (q) => ASKS_GIST.test(q),
    examples: {
      asks: [
        '这篇文章主要讲了什么事',
        '这篇新闻的主要内容是什么',
        '总结一下',
        'what is this article about?',
        'summarize it',
      ],
      doesNotAsk: ['清华哪天签的', '研究院在哪里', 'what did the two sides agree on?'],
    },
  },
  {
    id: 'provenance',
    kind: 'provenance',
    use: 'label',
    why: 'where the document comes from (哪家媒体, which newspaper) is told by the source line of its lead, which no word of it matches',
    asks: (q) => ASKS_PROVENANCE.test(q),
    examples: {
      asks: [
        '这篇报道是哪家媒体的',
        '出处是哪里',
        '哪个报纸登的',
        'which newspaper published this?',
        'what is the source of this article?',
      ],
      doesNotAsk: ['清华哪天签的', '媒体怎么评价', 'what did the paper say about talent?'],
    },
  },
  {
    id: 'opinion',
    kind: 'opinion',
    use: 'decline',
    why: "the reader's opinion (你觉得, do you think) is in no document, however many of the question's words are",
    asks: (q) => ASKS_OPINION.test(q),
    gives: () => false,
    examples: {
      asks: [
        '你觉得哪个合作更好',
        '在你看来，谁帮助更大',
        'what do you think of it?',
        'in your opinion, which is better?',
      ],
      doesNotAsk: ['双方认为合作意义重大吗', '专家怎么看'],
    },
  },
  {
    id: 'outcome',
    kind: 'outcome',
    use: 'decline',
    why: 'what actually came of a plan in a year after the document was written is not in it, whatever it planned',
    asks: (q) => ASKS_OUTCOME.test(q),
    gives: (p, q) => !asksAfterDocument(p, q),
    examples: {
      asks: [
        '到2022年实际引进了多少',
        '目标最后完成了没',
        '完成引进目标了吗',
        '引进满100家了吗',
        'did they actually meet the target?',
      ],
      doesNotAsk: ['到2022年最终要引进多少', '有没有实现目标的具体计划', 'what do they plan to achieve?'],
    },
  },
  {
    id: 'areas',
    kind: 'areas',
    use: 'rank',
    why: "which areas is answered by a list of areas (在A、B、C5个方面, 围绕A、B等领域), not one area's own paragraph",
    asks: (q) => ASKS_ASPECTS.test(q) || ASKS_FOR_AREAS.test(q),
    gives: (p) => p.sentences.some(givesAspects),
    examples: {
      asks: [
        '上海交大的合作涵盖哪些领域',
        '在哪方面合作',
        '哪几个重点领域',
        '分哪几块',
        'which other fields?',
        'in which five areas will they work together?',
      ],
      doesNotAsk: ['哪个方面的负责人', '什么领域的专家', '在人才交流方面做了什么'],
      gives: [
        '在决策咨询、科技创新、人才交流5个方面开展合作',
        '围绕智能硬件、物联网等战略性新兴产业领域',
        '在决策咨询、科技创新等多方面开展深度合作',
      ],
      doesNotGive: ['在人才交流方面,双方将加强合作', '重庆大学、西南大学在人工智能领域', '市政府、交大方面表示'],
    },
  },
  {
    id: 'other-signing',
    kind: 'other-signing',
    use: 'rank',
    why: 'who else signed (还有谁签了协议, who else signed that day) is told by a sentence of another signing (X还与Y签署)',
    asks: (q) => ASKS_OTHER_SIGNING.test(q),
    gives: (p) => p.sentences.some((s) => GIVES_OTHER_SIGNING.test(s)),
    examples: {
      asks: [
        '签约那天还有别的协议吗',
        '当天还签了什么',
        '还有谁签了协议',
        'who else signed that day?',
        'any other agreements?',
      ],
      doesNotAsk: ['还有哪些合作方面', '签约是哪天', 'who signed the agreement?', '其他方面呢'],
      gives: ['当天,甲公司还与乙公司签署了合作框架协议', '签约现场,管委会还与甲大学签订了协议'],
      doesNotGive: ['6月3日,甲市政府与乙大学签署战略合作协议', '双方还将加强合作'],
    },
  },
  {
    id: 'aspect',
    kind: 'aspect',
    use: 'rank',
    why: "what is done in one aspect (在人才方面会做什么) is answered by that aspect's paragraph, not the list naming it",
    asks: (q) => namedAspect(q) !== undefined && !ASKS_ASPECTS.test(q) && !ASKS_FOR_AREAS.test(q),
    gives: (p, q) => {
      const aspect = namedAspect(q.normalized);
      return aspect !== undefined && p.sentences.some((s) => opensWithAspect(s, aspect));
    },
    examples: {
      asks: [
        '清华在人才方面会做什么',
        '那人才交流方面呢',
        '科技创新方面有什么合作',
        '交大在成果转化方面有啥安排',
        '清华在科技创新上打算干嘛',
        '在人才这块有什么安排',
      ],
      doesNotAsk: ['在哪些方面合作', '合作涵盖什么方面', '哪个方面的负责人', '各方面都有吗'],
      gives: ['在人才交流与合作方面,我市将大力支持清华大学优秀人才赴渝工作', '据悉,在人才方面,双方将加强合作'],
      doesNotGive: ['我市将与清华大学在决策咨询、人才交流与合作5个方面开展深度合作', '在科技创新方面,共同开展'],
    },
  },
];
