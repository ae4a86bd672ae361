import { isValidIdNumber, maskIdNumber, normalizeIdNumber } from '../../common/id-number';
import { isValidMobile, maskMobile, normalizeMobile } from '../../common/mobile';
import { formatPlate, normalizePlate } from '../../common/plate';
import { normalizeVin } from '../../common/vin';
import type { ChannelParsedInput } from '../../contract';
import type { DuplicateCheckReason, DuplicateWarning } from '../../contract/duplicates';
import type { ServiceContext } from '../context';
import { nameSearchKeys } from '../customers/name-keys';
import { closenessText, likenessText, nameLikeness, phoneCloseness } from './similarity';

type Input = ChannelParsedInput<'customers.checkDuplicates'>;

interface Person {
  id: number;
  name: string;
  pinyin: string;
  mobile: string | null;
  mobile2: string | null;
}

const reasonOrder: Record<DuplicateCheckReason, number> = {
  same_id_number: 0,
  same_mobile: 1,
  same_vin: 2,
  same_plate: 3,
  similar_name_phone: 4,
};

const maxWarnings = 50;
// A very common name read in pinyin (王伟) has a few hundred cards at most; more is not worth comparing.
const maxNameCandidates = 1000;

/** A live card other than the one being edited. */
const live = (alias = '') => `${alias}merged_into_id is null and ${alias}id is not ?`;

/**
 * Every lookup is an equality on an indexed column (mobile, mobile2, name, name_pinyin, vin, plate), so the
 * form can call this as staff type. The ID number column has no index yet: that lookup scans, and only runs
 * once a complete, valid number is typed.
 */
export function checkDuplicates(ctx: ServiceContext, input: Input): { warnings: DuplicateWarning[] } {
  const db = ctx.db.$client;
  const exclude = input.excludeId ?? null;
  const warnings: DuplicateWarning[] = [];
  const add = (
    p: { id: number; name: string },
    reason: DuplicateCheckReason,
    field: DuplicateWarning['field'],
    message: string,
  ) => warnings.push({ customerId: p.id, customerName: p.name, reason, field, message });

  const phones = (['mobile', 'mobile2'] as const)
    .map((field) => ({ field, phone: input[field] ? normalizeMobile(input[field]) : '' }))
    .filter((p, i, all) => isValidMobile(p.phone) && all.findIndex((q) => q.phone === p.phone) === i);
  const samePhone = db.prepare(
    `select id, name, name_pinyin as pinyin, mobile, mobile2 from customers where mobile = ? and ${live()}
     union select id, name, name_pinyin, mobile, mobile2 from customers where mobile2 = ? and ${live()}`,
  );
  const exactOwners = new Set<number>();
  for (const { field, phone } of phones) {
    for (const p of samePhone.all(phone, exclude, phone, exclude) as Person[]) {
      exactOwners.add(p.id);
      add(p, 'same_mobile', field, `手机号 ${maskMobile(phone)} 已属于客户 ${p.name}`);
    }
  }

  if (input.idNumber) {
    const idNumber = normalizeIdNumber(input.idNumber);
    if (isValidIdNumber(idNumber)) {
      const rows = db
        .prepare(`select id, name from customers where id_number = ? and ${live()}`)
        .all(idNumber, exclude);
      for (const p of rows as Person[])
        add(p, 'same_id_number', 'idNumber', `身份证号 ${maskIdNumber(idNumber)} 已属于客户 ${p.name}`);
    }
  }

  const vins = [...new Set((input.vins ?? []).map(normalizeVin).filter((v) => v.length === 17))];
  const byVin = db.prepare(
    `select c.id, c.name from vehicles v join customers c on c.id = v.owner_id where v.vin = ? and ${live('c.')}`,
  );
  for (const vin of vins) {
    for (const p of byVin.all(vin, exclude) as Person[])
      add(p, 'same_vin', 'vins', `车架号 ${vin} 的车辆已登记在客户 ${p.name} 名下`);
  }

  const plates = [...new Set((input.plates ?? []).map(normalizePlate).filter((p) => p.length >= 7))];
  const byPlate = db.prepare(
    `select distinct c.id, c.name from vehicles v join customers c on c.id = v.owner_id where v.plate = ? and ${live('c.')}`,
  );
  for (const plate of plates) {
    for (const p of byPlate.all(plate, exclude) as Person[]) {
      add(p, 'same_plate', 'plates', `车牌 ${formatPlate(plate)} 的车辆已登记在客户 ${p.name} 名下`);
    }
  }

  const name = input.name?.trim() ?? '';
  if (name && phones.length) {
    const typed = { name, pinyin: nameSearchKeys(name).pinyin };
    const candidates = db
      .prepare(
        `select id, name, name_pinyin as pinyin, mobile, mobile2 from customers where name = ? and ${live()}
         union select id, name, name_pinyin, mobile, mobile2 from customers where name_pinyin = ? and name_pinyin <> '' and ${live()}
         limit ${maxNameCandidates}`,
      )
      .all(name, exclude, typed.pinyin, exclude) as Person[];
    for (const p of candidates) {
      if (exactOwners.has(p.id)) continue;
      const likeness = nameLikeness(typed, p);
      const match = likeness && closestPhone(phones, p);
      if (!likeness || !match) continue;
      add(
        p,
        'similar_name_phone',
        match.field,
        `客户 ${p.name} 与填写的${likenessText[likeness]}，其手机号 ${maskMobile(match.theirs)} 与填写的号码${closenessText[match.closeness]}`,
      );
    }
  }

  warnings.sort((a, b) => reasonOrder[a.reason] - reasonOrder[b.reason] || a.customerId - b.customerId);
  return { warnings: warnings.slice(0, maxWarnings) };
}

function closestPhone(typed: { field: 'mobile' | 'mobile2'; phone: string }[], p: Person) {
  for (const { field, phone } of typed) {
    for (const theirs of [p.mobile, p.mobile2]) {
      const closeness = theirs ? phoneCloseness(phone, theirs) : null;
      if (theirs && closeness) return { field, theirs, closeness };
    }
  }
  return null;
}
