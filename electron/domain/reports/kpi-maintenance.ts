import type Database from 'better-sqlite3';
import { loadRules, param, ruleOf } from '../callbacks/rule-config';
import { defaultWarrantyTerms } from '../customers/customer-rules/warranty-state';
import type { KpiCount } from './kpi-count';
import { rateOf } from './kpi-count';
import { monthWindow, shiftMonth } from './month-window';

/** How late a maintenance may come and still count as on time: a month past the interval, 10% past its km. */
export const onTimeGrace = { days: 30, kmFactor: 1.1 } as const;

export type MaintenanceByMonth = Map<string, { visits: number; onTime: number }>;

/**
 * The maintenance visits (首保 and 定期保养) of the `months` months ending with `month`, per month, and how many came
 * on time: within the recommended interval after the car's previous maintenance (首保: after delivery, 3 months
 * or 3,000 km; 定期保养: the call-back rule's interval, 6 months or 7,500 km by default) plus the grace above.
 * A regular maintenance with no earlier one on file cannot be judged and is not counted; a second maintenance
 * on the same day as another is measured from the one before that day.
 */
export function readMaintenanceTimeliness(
  sqlite: Database.Database,
  month: string,
  months = 12,
): MaintenanceByMonth {
  const w = monthWindow(month);
  const from = `${shiftMonth(month, 1 - months)}-01`;
  const rule = ruleOf(loadRules(sqlite), 'regular_maintenance');
  const rows = sqlite
    .prepare(
      `with m as (
         select s.vehicle_id, s.visit_date, s.mileage_km, s.type,
           (select x.visit_date || '|' || x.mileage_km from service_visits x indexed by service_visits_vehicle_idx
            where x.vehicle_id = s.vehicle_id and x.visit_date < s.visit_date
              and x.type in ('first_maintenance', 'maintenance')
            order by x.visit_date desc limit 1) as prev
         from service_visits s indexed by service_visits_report_idx
         where s.visit_date between @from and @to and s.type in ('first_maintenance', 'maintenance')
       ), based as (
         select m.visit_date, m.mileage_km,
           case when m.prev is not null then substr(m.prev, 1, instr(m.prev, '|') - 1)
                when m.type = 'first_maintenance' then v.delivery_date end as base_date,
           case when m.prev is not null then cast(substr(m.prev, instr(m.prev, '|') + 1) as integer) else 0 end as base_km,
           m.prev is null as first
         from m join vehicles v on v.id = m.vehicle_id
       )
       select substr(visit_date, 1, 7) as ym, count(*) as visits, coalesce(sum(
           visit_date <= date(base_date, case when first then @firstMonths else @months end, 'floor', @grace)
           and mileage_km - base_km <= (case when first then @firstKm else @km end) * @kmFactor), 0) as onTime
       from based where base_date is not null group by ym`,
    )
    .all({
      from,
      to: w.to,
      months: `+${param(rule, 'intervalMonths')} months`,
      km: param(rule, 'intervalKm'),
      firstMonths: `+${defaultWarrantyTerms.firstServiceMonths} months`,
      firstKm: defaultWarrantyTerms.firstServiceKm,
      grace: `+${onTimeGrace.days} days`,
      kmFactor: onTimeGrace.kmFactor,
    }) as { ym: string; visits: number; onTime: number }[];
  return new Map(rows.map((r) => [r.ym, { visits: r.visits, onTime: r.onTime }]));
}

/** 按时保养率 of a month: on-time maintenance visits ÷ maintenance visits that could be judged. */
export function onTimeMaintenance(byMonth: MaintenanceByMonth, month: string): KpiCount {
  const m = byMonth.get(month) ?? { visits: 0, onTime: 0 };
  return rateOf(m.onTime, m.visits);
}
