import type Database from 'better-sqlite3';
import type { ChannelOutput } from '../../contract';
import type { MemberView, PostingRow } from '../../contract/loyalty';
import { requireCustomer } from '../customers/customer-exists';
import { prepared } from '../customers/sql-cache';
import { expiringFor } from './expiry';
import { balanceOf } from './ledger';
import { loadLoyaltySettings } from './loyalty-settings';
import { figuresOf, nextTierOf, storedTier } from './tiers';

/** The card's member panel: tier and why, balance, what is about to expire, benefits, referral code. */
export function memberView(sqlite: Database.Database, customerId: number, today: string): MemberView {
  requireCustomer(sqlite, customerId);
  const settings = loadLoyaltySettings(sqlite);
  const member = prepared(
    sqlite,
    'select tier_since as tierSince, referral_code as referralCode from loyalty_members where customer_id = ?',
  ).get(customerId) as { tierSince: string | null; referralCode: string | null } | undefined;
  const tier = storedTier(sqlite, customerId);
  const figures = figuresOf(sqlite, customerId, today);
  const expiring = expiringFor(sqlite, customerId, today, settings.expiringNoticeDays);
  const tierChanges = prepared(
    sqlite,
    `select id, from_tier as fromTier, to_tier as toTier, changed_on as changedOn, cause, reason
     from loyalty_tier_changes where customer_id = ? order by id desc limit 10`,
  ).all(customerId) as MemberView['tierChanges'];
  return {
    customerId,
    tier,
    tierSince: member?.tierSince ?? null,
    benefits: settings.benefits[tier],
    balance: balanceOf(sqlite, customerId),
    qualifying: figures,
    nextTier: nextTierOf(figures, tier, settings),
    expiringSoon: expiring ? { points: expiring.points, on: expiring.on } : null,
    referralCode: member?.referralCode ?? null,
    tierChanges,
  };
}

type LedgerRow = Omit<PostingRow, 'createdBy' | 'approvedBy'> & {
  createdById: number | null;
  createdByName: string | null;
  approvedById: number | null;
  approvedByName: string | null;
};

/** Newest first, keyset-paged on the id (the customer index serves both the range and the order). */
export function ledgerPage(
  sqlite: Database.Database,
  input: { customerId: number; cursor?: number | null; limit: number },
): ChannelOutput<'loyalty.ledger'> {
  requireCustomer(sqlite, input.customerId);
  const rows = prepared(
    sqlite,
    `select p.id, p.kind, p.source, p.source_table as sourceTable, p.source_id as sourceId, p.points,
       p.posted_on as postedOn, p.expires_on as expiresOn, p.reason, p.created_at as createdAt,
       p.created_by as createdById, cu.display_name as createdByName,
       p.approved_by as approvedById, au.display_name as approvedByName
     from loyalty_postings p indexed by loyalty_postings_customer_idx
     left join users cu on cu.id = p.created_by left join users au on au.id = p.approved_by
     where p.customer_id = @customerId and p.id < @cursor order by p.id desc limit @limit`,
  ).all({
    customerId: input.customerId,
    cursor: input.cursor ?? Number.MAX_SAFE_INTEGER,
    limit: input.limit + 1,
  }) as LedgerRow[];
  const page = rows
    .slice(0, input.limit)
    .map(({ createdById, createdByName, approvedById, approvedByName, ...r }): PostingRow => ({
      ...r,
      createdBy: createdById === null ? null : { id: createdById, name: createdByName ?? '' },
      approvedBy: approvedById === null ? null : { id: approvedById, name: approvedByName ?? '' },
    }));
  return {
    rows: page,
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
    balance: balanceOf(sqlite, input.customerId),
  };
}
