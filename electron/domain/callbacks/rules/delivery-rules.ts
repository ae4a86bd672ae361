import { addDays, addMonths } from '../dates';
import { optionalParam } from '../rule-config';
import type { Candidate, GeneratingRule, RuleEnv } from './rule-types';
import { daysModifier, inRange, monthsModifier } from './rule-types';

type DeliveryCode = 'delivery_3d' | 'delivery_7d' | 'delivery_1m' | 'delivery_3m' | 'sales_csi';

/** Due date after the owner took the car: `months` calendar months when set (month ends clamp), else offsetDays. */
function dueAfter(acquired: string, env: RuleEnv): string {
  const months = optionalParam(env.rule, 'months');
  return months !== null ? addMonths(acquired, months) : addDays(acquired, env.rule.offsetDays);
}

/**
 * Calls after a car changes hands: the delivery follow-ups (+3 d, +7 d, +1 month, +3 months) and the sales CSI
 * survey the day after. Anchored on the day the current owner took the car, so a car sold on to a new owner
 * gets its calls for the new owner and none for the old one.
 */
function deliveryRule(code: DeliveryCode): GeneratingRule {
  return {
    code,
    onOwnedVehicle: true,
    candidates(facts, env) {
      const out: Candidate[] = [];
      for (const v of facts.owned) {
        if (v.acquiredDate === null) continue;
        const due = dueAfter(v.acquiredDate, env);
        if (inRange(due, env.range)) {
          out.push({
            customerId: v.customerId,
            vehicleId: v.vehicleId,
            serviceVisitId: null,
            anchorDate: v.acquiredDate,
            dueDate: due,
          });
        }
      }
      return out;
    },
    select(env) {
      const months = optionalParam(env.rule, 'months');
      // Cheap prefilter on the anchor; the exact due date is checked by the caller.
      const lo =
        months !== null
          ? addDays(addMonths(env.range.from, -months), -4)
          : addDays(env.range.from, -env.rule.offsetDays);
      const hi =
        months !== null
          ? addDays(addMonths(env.range.to, -months), 4)
          : addDays(env.range.to, -env.rule.offsetDays);
      const due = months !== null ? `date(acquired_date, @r_mod, 'floor')` : `date(acquired_date, @r_mod)`;
      return {
        sql: `select customer_id, vehicle_id, null as service_visit_id, acquired_date as anchor_date, ${due} as due_date
              from cb_vehicle where acquired_date between @r_lo and @r_hi`,
        params: {
          r_lo: lo,
          r_hi: hi,
          r_mod: months !== null ? monthsModifier(months) : daysModifier(env.rule.offsetDays),
        },
      };
    },
  };
}

export const delivery3dRule = deliveryRule('delivery_3d');
export const delivery7dRule = deliveryRule('delivery_7d');
export const delivery1mRule = deliveryRule('delivery_1m');
export const delivery3mRule = deliveryRule('delivery_3m');
export const salesCsiRule = deliveryRule('sales_csi');
