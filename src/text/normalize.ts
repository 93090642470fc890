import * as OpenCC from 'opencc-js';
import { CANTONESE_WORDS, VARIANT_SPELLINGS } from './lexicon.js';

/** Traditional → simplified characters, with Taiwan variants (裏→里, 臺→台), which DRCD uses. */
const toSimplifiedChars = OpenCC.Converter({ from: 'tw', to: 'cn' });
/** … and with Taiwan phrases made the mainland's (資訊→信息, 軟體→软件, 積體電路→集成电路, 人工智慧→人工智能). */
const toMainlandPhrases = OpenCC.Converter({ from: 'twp', to: 'cn' });

/** Where a text is cut into sentences: after a sentence-final mark and any closing quotes. */
export const SENTENCE_SPLIT = /(?<=[。！？!?；;][”"’」』）)]*)/u;

/**
 * Traditional text → simplified, its Taiwan phrases made the mainland's, so a Taiwan or Hong Kong reader's wording
 * meets a mainland text's. Simplified text passes through unchanged: the phrase table would also rewrite mainland
 * words that Taiwan uses in another sense (程序 → 进程). Decided sentence by sentence: one character OpenCC changes
 * (显著's 著) in one sentence of a mainland passage no longer turns its other sentences' 核心 into 内核 or 文件 into
 * 文档, and a text normalizes as its sentences do one by one (search/backend/terms.ts matchTexts).
 */
function toSimplified(text: string): string {
  return mayBeConverted(text) ? text.split(SENTENCE_SPLIT).map(simplifiedSentence).join('') : text;
}

function simplifiedSentence(sentence: string): string {
  return !mayBeConverted(sentence) || toSimplifiedChars(sentence) === sentence ? sentence : toMainlandPhrases(sentence);
}

/**
 * What toSimplifiedChars could change, read from its own dictionaries (OpenCC's tw2s: normalization, then Taiwan
 * variants, then traditional phrases and characters): the characters it maps to another, and the phrases it
 * maps to another that hold none of those characters (反覆 → 反复, 瞭解 → 了解, 藉口 → 借口), by first character.
 * A text holding neither is returned unchanged, so it need not be converted: one pass over a simplified passage
 * instead of OpenCC's four (its conversion was a quarter of an index build's term computing).
 */
const CONVERTIBLE = (() => {
  const config = OpenCC.Locale.configs.tw2s;
  const dictionaries = [...(config?.normalizationChain ?? []), ...(config?.conversionChain ?? [])].flat();
  const changed = dictionaries
    .flatMap((d) => (typeof d === 'string' ? d.split('|').map((e) => e.split(' ')) : d))
    .filter(([from, to]) => from && from !== to)
    .map(([from]) => from as string);
  const chars = new Set(changed.filter((from) => [...from].length === 1));
  const phrases = new Map<string, string[]>();
  for (const from of changed) {
    if ([...from].length === 1 || [...from].some((c) => chars.has(c))) continue;
    const first = String.fromCodePoint(from.codePointAt(0) as number);
    phrases.set(first, [...(phrases.get(first) ?? []), from]);
  }
  return { chars, phrases };
})();

function mayBeConverted(text: string): boolean {
  let at = 0;
  for (const c of text) {
    if (CONVERTIBLE.chars.has(c)) return true;
    if (CONVERTIBLE.phrases.get(c)?.some((phrase) => text.startsWith(phrase, at))) return true;
    at += c.length;
  }
  return false;
}

// C0/C1 controls except tab and newline, plus zero-width and bidi marks that only hide text.
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/gu;

/** Removes control and invisible formatting characters; keeps tabs and newlines. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}

/**
 * Variant spellings (lexicon VARIANT_SPELLINGS): 甚么, the older and Taiwan spelling of 什么 (為甚麼, 甚麼時候), which
 * the converter keeps, being a valid simplified word too. Read as 什么, so question words and the stop list know it.
 */
const VARIANTS = VARIANT_SPELLINGS.map(([from, to]) => [new RegExp(from, 'gu'), to] as const);
const usualSpelling = (text: string) => VARIANTS.reduce((t, [from, to]) => t.replace(from, to), text);

/** Written Cantonese → Mandarin (see lexicon CANTONESE_WORDS). */
export function cantoneseToMandarin(text: string): string {
  return CANTONESE_WORDS.reduce((t, [from, to]) => t.replace(from, to), text);
}

/**
 * The one normalization applied to both indexed text and questions: NFKC (full-width → half-width,
 * compatibility forms), traditional → simplified (甚么 → 什么), written Cantonese → Mandarin (有冇 → 有没有), lower
 * case, control characters removed. It may change lengths, so it is for matching only, never for display.
 */
export function normalizeText(text: string): string {
  return cantoneseToMandarin(usualSpelling(toSimplified(stripControlChars(text).normalize('NFKC')))).toLowerCase();
}

const CJK = '\\p{Script=Han}';
const STRAY_SPACE = new RegExp(`(?<=[${CJK}\\d])[ \\u3000]+(?=[${CJK}])|(?<=[${CJK}])[ \\u3000]+(?=\\d)`, 'gu');

/** Removes layout spaces between CJK characters ("在5个方面 开展" → "在5个方面开展"); keeps spaces between Latin words. */
export function removeLayoutSpaces(text: string): string {
  return text.replace(STRAY_SPACE, '').trim();
}

/** True for a Han (CJK ideograph) character. */
export function isHan(char: string): boolean {
  return /\p{Script=Han}/u.test(char);
}

/** True when the text holds traditional characters (OpenCC would change them); simplified Cantonese does not. */
export function hasTraditionalChars(text: string): boolean {
  return mayBeConverted(text) && toSimplifiedChars(text) !== text;
}
