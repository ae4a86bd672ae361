import type Database from 'better-sqlite3';
import { addDays } from '../callbacks/dates';
import { prepared } from '../customers/sql-cache';

/*
 * FIFO expiry, computed from the ledger (no lot table to drift): a lot is what one source earned a member (its
 * earnings and reversals net together; a positive adjustment is its own lot), and every spend — redemption,
 * expiry, negative adjustment — draws on the lots that expire soonest. So what must have expired by a day is
 * what the lots due before it hold beyond everything spent so far:
 *   due(d) = max(0, Σ net of lots expiring before d − Σ spent).
 * Reversals carry their lot's expiry, so this is one sum over a member's lines (the covering customer index),
 * no grouping into lots. Each pass posts it as one `expire` line per member; run again, it finds nothing more.
 * A cancelled voucher's refund is a positive `redeem` line: it takes its spend back out of Σ spent.
 */

const dueSql = (where: string) => `
  select customer_id as customerId,
    sum(case when expires_on < @before then points when (points < 0 and kind <> 'reverse') or kind = 'redeem'
      then points else 0 end) as due,
    min(case when expires_on >= @first and expires_on < @before and points > 0 then expires_on end) as firstOn
  from loyalty_postings indexed by loyalty_postings_customer_idx
  where ${where}
  group by customer_id
  having due > 0`;

/** Members with a lot ending in [first, before), found through the expiry index. */
const candidates = `customer_id in (select customer_id from loyalty_postings indexed by loyalty_postings_expiry_idx
  where expires_on >= @first and expires_on < @before)`;

const everyone = '0000-01-01';

function dueQuery(first: string): string {
  // The first pass ever looks at everyone, in one ordered walk of the customer index.
  return dueSql(first === everyone ? 'customer_id > 0' : candidates);
}

/**
 * Posts the expiries due on `today` (lots whose last day was before today), for members with a lot that ended
 * on or after `since` — the day before the last pass, or the beginning of time on the first. One statement;
 * inside the caller's transaction.
 */
export function expirePoints(
  sqlite: Database.Database,
  since: string,
  stamp: { today: string; now: string },
): { members: number; points: number } {
  const lastId =
    (prepared(sqlite, 'select coalesce(max(id), 0) from loyalty_postings').pluck().get() as number) ?? 0;
  prepared(
    sqlite,
    `insert into loyalty_postings (customer_id, kind, source, source_table, source_id, points, posted_on, reason,
       created_at)
     select customerId, 'expire', 'expiry', 'loyalty_postings', 0, -due, @today, @reason, @now
     from (${dueQuery(since)})`,
  ).run({
    first: since,
    before: stamp.today,
    today: stamp.today,
    now: stamp.now,
    reason: `${addDays(stamp.today, -1)} 前到期未使用的积分`,
  });
  const out = prepared(
    sqlite,
    `select count(*) as members, coalesce(-sum(points), 0) as points from loyalty_postings
     where id > ? and kind = 'expire'`,
  ).get(lastId) as { members: number; points: number };
  return out;
}

export interface ExpiringPoints {
  customerId: number;
  points: number;
  /** The first day points go (the day after the soonest lot's last day). */
  on: string;
}

/** Members whose unspent points run out within `days` from today (for the card and the care call). */
export function customersWithExpiringPoints(
  sqlite: Database.Database,
  today: string,
  days = 30,
): ExpiringPoints[] {
  return (prepared(sqlite, dueSql(candidates)).all({ first: today, before: addDays(today, days) }) as Due[])
    .filter((d) => d.firstOn !== null)
    .map(toExpiring);
}

interface Due {
  customerId: number;
  due: number;
  firstOn: string | null;
}

/** One member's points expiring within `days`, or null. */
export function expiringFor(
  sqlite: Database.Database,
  customerId: number,
  today: string,
  days: number,
): ExpiringPoints | null {
  const row = prepared(sqlite, dueSql('customer_id = @customerId')).get({
    customerId,
    first: today,
    before: addDays(today, days),
  }) as Due | undefined;
  return row && row.firstOn ? toExpiring(row) : null;
}

function toExpiring(d: Due): ExpiringPoints {
  return { customerId: d.customerId, points: d.due, on: addDays(d.firstOn ?? '', 1) };
}
