import type Database from 'better-sqlite3';
import { addDays } from './dates';
import { contactReasonSql, contactSqlParams, contactStatusSql } from './consent';
import { loadRules } from './rule-config';
import { chineseDate } from './script';
import { stmt } from './statements';
import type { ExpiringPoints } from '../loyalty/expiry';

/**
 * 积分到期关怀: a member whose unspent points run out within the notice window (loyalty settings,
 * `expiringNoticeDays`) gets one care call per expiry date — anchored on the points' last day, due the day
 * they come into the window, ending on that last day (after it the call has nothing left to save). The
 * queue's identity index (customer, rule, anchor, vehicle) makes a second run create nothing, and a call
 * worked or cancelled is not made again for the same date. Contact rules as for every call: the rule's
 * consent purpose (关怀: an explicit yes) and do-not-contact skip it, and the queue reopens it once allowed.
 * Inside the caller's transaction; returns the calls created.
 */
export function createPointsExpiryCalls(
  sqlite: Database.Database,
  expiring: readonly ExpiringPoints[],
  stamp: { today: string; now: string },
): number {
  const rule = loadRules(sqlite).get('points_expiry');
  if (!rule?.enabled || expiring.length === 0) return 0;
  const list = expiring.map((e) => {
    const lastDay = addDays(e.on, -1);
    return [e.customerId, lastDay, pointsExpiryNote(e.points, lastDay)];
  });
  return stmt(
    sqlite,
    `insert or ignore into callback_tasks (customer_id, rule_code, anchor_date, due_date, expires_on, priority,
       status, skip_reason, notes, created_at, updated_at)
     select k.customer_id, 'points_expiry', k.last_day, @today, max(k.last_day, @today), @priority,
       ${contactStatusSql}, ${contactReasonSql}, k.notes, @now, @now
     from (select json_extract(value, '$[0]') as customer_id, json_extract(value, '$[1]') as last_day,
             json_extract(value, '$[2]') as notes from json_each(@list)) as k
     cross join customers cu on cu.id = k.customer_id and cu.merged_into_id is null
     left join consents cs on cs.customer_id = k.customer_id and cs.purpose = @purpose
     -- The call of that date made on an earlier day: skipped here on the identity index's prefix, before the
     -- consent look-up and the row the insert would only ignore (every day of a month before 12-31 at scale L,
     -- ~100k members).
     where not exists (select 1 from callback_tasks t where t.customer_id = k.customer_id
       and t.rule_code = 'points_expiry' and t.anchor_date = k.last_day)
     order by k.customer_id`,
  ).run({
    ...contactSqlParams(rule.consentPurpose),
    list: JSON.stringify(list),
    today: stamp.today,
    now: stamp.now,
    priority: rule.priority,
    purpose: rule.consentPurpose,
  }).changes;
}

/**
 * A lot `p` whose member already has the care call for its last day (made, worked or cancelled): the pass leaves
 * the member out of that day's slice before working out what is due (~10^5 members every day of a December).
 */
export const alreadyCalledSql = `exists (select 1 from callback_tasks t where t.customer_id = p.customer_id
  and t.rule_code = 'points_expiry' and t.anchor_date = p.expires_on)`;

/** What the queue and the call panel say about the call: how many points, and their last day. */
export function pointsExpiryNote(points: number, lastDay: string): string {
  return `积分 ${points.toLocaleString('zh-CN')} 分将于 ${chineseDate(lastDay) ?? lastDay} 到期`;
}
