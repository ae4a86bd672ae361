import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { bucketSql } from './queue-buckets';
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

/**
 * The whole team's queue with no type or priority filter, the view every operator opens: each figure is a count
 * over an index range, never an expression per task (10^5 open tasks at scale L). The resting tasks are few, on
 * their own partial index: each due-date tab is the tasks due then minus the resting ones among them.
 */
function teamCounts(sqlite: Database.Database, bucket: QueueInput['bucket'], p: CountParams): QueueCounts {
  const count = (sql: string) => stmt(sqlite, sql).pluck().get(p) as number;
  const due = (range: string) =>
    count(
      `select count(*) from callback_tasks t indexed by callback_tasks_queue_idx where t.status = 'open' and ${range}`,
    );
  const restingSql = `from callback_tasks t indexed by callback_tasks_resting_idx
       where t.status = 'open' and ${bucketSql.resting}`;
  const resting = (range: string) => count(`select count(*) ${restingSql} and ${range}`);
  const overdue = due('t.due_date < @today') - resting('t.due_date < @today');
  const dueToday = due('t.due_date = @today') - resting('t.due_date = @today');
  const restingAll = resting('1 = 1');
  // The buckets split the open tasks, so 即将到期 is the rest: one range count fewer.
  const counts = {
    overdue,
    dueToday,
    upcoming: due('1 = 1') - overdue - dueToday - restingAll,
    resting: restingAll,
  };
  // Distinct customers: the customer index is in customer order and holds the bucket's columns, so this is one
  // pass over index entries with no sort; the resting ones are read from their own index.
  const total =
    bucket === 'resting'
      ? count(`select count(distinct t.customer_id) ${restingSql}`)
      : count(
          `select count(distinct t.customer_id) from callback_tasks t indexed by callback_tasks_customer_idx
           where t.status = 'open' and ${bucketSql[bucket]}`,
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
  const has = { overdue: 'o > 0', due_today: 'd > 0', upcoming: 'u > 0', resting: 'r > 0', all: '1' }[bucket];
  const row = stmt(
    sqlite,
    `select coalesce(sum(o), 0) as overdue, coalesce(sum(d), 0) as dueToday, coalesce(sum(u), 0) as upcoming,
       coalesce(sum(r), 0) as resting, coalesce(sum(${has}), 0) as total
     from (select sum(${bucketSql.overdue}) as o, sum(${bucketSql.due_today}) as d,
             sum(${bucketSql.upcoming}) as u, sum(coalesce(${bucketSql.resting}, 0)) as r
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
