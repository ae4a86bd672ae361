// Two-character surnames, so 欧阳娜娜 shows as 欧阳** and not 欧***.
const compoundSurnames = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '澹台',
]);

/**
 * A person's name with the given name hidden (王** for 王小明): enough for staff to recognise whose card it is
 * over the phone, not enough to read a stranger's name off the screen. Company names are not personal data
 * and are shown whole.
 */
export function maskPersonName(name: string, isCompany = false): string {
  const chars = [...name.trim()];
  if (isCompany || chars.length === 0) return name.trim();
  const surname = chars.length > 2 && compoundSurnames.has(chars.slice(0, 2).join('')) ? 2 : 1;
  // A Latin name keeps its first letter only; at least two stars so the length is not given away.
  return chars.slice(0, surname).join('') + '*'.repeat(Math.max(2, chars.length - surname));
}
