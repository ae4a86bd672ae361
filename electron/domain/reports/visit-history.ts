import type Database from 'better-sqlite3';
import { changesSince, keepMonth, lastChangeId, readKeptMonth } from './fact-changes';
import { heldEventsSql } from './held-events';
import { monthWindow, shiftMonth } from './month-window';

/** Months of visit history one pack reads: the report month and the 34 before it (24 for the oldest KPI point). */
export const historyMonths = 35;

/**
 * The visit and delivery facts behind the customer KPIs of the 12 months ending with `month`, read once per pack
 * from the visit facts (db/schema/visit-facts.ts), so their cost does not grow with the visits: customers counted
 * by (month with a visit, their next month with one), revenue per month, first and repeat deliveries per month,
 * events' net cost per month, and the visit months of the repeat buyers (a bit per month).
 */
export interface VisitHistory {
  month: string;
  /** Month `month` − 34 is bit 0; `month` is bit 34. */
  firstMonth: string;
  /** visit_month_pairs from `firstMonth` to `month`: how many customers came in `ym` and next in `nextYm`. */
  pairs: { ym: string; nextYm: string; customers: number }[];
  /** The repeat buyers' visit months, as bits like `firstMonth`'s (a buyer counts as lost only if they bought nothing). */
  buyerMasks: Map<number, number>;
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

/** Bumped when what the kept deliveries hold or how they are worked out changes. */
const deliveriesVersion = 'deliveries-1';

/**
 * First and repeat deliveries of the 24 months ending with `month`, kept in report_month_cache until a car, an
 * ownership or a referrer changes (their triggers drop every kept month, and the buyers' visit months with them):
 * a car sale, not a visit, moves them.
 */
function readDeliveries(
  sqlite: Database.Database,
  month: string,
): Pick<VisitHistory, 'firstDeliveries' | 'repeatDeliveries'> {
  const cached = sqlite
    .prepare(`select key, data from report_month_cache where kind = 'deliveries' and month = ?`)
    .get(month) as { key: string; data: string } | undefined;
  if (cached?.key === deliveriesVersion)
    return JSON.parse(cached.data) as Pick<VisitHistory, 'firstDeliveries' | 'repeatDeliveries'>;
  const from = `${shiftMonth(month, -23)}-01`;
  const to = monthWindow(month).to;
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
      .all({ from, to }) as { customerId: number; month: string; referred: number }[]
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
    .all({ from, to }) as { customerId: number; month: string }[];
  const out = { firstDeliveries, repeatDeliveries };
  sqlite
    .prepare(
      `insert or replace into report_month_cache (kind, month, key, data) values ('deliveries', ?, ?, ?)`,
    )
    .run(month, deliveriesVersion, JSON.stringify(out));
  return out;
}

/** Bumped when what the kept visit months hold or how they are worked out changes (or the deliveries' do). */
const buyersVersion = `buyers-2:${deliveriesVersion}`;

function masksOf(
  sqlite: Database.Database,
  ids: readonly number[],
  month: string,
  firstMonth: string,
): Map<number, number> {
  const base = Number(firstMonth.slice(0, 4)) * 12 + Number(firstMonth.slice(5, 7));
  return new Map(
    (
      sqlite
        .prepare(
          `select customer_id as id,
             sum(1 << (cast(substr(ym, 1, 4) as integer) * 12 + cast(substr(ym, 6, 2) as integer) - @base)) as mask
           from customer_visit_months where customer_id in (select value from json_each(@ids))
             and ym between @first and @month group by customer_id`,
        )
        .all({ ids: JSON.stringify(ids), base, first: firstMonth, month }) as { id: number; mask: number }[]
    ).map((r) => [r.id, r.mask]),
  );
}

/**
 * The repeat buyers' visit months as bits (bit 0: `firstMonth`), kept in report_month_cache until a car sale
 * moves them (its triggers drop the row); a visit in the 35 months is caught up with from the change log
 * (fact-changes.ts): the buyers it names get their months read again.
 */
function readBuyerMasks(
  sqlite: Database.Database,
  month: string,
  firstMonth: string,
  repeatDeliveries: VisitHistory['repeatDeliveries'],
): Map<number, number> {
  const buyers = [...new Set(repeatDeliveries.map((d) => d.customerId))];
  // One read snapshot: the months and the last change id they include agree.
  const { masks, seq, keep } = sqlite.transaction(() => {
    const last = lastChangeId(sqlite);
    const kept = readKeptMonth(sqlite, 'buyers', month);
    if (kept?.key === buyersVersion && kept.seq !== null) {
      const masks = new Map(JSON.parse(kept.data) as [number, number][]);
      if (kept.seq === last) return { masks, seq: last, keep: 'no' as const };
      const changes = changesSince(sqlite, kept.seq, firstMonth, month);
      if (changes) {
        const isBuyer = new Set(buyers);
        const touched = [...new Set(changes.map((c) => c.customerId))].filter((id) => isBuyer.has(id));
        if (touched.length === 0) return { masks, seq: last, keep: 'seq' as const };
        const now = masksOf(sqlite, touched, month, firstMonth);
        for (const id of touched) {
          const m = now.get(id);
          if (m === undefined) masks.delete(id);
          else masks.set(id, m);
        }
        return { masks, seq: last, keep: 'all' as const };
      }
    }
    return { masks: masksOf(sqlite, buyers, month, firstMonth), seq: last, keep: 'all' as const };
  })();
  if (keep !== 'no')
    keepMonth(
      sqlite,
      'buyers',
      month,
      buyersVersion,
      seq,
      keep === 'seq' ? null : JSON.stringify([...masks]),
    );
  return masks;
}

export function readVisitHistory(sqlite: Database.Database, month: string): VisitHistory {
  const firstMonth = shiftMonth(month, -(historyMonths - 1));
  const to = monthWindow(month).to;
  const pairs = sqlite
    .prepare(
      `select ym, next_ym as nextYm, customers from visit_month_pairs where ym between @first and @month`,
    )
    .all({ first: firstMonth, month }) as VisitHistory['pairs'];
  const revenueByMonth = new Map(
    (
      sqlite
        .prepare(`select ym, revenue_fen as fen from visit_month_totals where ym between @from and @to`)
        .all({ from: shiftMonth(month, -23), to: month }) as { ym: string; fen: number }[]
    ).map((r) => [r.ym, r.fen]),
  );
  const { firstDeliveries, repeatDeliveries } = readDeliveries(sqlite, month);
  const deliveryFrom = `${shiftMonth(month, -23)}-01`;
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
  const buyerMasks = readBuyerMasks(sqlite, month, firstMonth, repeatDeliveries);
  return {
    month,
    firstMonth,
    pairs,
    buyerMasks,
    revenueByMonth,
    firstDeliveries,
    repeatDeliveries,
    eventNetCostByMonth,
  };
}
