import type Database from 'better-sqlite3';
import type { KpiCount } from './kpi-count';
import { rateOf } from './kpi-count';
import { monthWindow } from './month-window';

/**
 * 推荐率 of deliveries: of the customers whose first car was delivered in the month (no car of theirs, owned now
 * or before, was delivered earlier), the share with a referrer on their card (customers.referrer_id).
 */
export function referralShare(sqlite: Database.Database, month: string): KpiCount {
  const w = monthWindow(month);
  const r = sqlite
    .prepare(
      `with buyers as (
         select distinct v.owner_id as customer_id from vehicles v indexed by vehicles_delivery_idx
         where v.delivery_date between @from and @to and v.owner_id is not null
       )
       select count(*) as n, coalesce(sum(c.referrer_id is not null), 0) as referred
       from buyers b join customers c on c.id = b.customer_id
       where not exists (select 1 from vehicles v2 where v2.owner_id = b.customer_id and v2.delivery_date < @from)
         and not exists (select 1 from vehicle_ownerships o join vehicles v3 on v3.id = o.vehicle_id
                         where o.customer_id = b.customer_id and v3.delivery_date < @from)`,
    )
    .get({ from: w.from, to: w.to }) as { n: number; referred: number };
  return rateOf(r.referred, r.n);
}
