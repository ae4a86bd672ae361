/**
 * How staff address a customer on the phone: a person by surname and 先生/女士 (张先生), a company (集团客户)
 * through its contact person (宏图贸易 李经理, or 李明先生), never by the company's registered name alone.
 * Shared by the call-back scripts (main) and the customer card (renderer).
 */

import { isHanName, surnameOf } from './surname';

export interface SalutationInput {
  name: string;
  gender: 'male' | 'female' | null;
  isCompany: boolean;
  contactPerson: string | null;
  contactTitle: string | null;
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
  return isHanName(person) ? `${surnameOf(person)}${title}` : `${person}${title}`;
}
