import { addDays, addMonths, maxDate, minDate } from '../dates';
import { param, ruleOf } from '../rule-config';
import { reachDate, reachDateSql } from '../vehicle-usage';
import type { GeneratingRule } from './rule-types';
import { monthsModifier, shiftSql } from './rule-types';

/**
 * 流失挽回 for owners: the earlier of `noVisitMonths` (12) after their last activity (visit or car taken) and
 * `missedIntervals` (2) maintenance intervals (regular maintenance's km and months) after any car's last
 * maintenance. The anchor is that date, so a visit moves it (and cancels the open task).
 */
export const churnRiskRule: GeneratingRule = {
  code: 'churn_risk',
  onOwnedVehicle: false,
  candidates(facts, env) {
    if (facts.owned.length === 0) return [];
    const maintenance = ruleOf(env.rules, 'regular_maintenance');
    const missed = param(env.rule, 'missedIntervals');
    const missedKm = missed * param(maintenance, 'intervalKm');
    const missedMonths = missed * param(maintenance, 'intervalMonths');

    let activity = facts.lastVisitDate;
    for (const v of facts.owned) activity = maxDate(activity, v.acquiredDate);
    if (activity === null) return [];
    let anchor = addMonths(activity, param(env.rule, 'noVisitMonths'));
    for (const v of facts.owned) {
      if (v.lastMaintDate === null || v.lastMaintKm === null) continue;
      anchor = minDate(
        anchor,
        minDate(addMonths(v.lastMaintDate, missedMonths), reachDate(v, v.lastMaintKm + missedKm)),
      );
    }
    const due = addDays(anchor, env.rule.offsetDays);
    if (due < env.range.from || due > env.range.to) return [];
    return [
      {
        customerId: facts.customer.id,
        vehicleId: null,
        serviceVisitId: null,
        anchorDate: anchor,
        dueDate: due,
      },
    ];
  },
  select(env) {
    const maintenance = ruleOf(env.rules, 'regular_maintenance');
    const missed = param(env.rule, 'missedIntervals');
    const missedMonths = missed * param(maintenance, 'intervalMonths');
    const noVisitMonths = param(env.rule, 'noVisitMonths');
    const hi = addDays(env.range.to, -env.rule.offsetDays);
    const activity = 'coalesce(max(last_visit, last_acquired), last_visit, last_acquired)';
    // Only owners whose anchor can be on or before the range's end are worked out in full: inactive for nearly
    // noVisitMonths, or a car whose missed-maintenance point (by time or by km) comes by then.
    return {
      sql: `with cand as (
              select customer_id from cb_owner where ${activity} <= @r_act_hi
              union
              select customer_id from cb_vehicle where last_maint_date is not null and (last_maint_date <= @r_maint_hi
                or ref_jd + min(3650, max(0, ceil((last_maint_km + @r_missed_km - ref_km) / km_per_day))) <= @r_hi_jd)
            ), m as (
              select customer_id,
                min(min(date(last_maint_date, @r_missed_months, 'floor'), ${reachDateSql('last_maint_km + @r_missed_km')})) as missed
              from cb_vehicle where last_maint_date is not null and customer_id in (select customer_id from cand)
              group by customer_id
            )
            select customer_id, null as vehicle_id, null as service_visit_id, anchor_date, ${shiftSql('anchor_date', env.rule.offsetDays)} as due_date
            from (select o.customer_id,
                    min(date(${activity}, @r_no_visit, 'floor'), coalesce(m.missed, '9999-12-31')) as anchor_date
                  from cb_owner o left join m on m.customer_id = o.customer_id
                  where o.customer_id in (select customer_id from cand) and ${activity} is not null)
            where anchor_date between @r_lo and @r_hi`,
      params: {
        r_act_hi: addDays(addMonths(hi, -noVisitMonths), 4),
        r_maint_hi: addDays(addMonths(hi, -missedMonths), 4),
        r_hi_jd: julianDay(hi),
        r_missed_months: monthsModifier(missedMonths),
        r_missed_km: missed * param(maintenance, 'intervalKm'),
        r_no_visit: monthsModifier(noVisitMonths),
        r_lo: addDays(env.range.from, -env.rule.offsetDays),
        r_hi: hi,
      },
    };
  },
};

/** SQLite's julianday() of a date (noon-based Julian day: midnight is .5). */
function julianDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000 + 2_440_587.5;
}
