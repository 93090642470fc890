/**
 * Agreement summaries: each agreement's facts are in its own summary and not in the other's, every piece of a
 * summary is cut from that agreement's passages, the length bound holds, and a made-up third agreement over a
 * test document gets its summary with no code change.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import {
  LABELS,
  MAX_SUMMARY_CHARS,
  listAgreements,
  summarizeTopic,
  type TopicSummary,
} from '../src/answer/summarize.ts';
import { main } from '../src/cli/summary.ts';
import type { CliIo } from '../src/cli/io.ts';
import { openEngine } from '../src/cli/wiring.ts';
import type { Corpus, Passage } from '../src/corpus/types.ts';
import { SearchEngine } from '../src/search/engine.ts';

const THIRD = resolve(import.meta.dirname, 'fixtures/third-agreement');
const engine = openEngine();
const third = openEngine(THIRD);

function summary(e: SearchEngine, id: string): TopicSummary {
  const s = summarizeTopic(e, id);
  assert.ok(s, `no summary for ${id}`);
  return s;
}

/** The text of the agreement's own passages: everything a summary may quote. */
function ownText(e: SearchEngine, id: string): string {
  return e.corpus.passages
    .filter((p) => p.topic === id)
    .map((p) => p.text)
    .join('\n');
}

const LABEL_PREFIXES = [LABELS.signing, LABELS.aspects, LABELS.fields, LABELS.institutions, LABELS.related].map(
  (l) => `${l}${LABELS.separator}`,
);

/** Clauses and list items of a summary text, with the title line, labels and bullets taken off. */
function pieces(text: string): string[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => {
      let l = line.startsWith(LABELS.bullet) ? line.slice(LABELS.bullet.length) : line;
      const label = LABEL_PREFIXES.find((p) => l.startsWith(p));
      if (label) l = l.slice(label.length);
      return l;
    })
    .flatMap((l) => l.split(/[,，。;；、：]|…/u))
    .map((p) => p.trim())
    .filter(Boolean);
}

function assertTraceable(e: SearchEngine, s: TopicSummary): void {
  const source = ownText(e, s.topic.id);
  for (const piece of pieces(s.text)) {
    assert.ok(source.includes(piece), `${s.topic.id}: "${piece}" is not in the agreement's passages`);
  }
  const parts = [
    s.signing,
    ...s.aspects,
    ...s.fields,
    ...s.institutions,
    ...s.related,
    ...s.events,
    ...s.details.map((d) => d.text),
  ];
  for (const part of parts) {
    const stripped = part.replace(/。$/u, '');
    // Trimmed sentences keep whole clauses, so each is a run of the source text.
    assert.ok(source.includes(stripped), `${s.topic.id}: "${stripped}" is not in the agreement's passages`);
  }
}

describe('summarizeTopic on the Chongqing article', () => {
  const tsinghua = summary(engine, 'tsinghua');
  const sjtu = summary(engine, 'sjtu');

  test('清华: signing date and parties come from the signing sentence', () => {
    assert.match(tsinghua.signing, /6月3日/);
    assert.deepEqual(tsinghua.signers, ['重庆市政府', '清华大学']);
    assert.ok(tsinghua.text.includes('6月3日,重庆市政府与清华大学签署战略合作协议'));
  });

  test('清华: the five aspects, in the article order, from "在…5个方面"', () => {
    assert.deepEqual(tsinghua.aspects, ['战略决策咨询', '科技创新', '“双一流”建设', '人才交流与合作', '产学研协同']);
    assert.ok(tsinghua.text.includes(tsinghua.aspects.join('、')));
  });

  test('清华: fields and industries, and the 清华控股/紫光 signing the same day', () => {
    for (const f of ['智能技术与系统', '应用数学', '智能化产业', '生态环境产业', '新一代信息技术', '生物医药技术']) {
      assert.ok(tsinghua.fields.includes(f), f);
      assert.ok(tsinghua.text.includes(f), f);
    }
    assert.equal(tsinghua.related.length, 1);
    assert.match(tsinghua.related[0] ?? '', /清华控股有限公司.*紫光集团有限公司签署了合作框架协议/);
    assert.ok(tsinghua.text.includes('清华控股'));
  });

  test('交大: signing, aspects, institutions and the 两江新区 research-institute signing', () => {
    assert.match(sjtu.signing, /6月8日/);
    assert.deepEqual(sjtu.signers, ['重庆市人民政府', '上海交通大学']);
    assert.deepEqual(sjtu.aspects.slice(0, 4), ['战略决策咨询', '科技创新与合作', '科技成果转化', '人才交流与合作']);
    assert.deepEqual(sjtu.institutions, ['上海交通大学重庆研究院', '上海交通大学重庆临近空间创新研发中心']);
    assert.match(sjtu.related.join(''), /两江新区管理委员会还与上海交通大学签署了共建上海交通大学重庆研究院合作协议/);
    for (const f of ['智能硬件', '新能源汽车', '航空航天', '智能制造', '装备制造'])
      assert.ok(sjtu.fields.includes(f), f);
    for (const fact of ['上海交通大学重庆研究院', '临近空间', '两江新区管理委员会', '科技成果转化', '智能硬件']) {
      assert.ok(sjtu.text.includes(fact), fact);
    }
  });

  test("neither summary carries the other agreement's facts", () => {
    for (const fact of ['6月3日', '清华', '“双一流”', '产学研协同', '紫光', '智能技术与系统']) {
      assert.ok(tsinghua.text.includes(fact), `清华 summary lacks ${fact}`);
      assert.ok(!sjtu.text.includes(fact), `交大 summary carries ${fact}`);
    }
    for (const fact of [
      '6月8日',
      '上海交通大学',
      '研究院',
      '临近空间',
      '两江新区管理委员会',
      '智能硬件',
      '新能源汽车',
    ]) {
      assert.ok(sjtu.text.includes(fact), `交大 summary lacks ${fact}`);
      assert.ok(!tsinghua.text.includes(fact), `清华 summary carries ${fact}`);
    }
  });

  test("every clause and list item is cut from the agreement's own passages", () => {
    assertTraceable(engine, tsinghua);
    assertTraceable(engine, sjtu);
    // The check bites: a clause of the other agreement is not traceable to this one.
    assert.ok(!ownText(engine, 'tsinghua').includes('上海交通大学将充分发挥学科和人才优势'));
  });

  test('the title line is the topic title and sources are passages of the agreement', () => {
    for (const s of [tsinghua, sjtu]) {
      assert.equal(s.text.split('\n')[0], s.topic.title);
      assert.equal(`${s.topic.title}\n${s.body}`, s.text);
      assert.ok(s.sources.length > 0);
      for (const id of s.sources) assert.equal(engine.passage(id)?.topic, s.topic.id, id);
    }
  });

  test('summaries stay within the length bound', () => {
    for (const s of [tsinghua, sjtu]) assert.ok(s.text.length <= MAX_SUMMARY_CHARS, `${s.topic.id}: ${s.text.length}`);
  });

  test('an unknown topic has no summary', () => {
    assert.equal(summarizeTopic(engine, 'pku'), undefined);
  });

  test('listAgreements gives command, date and the signing parties', () => {
    const rows = listAgreements(engine).map(({ command, dateZh, parties }) => ({ command, dateZh, parties }));
    assert.deepEqual(rows, [
      { command: 'tsinghua', dateZh: '6月3日', parties: ['重庆市政府', '清华大学'] },
      { command: 'sjtu', dateZh: '6月8日', parties: ['重庆市人民政府', '上海交通大学'] },
    ]);
  });
});

describe('a made-up agreement over a test document (no code change)', () => {
  const scu = summary(third, 'scu');
  const hit = summary(third, 'hit');

  test('四川大学: signing, aspects, fields, institute and related signing', () => {
    assert.match(scu.signing, /^7月1日,重庆市政府与四川大学在渝签订战略合作协议/);
    assert.deepEqual(scu.signers, ['重庆市政府', '四川大学']);
    assert.deepEqual(scu.aspects, ['医学健康', '数字经济', '生态保护', '人才培养']);
    assert.deepEqual(scu.fields, ['工业互联网', '区块链', '数字文创']);
    assert.deepEqual(scu.institutions, ['四川大学重庆创新研究院']);
    assert.match(scu.related.join(''), /重庆高新区管委会还与四川大学签署了共建四川大学重庆创新研究院合作协议/);
  });

  test('哈工大: aspects from "等多方面", fields from "聚焦…等领域", lab named by alias and its opening', () => {
    assert.deepEqual(hit.aspects, ['智能装备', '航天科技', '寒地建筑']);
    assert.deepEqual(hit.fields, ['工业机器人', '精密仪器', '激光加工']);
    assert.deepEqual(hit.institutions, ['哈工大重庆机器人实验室']);
    assert.deepEqual(hit.events, ['当天下午,哈工大重庆机器人实验室在璧山区揭牌成立。']);
    assert.deepEqual(hit.related, []);
  });

  test('no facts cross over, and the photo caption is not the agreement', () => {
    for (const fact of ['哈尔滨', '哈工大', '7月6日', '机器人'])
      assert.ok(!scu.text.includes(fact), `scu carries ${fact}`);
    for (const fact of ['四川', '7月1日', '研究院']) assert.ok(!hit.text.includes(fact), `hit carries ${fact}`);
    assert.ok(!scu.text.includes('量子点'), 'caption text in the summary');
    assertTraceable(third, scu);
    assertTraceable(third, hit);
  });

  test('listAgreements follows the topics file', () => {
    assert.deepEqual(
      listAgreements(third).map((a) => [a.command, a.dateZh, a.parties.join('+')]),
      [
        ['scu', '7月1日', '重庆市政府+四川大学'],
        ['hit', '7月6日', '重庆市政府+哈尔滨工业大学'],
      ],
    );
  });
});

describe('length bound on a long agreement', () => {
  test('lines are dropped (details first), the signing and aspects stay', () => {
    const aspects = Array.from({ length: 12 }, (_, i) => `合作方向${'甲乙丙丁戊己庚辛壬癸子丑'[i]}`);
    const texts = [
      '9月9日,重庆市政府与测试大学签署战略合作协议。',
      `我市将与测试大学在${aspects.join('、')}12个方面开展合作。`,
      ...aspects.map(
        (a, i) =>
          `在${a}方面,测试大学将${'持续推进第'.repeat(3)}${i}项长期合作任务,并同步开展配套研究与人才交流,形成一批可推广的经验做法。`,
      ),
      `双方将围绕${Array.from({ length: 30 }, (_, i) => `新兴产业方向${i}`).join('、')}等领域开展合作。`,
    ];
    const passages: Passage[] = texts.map((text, i) => ({
      id: `long#${i + 1}`,
      documentId: 'long',
      section: '测试',
      topic: 'test',
      text,
    }));
    const corpus: Corpus = {
      documents: [{ id: 'long', title: '测试' }],
      passages,
      topics: {
        city: { name: '重庆', aliases: ['我市'] },
        agreements: [
          {
            id: 'test',
            command: 'test',
            title: '测试协议',
            date: '2021-09-09',
            party: { name: '测试大学', aliases: [] },
          },
        ],
      },
      userWords: [],
    };
    const s = summary(SearchEngine.build(corpus), 'test');
    assert.ok(s.text.length <= MAX_SUMMARY_CHARS, String(s.text.length));
    assert.equal(s.details.length, 12, 'every detail is extracted, even those the text leaves out');
    assert.ok(s.text.includes('9月9日,重庆市政府与测试大学签署战略合作协议'));
    assert.ok(s.text.includes(aspects.join('、')));
    assert.ok(s.text.includes(`${LABELS.fields}${LABELS.separator}新兴产业方向0`));
  });
});

describe('npm run summary', () => {
  function io(): CliIo & { out: string; err: string } {
    const result = {
      out: '',
      err: '',
      stdin: (async function* () {})(),
      stdout: (t: string) => void (result.out += t),
      stderr: (t: string) => void (result.err += t),
    };
    return result;
  }

  test('--json prints exactly one line {"topic", "text"}', async () => {
    const cli = io();
    assert.equal(await main(['sjtu', '--json'], {}, cli), 0);
    const lines = cli.out.split('\n');
    assert.deepEqual(lines.slice(1), [''], 'one line, newline-terminated');
    const parsed = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), ['topic', 'text']);
    assert.equal(parsed.topic, 'sjtu');
    assert.equal(parsed.text, summary(engine, 'sjtu').text);
    assert.match(lines[0] ?? '', /^\{"topic": "sjtu", "text": "/);
  });

  test('unknown topic: exit 2 and the known ones listed', async () => {
    const cli = io();
    assert.equal(await main(['pku'], {}, cli), 2);
    assert.equal(cli.out, '');
    assert.match(cli.err, /Unknown agreement "pku"/);
    assert.match(cli.err, /tsinghua .*sjtu/);
  });

  test('no topic: exit 2', async () => {
    assert.equal(await main([], {}, io()), 2);
  });

  test('--corpus reads another corpus', async () => {
    const cli = io();
    assert.equal(await main(['scu', '--corpus', THIRD], {}, cli), 0);
    assert.ok(cli.out.startsWith('重庆市政府与四川大学战略合作协议\n'));
    assert.match(cli.out, /四川大学重庆创新研究院/);
  });
});
