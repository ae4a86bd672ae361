import type { KpiCount } from './kpi-count';
import { rateOf } from './kpi-count';
import type { VisitHistory } from './visit-history';

/**
 * 推荐率 of deliveries: of the customers whose first car was delivered in the month (no car of theirs, owned now
 * or before, was delivered earlier), the share with a referrer on their card (customers.referrer_id).
 */
export function referralShare(h: VisitHistory, month: string): KpiCount {
  const firsts = h.firstDeliveries.filter((d) => d.month === month);
  return rateOf(firsts.filter((d) => d.referred).length, firsts.length);
}
