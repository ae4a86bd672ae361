// Two-character surnames (复姓) still met today; any other Chinese name takes its first character as surname.
const compoundSurnames = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '端木',
  '申屠',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '澹台',
  '公冶',
  '太史',
  '万俟',
  '闻人',
  '钟离',
  '赫连',
  '第五',
  '仲孙',
  '濮阳',
  '淳于',
  '单于',
  '东郭',
  '拓跋',
]);

const han = /^[\u3400-\u9fff]+$/u;

/** 张伟 → 张, 欧阳娜娜 → 欧阳; a name not written in Chinese characters is kept whole. */
export function surnameOf(name: string): string {
  const n = name.trim();
  if (!han.test(n) || n.length < 2) return n;
  const two = n.slice(0, 2);
  return n.length >= 3 && compoundSurnames.has(two) ? two : n.slice(0, 1);
}

export function isHanName(name: string): boolean {
  return han.test(name.trim());
}
