/**
 * Conversations (src/dialogue) through the console chat's reply function: follow-ups, questions about several
 * agreements, small talk, /reset, the conversation store's bounds, and a corpus with more agreements (the
 * bundled article plus test/fixtures/third-agreement), which needs no code change.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { consoleReply, createConsoleSession } from '../src/cli/console-chat.ts';
import { DEFAULT_CORPUS, openEngine } from '../src/cli/wiring.ts';
import { converse } from '../src/dialogue/converse.ts';
import { readSmallTalk } from '../src/dialogue/small-talk.ts';
import { ConversationStore, type TurnRecord } from '../src/dialogue/state.ts';

const engine = openEngine();
const DECLINED = /抱歉，这些文档没有讲到这个问题|Sorry, the documents don't cover that/;

/** Plays lines as one console conversation; returns the replies. */
function chat(lines: string[], e = engine, lang: 'zh' | 'en' = 'zh'): string[] {
  const session = createConsoleSession();
  return lines.map((line) => consoleReply(e, line, lang, session));
}

describe('follow-ups', () => {
  test('an elliptic follow-up takes the previous question with the new party, and says how it was understood', () => {
    const [, reply] = chat(['上海交大的合作涵盖哪些领域？', '那清华呢？']);
    assert.match(reply!, /^（按“清华大学的合作涵盖哪些领域\?”回答）/);
    assert.match(reply!, /产学研协同5个方面/);
  });

  test('a follow-up naming another party and an aspect of its own asks about both', () => {
    const [, zh] = chat(['清华在决策咨询方面干什么', '那交大的人才交流方面呢']);
    assert.match(zh!, /^（按“上海交通大学在人才交流方面/);
    assert.match(zh!, /院士专家重庆行/);
    const [, en] = chat(['清华在决策咨询方面干什么', 'what about 科技成果转化 for sjtu'], engine, 'en');
    assert.match(en!, /优先在渝/);
    // A way of pointing at the party is no aspect: the previous question is asked of it.
    assert.match(chat(['清华哪天签的', '交大那边呢？'])[1]!, /6月8日/);
  });

  test('a correction names the party meant and the one not meant (我问的是交大，不是清华; I meant SJTU, not Tsinghua)', () => {
    const [, zh] = chat(['清华在人才交流方面做什么', '我问的是交大，不是清华']);
    assert.match(zh!, /^（按“上海交通大学在人才交流方面做什么”回答）/);
    const [, en] = chat([
      'What does the Tsinghua deal say about talent exchange?',
      'no sorry, I meant SJTU, not Tsinghua',
    ]);
    assert.match(
      en!,
      /^\(Answered as: “What does the Shanghai Jiao Tong University deal say about talent exchange\?”\)/,
    );
    // With an aspect of its own, the aspect changes too.
    const [, aspect] = chat(['清华在科技创新方面会做什么', '不是，我问的是交大的科技创新与合作']);
    assert.match(aspect!, /^（按“上海交通大学在科技创新与合作方面会做什么”回答）/);
    assert.match(aspect!, /重庆研究院/);
  });

  test('a Chinese question leaving its subject out is about the institution the previous turn was about', () => {
    const replies = chat(['那个交大重庆研究院是谁跟交大签的共建协议', '几时揭牌的']);
    assert.match(replies[1]!, /^（按“上海交通大学重庆研究院什么时候揭牌的”回答）/);
    assert.match(replies[1]!, /当天下午/);
  });

  test('"the same day" compares nothing: it is the day of what was just told', () => {
    const [, reply] = chat(
      ['what did chongqing sign with tsinghua?', 'which companies signed the chip deal that same day?'],
      engine,
      'en',
    );
    assert.match(reply!, /紫光集团/);
  });

  test('one party asked of after a question naming two keeps that one, not the same name twice', () => {
    const [, zh] = chat(['清华和交大分别是哪天签的', '那清华呢']);
    assert.match(zh!, /^（按“清华大学分别是哪天签的”回答）/);
    assert.match(zh!, /6月3日/);
    const [, en] = chat(['When did Tsinghua and SJTU sign?', 'what about the first one?'], engine, 'en');
    assert.match(en!, /^\(Answered as: “When did Tsinghua University sign\?”\)/);
  });

  test('an ordinal after an answer listing areas is that area of the agreement (第四个 of 5个方面)', () => {
    const [, fourth] = chat(['清华那5个方面是哪些？', '第四个呢']);
    assert.match(fourth!, /^（按“清华大学人才交流与合作”回答）/);
    assert.match(fourth!, /赴渝工作/);
    const [, first] = chat(['清华那5个方面是哪些？', '第一个具体说了啥']);
    assert.match(first!, /^（按“清华大学战略决策咨询具体说了啥”回答）/);
  });

  test('they / 他们 beside a party the question names is that party, not the one talked about', () => {
    const [, reply] = chat(
      ['What are the main areas of cooperation with SJTU?', 'And for Tsinghua, which industries will they focus on?'],
      engine,
      'en',
    );
    assert.match(reply!, /^\(Answered as: “for Tsinghua, which industries will Tsinghua University focus on\?”\)/);
  });

  test('they / 他们 after a turn about neither agreement are not the two agreements', () => {
    const replies = chat(
      [
        'how many universities does chongqing plan to bring in by 2022?',
        'how many universities did they bring in in 2019',
      ],
      engine,
      'en',
    );
    assert.match(replies[1]!, /14家/);
    assert.doesNotMatch(replies[1]!, /Tsinghua University \(signed/);
    // After a turn about both, they are both.
    const both = chat(['清华和交大分别是哪天签的', '他们在人才交流方面做什么']);
    assert.match(both[1]!, /清华大学/);
    assert.match(both[1]!, /上海交通大学/);
  });

  test('a follow-up of a question word and its noun (几个方面, 哪一年) puts both in place of the previous question word', () => {
    const [, reply] = chat(['上海交大重庆研究院在哪里揭牌？', '哪一年？']);
    assert.match(reply!, /^（按“上海交大重庆研究院哪一年揭牌\?”回答）/);
    assert.match(chat(['清华协议几号？', '几个方面？'])[1]!, /^（按“清华协议几个方面\?”/);
  });

  test('a follow-up asking only "which ones" lists what the previous question counted', () => {
    const [, reply] = chat(['2019年重庆引进了多少家科研院所', '都有哪些']);
    assert.match(reply!, /^（按“2019年重庆引进了哪些科研院所”回答）/);
    assert.match(reply!, /理化技术研究所/);
    // Then a noun the corpus lists beside the one asked (科研院所和企业) asks for the same list of it.
    const [, , firms] = chat(['2019年重庆引进了多少家科研院所', '都有哪些', '企业呢']);
    assert.match(firms!, /^（按“2019年重庆引进了哪些企业”回答）/);
    assert.match(firms!, /华为集团/);
    // One the corpus never lists beside it is asked about itself (研究院呢 after 会提供哪些服务).
    const [, institute] = chat(['上海交大在决策咨询方面会提供哪些服务？', '研究院呢？']);
    assert.doesNotMatch(institute!, /哪些研究院/);
  });

  test('a question complete on its own is never changed by context', () => {
    const [, reply] = chat(['清华在人才交流方面会为重庆做什么？', '上海交通大学和重庆哪天签约？']);
    assert.doesNotMatch(reply!, /按“/);
    assert.match(reply!, /6月8日/);
  });

  test('它 stands for what the previous question was about, 对方 for its party', () => {
    const replies = chat(['上海交通大学重庆研究院采取什么建设模式？', '它在哪里揭牌的？', '对方哪天签的协议？']);
    assert.match(replies[1]!, /按“上海交通大学重庆研究院在哪里揭牌的/);
    assert.match(replies[1]!, /两江新区/);
    assert.match(replies[2]!, /6月8日/);
  });

  test('它 / it after a question asking which institution stands for the institution its answer names', () => {
    const zh = chat(['上海交大要在重庆建个什么研究院？', '它在哪揭的牌？']);
    assert.match(zh[1]!, /按“上海交通大学重庆研究院在哪揭的牌/);
    assert.match(zh[1]!, /当天下午,上海交通大学重庆研究院在两江新区揭牌/);
    const en = chat(['What will SJTU build in Chongqing?', 'Where was it unveiled?'], engine, 'en');
    assert.match(en[1]!, /两江新区揭牌/);
  });

  test('a question about what the corpus never mentions stays declined when the conversation implies a party', () => {
    const replies = chat(['上海交大在重庆建什么研究院？', "What's the population of Shanghai?", '那里的人口有多少？']);
    assert.match(replies[1]!, DECLINED);
    assert.match(replies[2]!, DECLINED);
  });

  test("after an agreement's summary command, a follow-up asks of that agreement", () => {
    const zh = chat(['/sjtu', '那时间呢？']);
    assert.match(zh[1]!, /按“上海交通大学时间/);
    assert.match(zh[1]!, /6月8日,重庆市人民政府与上海交通大学签署/);
    const en = chat(['/tsinghua', 'when was it signed?'], engine, 'en');
    assert.match(en[1]!, /6月3日/);
  });

  test('a correction naming the party meant asks the previous question of it', () => {
    const zh = chat(['清华在人才交流上有什么安排？', '不对，我想问的是上海交大']);
    assert.match(zh[1]!, /按“上海交通大学在人才交流上有什么安排/);
    assert.match(zh[1]!, /院士专家重庆行|博士后工作站/);
    const en = chat(['When did Tsinghua sign?', 'I meant SJTU'], engine, 'en');
    assert.match(en[1]!, /6月8日/);
  });

  test('没看清，再说一遍 / say that again answers the previous question again', () => {
    const replies = chat(['清华会在哪些学科领域帮重庆提升科研能力？', '没看清，再说一遍']);
    assert.match(replies[1]!, /^（按“清华会在哪些学科领域帮重庆提升科研能力/);
    assert.ok(replies[1]!.includes(replies[0]!.split('\n')[0]!), replies[1]);
  });

  test('an elliptic time noun (那签约日期呢) asks when of the party, not a count of dates', () => {
    const [, reply] = chat(['清华跟重庆的合作涉及几个方面', '那签约日期呢']);
    assert.match(reply!, /6月3日,重庆市政府与清华大学签署/);
  });

  test('这个研究院 / that centre is the institution the previous turn was about', () => {
    const zh = chat(['上海交大要在重庆建个什么研究院？', '这个研究院在哪揭牌？']);
    assert.match(zh[1]!, /当天下午,上海交通大学重庆研究院在两江新区揭牌/);
    const en = chat(
      ["Tell me about SJTU's near-space R&D centre in Chongqing", 'when was that centre opened?'],
      engine,
      'en',
    );
    assert.match(en[1]!, /去年12月,上海交通大学重庆临近空间创新研发中心/);
  });

  test('它 / its beside a party the question names is that party, not the previous one', () => {
    const [, zh] = chat(['清华在科技创新方面有什么合作？', '交大呢，它要建什么']);
    assert.match(zh!, /上海交通大学要建什么/);
    assert.match(zh!, /上海交通大学重庆研究院/);
    const [, en] = chat(
      ['When did Tsinghua sign?', 'and what did SJTU promise about commercialising its research results?'],
      engine,
      'en',
    );
    assert.match(en!, /Shanghai Jiao Tong University's research results/);
    const [, other] = chat(['When did Tsinghua sign?', 'and the other agreement, what does it cover?'], engine, 'en');
    assert.match(
      other!,
      /^\(Answered as: “Shanghai Jiao Tong University, what does Shanghai Jiao Tong University cover/,
    );
  });

  test('另外一份 / the other one is the agreement the conversation was not about', () => {
    const [, other] = chat(['重庆和清华签了什么协议？', '那另外一份呢？']);
    assert.match(other!, /^（按“重庆和上海交通大学签了什么协议/);
  });

  test('还有呢 shows the next passage of the same agreement, not one already shown', () => {
    const [first, more] = chat(['清华会在决策咨询方面帮重庆做什么？', '还有呢？']);
    assert.match(first!, /智力资源优势/);
    assert.doesNotMatch(more!, /智力资源优势|上海交通大学战略合作协议/);
    assert.match(more!, /清华大学战略合作协议/);
  });

  test('/reset forgets: an elliptic question afterwards gets the agreement overview, not the old aspect', () => {
    const replies = chat(['上海交大在人才方面跟重庆有什么合作？', '/reset', '那清华呢？']);
    assert.match(replies[1]!, /忘掉/);
    assert.doesNotMatch(replies[2]!, /订单培养|挂职任职/);
    assert.match(replies[2]!, /清华大学（6月3日签署）/);
  });

  test('a conversation idle longer than the limit starts afresh', () => {
    let now = 0;
    const store = new ConversationStore({ idleMs: 1000, now: () => now });
    const first = consoleReply(engine, '上海交大的合作涵盖哪些领域？', 'zh', store);
    assert.match(first, /等多方面开展深度合作/);
    now = 5000;
    assert.doesNotMatch(consoleReply(engine, '那清华呢？', 'zh', store), /按“/);
  });
});

describe('references by date and names typed wrong', () => {
  test('后签的那所 / the one signed first name an agreement by its date, whatever the conversation said', () => {
    const [, later] = chat(['清华在人才交流方面会为重庆做什么？', '后签的那所在人才方面有什么安排？']);
    assert.match(later!, /按“上海交通大学在人才方面有什么安排/);
    const [, first] = chat(['上海交大的合作涵盖哪些领域？', '先签的那个协议涵盖哪些领域？']);
    assert.match(first!, /按“清华大学/);
  });

  test('an ordinal after a noun ranks (国内第一个), it does not point at an agreement', () => {
    const [, reply] = chat(['上海交大在重庆的临近空间研发中心是什么', '它是国内第一个吗']);
    assert.match(reply!, /按“上海交通大学重庆临近空间创新研发中心是国内第一个吗/);
    assert.match(reply!, /国内首个/);
  });

  test('后一个 is the second of the agreements the conversation listed', () => {
    const [, , second] = chat(['重庆和哪两所大学签了协议？', '前者在科技创新方面有什么合作？', '后一个呢？']);
    assert.match(second!, /按“上海交通大学/);
  });

  test('an aspect follow-up that points at the party (这所大学在…方面呢) swaps the aspect only', () => {
    const [, reply] = chat(['清华大学在科技创新方面会和重庆做什么？', '这所大学在产学研方面呢？']);
    assert.match(reply!, /按“清华大学在产学研方面会和重庆做什么/);
    assert.match(reply!, /生态环境产业/);
  });

  test('a noun follow-up after a count asks the same count of that noun (科研院所呢 after 多少家高校)', () => {
    const [, institutes, companies] = chat([
      '2019年重庆引进了多少家国内外知名高校？',
      '科研院所呢？',
      '企业研发机构呢？',
    ]);
    assert.match(institutes!, /按“2019年重庆引进了多少家科研院所/);
    assert.match(institutes!, /7家科研院所/);
    assert.match(companies!, /10家企业研发机构/);
  });

  test("a party's name typed with a read-alike character wrong is followed up as the party", () => {
    const [, reply] = chat(['上海交大的合作涵盖哪些领域？', '那请华呢？']);
    assert.match(reply!, /按“清华大学的合作涵盖哪些领域/);
  });

  test('how many days later one was signed than the other is counted from the dates', () => {
    const [reply] = chat(['那交大比清华晚签了几天？']);
    assert.match(reply!, /5天/);
    const [, en] = chat(
      ['When did Chongqing sign with SJTU?', 'How many days after the Tsinghua agreement was it signed?'],
      engine,
      'en',
    );
    assert.match(en!, /5 days/);
  });
});

describe('several agreements', () => {
  test('分别 gets one labelled part per agreement, in date order, each with its key sentence', () => {
    const [reply] = chat(['两份协议分别是哪天签的？']);
    const tsinghua = reply!.indexOf('清华大学（6月3日签署）');
    const sjtu = reply!.indexOf('上海交通大学（6月8日签署）');
    assert.ok(tsinghua >= 0 && sjtu > tsinghua, reply);
    assert.match(reply!.slice(tsinghua, sjtu), /6月3日,重庆市政府与清华大学签署/);
    assert.match(reply!.slice(sjtu), /6月8日,重庆市人民政府与上海交通大学签署/);
  });

  test('它们 after a question naming both universities asks of each', () => {
    const [, reply] = chat(['重庆市政府和哪两所大学签了战略合作协议？', '它们分别是哪天签的？']);
    assert.match(reply!, /6月3日[^]*6月8日/);
  });

  test('a comparison gets each agreement’s areas', () => {
    const [reply] = chat(['两份战略合作协议有什么不同？']);
    assert.match(reply!, /清华大学（6月3日签署）\n合作方面：.*产学研协同/);
    assert.match(reply!, /上海交通大学（6月8日签署）\n合作方面：.*干部教育培训/);
  });

  test('which ONE of them (哪一份, which of the two) is answered as one question, not asked of each', () => {
    for (const [q, lang] of [
      ['两份协议里哪一份提到了研究院？', 'zh'],
      ['Which of the two agreements mentions a research institute?', 'en'],
    ] as const) {
      const [reply] = chat([q], engine, lang);
      assert.match(reply!, /上海交通大学重庆研究院/, q);
      assert.doesNotMatch(reply!, /清华大学（6月3日签署）|Tsinghua University \(signed/, q);
    }
  });

  test('a passage about both agreements at once leads a reply about both', () => {
    const [reply] = chat(['签这两个协议主要是想干嘛？']);
    assert.match(reply!, /^总体\n6月3日和6月8日,重庆市政府先后与清华大学、上海交通大学签署/);
    assert.match(reply!, /清华大学（6月3日签署）[^]*上海交通大学（6月8日签署）/);
  });

  test('what both agreements share: the areas each names, in their shortest form, then each one’s areas', () => {
    for (const question of ['两个协议有啥共同点？', '清华和上海交大的合作内容里，两边都有的是哪几方面']) {
      const [reply] = chat([question]);
      assert.match(reply!, /共同的合作方面：战略决策咨询、科技创新、人才交流与合作\n/, question);
      assert.match(reply!, /上海交通大学（6月8日签署）\n合作方面：.*干部教育培训/, question);
      assert.doesNotMatch(reply!, DECLINED, question);
    }
    const [en] = chat(['What do the two agreements have in common?'], engine, 'en');
    assert.match(en!, /areas in common：战略决策咨询、科技创新、人才交流与合作/);
  });

  test('which was signed first names it and says why; how far apart counts the days', () => {
    const [first, apart] = chat(['哪个协议先签的？', '相隔几天？']);
    assert.match(first!, /清华大学的协议先签：6月3日签署，早于上海交通大学（6月8日）/);
    assert.match(apart!, /相隔5天/);
    const [en] = chat(['Which agreement was signed first?'], engine, 'en');
    assert.match(en!, /Tsinghua University agreement was signed first: on 3 June 2020/);
  });
});

describe('small talk', () => {
  test('greetings, thanks, who / what, goodbye: a friendly reply built from the corpus, never "not mentioned"', () => {
    for (const text of [
      '你好',
      '谢谢！',
      '你是谁？',
      '你能做什么？',
      '再见',
      'hi',
      'thanks, bye!',
      'what can you do?',
      '唔該晒',
    ]) {
      const [reply] = chat([text]);
      assert.doesNotMatch(reply!, DECLINED, text);
      assert.match(reply!, /重庆市政府与清华大学战略合作协议|Chongqing–Tsinghua University/, text);
    }
  });

  test('every example question it offers is answered', () => {
    for (const lang of ['zh', 'en'] as const) {
      const reply = converse(engine, [], lang === 'en' ? 'hello' : '你好', lang);
      assert.ok(reply.examples && reply.examples.length >= 2);
      for (const q of reply.examples) assert.doesNotMatch(chat([q], engine, lang)[0]!, DECLINED, q);
    }
  });

  test('a greeting before a question answers the question', () => {
    assert.deepEqual(readSmallTalk('你好，请问清华协议哪天签的').rest, '清华协议哪天签的');
    const [reply] = chat(['你好，请问上海交大重庆研究院是在哪里揭牌的？']);
    assert.match(reply!, /两江新区/);
    assert.equal(readSmallTalk('你好吗同学').kinds.length, 1);
    assert.deepEqual(readSmallTalk('Hilton hotels').kinds, []);
  });

  test('chat shorthand is small talk as a whole message (谢啦, 88), not within a question', () => {
    assert.deepEqual(readSmallTalk('谢啦').kinds, ['thanks']);
    assert.deepEqual(readSmallTalk('谢咯~').kinds, ['thanks']);
    assert.deepEqual(readSmallTalk('88').kinds, ['goodbye']);
    assert.doesNotMatch(chat(['谢啦'])[0]!, DECLINED);
    assert.deepEqual(readSmallTalk('谢家湾在哪').kinds, []);
    assert.deepEqual(readSmallTalk('88所高校').kinds, []);
  });
});

describe('console commands', () => {
  test('/help, /agreements, one command per agreement and /reset work in the console', () => {
    const [help, list, sjtu] = chat(['/help', '/agreements', '/sjtu']);
    assert.match(help!, /\/reset/);
    assert.match(list!, /\/tsinghua[^]*\/sjtu/);
    assert.match(sjtu!, /重庆市政府与上海交通大学战略合作协议（6月8日签署）/);
    assert.doesNotMatch(sjtu!, DECLINED);
  });
});

describe('conversation store', () => {
  const turn: TurnRecord = { question: 'q', agreements: [], passages: [], answerAgreements: [], declined: false };

  test('keeps the last 5 turns, and at most maxConversations conversations (the least recently used go)', () => {
    const store = new ConversationStore({ maxConversations: 1000 });
    for (let i = 0; i < 100_000; i++) store.record(`chat${i}`, turn);
    assert.equal(store.size, 1000);
    assert.equal(store.turns('chat0').length, 0);
    assert.equal(store.turns('chat99999').length, 1);
    for (let i = 0; i < 8; i++) store.record('chat99999', { ...turn, question: `q${i}` });
    assert.deepEqual(
      store.turns('chat99999').map((t) => t.question),
      ['q3', 'q4', 'q5', 'q6', 'q7'],
    );
    store.reset('chat99999');
    assert.equal(store.turns('chat99999').length, 0);
  });
});

describe('a corpus with more agreements (no code change)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhdoc-four-'));
  const fixture = resolve(import.meta.dirname, 'fixtures/third-agreement');
  cpSync(DEFAULT_CORPUS, dir, { recursive: true });
  cpSync(join(fixture, 'made-up-news.md'), join(dir, 'made-up-news.md'));
  const topics = JSON.parse(readFileSync(join(DEFAULT_CORPUS, 'topics.json'), 'utf8'));
  const extra = JSON.parse(readFileSync(join(fixture, 'topics.json'), 'utf8'));
  writeFileSync(
    join(dir, 'topics.json'),
    JSON.stringify({ ...topics, agreements: [...topics.agreements, ...extra.agreements] }),
  );
  const four = openEngine(dir);

  test('follow-ups and both-agreement questions name the new agreements from topics.json', () => {
    const replies = chat(['四川大学和重庆哪天签的协议？', '那哈工大呢？', '川大和哈工大的协议分别是哪天签的？'], four);
    assert.match(replies[0]!, /7月1日/);
    assert.match(replies[1]!, /按“哈尔滨工业大学和重庆哪天签的协议/);
    assert.match(replies[1]!, /7月6日/);
    assert.match(replies[2]!, /四川大学（7月1日签署）[^]*7月1日[^]*哈尔滨工业大学（7月6日签署）[^]*7月6日/);
  });

  test('which was signed first looks at every agreement; small talk lists them all', () => {
    const [first, hello] = chat(['哪个协议最先签的？', '你好'], four);
    assert.match(first!, /清华大学的协议先签/);
    assert.match(hello!, /4项协议/);
    assert.match(hello!, /哈尔滨工业大学合作框架协议/);
  });
});
