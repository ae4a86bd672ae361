import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { CallbackOutcome, CallbackRuleCode } from '../../contract/callbacks';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { ensureDailyGeneration } from './daily-generation';
import { addDays } from './dates';
import { openDueDates } from './open-due-dates';
import { bucketSql } from './queue-buckets';
import { queueCounts } from './queue-counts';
import { stmt } from './statements';

type QueueInput = ChannelParsedInput<'callbacks.queue'>;
type QueueOutput = ChannelOutput<'callbacks.queue'>;

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
}

/** Due-date bounds of the buckets the index walk serves (稍后重拨 is few tasks: grouped, not walked). */
function walkRange(bucket: Exclude<QueueInput['bucket'], 'resting'>, today: string): WalkRange {
  if (bucket === 'overdue') return { after: '', upTo: addDays(today, -1) };
  if (bucket === 'due_today') return { after: addDays(today, -1), upTo: today };
  if (bucket === 'upcoming') return { after: today, upTo: '9999-12-31' };
  return { after: '', upTo: '9999-12-31' };
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
  const seen = new Set<number>();
  const page: PageEntry[] = [];
  for (let priority = 1; priority <= 5; priority++) {
    for (const due of dates) {
      for (const customerId of rows.iterate({ ...params, due, priority }) as IterableIterator<number>) {
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
 * A call rests (稍后重拨) when it has tasks resting after a failed try and none callable now; then the earliest
 * retry time. Main's clock decides, the same one that put the row under its tab, not the workstation's.
 */
function restingUntil(
  tasks: readonly { nextAttemptAt: string | null; dueDate: string }[],
  now: string,
  today: string,
): string | null {
  let until: string | null = null;
  for (const t of tasks) {
    if (t.nextAttemptAt !== null && t.nextAttemptAt > now) {
      if (until === null || t.nextAttemptAt < until) until = t.nextAttemptAt;
    } else if (t.dueDate <= today) return null;
  }
  return until;
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
  // "Mine" starts from its id list (two index lookups): the unary + keeps the planner from walking every open
  // task on the queue index for the status instead (~56 ms against ~0.1 ms at scale L).
  const where = `${input.scope === 'mine' ? '+' : ''}t.status = 'open' ${scope} ${filters}`;
  const params = { today, now: at.toISOString(), me: ctx.user.id, ...filterParams(input) };
  const inBucket = `${where} and ${bucketSql[input.bucket]}`;

  // The tabs and the total on the first page only (later pages keep the first page's figures).
  const figures = input.offset === 0 ? queueCounts(sqlite, input, where, params) : null;
  const counts = figures?.counts ?? null;
  const total = figures?.total ?? null;

  // "Mine" is small (assigned or claimed: two index lookups) and so are the resting tasks (their own partial
  // index), so those group; the rest of the team's queue is walked.
  const bucket = input.bucket;
  const page: PageEntry[] =
    input.scope === 'team' && bucket !== 'resting'
      ? walkPage(
          sqlite,
          walkRange(bucket, today),
          bucketSql[bucket],
          filters,
          params,
          input.limit,
          input.offset,
        )
      : (stmt(
          sqlite,
          // The customer's most urgent task (priority, due date, id) as one sortable key: the walk's order.
          `select customerId, cast(substr(k, 1, 1) as integer) as priority, substr(k, 3, 10) as dueDate
           from (select t.customer_id as customerId, min(t.priority || ':' || t.due_date || ':' || printf('%012d', t.id)) as k
                 from callback_tasks t ${bucket === 'resting' ? 'indexed by callback_tasks_resting_idx' : ''}
                 where ${inBucket} group by t.customer_id)
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
    rows: page.map((p) => {
      const rowTasks = tasksOf.get(p.customerId) ?? [];
      return {
        customerId: p.customerId,
        customerName: personById.get(p.customerId)?.name ?? '',
        mobile: personById.get(p.customerId)?.mobile ?? null,
        priority: p.priority,
        dueDate: p.dueDate,
        overdue: p.dueDate < today,
        restingUntil: restingUntil(rowTasks, params.now, today),
        tasks: rowTasks,
      };
    }),
  };
}
