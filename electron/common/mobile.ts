import { toHalfWidth } from './normalize-text';

/** Mainland mobile numbers: 11 digits, 1 then 3–9. */
const mobilePattern = /^1[3-9]\d{9}$/;

/** Strips +86/0086, spaces, dashes and full-width digits: staff paste numbers in every shape. */
export function normalizeMobile(raw: string): string {
  let v = toHalfWidth(raw).replace(/[\s\-()（）.]/g, '');
  if (v.startsWith('+86')) v = v.slice(3);
  else if (v.startsWith('0086')) v = v.slice(4);
  else if (v.length === 13 && v.startsWith('86')) v = v.slice(2);
  return v;
}

export function isValidMobile(value: string): boolean {
  return mobilePattern.test(value);
}

/** 138****1234; the rule lives with the other personal masks (an odd-length number is masked too, not shown). */
export { maskMobile } from './personal-mask';
