/**
 * How staff address a customer on the phone: a person by surname and 先生/女士 (张先生), a company (集团客户)
 * through its contact person (宏图贸易 李经理, or 李明先生), never by the company's registered name alone.
 * Shared by the call-back scripts (main) and the customer card (renderer).
 */

export interface SalutationInput {
  name: string;
  gender: 'male' | 'female' | null;
  isCompany: boolean;
  contactPerson: string | null;
  contactTitle: string | null;
}

// Two-character surnames still common today; any other name takes its first character.
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

export function genderTitle(gender: 'male' | 'female' | null): string {
  return gender === 'male' ? '先生' : gender === 'female' ? '女士' : '';
}

const regionPrefix =
  /^(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区))?(?:[\u4e00-\u9fff]{2,4}?市)?(?:[\u4e00-\u9fff]{2,4}?[区县])?/u;
const legalSuffix = /(?:股份有限公司|有限责任公司|有限公司|股份公司|集团公司|分公司|公司|集团|厂)$/u;

/** 惠州市宏图贸易有限公司 → 宏图贸易: what people call a company, without its region and legal form. */
export function companyShortName(name: string): string {
  const full = name.trim().replace(/[（(][^）)]*[）)]$/u, '');
  const withoutSuffix = full.replace(legalSuffix, '');
  const match = regionPrefix.exec(withoutSuffix)?.[0] ?? '';
  // A region that is the whole name (深圳市公司) or leaves one character is the name itself.
  const short = withoutSuffix.length - match.length >= 2 ? withoutSuffix.slice(match.length) : withoutSuffix;
  return short.length >= 2 ? short : full;
}

/** The greeting's form of address, without 您好: 「张先生」「宏图贸易 李经理」「李明先生」. */
export function salutation(c: SalutationInput): string {
  const title = genderTitle(c.gender);
  if (c.isCompany) {
    const company = companyShortName(c.name);
    const person = c.contactPerson?.trim() || null;
    const role = c.contactTitle?.trim() || null;
    // The gender on a company card is its contact person's.
    if (person && role) return `${company} ${surnameOf(person)}${role}`;
    if (person) return title ? `${person}${title}` : `${company} ${person}`;
    return role ? `${company} ${role}` : `${company}负责人`;
  }
  const person = c.name.trim();
  if (!title) return person;
  return han.test(person) ? `${surnameOf(person)}${title}` : `${person}${title}`;
}
