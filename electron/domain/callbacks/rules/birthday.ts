import { addDays } from '../dates';
import type { Candidate, GeneratingRule } from './rule-types';
import { shiftSql } from './rule-types';
import { sameDayInYearSql, yearlyDueDates, yearSegmentsJoin } from './yearly';

/** 生日关怀 on the day, for customers who own a car with us (a leap-day birthday is kept on 28 Feb). */
export const birthdayRule: GeneratingRule = {
  code: 'birthday',
  onOwnedVehicle: false,
  candidates(facts, env) {
    const birthday = facts.customer.birthday;
    if (birthday === null || facts.owned.length === 0) return [];
    return yearlyDueDates(birthday, env.today, env.rule.offsetDays, env.range, null).map((d): Candidate => ({
      customerId: facts.customer.id,
      vehicleId: null,
      serviceVisitId: null,
      anchorDate: d.anchor,
      dueDate: d.due,
    }));
  },
  select(env) {
    const lo = addDays(env.range.from, -env.rule.offsetDays);
    const hi = addDays(env.range.to, -env.rule.offsetDays);
    return {
      sql: `select customer_id, null as vehicle_id, null as service_visit_id, anchor_date, ${shiftSql('anchor_date', env.rule.offsetDays)} as due_date
            from (select c.id as customer_id, ${sameDayInYearSql('c.birthday', 'seg.column1')} as anchor_date
                  from customers c ${yearSegmentsJoin('c.birthday', lo, hi)}
                  where c.birthday is not null and c.id in (select customer_id from cb_owner))
            where anchor_date between @r_lo and @r_hi`,
      params: { r_lo: lo, r_hi: hi },
    };
  },
};
