import { addDays, addMonths, minDate } from '../dates';
import { param } from '../rule-config';
import { reachDate, reachDateSql } from '../vehicle-usage';
import type { Candidate, GeneratingRule } from './rule-types';
import { daysModifier, inRange, monthsModifier } from './rule-types';

/**
 * 首保: at `km` (3,000) or `months` (3) after delivery, whichever the estimate says comes first, reminded
 * offsetDays (−7) before. One per vehicle (anchored on the delivery date) until any maintenance visit is on file.
 */
export const firstMaintenanceRule: GeneratingRule = {
  code: 'first_maintenance',
  onOwnedVehicle: true,
  candidates(facts, env) {
    const km = param(env.rule, 'km');
    const months = param(env.rule, 'months');
    const out: Candidate[] = [];
    for (const v of facts.owned) {
      if (v.deliveryDate === null || v.lastMaintDate !== null) continue;
      const due = addDays(minDate(addMonths(v.deliveryDate, months), reachDate(v, km)), env.rule.offsetDays);
      if (inRange(due, env.range)) {
        out.push({
          customerId: v.customerId,
          vehicleId: v.vehicleId,
          serviceVisitId: null,
          anchorDate: v.deliveryDate,
          dueDate: due,
        });
      }
    }
    return out;
  },
  select(env) {
    const months = param(env.rule, 'months');
    // The time limit bounds the due date from above, so older deliveries can never fall in the range.
    const lo = addDays(addMonths(addDays(env.range.from, -env.rule.offsetDays), -months), -4);
    return {
      sql: `select customer_id, vehicle_id, null as service_visit_id, delivery_date as anchor_date,
              date(min(date(delivery_date, @r_months, 'floor'), ${reachDateSql('@r_km')}), @r_offset) as due_date
            from cb_vehicle where delivery_date >= @r_lo and last_maint_date is null`,
      params: {
        r_lo: lo,
        r_km: param(env.rule, 'km'),
        r_months: monthsModifier(months),
        r_offset: daysModifier(env.rule.offsetDays),
      },
    };
  },
};
