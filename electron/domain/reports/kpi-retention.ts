import type { KpiCount } from './kpi-count';
import { rateOf } from './kpi-count';
import { last12Months } from './month-window';
import type { VisitHistory } from './visit-history';
import { historyMonths, monthsBetween } from './visit-history';

/** Per month of the last 12: customers who came 13–24 months back, of them who came again, who came, who is lost. */
interface YearCounts {
  prior: number;
  retained: number;
  active: number;
  lost: number;
  repeatBuyers: number;
}

const cache = new WeakMap<VisitHistory, Map<string, YearCounts>>();

/** Months [month − 11, month]. */
function inYear(month: string, m: string): boolean {
  const d = monthsBetween(m, month);
  return d >= 0 && d <= 11;
}

/**
 * One pass over the customers for all 12 months. Masks have 35 bits (bit 0 is 34 months before the report
 * month); JS bitwise operators take 32, so the 13–24 months windows read the low 24 bits and the 1–12 months
 * windows the high 24 (bits 11–34).
 */
function yearCounts(h: VisitHistory): Map<string, YearCounts> {
  const hit = cache.get(h);
  if (hit) return hit;
  const months = last12Months(h.month);
  const buyers = months.map(
    (m) => new Set(h.repeatDeliveries.filter((d) => inYear(m, d.month)).map((d) => d.customerId)),
  );
  const counts = months.map((_, t) => ({
    prior: 0,
    retained: 0,
    active: 0,
    lost: 0,
    repeatBuyers: buyers[t]!.size,
  }));
  for (const c of h.customers) {
    const lo = c.mask % 2 ** 24;
    const hi = Math.floor(c.mask / 2 ** 11);
    for (let t = 0; t < 12; t++) {
      const k = counts[t]!;
      const prior = ((lo >>> t) & 0xfff) !== 0;
      const recent = ((hi >>> (t + 1)) & 0xfff) !== 0;
      if (recent) k.active += 1;
      if (!prior) continue;
      k.prior += 1;
      if (recent) k.retained += 1;
      else if (!buyers[t]!.has(c.id)) k.lost += 1;
    }
  }
  const out = new Map(months.map((m, t) => [m, counts[t]!]));
  cache.set(h, out);
  return out;
}

function countsOf(h: VisitHistory, month: string): YearCounts {
  const k = yearCounts(h).get(month);
  if (!k || monthsBetween(h.firstMonth, h.month) !== historyMonths - 1)
    throw new Error(`${month} is outside the visit history read for ${h.month}`);
  return k;
}

/**
 * 客户留存率 (the seeds leave the window open; this is the definition the pack prints): of the customers with a
 * service visit 13–24 months before the month's end, the share with another visit in the 12 months ending with it.
 */
export function retentionRate(h: VisitHistory, month: string): KpiCount {
  const k = countsOf(h, month);
  return rateOf(k.retained, k.prior);
}

/** Customers who came in during the 12 months ending with the month. */
export function activeCustomers(h: VisitHistory, month: string): number {
  return countsOf(h, month).active;
}

/**
 * 忠诚率 = sales to old customers ÷ (lost customers + sales to old customers), over the 12 months ending with the
 * month. A sale to an old customer: a car delivered in those months to a customer who had owned another one
 * before (counted once per customer). Lost: a customer who came 13–24 months before and not in the last 12
 * months, and bought nothing since.
 */
export function loyaltyRate(h: VisitHistory, month: string): KpiCount {
  const k = countsOf(h, month);
  return rateOf(k.repeatBuyers, k.repeatBuyers + k.lost);
}

/** Customers whose first car ever was delivered in the 12 months ending with the month. */
export function newOwners(h: VisitHistory, month: string): number {
  return h.firstDeliveries.filter((d) => inYear(month, d.month)).length;
}

export function sumOverYear(byMonth: Map<string, number>, month: string): number {
  let n = 0;
  for (const [m, v] of byMonth) if (inYear(month, m)) n += v;
  return n;
}
