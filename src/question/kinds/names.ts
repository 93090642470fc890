/** Rules about names: a person, a road, a district, a party. */
import { SURNAME_STARTS } from '../../text/lexicon.js';
import { tagWords } from '../../text/tokenize.js';
import type { Rule } from '../rule.js';

/**
 * A person's name asked for: 负责人叫啥名字, 校长的姓名 (a word ending like one for a person, right before 名字 /
 * 姓名; not 人才计划叫什么名字, 管理委员会叫什么名字); who was the mayor / director / photographer / official, the name
 * of the official, what's his name. (校长是谁 is left
 * out: CMRC names a headmaster jieba does not tag as a person.)
 */
/** People named by their role in English questions (the mayor, the official quoted). */
const PERSON_ROLE =
  '(?:mayor|president|director|dean|chairman|chairwoman|secretary|governor|minister|principal|photographer|reporter' +
  '|journalist|officials?|spokes(?:person|man|woman)|professors?|laureates?|scientists?|academicians?)';
/** … ending the noun phrase: "the official quoted", not "the official website" or "the mayor's plan". */
const ROLE_ENDS =
  "(?![\\w'’-])(?!\\s+(?!(?:who|that|whose|quoted|mentioned|cited|from|of|at|in|for|on|behind|named)\\b)[a-z])";
const ASKS_PERSON_NAME = new RegExp(
  '(?<!委)(人|者|员|长|师|官|主任|书记)的?(?:叫|是)?(?:啥|什么)?的?(名字|姓名)|谁代表|代表[^，,。？?]{0,12}?(?:是|为)谁|哪位(?!置|于)' +
    "|\\bwhat(?: is|['’]s| was) (?:his|her|the [\\w-]+['’]s) name\\b" +
    `|\\bname of the (?:[\\w'’-]+ ){0,4}?${PERSON_ROLE}${ROLE_ENDS}` +
    '|\\bwho (?:\\w+ )?(?:represented|on behalf of)\\b|\\bwho\\b[^?]*\\bon behalf of\\b' +
    `|\\bwho (?:is|was|were|are) (?:the )?(?:\\w+ )?${PERSON_ROLE}${ROLE_ENDS}` +
    // "which official signed", opening the question: the role then a verb (a past form, or an auxiliary), not
    // "which official website", nor a relative clause ("the agreement which the officials signed").
    `|(?:^|[.?!]\\s*)(?:(?:in|on|at|for|by) )?which (?:[\\w-]+ ){0,2}?${PERSON_ROLE}(?=\\s+(?:\\w+ed|did|was|were|is|will|has|had|led|met|spoke|said|wrote|took|made|gave)\\b|\\s*[?.!,]|$)`,
  'u',
);

/** A road or street asked for: 哪条路, 什么街上, 门牌号, which street (not 地址, often answered by a district or town). */
const ASKS_ROAD =
  /哪一?条(?:路(?![线径程])|街|马路|大街|大道|街道)|(?:什么|啥)(?:路|街|大街|大道)上|门牌|\b(?:which|what) (?:road|street)\b|\bstreet address\b/u;

/**
 * A district or county asked for: 哪个区, 什么区, 哪些区县, 哪个县, which district(s) (not 哪个区域, a region; 哪个县市, a
 * county or city; 什么区位, 为什么区政府).
 */
const ASKS_DISTRICT =
  /(?:哪些|哪几个|哪一个|哪个|哪一|哪|(?<!为)什么|啥)(?:区县|区|县)(?![域别分间块市位划政委长级])|\b(?:which|what) (?:districts?|count(?:y|ies))\b/u;

/** A party asked for: 哪所大学, 哪家高校, 跟谁, which university, who. */
const ASKS_PARTY =
  /(?:哪|什么)[一]?[所家个]?(?:大学|高校|学校|院校)|谁|\bwhich (?:university|universities|school|college)\b|\bwho\b/u;

/**
 * A road or street name (人民路, 南京东路, 解放碑步行街, 金开大道) or a house number (88号): at least two characters
 * before 路 / 街 / 大道 / 巷, not a common word ending like one (思路, 道路, 铁路, 马路, 一路, 小路); 丝绸之路 is one.
 */
const GIVES_ROAD =
  /\p{Script=Han}{2,}(?<![思出线电网公铁马套门销活弯歧水陆航一来去后心道短近引前老岔窄宽山小])(?:路|街|大街|大道|巷)(?![线径程面口灯由况])|\d+\s*号/u;

export function givesRoad(text: string): boolean {
  return GIVES_ROAD.test(text);
}

/**
 * A district or county named (两江新区, 綦江区, 大安区, 宜兰县, 石柱土家族自治县): two to four characters before 区 / 县,
 * not a common word ending like one (开发区, 高新区, 示范区, 集聚区, 核心区, 保税区, 大湾区, 小区, 山区, 地区, 园区,
 * 社区, 市区, 全区, 该县; 自治区 is a province) nor 区域 / 区别 / 区县.
 */
const DISTRICT_CANDIDATE = /(\p{Script=Han}{2,4})([区县])(?![域别分间块划位长县])/gu;
const NOT_A_DISTRICT =
  /(?:开发|示范|集聚|保护|试验|实验|自贸|产业|工业|经济|科技|旅游|风景|商业|住宅|行政|特别|贫困|核心|功能|起步|先行|保税|经开|高新|[区湾小山地园社城市景片辖郊全本该各此每灾牧矿街校营专战盲禁雷误])$/u;

export function givesDistrict(text: string): boolean {
  for (const [, before = '', kind] of text.matchAll(DISTRICT_CANDIDATE)) {
    if (!NOT_A_DISTRICT.test(before) && !(kind === '区' && before.endsWith('自治'))) return true;
  }
  return false;
}

/** Characters a Chinese surname starts with (see the lexicon). */
const SURNAME_START = new Set(SURNAME_STARTS);

/**
 * A word jieba tags as a person's name (nr, nrt: 王京华, 罗纳尔多, 安倍晋三). Its dictionary also tags thousands of
 * four-character idioms and phrases nr (大力支持, 一劳永逸): a name of four or more characters tagged nr counts only
 * when it starts like a surname (安, 伊, 司徒, 上官; not 大, 一).
 */
function namesPerson({ word, tag }: { word: string; tag: string }): boolean {
  if (!/^nr/.test(tag)) return false;
  const chars = [...word];
  return chars.length < 4 || tag === 'nrt' || SURNAME_START.has(chars[0] ?? '');
}

export const NAME_RULES: Rule[] = [
  {
    id: 'person',
    kind: 'person',
    use: 'decline',
    why: "a person's name is answered by a passage naming a person (jieba nr), not by 有关负责人表示",
    asks: (q) => ASKS_PERSON_NAME.test(q),
    gives: (p) => tagWords(p.text).some(namesPerson),
    examples: {
      asks: [
        '某市科技局那个负责人叫啥名字？',
        '谁代表市政府签约',
        'who signed on behalf of the city?',
        'who was the mayor?',
        'what is the name of the official quoted?',
        'which official signed the agreement?',
        'which nobel prize laureate has set up an institution here?',
      ],
      doesNotAsk: [
        '某市与甲大学共建的研究院叫什么名字？',
        '某市的人才计划叫什么名字？',
        '管理委员会叫什么名字？',
        '校长是谁',
        'what is the official website?',
        'what is the agreement which the officials signed?',
      ],
      gives: ['本报记者 王京华 摄', '安倍晋三表示'],
      doesNotGive: ['有关负责人表示', '大力支持人才培养'],
    },
  },
  {
    id: 'road',
    kind: 'road',
    use: 'decline',
    why: 'on which road is answered by a road or a house number (人民路, 88号), not by a district',
    asks: (q) => ASKS_ROAD.test(q),
    gives: (p) => givesRoad(p.text),
    examples: {
      asks: [
        '乙大学某市研究院具体在新区哪条路上？',
        '设在新区的哪一条街道？',
        'on which street is it?',
        '门牌号是多少',
      ],
      doesNotAsk: ['机场快线和哪一条路线同时建成？', '地址在哪里'],
      gives: ['在解放碑步行街', '沿着丝绸之路', '南京东路上', '金开大道88号'],
      doesNotGive: ['按照引得来的思路', '修建了一条铁路', '走发展道路', '两江新区'],
    },
  },
  {
    id: 'district',
    kind: 'district',
    use: 'decline',
    why: 'in which district is answered by a district or county named (两江新区), not by 开发区 or a science city',
    asks: (q) => ASKS_DISTRICT.test(q),
    gives: (p) => givesDistrict(p.text),
    examples: {
      asks: ['研究院在哪个区', '在什么区', '位于哪一个县', 'which district is it in?'],
      doesNotAsk: ['属于哪个区域', '哪个县市', '什么区位优势', '为什么区政府要支持'],
      gives: ['位于两江新区', '綦江区', '宜兰县', '石柱土家族自治县'],
      doesNotGive: ['高新技术开发区', '示范区', '西部(重庆)科学城', '全区'],
    },
  },
  {
    id: 'party',
    kind: 'party',
    use: 'label',
    why: 'a question asking which party (哪所大学, 跟谁) names another as a landmark: the other-party check lets it be',
    asks: (q) => ASKS_PARTY.test(q),
    examples: {
      asks: [
        '除了清华，重庆还跟哪所大学签了协议？',
        '跟清华签约五天后重庆又跟谁签约了',
        'which university signed first?',
      ],
      doesNotAsk: ['清华在重庆设立的研究院叫什么'],
    },
  },
];
