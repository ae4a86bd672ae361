import type Database from 'better-sqlite3';
import { addDays } from '../callbacks/dates';
import { prepared } from '../customers/sql-cache';
import { insertPosting } from './ledger';

/*
 * FIFO expiry, computed from the ledger (no lot table to drift): a lot is what one source earned a member
 * (source_table + source_id: its earnings and reversals net together; a positive adjustment is its own lot),
 * and every spend — redemption, expiry, negative adjustment — draws on the lots that expire soonest. So what
 * must have expired by a day is what the lots due before it hold beyond everything spent so far:
 *   due(d) = max(0, Σ net of lots expiring before d − Σ spent).
 * Each pass posts that as one `expire` line per member; run again, it finds nothing more (the line is a spend).
 */

const lotsSql = (where: string) => `
  with lots as (
    select customer_id, sum(points) as net, min(expires_on) as expires_on from loyalty_postings
    where ${where} and (kind in ('earn', 'reverse') or (kind = 'adjust' and points > 0))
    group by customer_id, source_table, source_id
  ),
  spent as (
    select customer_id, -sum(points) as spent from loyalty_postings
    where ${where} and (kind in ('redeem', 'expire') or (kind = 'adjust' and points < 0))
    group by customer_id
  )
  select l.customer_id as customerId,
    sum(case when l.expires_on < @before then l.net else 0 end) - coalesce(s.spent, 0) as due,
    min(case when l.expires_on >= @first and l.expires_on < @before and l.net > 0 then l.expires_on end) as firstOn
  from lots l left join spent s on s.customer_id = l.customer_id
  group by l.customer_id
  having due > 0`;

/** Members with a lot expiring in [first, before): candidates through the expiry index, then their whole ledger. */
const candidates = `customer_id in (select distinct customer_id from loyalty_postings indexed by loyalty_postings_expiry_idx
  where expires_on >= @first and expires_on < @before)`;

interface Due {
  customerId: number;
  due: number;
  firstOn: string | null;
}

function dueAmounts(sqlite: Database.Database, first: string, before: string): Due[] {
  return prepared(sqlite, lotsSql(candidates)).all({ first, before }) as Due[];
}

/**
 * Posts the expiries due on `today` (lots whose last day was before today), for members with a lot that ended
 * on or after `since` — the day after the last pass, or the beginning of time on the first. Inside the caller's
 * transaction.
 */
export function expirePoints(
  sqlite: Database.Database,
  since: string,
  stamp: { today: string; now: string },
): { members: number; points: number } {
  const due = dueAmounts(sqlite, since, stamp.today);
  let points = 0;
  for (const d of due) {
    insertPosting(sqlite, {
      customerId: d.customerId,
      kind: 'expire',
      source: 'expiry',
      sourceTable: 'loyalty_postings',
      sourceId: 0,
      points: -d.due,
      postedOn: stamp.today,
      reason: `${addDays(stamp.today, -1)} 前到期未使用的积分`,
      createdBy: null,
      createdAt: stamp.now,
    });
    points += d.due;
  }
  return { members: due.length, points };
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
  return dueAmounts(sqlite, today, addDays(today, days))
    .filter((d) => d.firstOn !== null)
    .map(toExpiring);
}

/** One member's points expiring within `days`, or null. */
export function expiringFor(
  sqlite: Database.Database,
  customerId: number,
  today: string,
  days: number,
): ExpiringPoints | null {
  const row = prepared(sqlite, lotsSql('customer_id = @customerId')).get({
    customerId,
    first: today,
    before: addDays(today, days),
  }) as Due | undefined;
  return row && row.firstOn ? toExpiring(row) : null;
}

function toExpiring(d: Due): ExpiringPoints {
  return { customerId: d.customerId, points: d.due, on: addDays(d.firstOn ?? '', 1) };
}
