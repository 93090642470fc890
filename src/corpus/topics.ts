import { normalizeText } from '../text/normalize.js';
import { escapeRegExp } from '../text/regexp.js';
import type { Party, Topic, Topics } from './types.js';

const LATIN = /^[\p{Script=Latin}\d\s.'-]+$/u;

/** An alias as it is matched: normalized, and bounded by non-Latin characters when it is Latin ("thu" must not match "thursday", "sjtu研究院" still matches). */
interface AliasPattern {
  alias: string;
  canonical: string;
  topicId: string | null;
  pattern: RegExp;
}

/**
 * After the city's name, what makes it part of a university's (重庆大学, 重庆理工大学, Chongqing University): another
 * party than the city, which a question asks about as such (重庆大学参与了吗 is not about Chongqing's agreements).
 * At most two characters between, none of them a word joining two names (重庆与清华大学 is the city and 清华).
 */
const UNIVERSITY_AFTER_ZH = '(?![^\\s与和同跟及、，,。的]{0,2}(?:大学|学院))';
const UNIVERSITY_AFTER_EN = '(?!\\s+(?:university|college)\\b)';

function partyPatterns(party: Party, topicId: string | null): AliasPattern[] {
  const canonical = normalizeText(party.name);
  const names = new Set([party.name, party.nameEn ?? '', ...party.aliases].map(normalizeText).filter(Boolean));
  const city = topicId === null;
  return [...names].map((alias) => ({
    alias,
    canonical,
    topicId,
    pattern: LATIN.test(alias)
      ? new RegExp(
          `(?<![\\p{Script=Latin}\\d])${escapeRegExp(alias).replace(/\s+/g, '[\\s-]*')}(?![\\p{Script=Latin}\\d])${city ? UNIVERSITY_AFTER_EN : ''}`,
          'gu',
        )
      : new RegExp(`${escapeRegExp(alias)}${city ? UNIVERSITY_AFTER_ZH : ''}`, 'gu'),
  }));
}

/** Finds the parties a text names, for topic detection and alias expansion. Longest names win. */
export class NameMatcher {
  private readonly patterns: AliasPattern[];

  constructor(topics: Topics) {
    const all = [
      ...(topics.city ? partyPatterns(topics.city, null) : []),
      ...topics.agreements.flatMap((t) => partyPatterns(t.party, t.id)),
    ];
    this.patterns = all.sort((a, b) => b.alias.length - a.alias.length);
  }

  /** Every name and alias (normalized), longest first. */
  aliases(): string[] {
    return this.patterns.map((p) => p.alias);
  }

  /**
   * Names found in normalized text, without overlaps: in "上海交大" only 上海交大 counts, not 交大 too.
   * Each match gives the canonical name and the agreement it points to (null for the city).
   */
  find(normalized: string): Array<{ alias: string; canonical: string; topicId: string | null }> {
    return this.locate(normalized).map(({ alias, canonical, topicId }) => ({ alias, canonical, topicId }));
  }

  /** Like find, with where each name stands in the text ([start, end) of the normalized text). */
  locate(normalized: string): Array<{ alias: string; canonical: string; topicId: string | null; start: number; end: number }> {
    const taken: boolean[] = new Array(normalized.length).fill(false);
    const found: Array<{ alias: string; canonical: string; topicId: string | null; start: number; end: number }> = [];
    for (const p of this.patterns) {
      for (const m of normalized.matchAll(p.pattern)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        if (taken.slice(start, end).some(Boolean)) continue;
        taken.fill(true, start, end);
        found.push({ alias: p.alias, canonical: p.canonical, topicId: p.topicId, start, end });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /**
   * Replaces every name with its canonical form set apart by spaces ("交大会在重庆" → " 上海交通大学 会在重庆"),
   * so the segmenter cannot glue a name to its neighbours (交/大会).
   */
  canonicalize(normalized: string, replacement: (canonical: string) => string = (c) => c): string {
    let out = '';
    let last = 0;
    for (const m of this.locate(normalized)) {
      out += `${normalized.slice(last, m.start)} ${replacement(m.canonical)} `;
      last = m.end;
    }
    return out + normalized.slice(last);
  }

  /** How often each agreement's party is named in normalized text. */
  countTopics(normalized: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { topicId } of this.find(normalized)) {
      if (topicId) counts.set(topicId, (counts.get(topicId) ?? 0) + 1);
    }
    return counts;
  }

  /** The single agreement a text is about, or null when it names none or several equally. */
  dominantTopic(normalized: string): string | null {
    const ranked = [...this.countTopics(normalized)].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    if (!first) return null;
    if (second && second[1] === first[1]) return null;
    return first[0];
  }
}

/** Every name and alias of every party: words the segmenter must keep whole. */
export function partyWords(topics: Topics): string[] {
  const parties = [...(topics.city ? [topics.city] : []), ...topics.agreements.map((t) => t.party)];
  return parties.flatMap((p) => [p.name, ...p.aliases]).filter((w) => !LATIN.test(w));
}

/** Validates a parsed topics.json, naming the bad entry. */
export function parseTopics(raw: unknown, source: string): Topics {
  const data = raw as Partial<Topics> | null;
  if (!data || !Array.isArray(data.agreements)) throw new Error(`${source}: expected {"agreements": [...]}`);
  const seen = new Set<string>();
  for (const [i, t] of data.agreements.entries()) {
    const where = `${source}: agreements[${i}]`;
    if (!t || typeof t.id !== 'string' || !/^[a-z][a-z0-9_]{0,31}$/.test(t.command ?? '')) {
      throw new Error(`${where}: needs an id and a command of lower-case letters, digits or _ (Telegram's rule)`);
    }
    if (seen.has(t.id)) throw new Error(`${where}: duplicate id "${t.id}"`);
    seen.add(t.id);
    if (!t.party?.name || !Array.isArray(t.party.aliases)) throw new Error(`${where}: needs party.name and party.aliases`);
    if (!/^\d{4}-\d{2}(-\d{2})?$/.test(t.date ?? '')) throw new Error(`${where}: date must look like 2020-06-08`);
  }
  return { city: data.city, agreements: data.agreements as Topic[] };
}

/** "2020-06-08" → "6月8日" (the article's own way of writing dates). */
export function chineseDate(iso: string): string {
  const [, month, day] = iso.split('-').map(Number);
  return day ? `${month}月${day}日` : `${month}月`;
}
