import type Database from 'better-sqlite3';
import { heldEventsSql } from './held-events';
import { monthWindow, shiftMonth } from './month-window';

/** Months of visit history one pack reads: the report month and the 34 before it (24 for the oldest KPI point). */
export const historyMonths = 35;

/**
 * The visit and delivery facts behind the customer KPIs of the 12 months ending with `month`, read in a few
 * set-based passes once per pack: which months each customer came in (a bit per month), revenue per month,
 * first and repeat deliveries per month, events' net cost per month.
 */
export interface VisitHistory {
  month: string;
  /** Month `month` − 34 is bit 0; `month` is bit 34. */
  firstMonth: string;
  customers: { id: number; mask: number }[];
  revenueByMonth: Map<string, number>;
  /** Customers whose first car ever was delivered in the month, and whether their card names a referrer. */
  firstDeliveries: { customerId: number; month: string; referred: boolean }[];
  /** Cars delivered to a customer who had owned another one before. */
  repeatDeliveries: { customerId: number; month: string }[];
  eventNetCostByMonth: Map<string, number>;
}

export function monthsBetween(from: string, to: string): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7))
  );
}

export function readVisitHistory(sqlite: Database.Database, month: string): VisitHistory {
  const firstMonth = shiftMonth(month, -(historyMonths - 1));
  const from = `${firstMonth}-01`;
  const to = monthWindow(month).to;
  const base = Number(firstMonth.slice(0, 4)) * 12 + Number(firstMonth.slice(5, 7));
  const monthIndexSql = `(cast(substr(visit_date, 1, 4) as integer) * 12 + cast(substr(visit_date, 6, 2) as integer) - @base)`;
  const customers = sqlite
    .prepare(
      `select customer_id as id, sum(distinct 1 << ${monthIndexSql}) as mask
       from service_visits indexed by service_visits_customer_idx
       where visit_date between @from and @to group by customer_id`,
    )
    .all({ from, to, base }) as { id: number; mask: number }[];
  const revenueByMonth = new Map(
    (
      sqlite
        .prepare(
          `select substr(visit_date, 1, 7) as ym, sum(amount_fen) as fen
           from service_visits indexed by service_visits_report_idx
           where visit_date between @from and @to group by ym`,
        )
        .all({ from: `${shiftMonth(month, -23)}-01`, to }) as { ym: string; fen: number }[]
    ).map((r) => [r.ym, r.fen]),
  );
  const deliveryFrom = `${shiftMonth(month, -23)}-01`;
  // A customer's earliest delivery in the range is their first ever unless a car of theirs (owned now or before)
  // was delivered earlier.
  const firstDeliveries = (
    sqlite
      .prepare(
        `with cand as (
           select v.owner_id as c, min(v.delivery_date) as d from vehicles v indexed by vehicles_delivery_idx
           where v.delivery_date between @from and @to and v.owner_id is not null group by v.owner_id
         )
         select cand.c as customerId, substr(cand.d, 1, 7) as month, cu.referrer_id is not null as referred
         from cand join customers cu on cu.id = cand.c
         where not exists (select 1 from vehicles v2 where v2.owner_id = cand.c and v2.delivery_date < cand.d)
           and not exists (select 1 from vehicle_ownerships o join vehicles v3 on v3.id = o.vehicle_id
                           where o.customer_id = cand.c and v3.delivery_date < cand.d)`,
      )
      .all({ from: deliveryFrom, to }) as { customerId: number; month: string; referred: number }[]
  ).map((r) => ({ ...r, referred: r.referred === 1 }));
  const repeatDeliveries = sqlite
    .prepare(
      `select distinct v.owner_id as customerId, substr(v.delivery_date, 1, 7) as month
       from vehicles v indexed by vehicles_delivery_idx
       where v.delivery_date between @from and @to and v.owner_id is not null
         and (exists (select 1 from vehicle_ownerships o where o.customer_id = v.owner_id and o.vehicle_id <> v.id
                        and o.from_date < v.delivery_date)
           or exists (select 1 from vehicles v2 where v2.owner_id = v.owner_id and v2.id <> v.id
                        and v2.delivery_date < v.delivery_date))`,
    )
    .all({ from: deliveryFrom, to }) as { customerId: number; month: string }[];
  const eventNetCostByMonth = new Map(
    (
      sqlite
        .prepare(
          `select substr(e.starts_on, 1, 7) as ym,
             sum(coalesce((select sum(actual_fen) from event_budget_lines b where b.event_id = e.id), 0)
               - e.subsidy_received_fen) as fen
           from events e where e.status in (${heldEventsSql}) and e.starts_on between @from and @to group by ym`,
        )
        .all({ from: deliveryFrom, to }) as { ym: string; fen: number }[]
    ).map((r) => [r.ym, r.fen]),
  );
  return {
    month,
    firstMonth,
    customers,
    revenueByMonth,
    firstDeliveries,
    repeatDeliveries,
    eventNetCostByMonth,
  };
}
