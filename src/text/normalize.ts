import * as OpenCC from 'opencc-js';

/**
 * Traditional → simplified. The 'tw' source also maps Taiwan variants (裏→里, 臺→台), which DRCD uses;
 * plain simplified text passes through unchanged, so one converter serves both scripts.
 */
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

// C0/C1 controls except tab and newline, plus zero-width and bidi marks that only hide text.
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/gu;

/** Removes control and invisible formatting characters; keeps tabs and newlines. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}

/**
 * The one normalization applied to both indexed text and questions: NFKC (full-width → half-width,
 * compatibility forms), traditional → simplified, lower case, control characters removed.
 * It may change lengths, so it is for matching only, never for display.
 */
export function normalizeText(text: string): string {
  return toSimplified(stripControlChars(text).normalize('NFKC')).toLowerCase();
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
