/** /stats and /unanswered as plain text lines (the bot escapes them; `npm run stats` prints them). */
import type { Lang } from '../answer/i18n.js';
import type { Corpus } from '../corpus/types.js';
import type { RepeatedQuestion, Stats } from '../store/stats.js';

/** Local time, minutes: 2026-12-04 17:30. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const ms = (v: number | undefined) => (v === undefined ? '–' : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`);
const share = (part: number, whole: number) => (whole ? ` (${Math.round((100 * part) / whole)}%)` : '');

/** Plain-text lines of /stats; the first is the title. */
export function statsLines(s: Stats, lang: Lang): string[] {
  const zh = lang === 'zh';
  const asked = (k: keyof Stats['asked']) =>
    `${s.asked[k]}${zh ? '，未回答 ' : ', declined '}${s.declined[k]}${share(s.declined[k], s.asked[k])}`;
  const top = s.topUnanswered.map(
    (q, i) =>
      `${i + 1}. ${q.text} — ${q.count}×${zh ? `（${q.askers} 人）` : ` (${q.askers} ${q.askers === 1 ? 'asker' : 'askers'})`}`,
  );
  const lines = zh
    ? [
        '统计',
        `提问：今天 ${asked('today')}`,
        `　　　7 天 ${asked('week')}`,
        `　　　全部 ${asked('all')}${s.since ? `（自 ${formatTime(s.since)}）` : ''}`,
        `提问人数（7 天）：${s.askers.week}，其中重复提问 ${s.askers.repeat}`,
        `反馈：👍 ${s.votes.up} · 👎 ${s.votes.down}`,
        `回答用时（7 天）：p50 ${ms(s.latency.p50)} · p95 ${ms(s.latency.p95)}`,
        '问得最多的未回答问题：',
      ]
    : [
        'Statistics',
        `Questions today: ${asked('today')}`,
        `Last 7 days: ${asked('week')}`,
        `All time: ${asked('all')}${s.since ? ` (since ${formatTime(s.since)})` : ''}`,
        `Askers (7 days): ${s.askers.week}, of whom ${s.askers.repeat} asked more than once`,
        `Feedback: 👍 ${s.votes.up} · 👎 ${s.votes.down}`,
        `Answer time (7 days): p50 ${ms(s.latency.p50)} · p95 ${ms(s.latency.p95)}`,
        'Most asked unanswered questions:',
      ];
  return [...lines, ...(top.length ? top : [zh ? '（没有）' : '(none)'])];
}

/** Plain-text lines of /unanswered (without the header). */
export function unansweredLines(list: RepeatedQuestion[]): string[] {
  return list.map((q) => `• ${q.text} — ${q.count}× · ${formatTime(q.lastAt)}`);
}

/** Passages of each document of a corpus (headings not counted). */
export function passageCounts(corpus: Corpus): Map<string, number> {
  const counts = new Map<string, number>(corpus.documents.map((d) => [d.id, 0]));
  for (const p of corpus.passages) if (!p.heading) counts.set(p.documentId, (counts.get(p.documentId) ?? 0) + 1);
  return counts;
}
