import type Database from 'better-sqlite3';
import type { KpiCount } from './kpi-count';
import { retentionRate } from './kpi-retention';
import { monthWindow } from './month-window';

/** Statuses of an event that took place (the pack's events section and the acquisition cost count these). */
export const heldEventStatuses = ['running', 'done', 'summarised'] as const;
export const heldEventsSql = heldEventStatuses.map((s) => `'${s}'`).join(', ');

/** A relationship is not expected to outlast this, however high the retention. */
export const maxExpectedYears = 10;

/**
 * CLV 客户终身价值 = yearly contribution × expected years − acquisition cost (seed 004), in fen, over the 12 months
 * ending with the month: the yearly contribution is service revenue ÷ customers who came; the expected years are
 * 1 ÷ (1 − retention), at most 10; the acquisition cost is the events' net cost (actual − subsidy received) ÷
 * customers whose first car was delivered in those months. No retention figure, no CLV.
 */
export function customerLifetimeValue(sqlite: Database.Database, month: string): KpiCount {
  const w = monthWindow(month);
  const retention = retentionRate(sqlite, month).value;
  const r = sqlite
    .prepare(
      `select
         (select coalesce(sum(amount_fen), 0) from service_visits where visit_date between @from and @to) as revenue,
         (select count(distinct customer_id) from service_visits indexed by service_visits_date_idx
          where visit_date between @from and @to) as customers,
         (select coalesce(sum(coalesce((select sum(actual_fen) from event_budget_lines b where b.event_id = e.id), 0)
            - e.subsidy_received_fen), 0)
          from events e where e.status in (${heldEventsSql}) and e.starts_on between @from and @to) as eventCost,
         (select count(*) from (select v.owner_id from vehicles v indexed by vehicles_delivery_idx
            where v.delivery_date between @from and @to and v.owner_id is not null group by v.owner_id
            having not exists (select 1 from vehicles v2 where v2.owner_id = v.owner_id and v2.delivery_date < @from))
         ) as newOwners`,
    )
    .get({ from: w.year.from, to: w.year.to }) as {
    revenue: number;
    customers: number;
    eventCost: number;
    newOwners: number;
  };
  if (retention === null || r.customers === 0) return { value: null, numerator: null, denominator: null };
  const years = retention >= 1 ? maxExpectedYears : Math.min(maxExpectedYears, 1 / (1 - retention));
  const yearly = r.revenue / r.customers;
  const acquisition = r.newOwners > 0 ? Math.max(0, r.eventCost) / r.newOwners : 0;
  return { value: Math.round(yearly * years - acquisition), numerator: r.revenue, denominator: r.customers };
}
