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

/**
 * The one normalization applied to both indexed text and questions: NFKC (full-width → half-width,
 * compatibility forms), traditional → simplified (甚么 → 什么), lower case, control characters removed.
 * It may change lengths, so it is for matching only, never for display.
 */
export function normalizeText(text: string): string {
  return toSimplified(stripControlChars(text).normalize('NFKC')).replace(SHENME, '什么').toLowerCase();
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
