import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { ensureDailyGeneration } from './daily-generation';
import { stmt } from './statements';

/*
 * The pool "next call" draws from, defined once for the claim and for the figures the operator sees beside the
 * button: a task is in an operator's pool when it is assigned to them or to nobody, and workable now when it is
 * also open, due by today, not resting after a failed try and not on anybody's live call. The pieces take their
 * placeholder, because the claim's hot probe binds positional parameters.
 */
export const poolSql = {
  inPool: (me: string) => `(assigned_user_id is null or assigned_user_id = ${me})`,
  ready: (now: string) => `(next_attempt_at is null or next_attempt_at <= ${now})`,
  free: (now: string) => `(claimed_by is null or claim_expires_at < ${now})`,
};

/** Workable now by the caller (@me at @now on store day @today): what a claim takes. */
export const workableSql = `status = 'open' and due_date <= @today
  and ${poolSql.ready('@now')} and ${poolSql.free('@now')} and ${poolSql.inPool('@me')}`;

/** Limits the pool to the call types asked for (@rules: a JSON array), as "next call" does. */
export function byRuleSql(ruleCodes: readonly string[] | undefined): string {
  return ruleCodes?.length ? 'and rule_code in (select value from json_each(@rules))' : '';
}

type PoolOutput = ChannelOutput<'callbacks.pool'>;

/** What "next call" would hand out now, and what else waits in the caller's pool, in tasks. */
export function callbackPool(ctx: AuthedContext, input: ChannelParsedInput<'callbacks.pool'>): PoolOutput {
  ensureDailyGeneration(ctx);
  const sqlite = ctx.db.$client;
  const at = ctx.clock();
  const byRule = byRuleSql(input.ruleCodes);
  const params = {
    me: ctx.user.id,
    today: localDate(at),
    now: at.toISOString(),
    ...(byRule ? { rules: JSON.stringify(input.ruleCodes) } : {}),
  };
  // Reading every task due by today to test the predicate row by row costs ~10^5 row reads at scale L. The
  // ones due by today that are NOT workable are few, each kind on its own partial index, and each kind is the
  // negation of one piece of the claim's predicate: so workable = due by today minus their union, counted over
  // index ranges. (With a type filter the customer index is read instead: it holds the rule code.)
  const dueIndex = byRule ? 'callback_tasks_customer_idx' : 'callback_tasks_queue_idx';
  const claimable = stmt(
    sqlite,
    `with unworkable(id, due_date) as (
       select id, due_date from callback_tasks indexed by callback_tasks_resting_idx
       where status = 'open' and due_date <= @today and next_attempt_at is not null
         and not ${poolSql.ready('@now')} ${byRule}
       union select id, due_date from callback_tasks indexed by callback_tasks_claim_idx
       where claimed_by is not null and not ${poolSql.free('@now')} and status = 'open' and due_date <= @today ${byRule}
       union select id, due_date from callback_tasks indexed by callback_tasks_assigned_idx
       where assigned_user_id is not null and not ${poolSql.inPool('@me')} and status = 'open'
         and due_date <= @today ${byRule}
     ), due(overdue, today) as (
       select (select count(*) from callback_tasks indexed by ${dueIndex}
               where status = 'open' and due_date < @today ${byRule})
            - (select count(*) from unworkable where due_date < @today),
              (select count(*) from callback_tasks indexed by ${dueIndex}
               where status = 'open' and due_date = @today ${byRule})
            - (select count(*) from unworkable where due_date = @today)
     )
     select overdue + today as tasks, overdue, today as dueToday from due`,
  ).get(params) as PoolOutput['claimable'];
  // Resting and on-call tasks are few, each on its own partial index.
  const resting = stmt(
    sqlite,
    `select count(*) as tasks, min(next_attempt_at) as nextAt from callback_tasks indexed by callback_tasks_resting_idx
     where status = 'open' and next_attempt_at > @now and ${poolSql.inPool('@me')} ${byRule}`,
  ).get(params) as PoolOutput['resting'];
  const onCallElsewhere = stmt(
    sqlite,
    `select count(*) from callback_tasks indexed by callback_tasks_claim_idx
     where claimed_by is not null and claimed_by <> @me and claim_expires_at >= @now and status = 'open'
       and ${poolSql.inPool('@me')} ${byRule}`,
  )
    .pluck()
    .get(params) as number;
  const assignedToMe = stmt(
    sqlite,
    `select count(*) from callback_tasks indexed by callback_tasks_assigned_idx
     where assigned_user_id = @me and status = 'open' ${byRule}`,
  )
    .pluck()
    .get(params) as number;
  return { claimable, resting, onCallElsewhere, assignedToMe };
}
