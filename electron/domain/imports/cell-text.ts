import { toHalfWidth, toWellFormedText } from '../../common/normalize-text';
import type { CellValue } from './sheet-grid';

/** YYYY-MM-DD of a date cell; XLSX dates carry the wall-clock date in UTC fields. */
export function isoOfDateCell(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * A cell as text, trimmed; numbers without exponent or float noise where they are whole (phone numbers). A lone
 * surrogate (an XLSX `&#xD800;`) becomes U+FFFD: a file is repaired, not refused, since no one can retype it.
 */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return toWellFormedText(value).trim();
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return Number.isNaN(value.getTime()) ? '' : isoOfDateCell(value);
}

/**
 * Full-width digits and Latin letters to half-width, leaving Chinese punctuation (，（）) alone: free text such as
 * an address keeps its punctuation, while `１３８` and `Ａ座` become what staff would search for.
 */
export function halfWidthAlnum(value: string): string {
  return value.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Cell text with every full-width ASCII form folded, for codes and numbers. */
export function cellCode(value: CellValue): string {
  return toHalfWidth(cellText(value)).trim();
}
