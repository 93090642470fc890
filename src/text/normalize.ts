import * as OpenCC from 'opencc-js';

/** Traditional → simplified characters, with Taiwan variants (裏→里, 臺→台), which DRCD uses. */
const toSimplifiedChars = OpenCC.Converter({ from: 'tw', to: 'cn' });
/** … and with Taiwan phrases made the mainland's (資訊→信息, 軟體→软件, 積體電路→集成电路, 人工智慧→人工智能). */
const toMainlandPhrases = OpenCC.Converter({ from: 'twp', to: 'cn' });

/**
 * Traditional text → simplified, its Taiwan phrases made the mainland's, so a Taiwan or Hong Kong reader's wording
 * meets a mainland text's. Simplified text passes through unchanged: the phrase table would also rewrite mainland
 * words that Taiwan uses in another sense (程序 → 进程).
 */
function toSimplified(text: string): string {
  return toSimplifiedChars(text) === text ? text : toMainlandPhrases(text);
}

// C0/C1 controls except tab and newline, plus zero-width and bidi marks that only hide text.
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/gu;

/** Removes control and invisible formatting characters; keeps tabs and newlines. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}

/**
 * 甚么, the older and Taiwan spelling of 什么 (為甚麼, 甚麼時候), which the converter keeps: it is a valid simplified
 * word too. Read as 什么, so question words (什么时候, 为什么) and the stop list know it.
 */
const SHENME = /甚么/gu;

/** Written Cantonese that marks a text as such (冇, 喺, 嘅, 佢 …, 系咪, 点解, 边度): characters and words Mandarin lacks. */
const CANTONESE = /[冇喺嘅咗佢哋咩乜啲嗰嚟睇畀搵揾攞噉]|系咪|点解|边度|边个/u;

/**
 * Written Cantonese words (after simplification) → their Mandarin, so a Hong Kong reader's question (中心系几时喺边度
 * 成立嘅, 华为有冇份) is read like a mainland one; longer forms first. 系 is 是 only next to a Cantonese question
 * word (系几时, 系咪, 唔系): elsewhere it is the simplified 系 of 关系 and 体系.
 */
const CANTONESE_WORDS: Array<[RegExp, string]> = [
  [/有冇/gu, '有没有'],
  [/冇/gu, '没有'],
  [/系唔系|系咪/gu, '是不是'],
  [/唔系/gu, '不是'],
  [/系(?=几|边|乜|咩|点|喺|唔|咪)/gu, '是'],
  [/佢哋/gu, '他们'],
  [/哋/gu, '们'],
  [/佢/gu, '他'],
  [/喺/gu, '在'],
  [/嘅/gu, '的'],
  [/咗/gu, '了'],
  [/乜嘢|咩/gu, '什么'],
  [/点解/gu, '为什么'],
  [/点样/gu, '怎样'],
  [/边度/gu, '哪里'],
  [/边个/gu, '谁'],
  [/边(?=[一几]?[间家所位年日天条])/gu, '哪'],
  [/几时/gu, '什么时候'],
  [/呢(?=[个间家份些啲度])/gu, '这'],
  [/嗰/gu, '那'],
  [/啲/gu, '些'],
  [/唔/gu, '不'],
  [/仲(?=有|要|会|系|是|未)/gu, '还'],
  [/噉/gu, '这样'],
  [/睇/gu, '看'],
  [/畀/gu, '给'],
  [/搵|揾/gu, '找'],
  [/嚟/gu, '来'],
  [/攞/gu, '拿'],
];

/** Written Cantonese → Mandarin (see CANTONESE_WORDS); other text passes through unchanged. */
export function cantoneseToMandarin(text: string): string {
  return CANTONESE.test(text) ? CANTONESE_WORDS.reduce((t, [from, to]) => t.replace(from, to), text) : text;
}

/**
 * The one normalization applied to both indexed text and questions: NFKC (full-width → half-width,
 * compatibility forms), traditional → simplified (甚么 → 什么), written Cantonese → Mandarin (有冇 → 有没有), lower
 * case, control characters removed. It may change lengths, so it is for matching only, never for display.
 */
export function normalizeText(text: string): string {
  return cantoneseToMandarin(toSimplified(stripControlChars(text).normalize('NFKC')).replace(SHENME, '什么')).toLowerCase();
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
