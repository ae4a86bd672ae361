import { param } from '../rule-config';
import type { GeneratingRule } from './rule-types';
import { periodicDueDates, periodicSql } from './periodic';

/** 季度关怀 for existing owners: every `months` (3) months from the day they took their first car with us. */
export const quarterlyCareRule: GeneratingRule = {
  code: 'quarterly_care',
  onOwnedVehicle: false,
  candidates(facts, env) {
    let base: string | null = null;
    for (const v of facts.owned)
      if (v.acquiredDate !== null && (base === null || v.acquiredDate < base)) base = v.acquiredDate;
    if (base === null) return [];
    return periodicDueDates(base, param(env.rule, 'months'), env.rule.offsetDays, env.range).map((d) => ({
      customerId: facts.customer.id,
      vehicleId: null,
      serviceVisitId: null,
      anchorDate: d.anchor,
      dueDate: d.due,
    }));
  },
  select(env) {
    return periodicSql(
      'select customer_id, first_acquired as base from cb_owner',
      param(env.rule, 'months'),
      env.rule.offsetDays,
      env.range,
    );
  },
};
