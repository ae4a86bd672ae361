import { toHalfWidth } from './normalize-text';
import { maskIdNumber as maskPersonalId } from './personal-mask';

export type IdNumberCheck = { ok: true } | { ok: false; reason: string };

// GB 11643-1999: weights 2^(17-i) mod 11, and the check character for each remainder 0..10.
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkChars = '10X98765432';

// Province-level codes (GB/T 2260) plus 71/81/82 (Taiwan, Hong Kong, Macao) and 83 for Taiwan residence permits.
const regionPrefixes = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export function normalizeIdNumber(raw: string): string {
  return toHalfWidth(raw).replace(/\s/g, '').toUpperCase();
}

/** The 18th character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('身份证号前17位应为数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * weights[i]!;
  return checkChars.charAt(sum % 11);
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Checks the normalised form of `raw`: 18 characters, region, a real birth date and the check character. */
export function validateIdNumber(raw: string): IdNumberCheck {
  const v = normalizeIdNumber(raw);
  if (v.length !== 18) return { ok: false, reason: '长度应为18位' };
  if (!/^\d{17}[\dX]$/.test(v)) return { ok: false, reason: '前17位应为数字，最后一位为数字或 X' };
  // Foreigners' permanent residence cards (2023 edition) put 9 in front of the province code.
  if (!regionPrefixes.has(v.slice(0, 2)) && v.charAt(0) !== '9') return { ok: false, reason: '地区码不正确' };
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) return { ok: false, reason: '出生日期不正确' };
  const expected = idNumberCheckChar(v.slice(0, 17));
  if (v.charAt(17) !== expected) return { ok: false, reason: `校验位错误，应为 ${expected}` };
  return { ok: true };
}

export function isValidIdNumber(raw: string): boolean {
  return validateIdNumber(raw).ok;
}

/** Birth date as YYYY-MM-DD, or null when the number is not valid. */
export function idNumberBirthday(raw: string): string | null {
  const v = normalizeIdNumber(raw);
  if (!isValidIdNumber(v)) return null;
  return `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
}

/** The 17th digit is odd for men, even for women. */
export function idNumberGender(raw: string): 'male' | 'female' | null {
  const v = normalizeIdNumber(raw);
  if (!isValidIdNumber(v)) return null;
  return (v.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
}

/** `4401**********1234` as typed in any width: the one rule of personal-mask.ts, after normalising. */
export function maskIdNumber(raw: string): string {
  return maskPersonalId(normalizeIdNumber(raw));
}
