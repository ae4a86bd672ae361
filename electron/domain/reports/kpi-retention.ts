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

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7));

/** Months [month − 11, month], on month indexes (ym strings are parsed once per history, not per comparison). */
const inYearIdx = (end: number, at: number) => at >= end - 11 && at <= end;

/** Months [month − 11, month]. */
function inYear(month: string, m: string): boolean {
  return inYearIdx(monthIndex(month), monthIndex(m));
}

/**
 * The deliveries with their month as an index, and first deliveries counted per month index: at scale L they are
 * tens of thousands, and 12 months × every KPI × every delivery of string slicing was most of a pack's time.
 */
interface IndexedDeliveries {
  repeat: { customerId: number; at: number }[];
  firstsByMonth: Map<number, number>;
}
const indexed = new WeakMap<VisitHistory, IndexedDeliveries>();

function indexedDeliveries(h: VisitHistory): IndexedDeliveries {
  let x = indexed.get(h);
  if (x) return x;
  const firstsByMonth = new Map<number, number>();
  for (const d of h.firstDeliveries) {
    const at = monthIndex(d.month);
    firstsByMonth.set(at, (firstsByMonth.get(at) ?? 0) + 1);
  }
  x = {
    repeat: h.repeatDeliveries.map((d) => ({ customerId: d.customerId, at: monthIndex(d.month) })),
    firstsByMonth,
  };
  indexed.set(h, x);
  return x;
}

/**
 * All 12 months from the month pairs (visit-history.ts): a customer came in a window once, on their last visit
 * month in it — the one whose next visit month lies beyond it. So of month t's 13–24 months back, `prior` are
 * those last months, `retained` the ones whose next month falls in the 12 months ending with t; `active` the
 * same over those 12 months. Lost repeat buyers are taken off with their own visit months: bit 0 of a mask is
 * 34 months before the report month; JS bitwise operators take 32 bits, so the 13–24 months windows read the low
 * 24 bits and the 1–12 months windows the high 24 (bits 11–34).
 */
function yearCounts(h: VisitHistory): Map<string, YearCounts> {
  const hit = cache.get(h);
  if (hit) return hit;
  const months = last12Months(h.month);
  // Per repeat buyer, the windows (bit t: the 12 months ending with months[t]) holding one of their deliveries.
  const first = monthIndex(months[0]!);
  const windows = new Map<number, number>();
  for (const d of indexedDeliveries(h).repeat) {
    // Window t is [first + t − 11, first + t]: it holds month `at` for t in [at − first, at − first + 11].
    const lo = Math.max(0, d.at - first);
    const hi = Math.min(11, d.at - first + 11);
    if (lo > hi) continue;
    const bits = ((1 << (hi - lo + 1)) - 1) << lo;
    windows.set(d.customerId, (windows.get(d.customerId) ?? 0) | bits);
  }
  const repeatBuyers = new Array<number>(12).fill(0);
  const lostBuyers = new Array<number>(12).fill(0);
  for (const [id, bits] of windows) {
    const mask = h.buyerMasks.get(id) ?? 0;
    const low = mask % 2 ** 24;
    const high = Math.floor(mask / 2 ** 11);
    for (let t = 0; t < 12; t++) {
      if (((bits >>> t) & 1) === 0) continue;
      repeatBuyers[t]! += 1;
      const prior = ((low >>> t) & 0xfff) !== 0;
      const recent = ((high >>> (t + 1)) & 0xfff) !== 0;
      if (prior && !recent) lostBuyers[t]! += 1;
    }
  }
  const counts = months.map((m, t) => {
    const end = monthIndex(m);
    const k = { prior: 0, retained: 0, active: 0, lost: 0, repeatBuyers: repeatBuyers[t]! };
    for (const p of h.pairs) {
      const at = monthIndex(p.ym);
      const next = monthIndex(p.nextYm);
      if (at >= end - 23 && at <= end - 12 && next > end - 12) {
        k.prior += p.customers;
        if (next <= end) k.retained += p.customers;
      } else if (at >= end - 11 && at <= end && next > end) k.active += p.customers;
    }
    k.lost = k.prior - k.retained - lostBuyers[t]!;
    return k;
  });
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
  const end = monthIndex(month);
  let n = 0;
  for (const [at, count] of indexedDeliveries(h).firstsByMonth) if (inYearIdx(end, at)) n += count;
  return n;
}

export function sumOverYear(byMonth: Map<string, number>, month: string): number {
  let n = 0;
  for (const [m, v] of byMonth) if (inYear(month, m)) n += v;
  return n;
}
