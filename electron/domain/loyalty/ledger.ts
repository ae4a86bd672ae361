import type Database from 'better-sqlite3';
import type { PostingKind, PostingSource } from '../../contract/loyalty-terms';
import { prepared } from '../customers/sql-cache';

/**
 * The ledger's primitives. Lines are only ever inserted; the balance is their sum (over the covering index
 * loyalty_postings_customer_idx), never a stored figure.
 */

export interface NewPosting {
  customerId: number;
  kind: PostingKind;
  source: PostingSource;
  sourceTable: string;
  sourceId: number;
  points: number;
  postedOn: string;
  expiresOn?: string | null;
  reason?: string | null;
  importBatchId?: number | null;
  approvedBy?: number | null;
  createdBy: number | null;
  createdAt: string;
}

export function balanceOf(sqlite: Database.Database, customerId: number): number {
  return prepared(
    sqlite,
    'select coalesce(sum(points), 0) from loyalty_postings indexed by loyalty_postings_customer_idx where customer_id = ?',
  )
    .pluck()
    .get(customerId) as number;
}

/** Members are rows from their first posting (or code, or tier) on; everyone without one is 普通. */
export function ensureMember(sqlite: Database.Database, customerId: number, now: string): void {
  prepared(
    sqlite,
    `insert into loyalty_members (customer_id, tier, updated_at) values (?, 'regular', ?)
     on conflict (customer_id) do nothing`,
  ).run(customerId, now);
}

export function insertPosting(sqlite: Database.Database, p: NewPosting): number {
  if (!Number.isInteger(p.points) || p.points === 0) throw new Error(`posting of ${p.points} points`);
  ensureMember(sqlite, p.customerId, p.createdAt);
  return Number(
    prepared(
      sqlite,
      `insert into loyalty_postings (customer_id, kind, source, source_table, source_id, import_batch_id, points,
         posted_on, expires_on, reason, approved_by, created_by, created_at)
       values (@customerId, @kind, @source, @sourceTable, @sourceId, @importBatchId, @points, @postedOn, @expiresOn,
         @reason, @approvedBy, @createdBy, @createdAt)`,
    ).run({
      expiresOn: null,
      reason: null,
      importBatchId: null,
      approvedBy: null,
      ...p,
    }).lastInsertRowid,
  );
}

/** What one source (a visit, a delivery, a check-in…) has earned a customer so far, reversals netted. */
export function earnedBySource(
  sqlite: Database.Database,
  customerId: number,
  sourceTable: string,
  sourceId: number,
): number {
  return prepared(
    sqlite,
    `select coalesce(sum(points), 0) from loyalty_postings
     where source_table = ? and source_id = ? and customer_id = ? and kind in ('earn', 'reverse')`,
  )
    .pluck()
    .get(sourceTable, sourceId, customerId) as number;
}

/**
 * What is left of one lot (a source's earnings, net of reversals) once every spend is drawn from the lots that
 * expire first: what a reversal of that source can still take back. Points already spent or expired stay so.
 */
export function lotRemaining(
  sqlite: Database.Database,
  customerId: number,
  sourceTable: string,
  sourceId: number,
): number {
  const lots = prepared(
    sqlite,
    `select source_table as t, source_id as id, sum(points) as net, min(expires_on) as e
     from loyalty_postings indexed by loyalty_postings_customer_idx
     where customer_id = ? and (kind in ('earn', 'reverse') or (kind = 'adjust' and points > 0))
     group by source_table, source_id order by e, t, id`,
  ).all(customerId) as { t: string; id: number; net: number; e: string | null }[];
  let spent = -(prepared(
    sqlite,
    `select coalesce(sum(points), 0) from loyalty_postings indexed by loyalty_postings_customer_idx
     where customer_id = ? and (kind in ('redeem', 'expire') or (kind = 'adjust' and points < 0))`,
  )
    .pluck()
    .get(customerId) as number);
  for (const lot of lots) {
    const net = Math.max(0, lot.net);
    const covered = Math.min(net, spent);
    spent -= covered;
    if (lot.t === sourceTable && lot.id === sourceId) return net - covered;
  }
  return 0;
}

/** The last day of a lot (its earliest earning's expiry). */
export function lotExpiry(
  sqlite: Database.Database,
  customerId: number,
  sourceTable: string,
  sourceId: number,
): string | null {
  return prepared(
    sqlite,
    `select min(expires_on) from loyalty_postings
     where source_table = ? and source_id = ? and customer_id = ? and kind in ('earn', 'reverse')`,
  )
    .pluck()
    .get(sourceTable, sourceId, customerId) as string | null;
}
