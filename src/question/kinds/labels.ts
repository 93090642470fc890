/**
 * Kinds that only label a question (no passage is judged by them): where, which organisation, why, yes or no, what
 * is. The conversation reads them.
 */
import { oneOf, ORGANISATION_NOUNS } from '../../text/lexicon.js';
import type { Rule } from '../rule.js';

const ASKS_PLACE = /在哪|哪里|哪儿|什么地方|何处|何地|哪座城市|哪个城市|\bwhere\b/u;
const ASKS_ORGANISATION = new RegExp(
  `哪家|(?:哪个|什么)(?:${oneOf(ORGANISATION_NOUNS)})|\\bwhich (?:company|companies|organi[sz]ations?|institutions?|agency)\\b`,
  'u',
);
const ASKS_REASON = /为什么|为何|为啥|原因|怎么会|\bwhy\b|\bfor what reason\b/u;
const ASKS_YES_NO =
  /[吗么][？?]?$|是否|有没有|是不是|能不能|会不会|^(?:is|are|was|were|did|does|do|has|have|had|will|can|could)\b/u;
const ASKS_DEFINITION =
  /(?<!为)什么是|是(?:什么|啥)(?![时地])|指的?是?什么|\bwhat (?:is|are|does) (?!the (?:date|time|year))/u;

export const LABEL_RULES: Rule[] = [
  {
    id: 'place',
    kind: 'place',
    use: 'label',
    why: 'where: a place answers (read by the conversation)',
    asks: (q) => ASKS_PLACE.test(q),
    examples: { asks: ['上海交大重庆研究院在哪里', 'where is the institute?'], doesNotAsk: ['研究院哪天揭牌'] },
  },
  {
    id: 'organisation',
    kind: 'organisation',
    use: 'label',
    why: 'which organisation: a company or an institution answers (read by the conversation)',
    asks: (q) => ASKS_ORGANISATION.test(q),
    examples: { asks: ['哪家媒体报道了这次签约', '什么机构负责'], doesNotAsk: ['机构设在哪里'] },
  },
  {
    id: 'reason',
    kind: 'reason',
    use: 'label',
    why: 'why: a reason answers (read by the conversation)',
    asks: (q) => ASKS_REASON.test(q),
    examples: { asks: ['重庆为什么要跟清华合作', 'why did they sign?'], doesNotAsk: ['重庆和清华合作了什么'] },
  },
  {
    id: 'yes-no',
    kind: 'yes-no',
    use: 'label',
    why: 'yes or no (吗, 是否, did …): a passage that says so answers (read by the conversation)',
    asks: (q) => ASKS_YES_NO.test(q),
    examples: { asks: ['重庆和清华签约了吗', '是否包括人才', 'did sjtu sign?'], doesNotAsk: ['重庆和清华哪天签约'] },
  },
  {
    id: 'definition',
    kind: 'definition',
    use: 'label',
    why: 'what is: a passage defining it answers (read by the conversation)',
    asks: (q) => ASKS_DEFINITION.test(q),
    examples: {
      asks: ['什么是双一流', '双一流是什么', 'what is double first-class?'],
      doesNotAsk: ['为什么是清华', '是什么时候签的'],
    },
  },
];
