import { param } from '../rule-config';
import type { GeneratingRule } from './rule-types';
import { customerRangeParams } from './rule-types';
import { periodicDueDates, periodicSql } from './periodic';

/**
 * 战败客户再跟进 every `everyMonths` (3) months. The card keeps no date of the loss, so the cycle runs from the
 * day the card was created (the date part of the stored UTC instant: the same in both paths without a per-row
 * time-zone conversion, and the store's opening hours fall on one UTC date).
 */
export const lostProspectRule: GeneratingRule = {
  code: 'lost_prospect',
  onOwnedVehicle: false,
  candidates(facts, env) {
    if (facts.customer.stage !== 'lost') return [];
    const base = facts.customer.createdAt.slice(0, 10);
    return periodicDueDates(base, param(env.rule, 'everyMonths'), env.rule.offsetDays, env.range).map(
      (d) => ({
        customerId: facts.customer.id,
        vehicleId: null,
        serviceVisitId: null,
        anchorDate: d.anchor,
        dueDate: d.due,
      }),
    );
  },
  select(env) {
    const periodic = periodicSql(
      `select id as customer_id, substr(created_at, 1, 10) as base from customers
       where stage = 'lost' and merged_into_id is null and id between @c_lo and @c_hi`,
      param(env.rule, 'everyMonths'),
      env.rule.offsetDays,
      env.range,
    );
    return { sql: periodic.sql, params: { ...periodic.params, ...customerRangeParams(env) } };
  },
};
