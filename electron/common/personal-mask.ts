/**
 * De-identified display of personal data (GB/T 35273-2020 §3.14, PIPL art. 51): the masks staff see when they
 * may not see the full value. One home for the rules; main applies them (electron/domain/privacy), the audit log
 * stores personal values only in this form, and the renderer never masks on its own.
 */

/** The sensitive fields of a customer card, by their contract names. */
export const personalFields = ['mobile', 'mobile2', 'idNumber', 'address', 'wechat'] as const;
export type PersonalField = (typeof personalFields)[number];

export const personalFieldLabels: Record<PersonalField, string> = {
  mobile: '手机号码',
  mobile2: '备用手机',
  idNumber: '证件号码',
  address: '详细地址',
  wechat: '微信号',
};

/** 138****1234: the carrier prefix and the last four, which is what staff confirm over the phone. */
export function maskMobile(mobile: string): string {
  const s = mobile.trim();
  if (s.length <= 7) return '*'.repeat(Math.max(4, s.length));
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}

/** 4401**********1234: the region of issue and the last four (checksum included), never the birthday. */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 8) return '*'.repeat(Math.max(4, s.length));
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}

const houseNumberStart = /[0-9０-９#＃]|[一二三四五六七八九十百]+[号栋幢座单层楼室]/u;
const placeEnd = /.*(?:省|市|区|县|镇|乡|街道|路|街|道|巷|村|大道|小区|花园)/u;

/** The address down to the street, without the house, building or room number (广东省惠州市惠城区江北三新南路***). */
export function maskAddress(address: string): string {
  const s = address.trim();
  if (!s) return s;
  const at = s.search(houseNumberStart);
  if (at > 0) return `${s.slice(0, at)}***`;
  if (at === 0) return '***';
  const place = placeEnd.exec(s)?.[0];
  return place && place.length < s.length ? `${place}***` : `${[...s].slice(0, 2).join('')}***`;
}

/** wx****8: two leading characters and the last one. */
export function maskWechat(wechat: string): string {
  const chars = [...wechat.trim()];
  if (chars.length <= 3) return '*'.repeat(4);
  return `${chars.slice(0, 2).join('')}****${chars[chars.length - 1]}`;
}

const maskers: Record<PersonalField, (value: string) => string> = {
  mobile: maskMobile,
  mobile2: maskMobile,
  idNumber: maskIdNumber,
  address: maskAddress,
  wechat: maskWechat,
};

export function maskPersonal(field: PersonalField, value: string | null): string | null {
  return value === null || value === '' ? value : maskers[field](value);
}

export function isPersonalField(name: string): name is PersonalField {
  return (personalFields as readonly string[]).includes(name);
}
