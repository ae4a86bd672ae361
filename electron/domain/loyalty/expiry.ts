import type Database from 'better-sqlite3';
import { addDays } from '../callbacks/dates';
import { prepared } from '../customers/sql-cache';
import type { Sliced } from '../slices';
import { customerRanges, drain } from '../slices';

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

const everyone = '0000-01-01';

/** One expiry day's members: a narrower first range (their dues are a walk of each member's ledger). */
const memberWidths = { start: 200, min: 20, max: 200_000 };

/**
 * The days in [first, before) on which some lot ends, each with the lowest and highest customer id holding one:
 * the expiry index is (expires_on, customer_id), so one day's members in a range of ids are one range of it —
 * the unit the passes below slice by. Lots end on few days (with a year-end expiry, one), so this is short.
 */
function expiryDaysIn(
  sqlite: Database.Database,
  first: string,
  before: string,
): { day: string; lo: number; hi: number }[] {
  const next = prepared(
    sqlite,
    `select min(expires_on) from loyalty_postings indexed by loyalty_postings_expiry_idx
     where expires_on >= ? and expires_on > ? and expires_on < ?`,
  ).pluck();
  const ids = prepared(
    sqlite,
    `select min(customer_id) as lo, max(customer_id) as hi from loyalty_postings
     indexed by loyalty_postings_expiry_idx where expires_on = ?`,
  );
  const days: { day: string; lo: number; hi: number }[] = [];
  for (let after = ''; ;) {
    const day = next.get(first, after, before) as string | null;
    if (!day) return days;
    days.push({ day, ...(ids.get(day) as { lo: number; hi: number }) });
    after = day;
  }
}

/** Members with a lot ending on @day, customer ids in [@lo, @hi] (and, for the care calls, not yet called). */
const onDayInRange = (skip = '') => `customer_id in (select customer_id
  from loyalty_postings p indexed by loyalty_postings_expiry_idx
  where p.expires_on = @day and p.customer_id between @lo and @hi ${skip ? `and not (${skip})` : ''})`;

/**
 * Posts the expiries due on `today` (lots whose last day was before today), for members with a lot that ended
 * on or after `since` — the day before the last pass, or the beginning of time on the first — in slices of
 * members (../slices.ts); run again, or after a stop between slices, it posts nothing twice: a member's expiry line
 * is spent, so the next computation finds nothing due.
 */
export function* expirePointsSliced(
  sqlite: Database.Database,
  since: string,
  stamp: { today: string; now: string },
): Sliced<{ members: number; points: number }> {
  const lastId =
    (prepared(sqlite, 'select coalesce(max(id), 0) from loyalty_postings').pluck().get() as number) ?? 0;
  const post = (where: string, range: Record<string, string | number>) =>
    prepared(
      sqlite,
      `insert into loyalty_postings (customer_id, kind, source, source_table, source_id, points, posted_on,
         reason, created_at)
       select customerId, 'expire', 'expiry', 'loyalty_postings', 0, -due, @today, @reason, @now
       from (${dueSql(where)})`,
    ).run({
      ...range,
      first: since,
      before: stamp.today,
      today: stamp.today,
      now: stamp.now,
      reason: `${addDays(stamp.today, -1)} 前到期未使用的积分`,
    });
  if (since === everyone) {
    // The first pass ever looks at everyone, in ordered walks of the customer index.
    const last = prepared(sqlite, 'select coalesce(max(customer_id), 0) from loyalty_postings').pluck().get();
    yield* customerRanges(1, last as number, (lo, hi) => post('customer_id between @lo and @hi', { lo, hi }));
  } else {
    for (const { day, lo, hi } of expiryDaysIn(sqlite, since, stamp.today)) {
      yield* customerRanges(lo, hi, (a, b) => post(onDayInRange(), { day, lo: a, hi: b }), memberWidths);
      yield;
    }
  }
  return prepared(
    sqlite,
    `select count(*) as members, coalesce(-sum(points), 0) as points from loyalty_postings
     where id > ? and kind = 'expire'`,
  ).get(lastId) as { members: number; points: number };
}

/** The same at once, inside the caller's transaction. */
export function expirePoints(
  sqlite: Database.Database,
  since: string,
  stamp: { today: string; now: string },
): { members: number; points: number } {
  return drain(expirePointsSliced(sqlite, since, stamp));
}

export interface ExpiringPoints {
  customerId: number;
  points: number;
  /** The first day points go (the day after the soonest lot's last day). */
  on: string;
}

/**
 * Members whose unspent points run out within `days` from today, handed to `each` a slice of members at a time
 * (../slices.ts). `skip`: a condition on a lot `p` (its customer_id, expires_on) that leaves its member out of that
 * day's slice — the care calls leave out members already called for that day.
 */
export function* expiringPointsSliced(
  sqlite: Database.Database,
  today: string,
  days: number,
  each: (expiring: ExpiringPoints[]) => void,
  skip = '',
): Sliced<void> {
  const before = addDays(today, days);
  const due = prepared(sqlite, dueSql(onDayInRange(skip)));
  for (const { day, lo, hi } of expiryDaysIn(sqlite, today, before)) {
    yield* customerRanges(
      lo,
      hi,
      (a, b) => {
        const rows = due.all({ day, lo: a, hi: b, first: today, before }) as Due[];
        each(rows.filter((d) => d.firstOn !== null).map(toExpiring));
      },
      memberWidths,
    );
    yield;
  }
}

/** Members whose unspent points run out within `days` from today (for the card and the care call). */
export function customersWithExpiringPoints(
  sqlite: Database.Database,
  today: string,
  days = 30,
): ExpiringPoints[] {
  const byCustomer = new Map<number, ExpiringPoints>();
  // A member with lots ending on two days in the window is found on each; the figures are the member's own.
  drain(
    expiringPointsSliced(sqlite, today, days, (list) => list.forEach((e) => byCustomer.set(e.customerId, e))),
  );
  return [...byCustomer.values()].sort((a, b) => a.customerId - b.customerId);
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
