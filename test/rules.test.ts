import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES, rulesAsked, withoutRules } from '../src/question/rules.js';
import { normalizeText } from '../src/text/normalize.js';
import type { PassageView } from '../src/question/rule.js';

// The rule table's own examples are its spec: every question a record says asks for its kind must be read so, every
// look-alike must not, and every passage text it says gives the kind must (and the others must not).

/** A passage of one sentence, in a document without a date. */
const passageOf = (text: string): PassageView => {
  const normalized = normalizeText(text);
  return { text: normalized, sentences: [normalized], about: () => normalized };
};

for (const rule of RULES) {
  test(`rule ${rule.id}: ${rule.why}`, () => {
    for (const q of rule.examples.asks) assert.ok(rule.asks(normalizeText(q)), `${rule.id} should ask: ${q}`);
    for (const q of rule.examples.doesNotAsk)
      assert.ok(!rule.asks(normalizeText(q)), `${rule.id} should not ask: ${q}`);
    const asked = (q: string) => ({ normalized: normalizeText(q), terms: [] });
    const question = asked(rule.examples.asks[0] ?? '');
    for (const text of rule.examples.gives ?? []) {
      assert.ok(rule.gives?.(passageOf(text), question), `${rule.id} should be given by: ${text}`);
    }
    for (const text of rule.examples.doesNotGive ?? []) {
      assert.ok(!rule.gives?.(passageOf(text), question), `${rule.id} should not be given by: ${text}`);
    }
  });
}

test('every record has an id of its own, a reason, examples both ways, and a passage test when it judges passages', () => {
  assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
  for (const rule of RULES) {
    assert.ok(rule.why.length > 10 && rule.examples.asks.length > 0 && rule.examples.doesNotAsk.length > 0, rule.id);
    assert.equal(rule.use === 'label', rule.gives === undefined, `${rule.id}: a label has no gives, others have`);
  }
});

test('a rule switched off for the ablation asks nothing, and an unknown id is refused with the known ones', () => {
  assert.ok(rulesAsked('哪一年签的约').includes('year'));
  try {
    withoutRules(['year']);
    assert.ok(!rulesAsked('哪一年签的约').includes('year'));
    assert.ok(rulesAsked('哪一年签的约').includes('when'));
  } finally {
    withoutRules([]);
  }
  assert.ok(rulesAsked('哪一年签的约').includes('year'));
  assert.throws(() => withoutRules(['yaer']), /unknown rule yaer: the rules are .*year/u);
});
