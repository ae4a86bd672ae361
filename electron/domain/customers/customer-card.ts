import { and, eq, sql } from 'drizzle-orm';
import { customers, customerTags } from '../../../db/schema';
import type { ChannelParsedInput } from '../../contract';
import type { CustomerConflictDetails, CustomerDetail } from '../../contract/customers';
import { customerFields } from '../../contract/customers';
import { AppError } from '../../contract/errors';
import { mergeStaleEdit } from '../locking/field-merge';
import { refuseMaskedValues } from '../privacy/masked-input';
import { customerSnapshot } from '../audit/audit-shapes';
import { recordCustomerChange } from '../audit/customer-audit';
import { regenerateCallbacksForCustomer } from '../callbacks/regenerate-for-customer';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { refuseIfErased } from '../subject-requests/erasure-guard';
import { readConsents } from './customer-consent';
import { refreshDerived } from './customer-derived';
import { readPreferences, storedPreferences } from './customer-preferences';
import { mergedAwayError } from './customer-exists';
import { lastEditOf } from './last-edit';
import { nameSearchKeys } from './name-keys';
import { prepared } from './sql-cache';

type CustomerFields = ChannelParsedInput<'customers.create'>;

/** Exported so the benchmark runs the same SQL raw. */
export const detailSql = `select id, name, gender, birthday, mobile, mobile2, wechat, address, district, id_number as idNumber,
    occupation, industry, employer, is_company as isCompany, contact_person as contactPerson,
    contact_title as contactTitle, source_channel as sourceChannel, referrer_id as referrerId,
    stage, lead_grade as leadGrade, base_grade as baseGrade, purchase_need as purchaseNeed, budget_fen as budgetFen,
    current_car as currentCar, outcome_reason as outcomeReason, lost_reason_category as lostReasonCategory,
    do_not_contact as doNotContact, do_not_contact_at as doNotContactAt, preferences, notes,
    last_visit_at as lastVisitAt, merged_into_id as mergedIntoId, created_at as createdAt, updated_at as updatedAt, version
  from customers where id = ?`;

export const tagsSql = 'select tag from customer_tags where customer_id = ? order by rowid';

type DetailRow = Omit<CustomerDetail, 'isCompany' | 'doNotContact' | 'tags' | 'preferences' | 'consents'> & {
  isCompany: number;
  doNotContact: number;
  preferences: string | null;
  mergedIntoId: number | null;
};

export function getCustomer(ctx: ServiceContext, id: number): CustomerDetail {
  const sqlite = ctx.db.$client;
  const row = prepared(sqlite, detailSql).get(id) as DetailRow | undefined;
  if (row?.mergedIntoId) throw mergedAwayError(sqlite, row.mergedIntoId);
  if (!row) throw new AppError('not_found', '该客户不存在或已被合并');
  const tags = (
    prepared(sqlite, 'select tag from customer_tags where customer_id = ? order by rowid').all(id) as {
      tag: string;
    }[]
  ).map((t) => t.tag);
  const { mergedIntoId: _merged, ...rest } = row;
  // Full values here: the router masks them for callers who may not see them (electron/domain/privacy).
  return {
    ...rest,
    isCompany: row.isCompany === 1,
    doNotContact: row.doNotContact === 1,
    tags,
    preferences: readPreferences(row.preferences),
    consents: readConsents(sqlite, id),
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
    idNumber: fields.idNumber ?? null,
    occupation: fields.occupation ?? null,
    industry: fields.industry ?? null,
    employer: fields.employer ?? null,
    isCompany: fields.isCompany,
    // Only a company has a contact person; switching a card to a person drops them.
    contactPerson: fields.isCompany ? (fields.contactPerson ?? null) : null,
    contactTitle: fields.isCompany ? (fields.contactTitle ?? null) : null,
    sourceChannel: fields.sourceChannel,
    referrerId: fields.referrerId ?? null,
    // The typed stage is the input of the stage rule; refreshDerived settles the stored value.
    stage: fields.stage,
    leadGrade: fields.leadGrade ?? null,
    purchaseNeed: fields.purchaseNeed ?? null,
    budgetFen: fields.budgetFen ?? null,
    currentCar: fields.currentCar ?? null,
    outcomeReason: fields.outcomeReason ?? null,
    lostReasonCategory: fields.lostReasonCategory ?? null,
    preferences: storedPreferences(fields.preferences),
    doNotContact: fields.doNotContact,
    // Keeps the date the flag was first set; clearing the flag clears the date.
    doNotContactAt: fields.doNotContact ? sql`coalesce(${customers.doNotContactAt}, ${now})` : null,
    notes: fields.notes ?? null,
    updatedAt: now,
  };
}

const referrerError = (message: string) =>
  new AppError('validation', message, { fields: { referrerId: message } });

/** The referrer must exist, and following referrers from it must never come back to this customer. */
function checkReferrer(ctx: ServiceContext, referrerId: number | null | undefined, selfId?: number): void {
  if (!referrerId) return;
  if (referrerId === selfId) throw referrerError('推荐人不能是客户本人');
  const sqlite = ctx.db.$client;
  const lookup = prepared(
    sqlite,
    'select referrer_id as referrerId, merged_into_id as mergedIntoId from customers where id = ?',
  );
  const first = lookup.get(referrerId) as
    { referrerId: number | null; mergedIntoId: number | null } | undefined;
  if (!first || first.mergedIntoId) throw referrerError('推荐人不存在');
  if (selfId === undefined) return;
  let next = first.referrerId;
  for (let hops = 0; next !== null && hops < 100; hops++) {
    if (next === selfId) throw referrerError('推荐关系不能形成循环（推荐人本身由该客户推荐）');
    next = (lookup.get(next) as { referrerId: number | null } | undefined)?.referrerId ?? null;
  }
}

function writeTags(ctx: ServiceContext, customerId: number, tags: string[]): void {
  ctx.db.delete(customerTags).where(eq(customerTags.customerId, customerId)).run();
  const unique = [...new Set(tags)];
  if (unique.length)
    ctx.db
      .insert(customerTags)
      .values(unique.map((tag) => ({ customerId, tag })))
      .run();
}

/** A birthday after the store's today is a typing slip; refused on the field, not dropped. */
function checkBirthday(ctx: ServiceContext, birthday: string | null | undefined): void {
  if (!birthday || birthday <= localDate(ctx.clock())) return;
  const message = `生日 ${birthday} 晚于今天，请检查`;
  throw new AppError('validation', message, { fields: { birthday: message } });
}

export function createCustomer(ctx: ServiceContext, fields: CustomerFields): CustomerDetail {
  const now = ctx.clock().toISOString();
  checkBirthday(ctx, fields.birthday);
  const id = ctx.db.transaction(() => {
    checkReferrer(ctx, fields.referrerId);
    const row = ctx.db
      .insert(customers)
      .values({
        ...columnsOf(fields, now),
        doNotContactAt: fields.doNotContact ? now : null,
        createdAt: now,
        ownerUserId: ctx.user?.id ?? null,
        editedBy: ctx.user?.id ?? null,
        editedVersion: 1,
      })
      .returning({ id: customers.id })
      .get();
    writeTags(ctx, row.id, fields.tags);
    refreshDerived(ctx, row.id);
    regenerateCallbacksForCustomer(ctx, row.id);
    recordCustomerChange(ctx, 'customer.created', row.id, {});
    return row.id;
  });
  return getCustomer(ctx, id);
}

const customerFieldNames = Object.keys(customerFields.shape) as (keyof CustomerFields & string)[];

function staleCard(ctx: ServiceContext, current: CustomerDetail, clashes: readonly string[]): AppError {
  const details: CustomerConflictDetails = {
    current,
    clashes: [...clashes],
    ...lastEditOf(ctx.db.$client, current.id),
  };
  const who = details.savedBy ? `${details.savedBy}刚刚保存过` : '刚刚有更新';
  return new AppError('conflict', `该客户资料在您编辑期间${who}，请查看最新内容后再保存`, details);
}

/**
 * Optimistic concurrency: the write only lands on the version the editor saw. A stale copy is refused with
 * the current card in the error's details, so the editor can compare and decide; nothing is overwritten.
 * Changes to different fields merge (electron/domain/locking/field-merge.ts): only a field both changed clashes.
 */
export function updateCustomer(
  ctx: ServiceContext,
  input: ChannelParsedInput<'customers.update'>,
): CustomerDetail {
  const now = ctx.clock().toISOString();
  checkBirthday(ctx, input.fields.birthday);
  let fields = input.fields;
  ctx.db.transaction(() => {
    refuseIfErased(ctx.db.$client, input.id);
    const before = customerSnapshot(ctx.db.$client, input.id);
    const current = getCustomer(ctx, input.id);
    // A stale copy merges field by field; only a field both changed, differently, is refused.
    const merged = mergeStaleEdit({
      version: input.version,
      currentVersion: current.version,
      mine: input.fields,
      base: input.base,
      theirs: current,
      fields: customerFieldNames,
    });
    if (merged.clashes.length > 0) throw staleCard(ctx, current, merged.clashes);
    // A mask left by the merge (sent without the value it stood for) is never stored.
    fields = refuseMaskedValues(merged.values);
    const result = ctx.db
      .update(customers)
      .set({
        ...columnsOf(fields, now),
        version: current.version + 1,
        editedBy: ctx.user?.id ?? null,
        editedVersion: current.version + 1,
      })
      .where(
        and(
          eq(customers.id, input.id),
          eq(customers.version, current.version),
          sql`${customers.mergedIntoId} is null`,
        ),
      )
      .run();
    if (result.changes === 0) throw staleCard(ctx, getCustomer(ctx, input.id), customerFieldNames);
    checkReferrer(ctx, fields.referrerId, input.id);
    writeTags(ctx, input.id, fields.tags);
    refreshDerived(ctx, input.id);
    regenerateCallbacksForCustomer(ctx, input.id);
    recordCustomerChange(ctx, 'customer.updated', input.id, before);
  });
  return getCustomer(ctx, input.id);
}
