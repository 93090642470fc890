/**
 * One record per kind of answer a question can ask for (see rules.ts for the table). A record says how a question
 * asks for it, how a passage shows it, why the rule exists, and the examples that prove it: the tests run every
 * record's examples, and `npm run eval -- --without ID` measures what it is worth.
 */
import type { CountedUnit } from './kinds/number.js';
import type { AnswerKind } from './types.js';

/** What a rule may read of a candidate passage: match texts (normalized, names canonical) and its document's year. */
export interface PassageView {
  /** The passage's match text (with its keywords). */
  text: string;
  /** Its sentences' match texts. */
  sentences: readonly string[];
  /** The year of its document's date, when it has one (a 2020 article's 去年 is 2019). */
  documentYear?: string;
  /** The sentence holding most of the question (computed on demand). */
  about(): string;
}

/** What a rule may read of the question beside its normalized text. */
export interface AskedQuestion {
  normalized: string;
  /** The question's content terms (whole words, the evidence), and whether it sets each aside. */
  terms: ReadonlyArray<{ term: string; setAside?: boolean }>;
  /** What a "how many" question counts, as analyzed (English read through the glossary: areas → 领域). */
  counted?: CountedUnit;
}

/**
 * How the answering uses a rule:
 * - 'decline': a passage that does not give what is asked cannot answer (the next close one may; else no answer);
 * - 'rank': a passage that gives it gets the second stage's kind bonus;
 * - 'label': only names the kind asked (the conversation reads it; other rules may read it too, say so in `why`).
 */
export type RuleUse = 'decline' | 'rank' | 'label';

export interface Rule {
  /** Stable id, for `--without ID` and the ablation table. */
  id: string;
  /** The kind of answer the question asks for when the rule matches it. */
  kind: AnswerKind;
  use: RuleUse;
  /** One line: why the rule exists, what it keeps from happening. */
  why: string;
  /** How a question asks for it, on its normalized text (simplified, lower case). */
  asks: (normalized: string) => boolean;
  /** How a passage shows it ('decline' and 'rank' rules). */
  gives?: (passage: PassageView, question: AskedQuestion) => boolean;
  examples: {
    /** Questions that ask for it … */
    asks: string[];
    /** … and look alike but do not. */
    doesNotAsk: string[];
    /** Passage texts that give it (normalized match text) … */
    gives?: string[];
    /** … and texts that do not. */
    doesNotGive?: string[];
  };
}
