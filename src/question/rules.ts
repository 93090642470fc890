/**
 * The rule table: every kind of answer a question can ask for, one record each (src/question/rule.ts), in the
 * order of specificity (a question's first kind is the first record that matches it). Search, the second stage and
 * "no answer" read this table and nothing else; `npm run eval -- --without ID` switches a record off to measure it.
 */
import { LABEL_RULES } from './kinds/labels.js';
import { NAME_RULES } from './kinds/names.js';
import { NUMBER_RULES } from './kinds/number.js';
import { SUBJECT_RULES } from './kinds/subject.js';
import { TIME_RULES } from './kinds/time.js';
import type { Rule } from './rule.js';

const byId = (rules: Rule[], id: string): Rule => {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
};
const ALL = [...TIME_RULES, ...NUMBER_RULES, ...NAME_RULES, ...SUBJECT_RULES, ...LABEL_RULES];

/** The table, most specific first. */
export const RULES: readonly Rule[] = [
  'heading',
  'gist',
  'provenance',
  'opinion',
  'outcome',
  'money',
  'duration',
  'time-of-day',
  'expected-time',
  'year',
  'when',
  'planned-event',
  'earlier',
  'road',
  'district',
  'person',
  'number',
  'areas',
  'aspect',
  'other-signing',
  'party',
  'place',
  'organisation',
  'reason',
  'yes-no',
  'definition',
].map((id) => byId(ALL, id));

/** The ids of the table. */
export type RuleId = string;

/**
 * The checks of "no answer" about the subject (src/answer/judge.ts), named so the ablation can switch them off too:
 * they are mechanisms over any question, not kinds of answer, so they have no record of the table.
 */
export const SUBJECT_CHECKS = {
  'weak-evidence': 'a passage holding less than 30 % of the question cannot answer it',
  'missing-share': 'a question half of whose information the corpus never mentions is about something else',
  'absent-name': 'a name the corpus never mentions (北京大学, 香港, Peking University) marks another subject',
  'absent-noun': 'an informative common noun the corpus never mentions marks another subject, unless matched well',
  'other-year': 'a passage of another year than the one asked cannot answer',
  'other-date': 'a day asked (6月5日) that the corpus never mentions marks another event',
  'other-party': "a passage of another agreement that does not name the question's party cannot answer",
} as const;

const switchedOff = new Set<RuleId>();

/** True unless the rule or check is switched off for the ablation. */
export function isOn(id: RuleId): boolean {
  return !switchedOff.has(id);
}

/**
 * Switches rules off (for the ablation: `npm run eval -- --without ID`), or all on again with none. Throws on an
 * unknown id, naming the known ones.
 */
export function withoutRules(ids: readonly string[]): void {
  const known = [...RULES.map((r) => r.id), ...Object.keys(SUBJECT_CHECKS)];
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new Error(`unknown rule ${unknown.join(', ')}: the rules are ${known.join(', ')}`);
  switchedOff.clear();
  for (const id of ids) switchedOff.add(id);
}

/** The rules a (normalized) question asks by, in table order, without those switched off. */
export function rulesAsked(normalized: string): RuleId[] {
  return RULES.filter((r) => !switchedOff.has(r.id) && r.asks(normalized)).map((r) => r.id);
}

/** The table's rules of one use that the question asks by. */
export function askedRules(asked: ReadonlySet<RuleId>, use: Rule['use']): Rule[] {
  return RULES.filter((r) => r.use === use && asked.has(r.id));
}
