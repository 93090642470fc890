/** Made-up stories the ranking and answering tests share: each paragraph is a passage. */
import { loadCorpus } from '../../src/corpus/load.js';
import { DEFAULT_RANKING, SearchEngine } from '../../src/search/engine.js';
import { answerQuestion } from '../../src/answer/answer.js';
import { tempCorpus } from './temp-corpus.js';

// A small made-up news story. Each paragraph is a passage.
export const STORY = `---
title: 某市与两所大学合作
date: 2021-05
---

某市今年引进了12家研究机构。2020年，某市的研究机构增加。企业也在引进人才，研究机构也多。

以2020年为例，某市引进了8家研究机构和3所大学。这些大学来自全国各地，带来了大量的科研项目和优秀的青年教师，也带动了本地产业的发展和城市建设。

根据《人才计划(2020—2025年)》，某市将引进更多人才，到2025年引进50家研究机构。

5月10日，某市与甲大学签署合作协议，双方将共建实验室。

5月12日，某市与乙大学签署合作协议，双方将共建研究院。

签约现场，某市科技局与甲大学签署了共建实验室的协议。该协议是甲大学签署的第一份协议，实验室将研究新材料。

某区光电公司的无尘车间里，工人正在组装芯片。 本报记者 张三 摄
`;

export const corpus = loadCorpus(tempCorpus({ 'story.md': STORY }));
export const engine = SearchEngine.build(corpus);
/** BM25 alone, without the second stage: what the re-ranking changes. */
export const firstStage = SearchEngine.build(corpus, {
  ...DEFAULT_RANKING,
  sentenceWeight: 0,
  phraseWeight: 0,
  kindWeight: 0,
});
export const firstStageTop = (q: string) => firstStage.rank(firstStage.analyze(q), 1)[0]?.passage.text ?? '';
/** An engine over a one-document corpus of these paragraphs. */
export const storyOf = (...paragraphs: string[]) =>
  SearchEngine.build(loadCorpus(tempCorpus({ 'a.md': paragraphs.join('\n\n') })));
/** The text of an engine's answer to a question, or the kind of non-answer in brackets ((none)). */
export const topOf = (e: SearchEngine, q: string) => {
  const a = answerQuestion(e, q, { top: 1 });
  return a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : `(${a.kind})`;
};
export const topText = (q: string) => topOf(engine, q);

// A second made-up story for the "no answer" rules: names, shortened names, paraphrased nouns, counts.
export const NEWS = `---
title: 宜昌市与研究院合作
date: 2021-06
---

宜昌市与中国科学院签署合作协议，中国科学院将在宜昌市设立分院，开展新材料研究。

宜昌市的知名高校与企业共建实验室，培养青年教师。

宜昌市政府表示，将在两江新区支持更多企业研发新产品。
`;
export const news = SearchEngine.build(loadCorpus(tempCorpus({ 'news.md': NEWS })));
export const kind = (q: string) => answerQuestion(news, q, { top: 1 }).kind;

/** A list passage that counts three areas, then two of the areas' own paragraphs. */
export const areasStory = () =>
  loadCorpus(
    tempCorpus({
      'story.md': [
        '某市将与丙大学在决策咨询、科技创新、人才交流与合作3个方面开展深度合作。',
        '在人才交流与合作方面，某市将支持丙大学优秀人才来某市工作，丙大学也将为某市培养人才，双方人才交流与合作将更加紧密。',
        '在科技创新方面，丙大学将与某市共建实验室。',
      ].join('\n\n'),
    }),
  );

/** A story about two agreements, of 甲大学 (topic a) and 乙大学 (topic b), and its best answer's text or (kind). */
export function twoParties(news: string): { parties: SearchEngine; top: (q: string) => string } {
  const party = (id: string, name: string) => ({
    id,
    command: id,
    title: `某市与${name}合作协议`,
    date: '2021-05-10',
    party: { name, aliases: [] },
  });
  const dir = tempCorpus({
    'news.md': news,
    'topics.json': JSON.stringify({ agreements: [party('a', '甲大学'), party('b', '乙大学')] }),
  });
  const parties = SearchEngine.build(loadCorpus(dir));
  return { parties, top: (q: string) => answerText(parties, q) };
}

/** The answer's first passage, or "(none)" / "(invalid)". */
export function answerText(e: SearchEngine, q: string): string {
  const a = answerQuestion(e, q, { top: 1 });
  return a.kind === 'answer' ? (a.hits[0]?.passage.text ?? '') : `(${a.kind})`;
}

/** An engine over one document, news.md, made of these paragraphs (a front matter may be the first). */
export function newsStory(paragraphs: string[]): SearchEngine {
  return SearchEngine.build(loadCorpus(tempCorpus({ 'news.md': paragraphs.join('\n\n') })));
}
