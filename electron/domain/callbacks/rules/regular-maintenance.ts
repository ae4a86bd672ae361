import { addDays, addMonths, minDate } from '../dates';
import { param } from '../rule-config';
import { reachDate, reachDateSql } from '../vehicle-usage';
import type { Candidate, GeneratingRule } from './rule-types';
import { daysModifier, inRange, monthsModifier } from './rule-types';

/**
 * 定期保养: the next maintenance after the last one on file, at intervalKm (by the vehicle's own km/day) or
 * intervalMonths, whichever comes first, reminded offsetDays before. Anchored on the last maintenance, so a new
 * maintenance visit starts the next cycle.
 */
export const regularMaintenanceRule: GeneratingRule = {
  code: 'regular_maintenance',
  onOwnedVehicle: true,
  candidates(facts, env) {
    const intervalKm = param(env.rule, 'intervalKm');
    const intervalMonths = param(env.rule, 'intervalMonths');
    const out: Candidate[] = [];
    for (const v of facts.owned) {
      if (v.lastMaintDate === null || v.lastMaintKm === null) continue;
      const byTime = addMonths(v.lastMaintDate, intervalMonths);
      const due = addDays(minDate(byTime, reachDate(v, v.lastMaintKm + intervalKm)), env.rule.offsetDays);
      if (inRange(due, env.range)) {
        out.push({
          customerId: v.customerId,
          vehicleId: v.vehicleId,
          serviceVisitId: null,
          anchorDate: v.lastMaintDate,
          dueDate: due,
        });
      }
    }
    return out;
  },
  select(env) {
    const intervalMonths = param(env.rule, 'intervalMonths');
    const lo = addDays(addMonths(addDays(env.range.from, -env.rule.offsetDays), -intervalMonths), -4);
    return {
      sql: `select customer_id, vehicle_id, null as service_visit_id, last_maint_date as anchor_date,
              date(min(date(last_maint_date, @r_months, 'floor'), ${reachDateSql('last_maint_km + @r_km')}), @r_offset) as due_date
            from cb_vehicle where last_maint_date >= @r_lo`,
      params: {
        r_lo: lo,
        r_km: param(env.rule, 'intervalKm'),
        r_months: monthsModifier(intervalMonths),
        r_offset: daysModifier(env.rule.offsetDays),
      },
    };
  },
};
