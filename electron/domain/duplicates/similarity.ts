/**
 * What "the same person typed twice" looks like for names and phones. One definition, used by the form check
 * and by the whole-base scan alike.
 *
 * similar_name_phone = the names are alike AND the phones are close:
 * - names alike: the same characters (张三 / 张三), or the same reading in pinyin (张三 / 张叁, 王晓明 / 王小明);
 * - phones close (both valid 11-digit mobiles, not identical — identical is same_mobile):
 *   - one digit differs (a typo), or
 *   - two neighbouring digits are swapped (13812345678 / 13812346578), or
 *   - only the 3-digit carrier prefix differs, the last 8 digits are the same (138… / 139…).
 */

export type PhoneCloseness = 'one_digit' | 'swapped_digits' | 'same_last8';
export type NameLikeness = 'same_name' | 'same_pinyin';

export function phoneCloseness(a: string, b: string): PhoneCloseness | null {
  if (a.length !== 11 || b.length !== 11 || a === b) return null;
  const diffs: number[] = [];
  for (let i = 0; i < 11 && diffs.length <= 2; i++) if (a.charAt(i) !== b.charAt(i)) diffs.push(i);
  if (diffs.length === 1) return 'one_digit';
  const [i, j] = diffs as [number, number];
  if (diffs.length === 2 && j === i + 1 && a.charAt(i) === b.charAt(j) && a.charAt(j) === b.charAt(i)) {
    return 'swapped_digits';
  }
  if (a.slice(3) === b.slice(3)) return 'same_last8';
  return null;
}

export function nameLikeness(
  a: { name: string; pinyin: string },
  b: { name: string; pinyin: string },
): NameLikeness | null {
  if (a.name.trim() === b.name.trim()) return 'same_name';
  if (a.pinyin !== '' && a.pinyin === b.pinyin) return 'same_pinyin';
  return null;
}

export const closenessText: Record<PhoneCloseness, string> = {
  one_digit: '只差一位数字',
  swapped_digits: '有两位数字顺序颠倒',
  same_last8: '后 8 位相同',
};

export const likenessText: Record<NameLikeness, string> = {
  same_name: '同名',
  same_pinyin: '姓名读音相同',
};

/**
 * Blocking keys for the scan: any two phones that are close share the last 4 digits or the first 6
 * (a single changed digit sits either in positions 1–7 or 8–11; a swap of positions 7/8 keeps the first 6,
 * every other swap and every prefix change keeps the last 4). Exact joins on these find all candidates.
 */
export function phoneBlockingKeys(phone: string): { tail4: string; head6: string } {
  return { tail4: phone.slice(-4), head6: phone.slice(0, 6) };
}
