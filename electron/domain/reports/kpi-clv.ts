import type { KpiCount } from './kpi-count';
import { activeCustomers, newOwners, retentionRate, sumOverYear } from './kpi-retention';
import type { VisitHistory } from './visit-history';

/** A relationship is not expected to outlast this, however high the retention. */
export const maxExpectedYears = 10;

/**
 * CLV 客户终身价值 = yearly contribution × expected years − acquisition cost (seed 004), in fen, over the 12 months
 * ending with the month: the yearly contribution is service revenue ÷ customers who came; the expected years are
 * 1 ÷ (1 − retention), at most 10; the acquisition cost is the events' net cost (actual − subsidy received) ÷
 * customers whose first car was delivered in those months. No retention figure, no CLV.
 */
export function customerLifetimeValue(h: VisitHistory, month: string): KpiCount {
  const retention = retentionRate(h, month).value;
  const customers = activeCustomers(h, month);
  if (retention === null || customers === 0) return { value: null, numerator: null, denominator: null };
  const revenue = sumOverYear(h.revenueByMonth, month);
  const years = retention >= 1 ? maxExpectedYears : Math.min(maxExpectedYears, 1 / (1 - retention));
  const owners = newOwners(h, month);
  const eventCost = Math.max(0, sumOverYear(h.eventNetCostByMonth, month));
  const acquisition = owners > 0 ? eventCost / owners : 0;
  return {
    value: Math.round((revenue / customers) * years - acquisition),
    numerator: revenue,
    denominator: customers,
  };
}
