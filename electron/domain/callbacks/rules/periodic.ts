import { addDays, addMonths } from '../dates';
import type { DueRange, RuleSql } from './rule-types';
import { shiftSql } from './rule-types';

/** Every `everyMonths` months after `base` (n ≥ 1; month ends clamp against the base, not the previous call). */
export function periodicDueDates(
  base: string,
  everyMonths: number,
  offsetDays: number,
  range: DueRange,
): { anchor: string; due: string }[] {
  if (everyMonths < 1) return [];
  const lastAnchor = addDays(range.to, -offsetDays);
  const out: { anchor: string; due: string }[] = [];
  for (let n = 1; ; n++) {
    const anchor = addMonths(base, n * everyMonths);
    if (anchor > lastAnchor) break;
    const due = addDays(anchor, offsetDays);
    if (due >= range.from) out.push({ anchor, due });
  }
  return out;
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** Whole numbers are written into the SQL: bound JS numbers arrive as REAL and would break integer division. */
const literalInt = (n: number) => String(Math.trunc(n));

/**
 * SQL twin of periodicDueDates over `source` (customer_id, base). Whole months are filtered with integer
 * arithmetic first, so date() only runs for the few periods that can land in the range.
 */
export function periodicSql(
  source: string,
  everyMonths: number,
  offsetDays: number,
  range: DueRange,
): RuleSql {
  const lo = addDays(range.from, -offsetDays);
  const hi = addDays(range.to, -offsetDays);
  const every = Math.max(1, Math.trunc(everyMonths));
  // Periods whose month lies in [lo, hi]: the first is ceil((loIdx − baseIdx) / every), then as many more as
  // the range spans. Month ends only move the day, so the month filter is exact; date() runs on survivors only.
  const steps = Math.floor((monthIndex(hi) - monthIndex(lo)) / every);
  const k = `(values ${Array.from({ length: steps + 1 }, (_, i) => `(${i})`).join(', ')}) as k`;
  const gap = `(${literalInt(monthIndex(lo))} - bidx)`;
  const first = `(case when ${gap} > 0 then (${gap} + ${every - 1}) / ${every} else ${gap} / ${every} end)`;
  return {
    sql: `select customer_id, null as vehicle_id, null as service_visit_id, anchor_date, ${shiftSql('anchor_date', offsetDays)} as due_date
          from (select customer_id, date(base, printf('%+d months', p * ${every}), 'floor') as anchor_date
                from (select customer_id, base, bidx, ${first} + k.column1 as p
                      from (select customer_id, base,
                              cast(substr(base, 1, 4) as integer) * 12 + cast(substr(base, 6, 2) as integer) - 1 as bidx
                            from (${source}) where base is not null), ${k})
                where p >= 1 and bidx + p * ${every} between ${literalInt(monthIndex(lo))} and ${literalInt(monthIndex(hi))})
          where anchor_date between @r_lo and @r_hi`,
    params: { r_lo: lo, r_hi: hi },
  };
}
