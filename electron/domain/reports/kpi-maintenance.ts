import type Database from 'better-sqlite3';
import { loadRules, param, ruleOf } from '../callbacks/rule-config';
import { defaultWarrantyTerms } from '../customers/customer-rules/warranty-state';
import type { KpiCount } from './kpi-count';
import { rateOf } from './kpi-count';
import { monthWindow } from './month-window';

/** How late a maintenance may come and still count as on time: a month past the interval, 10% past its km. */
export const onTimeGrace = { days: 30, kmFactor: 1.1 } as const;

/**
 * 按时保养率: of the maintenance visits (首保 and 定期保养) in the month, the share that came within the
 * recommended interval after the car's previous maintenance (首保: after delivery, 3 months or 3,000 km;
 * 定期保养: the call-back rule's interval, 6 months or 7,500 km by default), plus the grace above. A regular
 * maintenance with no earlier one on file cannot be judged and is not counted.
 */
export function onTimeMaintenance(sqlite: Database.Database, month: string): KpiCount {
  const w = monthWindow(month);
  const rule = ruleOf(loadRules(sqlite), 'regular_maintenance');
  const r = sqlite
    .prepare(
      `with m as (
         select s.id, s.vehicle_id, s.visit_date, s.mileage_km, s.type,
           (select x.visit_date || '|' || x.mileage_km from service_visits x indexed by service_visits_vehicle_idx
            where x.vehicle_id = s.vehicle_id and x.type in ('first_maintenance', 'maintenance')
              and (x.visit_date < s.visit_date or (x.visit_date = s.visit_date and x.id < s.id))
            order by x.visit_date desc, x.id desc limit 1) as prev
         from service_visits s indexed by service_visits_date_idx
         where s.visit_date between @from and @to and s.type in ('first_maintenance', 'maintenance')
       ), based as (
         select m.visit_date, m.mileage_km,
           case when m.prev is not null then substr(m.prev, 1, instr(m.prev, '|') - 1)
                when m.type = 'first_maintenance' then v.delivery_date end as base_date,
           case when m.prev is not null then cast(substr(m.prev, instr(m.prev, '|') + 1) as integer) else 0 end as base_km,
           m.prev is null as first
         from m join vehicles v on v.id = m.vehicle_id
       )
       select count(*) as n, coalesce(sum(
           visit_date <= date(base_date, case when first then @firstMonths else @months end, 'floor', @grace)
           and mileage_km - base_km <= (case when first then @firstKm else @km end) * @kmFactor), 0) as ok
       from based where base_date is not null`,
    )
    .get({
      from: w.from,
      to: w.to,
      months: `+${param(rule, 'intervalMonths')} months`,
      km: param(rule, 'intervalKm'),
      firstMonths: `+${defaultWarrantyTerms.firstServiceMonths} months`,
      firstKm: defaultWarrantyTerms.firstServiceKm,
      grace: `+${onTimeGrace.days} days`,
      kmFactor: onTimeGrace.kmFactor,
    }) as { n: number; ok: number };
  return rateOf(r.ok, r.n);
}
