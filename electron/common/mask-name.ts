import { isHanName, surnameOf } from './surname';

/**
 * A person's name with the given name hidden (王** for 王小明): enough for staff to recognise whose card it is
 * over the phone, not enough to read a stranger's name off the screen. Company names are not personal data
 * and are shown whole.
 */
export function maskPersonName(name: string, isCompany = false): string {
  const chars = [...name.trim()];
  if (isCompany || chars.length === 0) return name.trim();
  // 欧阳娜娜 → 欧阳**; a Latin name keeps its first letter only; at least two stars so the length is not given away.
  const surname = isHanName(name) ? [...surnameOf(name)].length : 1;
  return chars.slice(0, surname).join('') + '*'.repeat(Math.max(2, chars.length - surname));
}
