/** Full-width ASCII (０-９, Ａ-Ｚ, ｀-～) and the ideographic space to their half-width forms. */
export function toHalfWidth(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/**
 * Zero-width and direction-control characters (ZWSP…RLM, the bidi embeddings and isolates, word joiner and
 * invisible operators, BOM): invisible on screen, they make "张三" and "张\u200B三" two people and can hide a name
 * entirely.
 */
const invisibleFormatChars = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Text as UTF-16 that has a UTF-8 form: a lone surrogate becomes U+FFFD (used where a file, not a person, typed it). */
export function toWellFormedText(value: string): string {
  return value.replace(/\p{Cs}/gu, '\uFFFD');
}

/** A person's or company's name as stored: invisible format characters removed, spaces folded and trimmed. */
export function normalizePersonName(value: string): string {
  return value.replace(invisibleFormatChars, '').replace(/\s+/g, ' ').trim();
}

/** Whether a name shows something: at least one letter or digit (not only punctuation, marks or spaces). */
export function hasVisibleNameChar(value: string): boolean {
  return /[\p{L}\p{N}]/u.test(value);
}
