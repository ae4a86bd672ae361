import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type {
  AdjustmentState,
  LoyaltyTier,
  VoucherState,
  PostingKind,
  PostingSource,
  RewardKind,
  TierChangeCause,
} from '../../electron/contract/loyalty-terms';
import { customers } from './customers';
import { importBatches } from './customer-history';
import { users } from './users';

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/**
 * 会员: a customer's tier and referral code. The tier is kept (downgrades wait for the yearly review, so it is
 * not a function of today's figures); the balance is not — it is the sum of the ledger, always.
 */
export const loyaltyMembers = sqliteTable(
  'loyalty_members',
  {
    customerId: integer('customer_id')
      .primaryKey()
      .references(() => customers.id),
    tier: text('tier').$type<LoyaltyTier>().notNull().default('regular'),
    tierSince: text('tier_since'),
    /** Short, unambiguous (electron/contract/loyalty-terms.ts); given the first time someone asks for it. */
    referralCode: text('referral_code'),
    updatedAt: text('updated_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    // The key again, as a unique index: a merge finds the survivor's member row through it (the rowid key
    // is not an index) and keeps one of the two (merge-rules.ts); the other is kept in the merge's snapshot.
    uniqueIndex('loyalty_members_customer_idx').on(t.customerId),
    uniqueIndex('loyalty_members_code_idx').on(t.referralCode),
    // Tier filters (customer list, event segments) read members of a tier from the index alone.
    index('loyalty_members_tier_idx').on(t.tier, t.customerId),
  ],
);

/**
 * 积分流水, append-only: a line is never updated or deleted (a revert posts a `reverse`; only an import's own
 * customers, deleted by its revert, take their lines with them). Points are signed. `posted_on` is the store
 * day the line counts for (an earning: the day of what earned it); `expires_on` is set on what can expire
 * (earnings and positive adjustments) and on a reversal (its lot's expiry). Lines of one source (source_table + source_id + customer) form one lot
 * for the FIFO expiry: its earnings and their reversals net together.
 */
export const loyaltyPostings = sqliteTable(
  'loyalty_postings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text('kind').$type<PostingKind>().notNull(),
    source: text('source').$type<PostingSource>().notNull(),
    sourceTable: text('source_table').notNull(),
    sourceId: integer('source_id').notNull(),
    /** The import that posted the line (source 'import'): its revert reverses exactly these. */
    importBatchId: integer('import_batch_id').references(() => importBatches.id),
    points: integer('points').notNull(),
    postedOn: text('posted_on').notNull(),
    expiresOn: text('expires_on'),
    reason: text('reason'),
    approvedBy: integer('approved_by').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // The balance is a sum over this index alone; the ledger page is a keyset range on it; the expiry sums
    // (kind, expiry) read it without touching the rows.
    index('loyalty_postings_customer_idx').on(t.customerId, t.id, t.points, t.kind, t.expiresOn),
    // What a visit, a delivery or a referral already earned (re-posting the difference, once-only rewards).
    index('loyalty_postings_source_idx').on(t.sourceTable, t.sourceId, t.customerId),
    // The expiry pass and "expiring soon" find candidate members by date.
    index('loyalty_postings_expiry_idx')
      .on(t.expiresOn, t.customerId)
      .where(sql`${t.expiresOn} is not null`),
    // Qualifying points of the last 12 months, for the tier pass over everyone.
    index('loyalty_postings_earned_idx')
      .on(t.postedOn, t.customerId, t.points)
      .where(sql`${t.kind} in ('earn', 'reverse')`),
    index('loyalty_postings_batch_idx')
      .on(t.importBatchId)
      .where(sql`${t.importBatchId} is not null`),
  ],
);

/** 等级变动: every change of a member's tier, with why. */
export const loyaltyTierChanges = sqliteTable(
  'loyalty_tier_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    fromTier: text('from_tier').$type<LoyaltyTier>().notNull(),
    toTier: text('to_tier').$type<LoyaltyTier>().notNull(),
    changedOn: text('changed_on').notNull(),
    cause: text('cause').$type<TierChangeCause>().notNull(),
    /** In words for the card: the figure and the threshold it was measured against. */
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('loyalty_tier_changes_customer_idx').on(t.customerId, t.id)],
);

/** 兑换礼品目录. */
export const loyaltyRewards = sqliteTable('loyalty_rewards', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  kind: text('kind').$type<RewardKind>().notNull(),
  pointsPrice: integer('points_price').notNull(),
  /** Null: not counted (a service voucher); otherwise what is left. */
  stock: integer('stock'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  description: text('description'),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** 兑换记录: one redemption, its voucher number (printed), and the ledger line that paid for it. */
export const loyaltyRedemptions = sqliteTable(
  'loyalty_redemptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    voucherNo: text('voucher_no').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    rewardId: integer('reward_id')
      .notNull()
      .references(() => loyaltyRewards.id),
    quantity: integer('quantity').notNull(),
    points: integer('points').notNull(),
    redeemedOn: text('redeemed_on').notNull(),
    redeemedBy: integer('redeemed_by').references(() => users.id),
    /** 未使用 until the counter marks it used (核销) or cancels it (作废, the points go back); once only. */
    state: text('state').$type<VoucherState>().notNull().default('issued'),
    closedAt: text('closed_at'),
    closedBy: integer('closed_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('loyalty_redemptions_voucher_idx').on(t.voucherNo),
    index('loyalty_redemptions_customer_idx').on(t.customerId, t.id),
  ],
);

/** 积分调整申请: one above the approval size waits here for a second manager; smaller ones post at once. */
export const loyaltyAdjustments = sqliteTable(
  'loyalty_adjustments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    points: integer('points').notNull(),
    reason: text('reason').notNull(),
    state: text('state').$type<AdjustmentState>().notNull(),
    requestedBy: integer('requested_by').references(() => users.id),
    requestedAt: text('requested_at').notNull(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('loyalty_adjustments_state_idx').on(t.state, t.id),
    index('loyalty_adjustments_customer_idx').on(t.customerId),
  ],
);
