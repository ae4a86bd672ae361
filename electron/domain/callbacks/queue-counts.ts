import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { stmt } from './statements';

type QueueInput = ChannelParsedInput<'callbacks.queue'>;
type Counts = NonNullable<ChannelOutput<'callbacks.queue'>['counts']>;

export interface QueueCounts {
  counts: Counts;
  /** Customers with at least one task in the asked-for bucket. */
  total: number;
}

interface CountParams {
  today: string;
  now: string;
  me: number;
}

const ready = '(t.next_attempt_at is null or t.next_attempt_at <= @now)';

/**
 * The whole team's queue with no type or priority filter, the view every operator opens: each figure is a count
 * over an index range, never an expression per task (10^5 open tasks at scale L). The buckets split the open
 * tasks: overdue and due today are the tasks due then minus the resting ones (few, on their own partial index);
 * upcoming is the rest.
 */
function teamCounts(sqlite: Database.Database, bucket: QueueInput['bucket'], p: CountParams): QueueCounts {
  const count = (sql: string) => stmt(sqlite, sql).pluck().get(p) as number;
  const due = (range: string) =>
    count(
      `select count(*) from callback_tasks t indexed by callback_tasks_queue_idx where t.status = 'open' and ${range}`,
    );
  const resting = (range: string) =>
    count(
      `select count(*) from callback_tasks t indexed by callback_tasks_resting_idx
       where t.status = 'open' and t.next_attempt_at > @now and ${range}`,
    );
  const open = due('1 = 1');
  const overdue = due('t.due_date < @today') - resting('t.due_date < @today');
  const dueToday = due('t.due_date = @today') - resting('t.due_date = @today');
  const counts = { overdue, dueToday, upcoming: open - overdue - dueToday };
  // Distinct customers: the customer index is in customer order and holds the bucket's columns, so this is one
  // pass over index entries with no sort.
  const inBucket = {
    overdue: `t.due_date < @today and ${ready}`,
    due_today: `t.due_date = @today and ${ready}`,
    upcoming: '(t.due_date > @today or t.next_attempt_at > @now)',
    all: '1 = 1',
  }[bucket];
  const total = count(
    `select count(distinct t.customer_id) from callback_tasks t indexed by callback_tasks_customer_idx
     where t.status = 'open' and ${inBucket}`,
  );
  return { counts, total };
}

/**
 * Any other view, in one pass grouped by customer. The team's filtered views read the customer index, which
 * covers every column read here, so no task row is read; "mine" is found through the assignment and claim
 * indexes (a few rows) by the planner.
 */
function groupedCounts(
  sqlite: Database.Database,
  input: QueueInput,
  where: string,
  params: Record<string, unknown>,
): QueueCounts {
  const { bucket } = input;
  const hint = input.scope === 'team' ? 'indexed by callback_tasks_customer_idx' : '';
  const row = stmt(
    sqlite,
    `select coalesce(sum(o), 0) as overdue, coalesce(sum(d), 0) as dueToday, coalesce(sum(n - o - d), 0) as upcoming,
       coalesce(sum(${{ overdue: 'o > 0', due_today: 'd > 0', upcoming: 'n - o - d > 0', all: '1' }[bucket]}), 0) as total
     from (select count(*) as n, sum(t.due_date < @today and ${ready}) as o, sum(t.due_date = @today and ${ready}) as d
           from callback_tasks t ${hint} where ${where} group by t.customer_id)`,
  ).get(params) as Counts & { total: number };
  const { total, ...counts } = row;
  return { counts, total };
}

/** The tab figures (tasks per bucket) and the number of customers in the chosen bucket. */
export function queueCounts(
  sqlite: Database.Database,
  input: QueueInput,
  where: string,
  params: CountParams & Record<string, unknown>,
): QueueCounts {
  const unfiltered = input.scope === 'team' && !input.ruleCodes?.length && !input.priorities?.length;
  return unfiltered
    ? teamCounts(sqlite, input.bucket, { today: params.today, now: params.now, me: params.me })
    : groupedCounts(sqlite, input, where, params);
}
