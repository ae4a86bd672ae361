import { and, eq } from 'drizzle-orm';
import { customers, customerTags } from '../../../db/schema';
import type { ChannelParsedInput } from '../../contract';
import type { CustomerDetail } from '../../contract/customers';
import { AppError } from '../../contract/errors';
import type { ServiceContext } from '../context';
import { nameSearchKeys } from './name-keys';

type CustomerFields = ChannelParsedInput<'customers.create'>;

export function getCustomer(ctx: ServiceContext, id: number): CustomerDetail {
  const row = ctx.db.select().from(customers).where(eq(customers.id, id)).get();
  if (!row || row.mergedIntoId) throw new AppError('not_found', '该客户不存在或已被合并');
  const tags = ctx.db
    .select({ tag: customerTags.tag })
    .from(customerTags)
    .where(eq(customerTags.customerId, id))
    .all()
    .map((t) => t.tag);
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    birthday: row.birthday,
    mobile: row.mobile,
    mobile2: row.mobile2,
    wechat: row.wechat,
    address: row.address,
    district: row.district,
    occupation: row.occupation,
    industry: row.industry,
    employer: row.employer,
    isCompany: row.isCompany,
    sourceChannel: row.sourceChannel,
    referrerId: row.referrerId,
    stage: row.stage,
    leadGrade: row.leadGrade,
    baseGrade: row.baseGrade,
    purchaseNeed: row.purchaseNeed,
    budgetFen: row.budgetFen,
    currentCar: row.currentCar,
    outcomeReason: row.outcomeReason,
    lostReasonCategory: row.lostReasonCategory,
    doNotContact: row.doNotContact,
    tags,
    notes: row.notes,
    lastVisitAt: row.lastVisitAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** Column values derived from the typed fields: search keys, the phone tail, normalised nulls. */
function columnsOf(fields: CustomerFields, now: string) {
  const keys = nameSearchKeys(fields.name);
  return {
    name: fields.name,
    namePinyin: keys.pinyin,
    nameInitials: keys.initials,
    gender: fields.gender ?? null,
    birthday: fields.birthday ?? null,
    mobile: fields.mobile ?? null,
    mobile2: fields.mobile2 ?? null,
    mobileTail: fields.mobile ? fields.mobile.slice(-4) : null,
    wechat: fields.wechat ?? null,
    address: fields.address ?? null,
    district: fields.district ?? null,
    occupation: fields.occupation ?? null,
    industry: fields.industry ?? null,
    employer: fields.employer ?? null,
    isCompany: fields.isCompany,
    sourceChannel: fields.sourceChannel,
    referrerId: fields.referrerId ?? null,
    stage: fields.stage,
    leadGrade: fields.leadGrade ?? null,
    purchaseNeed: fields.purchaseNeed ?? null,
    budgetFen: fields.budgetFen ?? null,
    currentCar: fields.currentCar ?? null,
    outcomeReason: fields.outcomeReason ?? null,
    lostReasonCategory: fields.lostReasonCategory ?? null,
    doNotContact: fields.doNotContact,
    notes: fields.notes ?? null,
    updatedAt: now,
  };
}

function checkReferrer(ctx: ServiceContext, referrerId: number | null | undefined, selfId?: number): void {
  if (!referrerId) return;
  if (referrerId === selfId) {
    throw new AppError('validation', '推荐人不能是客户本人', { fields: { referrerId: '推荐人不能是客户本人' } });
  }
  const exists = ctx.db.$client
    .prepare('select 1 from customers where id = ? and merged_into_id is null')
    .get(referrerId);
  if (!exists) throw new AppError('validation', '推荐人不存在', { fields: { referrerId: '推荐人不存在' } });
}

function writeTags(ctx: ServiceContext, customerId: number, tags: string[]): void {
  ctx.db.delete(customerTags).where(eq(customerTags.customerId, customerId)).run();
  const unique = [...new Set(tags)];
  if (unique.length) ctx.db.insert(customerTags).values(unique.map((tag) => ({ customerId, tag }))).run();
}

export function createCustomer(ctx: ServiceContext, fields: CustomerFields): CustomerDetail {
  const now = ctx.clock().toISOString();
  const id = ctx.db.transaction(() => {
    checkReferrer(ctx, fields.referrerId);
    const row = ctx.db
      .insert(customers)
      .values({ ...columnsOf(fields, now), createdAt: now, ownerUserId: ctx.user?.id ?? null })
      .returning({ id: customers.id })
      .get();
    writeTags(ctx, row.id, fields.tags);
    return row.id;
  });
  return getCustomer(ctx, id);
}

/** Optimistic concurrency: the write only lands on the version the editor saw. */
export function updateCustomer(ctx: ServiceContext, input: ChannelParsedInput<'customers.update'>): CustomerDetail {
  const now = ctx.clock().toISOString();
  ctx.db.transaction(() => {
    checkReferrer(ctx, input.fields.referrerId, input.id);
    const result = ctx.db
      .update(customers)
      .set({ ...columnsOf(input.fields, now), version: input.version + 1 })
      .where(and(eq(customers.id, input.id), eq(customers.version, input.version)))
      .run();
    if (result.changes === 0) {
      const current = getCustomer(ctx, input.id);
      throw new AppError('conflict', `该客户资料已被他人修改（当前版本 ${current.version}），请查看最新内容后再保存`, {
        current,
      });
    }
    writeTags(ctx, input.id, input.fields.tags);
  });
  return getCustomer(ctx, input.id);
}
