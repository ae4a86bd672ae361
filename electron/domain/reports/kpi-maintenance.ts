import type Database from 'better-sqlite3';
import { loadRules, param, ruleOf } from '../callbacks/rule-config';
import { defaultWarrantyTerms } from '../customers/customer-rules/warranty-state';
import type { KpiCount } from './kpi-count';
import { rateOf } from './kpi-count';
import { monthWindow, shiftMonth } from './month-window';

/** How late a maintenance may come and still count as on time: a month past the interval, 10% past its km. */
export const onTimeGrace = { days: 30, kmFactor: 1.1 } as const;

export type MaintenanceByMonth = Map<string, { visits: number; onTime: number }>;

/** Bumped when how the figures are worked out changes, so months kept by an older version are worked out again. */
const factsVersion = 'maintenance-1';

/**
 * The maintenance visits (首保 and 定期保养) of the `months` months ending with `month`, per month, and how many came
 * on time: within the recommended interval after the car's previous maintenance (首保: after delivery, 3 months
 * or 3,000 km; 定期保养: the call-back rule's interval, 6 months or 7,500 km by default) plus the grace above.
 * A regular maintenance with no earlier one on file cannot be judged and is not counted; a second maintenance
 * on the same day as another is measured from the one before that day (maintenance_visit_facts holds each
 * visit's previous maintenance). A month's figure is kept in report_month_cache with the interval it was worked
 * out for, until a maintenance visit of that month (or the one it is measured from) changes.
 */
export function readMaintenanceTimeliness(
  sqlite: Database.Database,
  month: string,
  months = 12,
): MaintenanceByMonth {
  const rule = ruleOf(loadRules(sqlite), 'regular_maintenance');
  const p = {
    months: `+${param(rule, 'intervalMonths')} months`,
    km: param(rule, 'intervalKm'),
    firstMonths: `+${defaultWarrantyTerms.firstServiceMonths} months`,
    firstKm: defaultWarrantyTerms.firstServiceKm,
    grace: `+${onTimeGrace.days} days`,
    kmFactor: onTimeGrace.kmFactor,
  };
  const key = JSON.stringify({ v: factsVersion, ...p });
  const wanted = Array.from({ length: months }, (_, i) => shiftMonth(month, i + 1 - months));
  const out: MaintenanceByMonth = new Map();
  for (const r of sqlite
    .prepare(
      `select month, data from report_month_cache where kind = 'maintenance' and key = @key
       and month between @first and @month`,
    )
    .all({ key, first: wanted[0], month }) as { month: string; data: string }[])
    out.set(r.month, JSON.parse(r.data) as { visits: number; onTime: number });
  const missing = wanted.filter((m) => !out.has(m));
  if (missing.length === 0) return out;
  const rows = sqlite
    .prepare(
      `select substr(visit_date, 1, 7) as ym, count(*) as visits, coalesce(sum(
           visit_date <= date(base_date, case when first then @firstMonths else @months end, 'floor', @grace)
           and mileage_km - base_km <= (case when first then @firstKm else @km end) * @kmFactor), 0) as onTime
       from (
         select f.visit_date, f.mileage_km, f.prev_date is null as first, coalesce(f.prev_km, 0) as base_km,
           case when f.prev_date is not null then f.prev_date
                when f.first_service then (select v.delivery_date from vehicles v where v.id = f.vehicle_id) end
             as base_date
         from maintenance_visit_facts f where f.visit_date between @from and @to
       )
       where base_date is not null group by ym`,
    )
    .all({ ...p, from: `${missing[0]}-01`, to: monthWindow(missing[missing.length - 1]!).to }) as {
    ym: string;
    visits: number;
    onTime: number;
  }[];
  const found = new Map(rows.map((r) => [r.ym, { visits: r.visits, onTime: r.onTime }]));
  const keep = sqlite.prepare(
    `insert or replace into report_month_cache (kind, month, key, data) values ('maintenance', ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (const m of missing) {
      const figure = found.get(m) ?? { visits: 0, onTime: 0 };
      keep.run(m, key, JSON.stringify(figure));
      out.set(m, figure);
    }
  })();
  return out;
}

/** 按时保养率 of a month: on-time maintenance visits ÷ maintenance visits that could be judged. */
export function onTimeMaintenance(byMonth: MaintenanceByMonth, month: string): KpiCount {
  const m = byMonth.get(month) ?? { visits: 0, onTime: 0 };
  return rateOf(m.onTime, m.visits);
}
