/**
 * Question words and fillers that carry no topic in a question ("哪些", "请问", "一下"). jieba's own stop list
 * covers function words (的, 了, 和); these are the ones a question adds on top.
 */
export const QUESTION_WORDS = [
  '什么', '哪些', '哪个', '哪家', '哪所', '哪里', '哪儿', '哪', '谁', '何时', '何地', '多少', '几', '几个', '几家', '怎么',
  '怎样', '怎么样', '如何', '为什么', '为何', '吗', '呢', '吧', '么', '是否', '是不是', '有没有', '请问', '请', '告诉',
  '一下', '知道', '想', '想知道', '问', '问题', '关于', '介绍', '说说', '讲讲', '哪方面', '方面', '有关', '相关', '主要', '具体',
  '包括', '包含', '涵盖', '涉及', '分别', '还有', '其中', '内容', '情况', '啥', '咋', '呀', '啊', '哦', '嘛', '的话',
  // What a question asks for, not what it is about (叫什么名字, 举了哪所学校的例子): texts rarely say it.
  '名字', '姓名', '例子', '举例', '举',
  // Adverbs of a question about totals and outcomes (一共几个, 最终想, 到底), and 干嘛 "what for".
  '一共', '总共', '总计', '共计', '最终', '到底', '究竟', '干嘛', '多久',
  // When, relative to now: the text says 近年来 or 去年, rarely the question's 以前 (上交以前跟重庆有过哪些合作).
  '以前', '之前', '此前', '曾经',
  // The frame of a set-aside clause (除了科研合作之外): what the question sets aside is in the clause, not here.
  '以外', '之外',
  // The frame of "on which road" (哪条路上): the road asked for is what no question holds.
  '路上', '街上',
  // A verb or noun that only holds the place of what is asked (做哪些事情, 搞什么, 干啥): the text names the action.
  '做', '干', '搞', '弄', '事情', '事儿', '事',
  // The document itself and its parts (报道里说, 文章提到, 讲清华的那一部分, 用什么来形容): every passage is in it, none
  // says so.
  '报道', '报导', '文章', '本文', '提到', '提及', '说到', '讲到', '谈到', '写到', '讲', '一部分', '部分', '形容',
  // A question about a heading (那段的小标题说什么) asks for the heading's words, not for the word 标题.
  '标题', '大标题', '小标题', '副标题', '主标题', '标题里', '小标',
  // Yes/no questions ("有没有被引进", "会不会来", "能不能"): jieba cuts them into a verb and its negation.
  '会', '没有', '不会', '不能', '不要', '可不可以',
];

/** Builds the stop set from jieba's list plus the question words above, lower-cased. */
export function buildStopWords(jiebaStopWords: Iterable<string>): Set<string> {
  return new Set([...jiebaStopWords, ...QUESTION_WORDS].map((w) => w.trim().toLowerCase()).filter(Boolean));
}
