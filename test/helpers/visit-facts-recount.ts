import type Database from 'better-sqlite3';

/**
 * The visit facts (db/schema/visit-facts.ts) as stored, beside the same facts counted afresh from service_visits and
 * vehicles, each as sorted JSON lines: the triggers are right when the two are equal.
 */
const facts = {
  customer_visit_months: {
    stored: 'select customer_id, ym, visits, next_ym from customer_visit_months',
    recount: `select customer_id, ym, n, coalesce(lead(ym) over (partition by customer_id order by ym), '9999-12')
      from (select customer_id, substr(visit_date, 1, 7) as ym, count(*) as n from service_visits group by 1, 2)`,
  },
  visit_month_pairs: {
    stored: 'select ym, next_ym, customers from visit_month_pairs',
    recount: `select ym, nx, count(*) from (select substr(visit_date, 1, 7) as ym, coalesce(lead(substr(visit_date, 1, 7))
        over (partition by customer_id order by substr(visit_date, 1, 7)), '9999-12') as nx
      from service_visits group by customer_id, substr(visit_date, 1, 7)) group by 1, 2`,
  },
  visit_month_totals: {
    stored: 'select ym, visits, revenue_fen from visit_month_totals',
    recount: 'select substr(visit_date, 1, 7), count(*), sum(amount_fen) from service_visits group by 1',
  },
  visit_structure_months: {
    stored: 'select ym, customer_id, series, state, visits, revenue_fen from visit_structure_months',
    recount: `select substr(s.visit_date, 1, 7), s.customer_id, v.series,
        case when s.type = 'first_maintenance' then 'first_service'
             when v.delivery_date is null or v.delivery_date > s.visit_date then 'unknown'
             when s.visit_date >= date(v.delivery_date, '+36 months', 'floor') or s.mileage_km >= 100000 then 'expired'
             else 'in_warranty' end, count(*), sum(s.amount_fen)
      from service_visits s join vehicles v on v.id = s.vehicle_id group by 1, 2, 3, 4`,
  },
  maintenance_visit_facts: {
    stored: `select visit_id, vehicle_id, visit_date, mileage_km, first_service, prev_date, prev_km
      from maintenance_visit_facts`,
    recount: `select s.id, s.vehicle_id, s.visit_date, s.mileage_km, s.type = 'first_maintenance',
        (select x.visit_date from service_visits x where x.vehicle_id = s.vehicle_id and x.visit_date < s.visit_date
           and x.type in ('first_maintenance', 'maintenance') order by x.visit_date desc, x.id desc limit 1),
        (select x.mileage_km from service_visits x where x.vehicle_id = s.vehicle_id and x.visit_date < s.visit_date
           and x.type in ('first_maintenance', 'maintenance') order by x.visit_date desc, x.id desc limit 1)
      from service_visits s where s.type in ('first_maintenance', 'maintenance')`,
  },
} as const;

const lines = (sqlite: Database.Database, sql: string) =>
  (sqlite.prepare(sql).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();

export function visitFactsBesideRecount(sqlite: Database.Database) {
  return Object.fromEntries(
    Object.entries(facts).map(([table, q]) => [
      table,
      { stored: lines(sqlite, q.stored), recount: lines(sqlite, q.recount) },
    ]),
  );
}
