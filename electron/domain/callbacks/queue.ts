import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { CallbackOutcome, CallbackRuleCode } from '../../contract/callbacks';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { ensureDailyGeneration } from './daily-generation';
import { addDays } from './dates';
import { openDueDates } from './open-due-dates';
import { queueCounts } from './queue-counts';
import { stmt } from './statements';

type QueueInput = ChannelParsedInput<'callbacks.queue'>;
type QueueOutput = ChannelOutput<'callbacks.queue'>;

/** A task is ready unless it rests after a failed try (no answer, busy, a call-back time). */
const ready = '(t.next_attempt_at is null or t.next_attempt_at <= @now)';
export const bucketSql = {
  overdue: `t.due_date < @today and ${ready}`,
  due_today: `t.due_date = @today and ${ready}`,
  upcoming: `(t.due_date > @today or t.next_attempt_at > @now)`,
  all: '1 = 1',
} as const;

/** "Mine": assigned to me, or on my live call. As a list of ids from two indexes: an OR here reads every task. */
const mineSql = `t.id in (select id from callback_tasks indexed by callback_tasks_assigned_idx
    where assigned_user_id = @me and status = 'open'
  union all select id from callback_tasks indexed by callback_tasks_claim_idx
    where claimed_by = @me and claim_expires_at >= @now)`;

export function filterSql(f: { ruleCodes?: CallbackRuleCode[]; priorities?: number[] }): string {
  const parts: string[] = [];
  if (f.ruleCodes?.length) parts.push('t.rule_code in (select value from json_each(@ruleCodes))');
  if (f.priorities?.length) parts.push('t.priority in (select value from json_each(@priorities))');
  return parts.length ? `and ${parts.join(' and ')}` : '';
}

export function filterParams(f: { ruleCodes?: CallbackRuleCode[]; priorities?: number[] }) {
  return {
    ...(f.ruleCodes?.length ? { ruleCodes: JSON.stringify(f.ruleCodes) } : {}),
    ...(f.priorities?.length ? { priorities: JSON.stringify(f.priorities) } : {}),
  };
}

interface TaskRow {
  taskId: number;
  customerId: number;
  ruleCode: CallbackRuleCode;
  ruleName: string | null;
  priority: number;
  dueDate: string;
  expiresOn: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastOutcome: CallbackOutcome | null;
  assignedUserId: number | null;
  assignedUserName: string | null;
  claimedByName: string | null;
}

interface PageEntry {
  customerId: number;
  priority: number;
  dueDate: string;
}

interface WalkRange {
  after: string;
  upTo: string;
  /** Upcoming: due dates up to this one hold only resting tasks, taken from the resting index, not walked. */
  restingUpTo?: string;
}

/** Due-date bounds of the buckets the index walk serves. */
function walkRange(bucket: QueueInput['bucket'], today: string): WalkRange {
  if (bucket === 'overdue') return { after: '', upTo: addDays(today, -1) };
  if (bucket === 'due_today') return { after: addDays(today, -1), upTo: today };
  if (bucket === 'upcoming') return { after: '', upTo: '9999-12-31', restingUpTo: today };
  return { after: '', upTo: '9999-12-31' };
}

/** Tasks due by `upTo` resting after a failed try (few), as customer ids per (priority, due date) in task order. */
function restingByKey(
  sqlite: Database.Database,
  upTo: string,
  filters: string,
  params: Record<string, unknown>,
): Map<string, number[]> {
  const rows = stmt(
    sqlite,
    `select t.priority, t.due_date as due, t.customer_id as customerId
     from callback_tasks t indexed by callback_tasks_resting_idx
     where t.status = 'open' and t.next_attempt_at > @now and t.due_date <= @upTo ${filters} order by t.id`,
  ).all({ ...params, upTo }) as { priority: number; due: string; customerId: number }[];
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.priority}|${r.due}`;
    const customers = byKey.get(key);
    if (customers) customers.push(r.customerId);
    else byKey.set(key, [r.customerId]);
  }
  return byKey;
}

/**
 * The team's page without grouping every open task (10^5 rows at scale L): walks the queue index key by key —
 * priority 1–5, then each open due date — and takes customers in order of their first (most urgent) task until
 * the page is full. Same order as the grouped query: priority, then due date, then task id.
 */
function walkPage(
  sqlite: Database.Database,
  range: WalkRange,
  cond: string,
  filters: string,
  params: Record<string, unknown>,
  limit: number,
  offset: number,
): PageEntry[] {
  const dates = openDueDates(sqlite, range.after, range.upTo);
  const rows = stmt(
    sqlite,
    `select t.customer_id from callback_tasks t indexed by callback_tasks_queue_idx
     where t.status = 'open' and t.due_date = @due and t.priority = @priority and ${cond} ${filters} order by t.id`,
  ).pluck();
  const resting = range.restingUpTo ? restingByKey(sqlite, range.restingUpTo, filters, params) : null;
  const seen = new Set<number>();
  const page: PageEntry[] = [];
  for (let priority = 1; priority <= 5; priority++) {
    for (const due of dates) {
      const customers =
        resting && range.restingUpTo && due <= range.restingUpTo
          ? (resting.get(`${priority}|${due}`) ?? [])
          : (rows.iterate({ ...params, due, priority }) as IterableIterator<number>);
      for (const customerId of customers) {
        if (seen.has(customerId)) continue;
        seen.add(customerId);
        if (seen.size <= offset) continue;
        page.push({ customerId, priority, dueDate: due });
        if (page.length === limit) return page;
      }
    }
  }
  return page;
}

/**
 * The queue as calls: one row per customer with all their open tasks in the bucket, most urgent first
 * (priority, then due date), with the bucket counts for the tabs on the first page. Expired tasks are closed first.
 */
export function callbackQueue(ctx: AuthedContext, input: QueueInput): QueueOutput {
  ensureDailyGeneration(ctx);
  const sqlite = ctx.db.$client;
  const at = ctx.clock();
  const today = localDate(at);
  const scope = input.scope === 'mine' ? `and ${mineSql}` : '';
  const filters = filterSql(input);
  const where = `t.status = 'open' ${scope} ${filters}`;
  const params = { today, now: at.toISOString(), me: ctx.user.id, ...filterParams(input) };
  const inBucket = `${where} and ${bucketSql[input.bucket]}`;

  // The tabs and the total on the first page only (later pages keep the first page's figures).
  const figures = input.offset === 0 ? queueCounts(sqlite, input, where, params) : null;
  const counts = figures?.counts ?? null;
  const total = figures?.total ?? null;

  const range = walkRange(input.bucket, today);
  // "Mine" is small (assigned or claimed: two index lookups), so it groups; the team's queue is walked.
  const page: PageEntry[] =
    input.scope === 'team'
      ? walkPage(sqlite, range, bucketSql[input.bucket], filters, params, input.limit, input.offset)
      : (stmt(
          sqlite,
          // The customer's most urgent task (priority, due date, id) as one sortable key: the walk's order.
          `select customerId, cast(substr(k, 1, 1) as integer) as priority, substr(k, 3, 10) as dueDate
           from (select t.customer_id as customerId, min(t.priority || ':' || t.due_date || ':' || printf('%012d', t.id)) as k
                 from callback_tasks t where ${inBucket} group by t.customer_id)
           order by k limit @limit offset @offset`,
        ).all({ ...params, limit: input.limit, offset: input.offset }) as PageEntry[]);
  if (page.length === 0) return { today, rows: [], total, counts };

  const tasks = stmt(
    sqlite,
    `select t.id as taskId, t.customer_id as customerId, t.rule_code as ruleCode, r.name as ruleName, t.priority,
       t.due_date as dueDate, t.expires_on as expiresOn, t.attempts, t.next_attempt_at as nextAttemptAt,
       t.last_outcome as lastOutcome, t.assigned_user_id as assignedUserId, a.display_name as assignedUserName,
       case when t.claim_expires_at >= @now then c.display_name end as claimedByName
     from callback_tasks t indexed by callback_tasks_customer_idx
     left join callback_rules r on r.code = t.rule_code
     left join users a on a.id = t.assigned_user_id
     left join users c on c.id = t.claimed_by
     where t.customer_id in (select value from json_each(@customers)) and ${inBucket}
     order by t.priority, t.due_date, t.id`,
  ).all({ ...params, customers: JSON.stringify(page.map((p) => p.customerId)) }) as TaskRow[];
  const people = stmt(
    sqlite,
    'select id, name, mobile from customers where id in (select value from json_each(?))',
  ).all(JSON.stringify(page.map((p) => p.customerId))) as {
    id: number;
    name: string;
    mobile: string | null;
  }[];
  const personById = new Map(people.map((p) => [p.id, p]));
  const tasksOf = new Map<number, QueueOutput['rows'][number]['tasks']>();
  for (const { customerId, ...t } of tasks) {
    const list = tasksOf.get(customerId) ?? [];
    list.push({ ...t, ruleName: t.ruleName ?? t.ruleCode });
    tasksOf.set(customerId, list);
  }
  return {
    today,
    total,
    counts,
    rows: page.map((p) => ({
      customerId: p.customerId,
      customerName: personById.get(p.customerId)?.name ?? '',
      mobile: personById.get(p.customerId)?.mobile ?? null,
      priority: p.priority,
      dueDate: p.dueDate,
      overdue: p.dueDate < today,
      tasks: tasksOf.get(p.customerId) ?? [],
    })),
  };
}
