import { addDays } from '../dates';
import type { VisitRow } from '../facts';
import type { Candidate, GeneratingRule } from './rule-types';
import { customerRangeParams, daysModifier, inRange } from './rule-types';

/**
 * 售后满意度回访 the day after a service visit (24–48 h), to whoever paid for it. Two visits of one car on one
 * day are one call, about the first of them.
 */
export const serviceCsiRule: GeneratingRule = {
  code: 'service_csi',
  onOwnedVehicle: false,
  candidates(facts, env) {
    const firstOfDay = new Map<string, VisitRow>();
    for (const visit of facts.customerVisits) {
      const key = `${visit.vehicleId}|${visit.visitDate}`;
      const seen = firstOfDay.get(key);
      if (!seen || visit.id < seen.id) firstOfDay.set(key, visit);
    }
    const out: Candidate[] = [];
    for (const visit of firstOfDay.values()) {
      const due = addDays(visit.visitDate, env.rule.offsetDays);
      if (inRange(due, env.range)) {
        out.push({
          customerId: visit.customerId,
          vehicleId: visit.vehicleId,
          serviceVisitId: visit.id,
          anchorDate: visit.visitDate,
          dueDate: due,
        });
      }
    }
    return out;
  },
  select(env) {
    return {
      sql: `select customer_id, vehicle_id, min(id) as service_visit_id, visit_date as anchor_date,
              date(visit_date, @r_offset) as due_date
            from service_visits where visit_date between @r_lo and @r_hi and +customer_id between @c_lo and @c_hi
            group by customer_id, vehicle_id, visit_date`,
      params: {
        ...customerRangeParams(env),
        r_lo: addDays(env.range.from, -env.rule.offsetDays),
        r_hi: addDays(env.range.to, -env.rule.offsetDays),
        r_offset: daysModifier(env.rule.offsetDays),
      },
    };
  },
};
