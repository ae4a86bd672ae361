import type { KpiCount } from './kpi-count';
import { rateOf } from './kpi-count';
import type { VisitHistory } from './visit-history';

/** First deliveries and the referred among them, per month: counted once per history, not once per month asked. */
const byMonth = new WeakMap<VisitHistory, Map<string, { firsts: number; referred: number }>>();

function countsByMonth(h: VisitHistory): Map<string, { firsts: number; referred: number }> {
  let counts = byMonth.get(h);
  if (counts) return counts;
  counts = new Map();
  for (const d of h.firstDeliveries) {
    let c = counts.get(d.month);
    if (!c) counts.set(d.month, (c = { firsts: 0, referred: 0 }));
    c.firsts += 1;
    if (d.referred) c.referred += 1;
  }
  byMonth.set(h, counts);
  return counts;
}

/**
 * 推荐率 of deliveries: of the customers whose first car was delivered in the month (no car of theirs, owned now
 * or before, was delivered earlier), the share with a referrer on their card (customers.referrer_id).
 */
export function referralShare(h: VisitHistory, month: string): KpiCount {
  const c = countsByMonth(h).get(month) ?? { firsts: 0, referred: 0 };
  return rateOf(c.referred, c.firsts);
}
