/**
 * The words a conversation turns on, as data: the links and particles of a follow-up (那…呢, what about …), the
 * words that point back (它, 该协议, 对方, it, the other one), that ask about several agreements at once (分别, 都,
 * 区别, both, compare), and small talk. All in normalized form (simplified, lower case): they are matched on
 * normalizeText output. Nothing here names a party or an agreement: those come from corpus/topics.json.
 */

import { COUNTING_MEASURES, HAN_NUMERALS, INSTITUTION_SUFFIXES, oneOf, SIGNING_VERBS } from './lexicon.js';

/**
 * Words opening a correction (不对，我想问的是上海交大; no sorry, I meant SJTU, not Tsinghua): what follows is what
 * the asker meant, a follow-up of the previous question however much it says.
 */
export const CORRECTION_WORDS = [
  'i meant',
  'i mean',
  'actually',
  'sorry',
  'no',
  '不好意思',
  '抱歉',
  '不是',
  '不对',
  '我想问的是',
  '我问的是',
  '我是说',
  '我说的是',
  '我指的是',
];

/** Words opening a follow-up that only link it to the previous turn (那清华呢, and SJTU?). Longest first. */
export const LEAD_WORDS = [
  'and what about',
  'what about',
  'how about',
  'and also',
  'and then',
  'and',
  'also',
  'then',
  'okay',
  'ok',
  'so',
  ...CORRECTION_WORDS,
  '那么',
  '那就',
  '那',
  '然后',
  '还有',
  '和',
  '跟',
  '同',
  '与',
];

/** How a Chinese elliptic question ends (那清华呢, 清华的呢, 那人才培养方面呢). */
export const ELLIPSIS_END = /(?:的)?呢$/u;

/** A follow-up asking for more of the same (还有呢, 其他的呢, anything else?). */
export const MORE_WORDS = [
  '还有',
  '还有吗',
  '还有什么',
  '还有别的',
  '还有别的吗',
  '还有其他',
  '还有其他的',
  '其他',
  '其他的',
  '其它',
  '其它的',
  '别的',
  '更多',
  '继续',
  '接着说',
  'more',
  'anything else',
  'what else',
  'else',
  'go on',
  'continue',
  'tell me more',
];

/** A request to say the last answer again (没看清，再说一遍; say that again): each clause one of these. */
export const REPEAT_WORDS = [
  '再说一遍',
  '再说一次',
  '再讲一遍',
  '重复一遍',
  '重复一下',
  '再来一遍',
  '没看清',
  '没看清楚',
  '没听清',
  '没听清楚',
  '什么',
  'say that again',
  'say again',
  'come again',
  'repeat that',
  'repeat',
  'pardon',
];

/** A demonstrative before an institution's kind (这个研究院, 该中心, that centre): the institution talked about. */
export const THAT_INSTITUTION = new RegExp(
  `(?:这个|那个|这家|那家|这所|那所|该|此)(?:${oneOf(INSTITUTION_SUFFIXES)})` +
    String.raw`|\b(?:that|this|the same)\s+(?:research\s+)?(?:centre|center|institute|lab|laboratory|platform|base|hub)\b`,
  'u',
);

/** Measure words counting agreements and universities (个, 份, 所 …), as a character class. */
const MEASURE = '[个份所家项]';
/** Nouns for an agreement or a university after a measure word (第一份协议, 另一所大学). */
const PARTY_NOUN = '(?:协议|大学|学校|高校)';
/** Demonstratives (这, 该, 此, 那) opening a phrase that points back. */
const DEMONSTRATIVE = '[这该此那]';
const rx = (source: string) => new RegExp(source, 'u');

/** "The other one": the agreement of the conversation that the previous turn was not about. */
export const OTHER_ONE = rx(
  `另(?:外)?(?:一)?(?:${MEASURE}|边|方)${PARTY_NOUN}?|另外那${MEASURE}|\\bthe other(?: one| agreement| university| deal| school)?\\b|\\bother one\\b`,
);

/**
 * Where a Chinese ordinal (第一个) is a reference: opening the phrase or after 那 / 这 / 的 / 和, not after a noun,
 * where it ranks (国内第一个, 全市第一家).
 */
const REFERRING = String.raw`(?:(?<!\p{Script=Han})|(?<=[那这的和跟与]))`;

/** Ordinal references to the agreements the conversation listed (第一个, 后者, the first one), index by group. */
export const ORDINALS: ReadonlyArray<RegExp> = [
  rx(
    `${REFERRING}第一${MEASURE}${PARTY_NOUN}?|前者|(?:头|前)一${MEASURE}|\\bthe first(?: one| agreement| university| deal)?\\b|\\bthe former\\b`,
  ),
  rx(
    `${REFERRING}第二${MEASURE}${PARTY_NOUN}?|后者|后一${MEASURE}|\\bthe second(?: one| agreement| university| deal)?\\b|\\bthe latter\\b`,
  ),
  rx(`${REFERRING}第三${MEASURE}${PARTY_NOUN}?|\\bthe third(?: one| agreement| university| deal)?\\b`),
  // Further ordinals point at the items of a listing answer (第四个 of five areas), as no conversation lists more agreements.
  rx(`${REFERRING}第四${MEASURE}|\\bthe fourth(?: one)?\\b`),
  rx(`${REFERRING}第五${MEASURE}|\\bthe fifth(?: one)?\\b`),
];

/** The agreement signed first, and the one signed last (先签的那所, the one signed later), whatever the conversation listed. */
const SIGNED = `签(?:约|署|订)?的(?:那|这)?(?:一)?${MEASURE}?${PARTY_NOUN}?`;
export const BY_DATE: { first: RegExp; last: RegExp } = {
  first: rx(
    `(?:最先|最早|先|早)${SIGNED}|\\bthe (?:one|university|agreement|deal) (?:that was )?signed (?:first|earlier)\\b|\\bthe earlier (?:one|agreement|deal|signing)\\b`,
  ),
  last: rx(
    `(?:最后|最晚|后|晚)${SIGNED}|\\bthe (?:one|university|agreement|deal) (?:that was )?signed (?:last|later|second)\\b|\\bthe later (?:one|agreement|deal|signing)\\b`,
  ),
};

/** Words standing for the party of the agreement talked about (a university, the other side). */
export const PARTY_PRONOUN = rx(
  `${DEMONSTRATIVE}(?:一)?${MEASURE}?(?:大学|学校|高校|院校|名校)|该校|本校|对方|双方|\\b(?:this|that|the) (?:university|school|partner)\\b`,
);

/** Words standing for the agreement talked about (该协议, 这份协议, that agreement). */
export const AGREEMENT_PRONOUN = rx(
  `${DEMONSTRATIVE}(?:一)?${MEASURE}?(?=(?:战略)?(?:合作)?协议)|\\b(?:this|that|the) (?=agreement\\b|deal\\b)`,
);

/** "It": whatever the previous question was about (its subject: 上海交大重庆研究院, or its party). */
export const IT_PRONOUN = /它(?!们)|\bit\b|\bits\b|\bthat one\b|\bthis one\b/u;

/** People words (他们, they): the party the conversation was about, or several agreements when it was about several. */
const PEOPLE = '他们|她们|\\bthey\\b|\\bthem\\b|\\btheir\\b';
export const PEOPLE_PRONOUN = rx(PEOPLE);

/** Words for several agreements at once (它们, 两份, both …; not 十二个): the agreements of the conversation. */
export const PLURAL_PRONOUN = rx(
  `它们|${PEOPLE}|两者|二者|两边|(?:这)?(?<![${HAN_NUMERALS}\\d])[两二2]${MEASURE}(?:(?:战略)?(?:合作)?协议|大学|学校|高校|名校)?|\\bboth(?: of them)?\\b|\\bthe two(?: agreements| deals| universities| signings)?\\b|\\beach of them\\b`,
);

/** Words asking one thing of each agreement (分别, 各自, 都, respectively, each). */
export const EACH_WORDS = /分别|各自|各是|都|\brespectively\b|\beach\b|\bboth\b/u;

/**
 * Words asking how agreements compare: each gets its overview. Not "same" in a time (the same day, that same
 * afternoon: the day of what was just told).
 */
export const COMPARE_WORDS =
  /比较|相比|对比|区别|不同|差异|差别|相同|一样|共同|异同|共性|\bcompare[sd]?\b|\bcomparison\b|\bdiffer(?:ence|ences|ent)?\b|\bin common\b|\bsimilar(?:ities|ity)?\b|\bsame\b(?! (?:day|date|time|week|month|year|morning|afternoon|evening)\b)/u;

/** Words asking what the agreements share (共同点, 都有, in common): the areas of cooperation they all name. */
export const SHARED_WORDS =
  /共同点|共同之处|相同|一样|共性|都有|\bin common\b|\bshared?\b|\bthe same\b(?! (?:day|date|time|week|month|year|morning|afternoon|evening)\b)/u;

/** "Which one … first / last": which agreement came first (or last), answered from topics.json dates. */
export const WHICH_WORDS = rx(`哪(?:一)?${MEASURE}|谁|\\bwhich\\b|\\bwho\\b`);
export const FIRST_WORDS = /最先|最早|先|更早|早|\bfirst\b|\bearlier\b|\bearliest\b|\bsooner\b/u;
export const LAST_WORDS = /最后|最晚|更晚|后|晚|\blast\b|\blater\b|\blatest\b/u;

/** How far apart the signings were (相隔几天, how many days apart). */
export const INTERVAL_WORDS = /相隔|相差|间隔|隔了|差了|隔|差|前后|\bapart\b|\bbetween\b|\bgap\b|\bseparated?\b/u;
/** With signing words and a number of days: how much later or earlier one was signed (晚签了几天, how many days after). */
export const LATER_EARLIER = /晚|早|\bafter\b|\bbefore\b|\blater\b|\bearlier\b/u;
export const ASKS_DAYS =
  /几天|多少天|多久|多长时间|\bhow many days\b|\bhow long\b|\bhow many weeks\b|\bhow far apart\b|\bhow much later\b/u;

/** Signing and agreement words: a "which one" question says nothing else. */
export const SIGNING_WORDS = rx(
  String.raw`${oneOf(SIGNING_VERBS)}|签了|签的|签|协议|合作|\bsign(?:ed|ing|ings)?\b|\bagreements?\b|\bdeals?\b`,
);

/** Question words, to swap in a "kind only" follow-up (When? 在哪呢?). Longest first within a language. */
export const QUESTION_WORDS_ZH =
  /什么时候|哪一年|哪一天|几月几号|几月几日|哪天|几号|几点|在哪里|在哪儿|在哪|哪里|哪儿|什么地方|多少钱|多少|几个|几家|几所|谁|为什么|怎么样|怎样|如何|是什么|什么/u;
/** Measure words after a count or a which (几家, 多少所, 哪个): of things counted, not only agreements. */
const COUNT_MEASURE = `[${COUNTING_MEASURES}]`;
/** Asking which ones (都有哪些, 是哪几家, 哪个): a follow-up made of it asks the previous question for the list. */
export const WHICH_WORDS_ZH = new RegExp(`哪些|哪几${COUNT_MEASURE}?|哪一?${COUNT_MEASURE}`, 'u');
/** What a count becomes when a follow-up asks which ones (多少家 → 哪些). */
export const WHICH_LIST = '哪些';
/** A count with its measure word (多少家, 几个), which a which-follow-up (都有哪些) asks to list instead. */
export const COUNT_WORDS_ZH = new RegExp(`(?:多少|几)${COUNT_MEASURE}?`, 'u');
export const QUESTION_WORDS_EN = /^(?:when|where|who|whom|why|how many|how much|how long|how|what|which)\b/u;

/** A yes/no question's closing particle (是清华吗): a question word of its own. */
export const YES_NO_END = /[吗么]$/;
/** A closing particle a bare follow-up may end in (还有吗, 还有嘛). */
export const CLOSING_PARTICLE_END = /[吗么嘛]$/u;
/** Words around the parties of a "which one …" question that say nothing else (是哪所大学先签的). */
export const WHICH_FILLER =
  /\b(?:was|were|is|the|one|did|do|does|with|or|and|a|an|of|to|by|university|universities|chongqing|get|got|come|came)\b|[的是了呢吗个份所和与跟同和大学高校学校市政府政府重庆]/gu;
/** Words that may stand between parties a follow-up only names (清华和交大呢, 交大也是吗). */
export const PARTY_LIST_FILLER =
  /不是|[的和与跟、,，及也还都是有会吗么吧呢]|一样|\b(?:and|too|also|as well|does|do|did|is|was|the same|not|rather than|instead of)\b/gu;
/**
 * What a question counts, at its end (多少家国内外知名高校): the slot a noun follow-up fills (科研院所呢). Only a count
 * with its measure word: after 会提供哪些服务, 研究院呢 asks about the institute, not which institutes are services.
 */
export const ASKED_OBJECT = new RegExp(`(?:多少|几)${COUNT_MEASURE}([^\\s，,。；;：:？?]{2,12}?)[？?]?$`, 'du');
/** What a which-question asks to list, at its end (引进了哪些科研院所 → 科研院所): see ASKED_OBJECT. */
export const WHICH_OBJECT = /哪些([^\s，,。；;：:？?]{2,12}?)[？?]?$/du;
/** What links an aspect to the party beside it in a follow-up (交大的人才交流方面, 科技成果转化 for SJTU). */
export const ASPECT_BESIDE_PARTY = /[\s的在,，]|\b(?:for|of|at|with|in|on|about|from)\b|'s\b/u;
/** What opens an aspect named after a pointing word (这所大学在产学研方面 → 产学研方面). */
export const ASPECT_LEAD = /^[在的]/u;
/** Asking which two or which few (哪两所): the answer names each, so 它们 does not point back. */
export const WHICH_SEVERAL = /哪(?:两|二|2|几)/u;

/**
 * Asking which ONE of them (两份协议里哪一份提到了研究院, which of the two agreements …): answered as one question,
 * whose answer names its agreement, not asked of each. Not 哪个方面 / 哪个领域 (a kind asked of each).
 */
export const WHICH_ONE_OF = new RegExp(
  `哪一?${MEASURE}(?!方面|领域|层面|部分)` + String.raw`|\bwhich (?:one|of)\b`,
  'u',
);

/** Words opening a question before its subject, not part of it (请问, 那么, 这个). */
export const SUBJECT_OPENERS = /^(请问|那|那么|那个|这个)$/u;
/** A word joining two parties of one subject (清华和交大). */
export const SUBJECT_LINK = /^[和与跟]$/u;
/** What a follow-up's content words may be besides parties, to ask about each agreement alone (它们的协议). */
export const ABOUT_THE_AGREEMENT = /协议|合作|agreement/u;

/** Words closing an aspect a follow-up names (那人才交流方面呢). */
export const ASPECT_ENDING = '(?:方面|领域|方向|部分)';
/** Words linking names in a list (清华和交大, 清华及交大). */
export const LINK_CHARS = '和与跟及';

export type SmallTalkKind = 'greeting' | 'thanks' | 'identity' | 'abilities' | 'goodbye';

/** Small talk phrases, by kind (a message made only of these, fillers and punctuation is small talk). */
export const SMALL_TALK: ReadonlyArray<[SmallTalkKind, string[]]> = [
  [
    'abilities',
    [
      '你能做什么',
      '你会做什么',
      '你会什么',
      '你能干什么',
      '你能干嘛',
      '你可以做什么',
      '你有什么用',
      '能问什么',
      '可以问什么',
      '我能问什么',
      '我可以问什么',
      '怎么用',
      '你是干什么的',
      '你是做什么的',
      '你有什么功能',
      '有什么功能',
      '你能回答什么问题',
      '你能回答哪些问题',
      '你能回答什么',
      '能回答什么问题',
      '你可以回答什么',
      '你知道什么',
      'what questions can you answer',
      'what can i ask you',
      'what do you know',
      'what can you tell me',
      'how can you help',
      'what is this bot',
      '如何使用',
      '帮助',
      'what can you do',
      'what do you do',
      'what can i ask',
      'how do i use you',
      'how does this work',
      'help',
    ],
  ],
  [
    'identity',
    [
      '你是谁',
      '你叫什么名字',
      '你叫什么',
      '你是什么',
      '你是机器人吗',
      '你是人吗',
      'who are you',
      'what are you',
      'are you a bot',
      "what's your name",
      'what is your name',
    ],
  ],
  [
    'greeting',
    [
      '你好',
      '您好',
      '你们好',
      '大家好',
      '嗨',
      '哈喽',
      '哈啰',
      '早上好',
      '上午好',
      '中午好',
      '下午好',
      '晚上好',
      '早安',
      '在吗',
      '在不在',
      'hello',
      'hi',
      'hey',
      'hey there',
      'hi there',
      'hello there',
      'good morning',
      'good afternoon',
      'good evening',
      'greetings',
    ],
  ],
  [
    'thanks',
    [
      '谢谢你的回答',
      '谢谢你',
      '谢谢',
      '多谢',
      '谢了',
      '感谢',
      '非常感谢',
      '太感谢了',
      '辛苦了',
      'thank you',
      'thanks',
      'thx',
      'many thanks',
      'thank u',
      'ty',
      'cheers',
    ],
  ],
  [
    'goodbye',
    ['再见', '拜拜', '回见', '下次见', '晚安', 'goodbye', 'bye', 'bye bye', 'see you', 'see ya', 'good night'],
  ],
];

/**
 * Small talk that is small talk only as a whole message, with closing particles (谢啦, 谢咯, 88): within a longer
 * message 谢 may be a name (谢家湾) and 88 a number.
 */
export const STANDALONE_SMALL_TALK: ReadonlyArray<[SmallTalkKind, string[]]> = [
  ['thanks', ['谢', '谢谢谢', '3q', 'tks', 'tq', 'thanx', 'thnx']],
  ['goodbye', ['88', '886', '拜', 'bb', 'cya']],
];

/** Particles a chat message may close with (谢啦, 好哒, 拜拜咯): they add no meaning to small talk. */
export const CLOSING_PARTICLES = /[啦呀啊哈哦喔嘛咯喽嘞了吧哒呢~～]+$/u;

/** Words that carry no question alongside small talk (请问, 好的, ok, 啊). */
export const FILLERS = [
  '明白了',
  '知道了',
  '了解了',
  '了解',
  '懂了',
  '收到',
  '原来如此',
  '好吧',
  '太好了',
  '不错',
  'got it',
  'i see',
  'great',
  'cool',
  'nice',
  'awesome',
  'perfect',
  'all right',
  'alright',
  '请问一下',
  '请问',
  '麻烦问一下',
  '问一下',
  '想问一下',
  '我想问',
  '好的',
  '好',
  '嗯',
  '哦',
  '啊',
  '呀',
  '啦',
  '了',
  '机器人',
  'ok',
  'okay',
  'please',
  'there',
  'bot',
  'again',
  'so much',
  'a lot',
];
