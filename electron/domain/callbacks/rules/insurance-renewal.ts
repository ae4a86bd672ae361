import { addDays } from '../dates';
import type { Candidate, GeneratingRule } from './rule-types';
import { daysModifier, inRange } from './rule-types';

/** 续保提醒 offsetDays (−30) before the insurance on file expires. */
export const insuranceRenewalRule: GeneratingRule = {
  code: 'insurance_renewal',
  onOwnedVehicle: true,
  candidates(facts, env) {
    const out: Candidate[] = [];
    for (const v of facts.owned) {
      if (v.insuranceExpiry === null) continue;
      const due = addDays(v.insuranceExpiry, env.rule.offsetDays);
      if (inRange(due, env.range)) {
        out.push({
          customerId: v.customerId,
          vehicleId: v.vehicleId,
          serviceVisitId: null,
          anchorDate: v.insuranceExpiry,
          dueDate: due,
        });
      }
    }
    return out;
  },
  select(env) {
    return {
      sql: `select customer_id, vehicle_id, null as service_visit_id, insurance_expiry as anchor_date,
              date(insurance_expiry, @r_offset) as due_date
            from cb_vehicle where insurance_expiry between @r_lo and @r_hi`,
      params: {
        r_lo: addDays(env.range.from, -env.rule.offsetDays),
        r_hi: addDays(env.range.to, -env.rule.offsetDays),
        r_offset: daysModifier(env.rule.offsetDays),
      },
    };
  },
};
