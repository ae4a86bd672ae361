import { sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { consentChannels, consentPurposes } from '../../electron/contract/consent';
import { users } from './users';

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    // Pinyin kept beside the name so search by `zs` / `zhangsan` is an index lookup, not a scan.
    namePinyin: text('name_pinyin').notNull().default(''),
    nameInitials: text('name_initials').notNull().default(''),
    gender: text('gender', { enum: ['male', 'female'] }),
    birthday: text('birthday'),
    mobile: text('mobile'),
    mobile2: text('mobile2'),
    // Last four digits of the mobile, indexed, for the front desk's "尾号" lookup.
    mobileTail: text('mobile_tail'),
    wechat: text('wechat'),
    address: text('address'),
    district: text('district'),
    idNumber: text('id_number'),
    occupation: text('occupation'),
    industry: text('industry'),
    employer: text('employer'),
    isCompany: integer('is_company', { mode: 'boolean' }).notNull().default(false),
    // A company (集团客户) is spoken to through a person: scripts greet 「李经理您好」, not the company's name.
    contactPerson: text('contact_person'),
    contactTitle: text('contact_title'),
    sourceChannel: text('source_channel', {
      enum: [
        'walk_in',
        'phone',
        'website',
        'vertical_platform',
        'social_media',
        'referral',
        'event',
        'other',
      ],
    })
      .notNull()
      .default('walk_in'),
    referrerId: integer('referrer_id').references((): AnySQLiteColumn => customers.id),
    stage: text('stage', {
      enum: ['lead', 'intent', 'new_owner', 'owner', 'vip', 'lost', 'churned', 'dormant'],
    })
      .notNull()
      .default('lead'),
    leadGrade: text('lead_grade', { enum: ['A', 'B', 'C'] }),
    baseGrade: text('base_grade', { enum: ['premium', 'potential', 'normal'] }),
    purchaseNeed: text('purchase_need'),
    budgetFen: integer('budget_fen'),
    currentCar: text('current_car'),
    outcomeReason: text('outcome_reason'),
    lostReasonCategory: text('lost_reason_category', {
      enum: ['price', 'product', 'service', 'competitor', 'finance', 'other'],
    }),
    preferences: text('preferences', { mode: 'json' }).$type<Record<string, string>>(),
    doNotContact: integer('do_not_contact', { mode: 'boolean' }).notNull().default(false),
    doNotContactAt: text('do_not_contact_at'),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    // Denormalised from service_visits so the list can sort by it through an index.
    lastVisitAt: text('last_visit_at'),
    /**
     * The 10-point loyalty score (customer-rules/loyalty-score.ts) as of the last refresh of the derived columns:
     * event segments filter on it across the whole base, which cannot compute it per customer at query time.
     */
    loyaltyScore: integer('loyalty_score'),
    mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => customers.id),
    notes: text('notes'),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    version: integer('version').notNull().default(1),
    // Who saved the card by hand, and the version that save produced: when the version has moved on since
    // (a call-back outcome, a merge), the card was last changed by something else and no name is claimed.
    editedBy: integer('edited_by').references(() => users.id),
    editedVersion: integer('edited_version'),
  },
  (t) => [
    index('customers_mobile_idx').on(t.mobile),
    index('customers_mobile2_idx').on(t.mobile2),
    index('customers_mobile_tail_idx').on(t.mobileTail),
    index('customers_name_idx').on(t.name),
    // Covering the columns list filters test, so a page sorted by name rejects non-matching rows without
    // reading them.
    index('customers_pinyin_idx').on(t.namePinyin, t.id, t.lastVisitAt, t.stage, t.baseGrade),
    index('customers_initials_idx').on(t.nameInitials),
    index('customers_last_visit_idx').on(t.lastVisitAt, t.id),
    // last_visit_at rides along so a last-visit range on a page sorted by creation is tested on the index.
    index('customers_created_idx').on(t.createdAt, t.id, t.lastVisitAt),
    index('customers_referrer_idx').on(t.referrerId),
    index('customers_stage_idx').on(t.stage),
    // A filtered list page walks one range of these (customer-list.ts) instead of the whole sort order.
    index('customers_stage_last_visit_idx').on(t.stage, t.lastVisitAt, t.id),
    index('customers_stage_created_idx').on(t.stage, t.createdAt, t.id),
    index('customers_grade_last_visit_idx').on(t.baseGrade, t.lastVisitAt, t.id),
    index('customers_grade_created_idx').on(t.baseGrade, t.createdAt, t.id),
    index('customers_district_idx').on(t.district),
    // The report pack's grade tables (by district, industry and age band) read the base customers from this alone.
    index('customers_report_grade_idx').on(t.baseGrade, t.mergedIntoId, t.district, t.industry, t.birthday),
    index('customers_id_number_idx').on(t.idNumber),
    // Deleting or merging a customer checks this self-reference; without the index that is a full scan per row.
    index('customers_merged_into_idx').on(t.mergedIntoId),
    // The cards never scored (nearly always none): the morning pass looks for them, a full scan without this.
    index('customers_unscored_idx')
      .on(t.id)
      .where(sql`${t.loyaltyScore} is null`),
  ],
);

export const customerTags = sqliteTable(
  'customer_tags',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.tag] }), index('customer_tags_tag_idx').on(t.tag)],
);

/**
 * Consent is per purpose (PIPL): a yes to service notices is not a yes to marketing. The current answer per
 * purpose; every answer ever given is in consent_history (consent-history.ts), written in the same transaction.
 */
export const consents = sqliteTable(
  'consents',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: consentPurposes }).notNull(),
    granted: integer('granted', { mode: 'boolean' }).notNull(),
    recordedAt: text('recorded_at').notNull(),
    channel: text('channel', { enum: consentChannels }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.purpose] })],
);

export const interactions = sqliteTable(
  'interactions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['call', 'visit', 'note', 'sms', 'wechat', 'callback', 'complaint', 'event'],
    }).notNull(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }),
    occurredAt: text('occurred_at').notNull(),
    summary: text('summary').notNull(),
    userId: integer('user_id').references(() => users.id),
    // Lets later domains (call-backs, complaints, events) point at their own record.
    refType: text('ref_type'),
    refId: integer('ref_id'),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index('interactions_customer_idx').on(t.customerId, t.occurredAt),
    // The daily upkeep finds whose 12/24-month counts and quiet year moved by date (derived-due.ts).
    index('interactions_occurred_idx').on(t.occurredAt, t.kind, t.customerId),
  ],
);
