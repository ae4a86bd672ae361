import type { ChannelOutput } from '../../contract';
import { reachedOutcomes } from '../../contract/callbacks';
import { localDate, storeDayStart } from '../clock';
import type { AuthedContext } from '../context';
import { addDays } from './dates';
import { generatingRules } from './rules';
import { stmt } from './statements';

/** Roles that work call-backs (they hold callbacks.work). */
export const callbackWorkerRoles = ['callback_operator', 'manager', 'admin'] as const;
const workerRolesSql = callbackWorkerRoles.map((r) => `'${r}'`).join(', ');
const reachedSql = reachedOutcomes.map((o) => `'${o}'`).join(', ');

/** Instants bounding store calendar days [from, to], as the ISO strings the tables store. */
function instantRange(from: string, to: string) {
  return {
    fromIso: storeDayStart(from).toISOString(),
    toIso: storeDayStart(addDays(to, 1)).toISOString(),
  };
}

/**
 * Per operator: open tasks assigned now (and how many overdue), tasks they completed in the range (whatever their
 * due date) beside the tasks assigned to them that fall due in it and how many of those are done, their call
 * attempts, reach rate (reached, appointment or complaint over attempts) and average handle time (claim to
 * recorded outcome).
 */
export function workload(
  ctx: AuthedContext,
  input: { from: string; to: string },
): ChannelOutput<'callbacks.workload'> {
  const sqlite = ctx.db.$client;
  const today = localDate(ctx.clock());
  const { fromIso, toIso } = instantRange(input.from, input.to);
  const rows = stmt(
    sqlite,
    `with open as (
       select assigned_user_id as user_id, count(*) as assigned_open, sum(due_date < @today) as overdue
       from callback_tasks where status = 'open' and assigned_user_id is not null group by assigned_user_id
     ), done as (
       select completed_by as user_id, count(*) as done from callback_tasks
       where status = 'done' and completed_at >= @fromIso and completed_at < @toIso group by completed_by
     ), due as (
       select assigned_user_id as user_id, count(*) as assigned_due, sum(status = 'done') as assigned_due_done
       from callback_tasks indexed by callback_tasks_assigned_idx
       where assigned_user_id is not null and due_date between @from and @to group by assigned_user_id
     ), calls as (
       select user_id, count(*) as attempts, sum(outcome in (${reachedSql})) as reached,
         avg((julianday(ended_at) - julianday(started_at)) * 86400.0) as handle
       from callback_attempts where ended_at >= @fromIso and ended_at < @toIso group by user_id
     )
     select u.id as userId, u.display_name as displayName, u.role,
       coalesce(open.assigned_open, 0) as assignedOpen, coalesce(open.overdue, 0) as overdue,
       coalesce(done.done, 0) as done, coalesce(due.assigned_due, 0) as assignedDue,
       coalesce(due.assigned_due_done, 0) as assignedDueDone, coalesce(calls.attempts, 0) as attempts, coalesce(calls.reached, 0) as reached,
       calls.handle as avgHandleSeconds
     from users u
     left join open on open.user_id = u.id left join done on done.user_id = u.id left join due on due.user_id = u.id
     left join calls on calls.user_id = u.id
     where (u.disabled = 0 and u.role in (${workerRolesSql})) or open.user_id is not null
        or done.user_id is not null or due.user_id is not null or calls.user_id is not null
     order by u.role = 'callback_operator' desc, u.display_name`,
  ).all({ today, fromIso, toIso, from: input.from, to: input.to }) as Omit<
    ChannelOutput<'callbacks.workload'>['rows'][number],
    'reachRate'
  >[];
  return {
    rows: rows.map((r) => ({
      ...r,
      reachRate: r.attempts > 0 ? r.reached / r.attempts : null,
      avgHandleSeconds: r.avgHandleSeconds === null ? null : Math.round(r.avgHandleSeconds),
    })),
  };
}

/**
 * Per call type, two different questions side by side: how much was completed in the range (the work done, late
 * or not), and of the tasks due in the range, where they ended up (a fresh range's due tasks are mostly open).
 */
export function completion(
  ctx: AuthedContext,
  input: { from: string; to: string },
): ChannelOutput<'callbacks.completion'> {
  const { fromIso, toIso } = instantRange(input.from, input.to);
  const rows = stmt(
    ctx.db.$client,
    // Materialized: read once, not once per rule as a correlated subquery (20k done tasks × 19 rules at scale L).
    `with completed as materialized (
       select rule_code, count(*) as n from callback_tasks
       where status = 'done' and completed_at >= @fromIso and completed_at < @toIso group by rule_code
     )
     select r.code as ruleCode, r.name as ruleName, coalesce((select n from completed where rule_code = r.code), 0)
         as completedInPeriod, count(t.id) as due,
       coalesce(sum(t.status = 'open'), 0) as open, coalesce(sum(t.status = 'done'), 0) as dueDone,
       coalesce(sum(t.status = 'done' and t.last_outcome in (${reachedSql})), 0) as reached,
       coalesce(sum(t.status = 'expired'), 0) as expired, coalesce(sum(t.status = 'skipped'), 0) as skipped,
       coalesce(sum(t.status = 'cancelled'), 0) as cancelled
     from callback_rules r
     left join callback_tasks t on t.rule_code = r.code and t.due_date between @from and @to
     group by r.code`,
  ).all({ ...input, fromIso, toIso }) as ChannelOutput<'callbacks.completion'>['rows'];
  const order = new Map<string, number>(
    [
      ...generatingRules.map((g) => g.code),
      'dissatisfied_followup',
      'complaint_closure',
      'event_invitation',
      'event_confirmation',
      'points_expiry',
    ].map((c, i) => [c, i]),
  );
  return { rows: rows.sort((a, b) => (order.get(a.ruleCode) ?? 99) - (order.get(b.ruleCode) ?? 99)) };
}
