import type Database from 'better-sqlite3';
import type { KpiCount } from './kpi-count';
import { rateOf } from './kpi-count';
import { monthWindow } from './month-window';

const windowsOf = (month: string) => {
  const w = monthWindow(month);
  return { yf: w.year.from, yt: w.year.to, pf: w.priorYear.from, pt: w.priorYear.to };
};

/** Customers who came 13–24 months before the month's end, and how many of them came again in the last 12. */
const retainedSql = `with prior as (
    select distinct customer_id from service_visits indexed by service_visits_date_idx
    where visit_date between @pf and @pt
  ), recent as (
    select distinct customer_id from service_visits indexed by service_visits_date_idx
    where visit_date between @yf and @yt
  )
  select count(*) as prior, coalesce(sum(prior.customer_id in (select customer_id from recent)), 0) as retained
  from prior`;

/**
 * 客户留存率 (the seeds leave the window open; this is the definition the pack prints): of the customers with a
 * service visit 13–24 months before the month's end, the share with another visit in the 12 months ending with it.
 */
export function retentionRate(sqlite: Database.Database, month: string): KpiCount {
  const r = sqlite.prepare(retainedSql).get(windowsOf(month)) as { prior: number; retained: number };
  return rateOf(r.retained, r.prior);
}

/**
 * 忠诚率 = sales to old customers ÷ (lost customers + sales to old customers), over the 12 months ending with the
 * month. A sale to an old customer: a car delivered in those months to a customer who had owned another one
 * before. Lost: a customer who came 13–24 months before and not in the last 12 months, and bought nothing since.
 */
export function loyaltyRate(sqlite: Database.Database, month: string): KpiCount {
  const p = windowsOf(month);
  const r = sqlite
    .prepare(
      `with repeat_buyers as (
         select distinct v.owner_id as customer_id from vehicles v indexed by vehicles_delivery_idx
         where v.delivery_date between @yf and @yt and v.owner_id is not null
           and (exists (select 1 from vehicle_ownerships o where o.customer_id = v.owner_id and o.vehicle_id <> v.id
                          and o.from_date < v.delivery_date)
             or exists (select 1 from vehicles v2 where v2.owner_id = v.owner_id and v2.id <> v.id
                          and v2.delivery_date < v.delivery_date))
       ), prior as (
         select distinct customer_id from service_visits indexed by service_visits_date_idx
         where visit_date between @pf and @pt
       ), recent as (
         select distinct customer_id from service_visits indexed by service_visits_date_idx
         where visit_date between @yf and @yt
       )
       select (select count(*) from repeat_buyers) as old,
         (select count(*) from prior where customer_id not in (select customer_id from recent)
            and customer_id not in (select customer_id from repeat_buyers)) as lost`,
    )
    .get(p) as { old: number; lost: number };
  return rateOf(r.old, r.old + r.lost);
}
