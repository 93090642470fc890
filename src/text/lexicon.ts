/**
 * The Chinese lexicon every rule draws from: numerals, measure words, time words, words for areas, signing, plans.
 * One list per thing, written once (`npm run duplicates` finds a list written twice); rules compose them into
 * their patterns. Lists are character strings (for a character class: `[${DIGITS}]`) or word arrays (for an
 * alternation: oneOf(SIGNING_VERBS)).
 */

/** 一 to 九. */
export const DIGITS = '一二三四五六七八九';
/** The zeros that write out years and digits (二〇一九年), never a count. */
export const ZEROS = '〇零';
/** 十, counting tens. */
export const TEN = '十';
/** 两, "two" of a count (两所, 两批). */
export const LIANG = '两';
/** Hundreds and thousands. */
export const HUNDRED_THOUSAND = '百千';
/** Ten thousand. */
export const WAN = '万';
/** Hundreds, thousands, ten thousands. */
export const MAGNITUDES = HUNDRED_THOUSAND + WAN;
/** A hundred million. */
export const YI = '亿';
/** 一 to 十: months and small counts (十二月, 三个). */
export const ONE_TO_TEN = DIGITS + TEN;
/** Chinese numerals that count (not 〇 / 零, which only write out years and digits). */
export const COUNTING_NUMERALS = DIGITS + LIANG + TEN + MAGNITUDES;
/** Every Chinese numeral. */
export const HAN_NUMERALS = ZEROS + COUNTING_NUMERALS + YI;
/** Numbers told vaguely: 几 (a few), 数 (several), 半 (half). */
export const VAGUE_NUMERALS = '几数半';

/**
 * Measure words and time units that follow a number (14家, 2019年, 8日, 三大): one list for every rule that reads
 * numbers (question terms, "how many", numerals' weight, "does this passage give a number").
 */
export const MEASURE_WORDS = '天年月日号个家所位名项次种条岁人届只件本部场座类批元多余倍成大份幅篇辆间';
/** Measure words that count things, not time, money or people (年, 元, 人): any of them may count a named noun. */
export const COUNTING_MEASURES = '个家所位名项次种条届只件本部场座类批份篇辆间';
/** A Chinese "when" (simplified), longer forms first: where it stands, what follows is asked about. */
export const WHEN_WORDS = [
  '啥时候',
  '啥时',
  '多会儿',
  '哪一天',
  '哪天',
  '哪日',
  '何日',
  '何时',
  '几时',
  '几点',
  '几号',
  '几月',
  '哪一个月',
  '哪个月',
  '哪一月',
  '哪一年',
  '哪年',
  '何年',
  '什么时候',
  '什么时间',
  '什么日子',
  '日期',
];

/** A day told relative to the story (当天下午…揭牌, 同日). */
export const RELATIVE_DAYS = ['当天', '当日', '同日', '同一天', '当晚', '次日', '日前', '近日'];

/** Words for an area of activity: what a "which areas" question asks for, and a list of them names. */
export const AREA_WORDS = ['领域', '方面', '范畴', '层面'];

/** What a plan aims at (目标, 任务, 指标) … */
export const TARGET_NOUNS = ['目标', '任务', '指标'];
/** … and verbs of reaching it. */
export const REACHING_VERBS = ['完成', '实现', '达成', '达到'];

/** Nouns for an organisation (哪个机构, 什么单位). */
export const ORGANISATION_NOUNS = ['公司', '企业', '机构', '单位', '部门'];

/** Verbs of signing an agreement. */
export const SIGNING_VERBS = ['签署', '签订', '签约'];

/** Words for an agreement (协议, 备忘录). */
export const AGREEMENT_WORDS = ['协议', '协定', '备忘录', '合同'];
/** Someone else signing too: "X还与Y签署了…协议". */
export const ALSO_WITH_WORDS = ['还与', '还同', '也与', '同时与'];
/** Words asking for something besides what was named (还有谁, 别的协议, 其他, who else). */
export const ELSE_WORDS = ['还', '另外', '其他', '其它', '别的'];
/** Verbs of an institution opening (揭牌, 成立). */
export const OPENING_VERBS = ['揭牌', '成立', '挂牌', '落户', '启用', '开园', '奠基'];
/** Words that introduce an enumeration of fields or aspects (在, 围绕, 涵盖 …). */
export const LIST_INTRO_WORDS = [
  '在',
  '围绕',
  '涵盖',
  '包括',
  '聚焦',
  '面向',
  '针对',
  '涉及',
  '覆盖',
  '重点发展',
  '发展',
];
/** How an institution's full name ends (上海交通大学重庆研究院). */
export const INSTITUTION_SUFFIXES = ['研究院', '研究所', '中心', '实验室', '平台', '基地', '工作站'];
/**
 * Words that cannot stand inside an institution's name between its party and its suffix: they make a clause
 * (清华大学将在重庆建设研究院), not a name.
 */
export const NOT_IN_INSTITUTION_NAME = '在 的 将 与 和 为 是 及 把 向 从 对 建设 设立 共建 成立 揭牌 支持'.split(' ');

/** Nouns that name what a question asks for, a name (全称叫什么): a text gives the name without saying 全称. */
export const NAMING_NOUNS = ['全称', '简称', '名称', '全名', '正式名称'];
/** Grammatical particles: the commonest characters, written right (的 for 底 is grammar, not a typo). */
export const STRUCTURAL_PARTICLES = '的地得了着过';
/**
 * Words of a preamble that speak of the asker (我, 咱, 俺, 本人; not 我们, often a quotation's or everyone's, nor
 * 自我) or of what the asker heard (听说, 听人说).
 */
export const ASKER_SOURCE = '(?<!自)[我咱俺](?![们們])|本人|听说|听人说|聽說';
/** Years told relative to the time of writing, by their distance from it: 去年 in a 2020 article is 2019. */
export const RELATIVE_YEAR_OFFSETS: ReadonlyArray<readonly [string, number]> = [
  ['前年', -2],
  ['去年', -1],
  ['今年', 0],
  ['明年', 1],
];

/** Before 系, a character making it the 系 of a Mandarin word (关系, 体系, 联系, 院系 …), not Cantonese 係 "is". */
const XI_WORD = '关体联派干世谱院直嫡水星语父母旁维';
/** Before 边, a character making it a side (这边, 两边, 海边 …), not Cantonese 邊 "which". */
const BIAN_SIDE = '这那两左右旁身周东西南北里外海岸上下前后一半天';

/**
 * Written Cantonese → Mandarin, after simplification, so a Hong Kong reader's question (中心系几时喺边度成立嘅, 华为有
 * 冇份, 𠮶日) is read like a mainland one; longer forms first. Characters only Cantonese writes (冇, 喺, 嘅, 咗, 佢 …)
 * are always read; words Mandarin also writes only where the context is Cantonese: 系 before a Cantonese question
 * word and not after 关 / 体 …, 点解 not before 决 / 读 (重点解决, 要点解读), 边度 not before 假 / 过 (海边度假),
 * 边 not after 这 / 两 / 海 …. Every text is read the same way, passage, sentence or question, with no switch per
 * text, so an index and the sentences it is matched by never disagree.
 */
export const CANTONESE_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  // 唔该晒 / 多谢晒: thank you (very much); 唔该 alone is please.
  [/唔该晒|多谢晒/gu, '谢谢'],
  [/唔该/gu, '请'],
  [/有冇/gu, '有没有'],
  [/冇/gu, '没有'],
  [new RegExp(`系唔系|(?<![${XI_WORD}])系咪`, 'gu'), '是不是'],
  [/唔系/gu, '不是'],
  [new RegExp(`(?<![${XI_WORD}])系(?=几|边|乜|咩|点|喺|唔|咪)`, 'gu'), '是'],
  [/佢哋/gu, '他们'],
  [/哋/gu, '们'],
  [/佢/gu, '他'],
  [/喺/gu, '在'],
  [/嘅/gu, '的'],
  [/咗/gu, '了'],
  [/乜嘢|咩嘢|咩/gu, '什么'],
  [/点解(?![决读析释剖答说])/gu, '为什么'],
  [/(?<![重要])点样(?![本式品板例])/gu, '怎样'],
  [/边度(?![假过日])/gu, '哪里'],
  [new RegExp(`(?<![${BIAN_SIDE}])边个`, 'gu'), '谁'],
  [new RegExp(`(?<![${BIAN_SIDE}])边(?=[一几]?[间家所位])`, 'gu'), '哪'],
  [/几时/gu, '什么时候'],
  [/几多/gu, '多少'],
  [/呢(?=[个间家份些啲度])/gu, '这'],
  // OpenCC writes 嗰 as 𠮶.
  [/[嗰𠮶]/gu, '那'],
  [/啲/gu, '些'],
  [/唔/gu, '不'],
  [/(?<!伯)仲(?=有|要|会|系|是|未)/gu, '还'],
  [/噉/gu, '这样'],
  [/睇/gu, '看'],
  [/畀/gu, '给'],
  [/[搵揾]/gu, '找'],
  [/嚟/gu, '来'],
  [/攞/gu, '拿'],
  [/下昼/gu, '下午'],
];

/** Words that make a sentence tell what is to be when a verb follows them (将搭建, 计划投入, 预计建成). */
export const PLAN_WORDS = ['将', '即将', '计划', '预计', '拟', '有望', '准备'];
/** Words asking about what came before (以前合作过吗, 这次之前): earlier events, not the ones reported. */
export const EARLIER_WORDS = ['以前', '之前', '此前', '过去', '以往', '曾经', '早前', '先前'];
/** Words telling what has been done already (近年来已经开展了多项合作, 此前曾, 累计). */
export const DONE_WORDS = ['近年来', '已经', '此前', '曾经', '先后', '累计', '以来'];

/**
 * Characters a Chinese surname (or the first syllable of a transliterated name) starts with: the common single
 * surnames and the first characters of compound ones (欧阳, 司马, 司徒, 上官, 诸葛, 东方 …). General knowledge.
 */
export const SURNAME_STARTS =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝伊上诸东皇尉公慕长宇令端独澹';

/** Compass points: a region is named by two (西南, 华东, 中部: 华 for China, 部 / 方 for a part). */
export const COMPASS_POINTS = '东西南北中';
/** Characters an institution's abbreviation ends in (北大, 中科院, 研究所, 学校). */
export const INSTITUTION_ENDINGS = '大院所校';
/** Characters that ask when they open a word (何原因, 啥东西). */
export const ASKING_CHARS = '何啥';
/**
 * Modal particles that close a spoken question (哪天呀, 是什么呢): tone, not content.
 */
export const FINAL_PARTICLES = '呀啊呢吧嘛啦哦呗哇';
/** Characters before 除 that make it a verb of removing (消除, 排除, 免除, 根除): nothing is set aside. */
export const REMOVING_BEFORE_CHU = '消排免解切废拆删剔破根';
/** Nouns for a time: a question ending in one asks for it (上海交大的签约时间, 那日期呢). */
export const TIME_NOUNS = ['时间', '日期'];
/**
 * Words that make a time asked one of another event than the one named: after it (签约后, 之后, 以后) or its
 * repeat (再, 重新, 续签, 续约); English after, again, renew.
 */
export const TIME_OF_ANOTHER_WORDS = ['后', '再', '重新', '续签', '续约'];
export const TIME_OF_ANOTHER_WORDS_EN = ['after', 'again', String.raw`renew\w*`];
/** What may stand between a listed item and the 、 next to it: quotes, brackets, 等 and conjunctions (A和B). */
export const LIST_ITEM_EDGE = '\\s“”"‘’「」『』《》()（）等和与及以';

/** Interrogatives and demonstratives that take a measure word: 哪 + 天, 几 + 所, 多少 + 家, 那 + 份. */
export const TAKES_MEASURE_WORDS = ['哪', '哪一', '几', '多少', '这', '那'];
/** Adjectives of size that 多 turns into "how …" (多大, 多远, 多高). */
export const SIZE_ADJECTIVES = '大高长远宽深厚';
/** Interrogatives that open a compound the dictionary knows as a word (哪一年, 多少钱, 几部): question words too. */
export const INTERROGATIVE_OPENERS = ['哪', '什么', '多少', '怎么', '怎样', '为什么', '为啥', '如何', '几', '啥', '咋'];
/** Demonstratives: 这 (this), 那 (that); with a measure word they point (那份协议), naming nothing. */
export const DEMONSTRATIVES = '这那';
/** 多 before an adjective of size asks "how …" (多大, 多远); before 久, "how long". */
export const HOW = '多';
/** 里 as a unit of distance after a number (30里, 几里); elsewhere a locative. */
export const DISTANCE_LI = '里';
/** The particle that ties a modifier to its noun (去年底发的那个计划): what follows the last one is the head. */
export const MODIFIER_PARTICLE = '的';
/** Particles that tie a modifier to a noun, spoken and written (的, 之): a noun phrase goes on after them. */
export const ATTRIBUTIVE_PARTICLES = MODIFIER_PARTICLE + '之';
/**
 * What opens a phrase asking for a kind of thing: 哪些 / 哪个 / 哪两所 / 哪几 / 什么 (not 为什么, 什么时候,
 * 什么地方) / 啥 / 何种; the noun closing the phrase names the kind asked for.
 */
export const WHICH_KIND_SOURCE = `哪(?:[${DIGITS}${LIANG}${TEN}几\\d]+[${COUNTING_MEASURES}]|[些个类种])|哪几|(?<!为)什么(?!时候|地方)|啥|何种`;
/**
 * The clause a Chinese question sets aside (除了清华(以外)，… / 除清华外，…): group 1 or 2 is what it names. It ends
 * at 以外 / 之外, at 外 before a comma, 还, 也 or 的, or, after 除了, at a comma, a space, 还 or 也; 消除 / 排除
 * (REMOVING_BEFORE_CHU) set nothing aside.
 */
export const SET_ASIDE_SOURCE = String.raw`(?<![${REMOVING_BEFORE_CHU}])除(?:了\s*([^，,。？?！!；;\s]+?)(?:[以之]外|外(?=[，,\s还也的])|(?=[，,\s]|还|也))|\s*([^，,。？?！!；;\s]+?)(?:[以之]外|外(?=[，,\s还也的])))`;
/**
 * A clause that says what the question is not about (我问的是交大，不是清华 / 而不是清华): 不是 opening the question or
 * after a comma, 而 or 并, up to the next comma or the end; group 1 is what it names. Not a question of its own
 * (不是清华吗: asking whether it was).
 */
export const NEGATED_SOURCE = String.raw`(?:^|[，,]\s*|[而并])不是\s*([^，,。？?！!；;\s]+?)(?<![吗么呢吧])(?=[，,。！!；;]|$)`;
/** The same in English: …, not Tsinghua / rather than Tsinghua / instead of Tsinghua. */
export const NEGATED_EN_SOURCE = String.raw`(?:,\s*not|\brather than|\binstead of)\s+([^,.?!;]+)`;
/** Nouns for a document's gist (主要内容, 大意): the gist rule's words (src/question/kinds/subject.ts). */
export const GIST_NOUNS = ['主要内容', '大意', '梗概', '摘要', '要点'];
/** Verbs asking for a gist (总结一下, 概括). */
export const GIST_VERBS = ['总结', '概括'];
/** Who published a document (哪家媒体, 出处): the provenance rule's words (src/question/kinds/subject.ts). */
export const MEDIA_NOUNS = ['媒体', '报纸', '报社', '网站', '刊物'];
export const SOURCE_NOUNS = ['出处', '来源'];
/**
 * What a question about the document as a whole (这篇文章讲了什么, summarize the article) may say besides its
 * question words: the document named as such, and the words for its gist. A question with any other content word
 * (市科技局负责人说了什么) asks about that.
 */
export const GIST_WORDS = [
  '文章',
  '篇文章',
  '报道',
  '新闻',
  '文档',
  '全文',
  '本文',
  '稿子',
  '内容',
  ...GIST_NOUNS,
  ...GIST_VERBS,
  '事',
  '事情',
  'article',
  'story',
  'report',
  'news',
  'document',
  'piece',
  'text',
  'summary',
  'summarize',
  'summarise',
  'gist',
  ...MEDIA_NOUNS,
  '日报',
  '报刊',
  ...SOURCE_NOUNS,
  'newspaper',
  'paper',
  'outlet',
  'media',
  'publication',
  'source',
  'published',
  'publish',
  'main',
  'point',
  'points',
];
/** Words that join the two sides of a signing (重庆市政府与清华大学签署). */
export const JOINING_WORDS = ['与', '和', '同'];
/** Adverbs between the sides and the signing verb (正式签署, 共同签署). */
export const SIGNING_ADVERBS = ['正式', '共同'];
/** 在, "at / in": opens a place, a time or an aspect (在两江新区, 在人才方面). */
export const ZAI = '在';
/** The noun an aspect ends in (在决策咨询方面). */
export const ASPECT_NOUN = '方面';
/** Measure words of a count of aspects (5个方面, 四大方面, 三项). */
export const ASPECT_COUNT_MEASURES = '个大项';
/** 等 closing a list ("A、B等"): "and so on". */
export const ETC = '等';
/** Nouns closing a list of fields (人工智能、大数据等领域, 战略性新兴产业). */
export const FIELD_NOUNS = ['领域', '产业', '行业'];
/** The credit closing a photo caption (记者 王某 摄). */
export const CAPTION_CREDIT = '摄';
/** Words by which a question asks about a photo caption. */
export const CAPTION_WORDS = ['照片', '图片', '配图', '图', '拍摄', '摄影'];
/** Older or variant spellings of a question word, read as the usual one. */
export const VARIANT_SPELLINGS: ReadonlyArray<readonly [string, string]> = [['甚么', '什么']];
/** Locatives that close a place word (图里, 市里, 网上). */
export const LOCATIVES = '里上中内';
/** What closes a time told relative to another event (在完成阶段性研究后, 在…期间). */
export const RELATIVE_TIME_ENDINGS = ['后', '之后', '以后', '之前', '以前', '期间', '之际', '时'];

/** Question words and yes/no forms: a clause holding one asks (A不A: 能不能, 会不会). */
export const QUESTION_WORDS = [
  '什么',
  '啥',
  '哪',
  '几',
  '多少',
  '谁',
  '怎么',
  '怎样',
  '如何',
  '为何',
  '吗',
  '是否',
  '有没有',
];

/** A question word, a yes/no form (A不A) or a question mark, as a regular expression source. */
export const ASKS_SOURCE = String.raw`${QUESTION_WORDS.join('|')}|[?？]|(\p{Script=Han})不\1`;

/**
 * The value of a count written in Chinese numerals (五 → 5, 十二 → 12, 两百 → 200, 一千零五 → 1005, 三万 → 30000), or
 * undefined when it is not one.
 */
export function hanNumberValue(text: string): number | undefined {
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of text) {
    const d = c === LIANG ? 2 : DIGITS.indexOf(c) + 1;
    if (d > 0) digit = d;
    else if (ZEROS.includes(c)) digit = undefined;
    else if (c === WAN) {
      total = (total + section + (digit ?? 0)) * units[c]!;
      [section, digit] = [0, undefined];
    } else if (units[c]) {
      section += (digit ?? 1) * units[c]!;
      digit = undefined;
    } else return undefined;
  }
  const value = total + section + (digit ?? 0);
  return value > 0 ? value : undefined;
}

/** An alternation of a word list for a regular expression source ('签署|签订|签约'). */
export function oneOf(words: readonly string[]): string {
  return words.join('|');
}
