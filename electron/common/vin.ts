import { toHalfWidth } from './normalize-text';

export type VinCheck = { ok: true } | { ok: false; reason: string };

/** Letter values from GB 16735 / ISO 3779 (I, O and Q are never used, so they have none). */
const letterValues = new Map(
  'A1 B2 C3 D4 E5 F6 G7 H8 J1 K2 L3 M4 N5 P7 R9 S2 T3 U4 V5 W6 X7 Y8 Z9'
    .split(' ')
    .map((p) => [p[0]!, Number(p[1])]),
);

// Position 9 weighs 0 because it holds the check digit itself.
const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

const vinPattern = /^[A-HJ-NPR-Z0-9]{17}$/;

/** VINs arrive from scanners, photos of the registration and hand typing: unify the shape first. */
export function normalizeVin(raw: string): string {
  return toHalfWidth(raw)
    .trim()
    .toUpperCase()
    .replace(/[\s\-_]/g, '');
}

function charValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  const v = letterValues.get(ch);
  if (v === undefined) throw new RangeError(`VIN 字符不合法：${ch}`);
  return v;
}

/** The check character (position 9) for a 17-character VIN; whatever sits at position 9 is ignored. */
export function vinCheckDigit(vin17: string): string {
  if (vin17.length !== 17) throw new RangeError('VIN 长度应为17位');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charValue(vin17.charAt(i)) * weights[i]!;
  const rest = sum % 11;
  return rest === 10 ? 'X' : String(rest);
}

/** Checks the normalised form of `vin`; store `normalizeVin(raw)` so what is stored is what was checked. */
export function validateVin(vin: string): VinCheck {
  const v = normalizeVin(vin);
  if (v.length !== 17) return { ok: false, reason: '长度应为17位' };
  if (/[IOQ]/.test(v)) return { ok: false, reason: '不能包含字母 I、O、Q' };
  if (!vinPattern.test(v)) return { ok: false, reason: '只能包含数字和字母' };
  const expected = vinCheckDigit(v);
  if (v.charAt(8) !== expected) return { ok: false, reason: `校验位错误，应为 ${expected}` };
  return { ok: true };
}

export function isValidVin(vin: string): boolean {
  return validateVin(vin).ok;
}
