import type Database from 'better-sqlite3';
import { storeDayStart } from '../clock';
import { loyaltyRules, ruleWindows, stageRules } from './customer-rules';
import { addDays, addMonths } from './customer-rules/rule-dates';
import { instantWindows } from './customer-facts';
import { prepared } from './sql-cache';
import type { Sliced } from '../slices';
import { drain, timedSlices } from '../slices';

interface DayRange {
  /** Exclusive. */
  after: string;
  /** Inclusive. */
  upTo: string;
}

/**
 * The store days between the last complete pass (`since`) and `today` over which a rule boundary swept: a fact
 * dated inside such a range may have crossed it. `back` maps a store day to the date a fact must carry to sit
 * exactly on the boundary that day (e.g. the first day of the 12-month window). The bounds are exact (a fact
 * crosses between the two days iff it lies in (back(since), back(today)]), so a day's pass reads one day of facts.
 */
function swept(since: string, today: string, back: (day: string) => string): DayRange {
  return { after: back(since), upTo: back(today) };
}

const instantOf = (day: string) => storeDayStart(day).toISOString();

/**
 * The customers whose stage or grade may have changed with the calendar alone between two store days: those
 * with a visit, purchase, contact, survey, complaint or event that moved out of a rule's window or past a rule's
 * threshold (流失 after a year without a visit, 新车客户 for six months, 休眠 after a year without contact, the
 * 12/24-month counts). Each rule's time dependence is listed here next to its constant; every other input of the
 * rules changes only with a write, and the writer refreshes that customer in its own transaction. A superset is
 * fine: a candidate whose stage stays put costs one refresh. test/unit/derived-incremental.test.ts holds this
 * equal to refreshing everyone, day after day.
 */
export function* customersDueForRefreshSliced(
  sqlite: Database.Database,
  since: string,
  today: string,
): Sliced<number[]> {
  const w12 = swept(since, today, (d) => ruleWindows(d).from12m);
  const w24 = swept(since, today, (d) => ruleWindows(d).from24m);
  const churn = swept(since, today, (d) => addDays(d, -stageRules.churnAfterDays - 1));
  const dormant = swept(since, today, (d) => addDays(d, -stageRules.dormantAfterDays - 1));
  const newOwner = swept(since, today, (d) => addMonths(d, -stageRules.newOwnerMonths));
  const maintNotDue = swept(since, today, (d) => addMonths(d, -loyaltyRules.maintenance.notDueMonths));
  const entered: DayRange = { after: addDays(since, -1), upTo: today };
  const i12 = instantWindows(since).since12m;
  const i24 = instantWindows(since).since24m;
  const now12 = instantWindows(today).since12m;
  const now24 = instantWindows(today).since24m;

  const visitRanges = [w12, w24, churn, entered];
  const ownershipRanges = [churn, newOwner, maintNotDue];
  const parts: string[] = [];
  const params: (string | number)[] = [];
  for (const r of visitRanges) {
    parts.push('select customer_id from service_visits where visit_date > ? and visit_date <= ?');
    params.push(r.after, r.upTo);
  }
  for (const r of ownershipRanges) {
    parts.push('select customer_id from vehicle_ownerships where from_date > ? and from_date <= ?');
    parts.push('select owner_id from vehicles where delivery_date > ? and delivery_date <= ?');
    // A car with no delivery date counts from the day it was entered.
    parts.push(
      'select owner_id from vehicles where delivery_date is null and created_at >= ? and created_at < ?',
    );
    params.push(
      r.after,
      r.upTo,
      r.after,
      r.upTo,
      instantOf(addDays(r.after, 1)),
      instantOf(addDays(r.upTo, 1)),
    );
  }
  // Surveys and interactions carry instants; their windows begin at a store midnight.
  parts.push('select customer_id from csi_surveys where surveyed_at >= ? and surveyed_at < ?');
  params.push(i24, now24);
  parts.push(
    "select customer_id from interactions where kind = 'complaint' and occurred_at >= ? and occurred_at < ?",
  );
  params.push(i12, now12);
  parts.push(
    "select customer_id from interactions where kind = 'event' and occurred_at >= ? and occurred_at < ?",
  );
  params.push(i24, now24);
  // 休眠: the last contact, or the card's creation when nobody has been in touch.
  const quietFrom = instantOf(addDays(dormant.after, 1));
  const quietTo = instantOf(addDays(dormant.upTo, 1));
  parts.push('select customer_id from interactions where occurred_at >= ? and occurred_at < ?');
  parts.push('select id from customers where created_at >= ? and created_at < ?');
  params.push(quietFrom, quietTo, quietFrom, quietTo);

  // A card never scored yet (a base migrated before the loyalty column): scored once, then kept by its writers.
  parts.push('select id from customers where loyalty_score is null');

  // Part by part, yielding between them (one union of them all held a request for 60–150 ms at scale L).
  const found = new Set<number>();
  let at = 0;
  for (const part of parts) {
    const count = (part.match(/\?/g) ?? []).length;
    for (const id of prepared(sqlite, part)
      .pluck()
      .all(...params.slice(at, at + count)) as number[]) {
      found.add(id);
    }
    at += count;
    yield;
  }
  const merged = prepared(sqlite, 'select merged_into_id is not null from customers where id = ?').pluck();
  const due: number[] = [];
  yield* timedSlices(found, (id) => {
    if (merged.get(id) === 0) due.push(id);
  });
  return due.sort((a, b) => a - b);
}

/** The same at once. */
export function customersDueForRefresh(sqlite: Database.Database, since: string, today: string): number[] {
  return drain(customersDueForRefreshSliced(sqlite, since, today));
}
