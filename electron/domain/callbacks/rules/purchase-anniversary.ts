import { addDays, yearOf } from '../dates';
import type { Candidate, GeneratingRule } from './rule-types';
import { shiftSql } from './rule-types';
import { sameDayInYearSql, yearlyDueDates, yearSegmentsJoin } from './yearly';

/** 购车周年关怀 on each anniversary of the day the owner took the car. */
export const purchaseAnniversaryRule: GeneratingRule = {
  code: 'purchase_anniversary',
  onOwnedVehicle: true,
  candidates(facts, env) {
    const out: Candidate[] = [];
    for (const v of facts.owned) {
      if (v.acquiredDate === null) continue;
      for (const d of yearlyDueDates(
        v.acquiredDate,
        env.today,
        env.rule.offsetDays,
        env.range,
        yearOf(v.acquiredDate),
      )) {
        out.push({
          customerId: v.customerId,
          vehicleId: v.vehicleId,
          serviceVisitId: null,
          anchorDate: d.anchor,
          dueDate: d.due,
        });
      }
    }
    return out;
  },
  select(env) {
    const lo = addDays(env.range.from, -env.rule.offsetDays);
    const hi = addDays(env.range.to, -env.rule.offsetDays);
    return {
      sql: `select customer_id, vehicle_id, null as service_visit_id, anchor_date, ${shiftSql('anchor_date', env.rule.offsetDays)} as due_date
            from (select customer_id, vehicle_id, ${sameDayInYearSql('acquired_date', 'seg.column1')} as anchor_date
                  from cb_vehicle ${yearSegmentsJoin('acquired_date', lo, hi)}
                  where acquired_date is not null and seg.column1 > cast(substr(acquired_date, 1, 4) as integer))
            where anchor_date between @r_lo and @r_hi`,
      params: { r_lo: lo, r_hi: hi },
    };
  },
};
