import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { callbackWorkerRoles } from './manager-reports';
import { filterParams, filterSql } from './queue';
import { bucketSql } from './queue-buckets';
import { stmt } from './statements';

function checkWorkers(sqlite: Database.Database, userIds: readonly number[]): void {
  const ok = stmt(
    sqlite,
    `select id from users where id in (select value from json_each(?)) and disabled = 0
       and role in (${callbackWorkerRoles.map((r) => `'${r}'`).join(', ')})`,
  )
    .pluck()
    .all(JSON.stringify(userIds)) as number[];
  const missing = userIds.filter((id) => !ok.includes(id));
  if (missing.length > 0) {
    throw new AppError('validation', '所选人员不存在、已停用或没有回访权限', {
      fields: { userIds: `无效的人员：${missing.join('、')}` },
    });
  }
}

/** Assigns open tasks to one operator (null: back to the team queue). */
export function assignTasks(
  ctx: AuthedContext,
  input: ChannelParsedInput<'callbacks.assign'>,
): { assigned: number } {
  const sqlite = ctx.db.$client;
  return sqlite.transaction(() => {
    if (input.userId !== null) checkWorkers(sqlite, [input.userId]);
    const assigned = stmt(
      sqlite,
      `update callback_tasks set assigned_user_id = @userId, updated_at = @now, version = version + 1
       where id in (select value from json_each(@ids)) and status = 'open'`,
    ).run({
      userId: input.userId,
      ids: JSON.stringify(input.taskIds),
      now: ctx.clock().toISOString(),
    }).changes;
    return { assigned };
  })();
}

/**
 * Spreads open tasks (given, or matching a queue filter) over operators round-robin by customer, so one
 * customer's reasons stay one call for one operator; most urgent customers are dealt first.
 */
export function spreadTasks(
  ctx: AuthedContext,
  input: ChannelParsedInput<'callbacks.spread'>,
): ChannelOutput<'callbacks.spread'> {
  const sqlite = ctx.db.$client;
  const at = ctx.clock();
  return sqlite.transaction(() => {
    checkWorkers(sqlite, input.userIds);
    let rows: { id: number; customerId: number }[];
    const order = 'order by min(t.priority) over w, min(t.due_date) over w, t.customer_id, t.id';
    if (input.taskIds) {
      rows = stmt(
        sqlite,
        `select t.id, t.customer_id as customerId from callback_tasks t
         where t.id in (select value from json_each(?)) and t.status = 'open'
         window w as (partition by t.customer_id) ${order}`,
      ).all(JSON.stringify(input.taskIds)) as typeof rows;
    } else {
      const f = input.filter!;
      rows = stmt(
        sqlite,
        `select t.id, t.customer_id as customerId from callback_tasks t
         where t.status = 'open' and ${bucketSql[f.bucket]} ${filterSql(f)}
           ${f.onlyUnassigned ? 'and t.assigned_user_id is null' : ''}
         window w as (partition by t.customer_id) ${order}`,
      ).all({ today: localDate(at), now: at.toISOString(), ...filterParams(f) }) as typeof rows;
    }
    const update = stmt(
      sqlite,
      'update callback_tasks set assigned_user_id = ?, updated_at = ?, version = version + 1 where id = ?',
    );
    const perUser = input.userIds.map((userId) => ({ userId, customers: 0, tasks: 0 }));
    let slot = -1;
    let lastCustomer: number | null = null;
    for (const r of rows) {
      if (r.customerId !== lastCustomer) {
        slot = (slot + 1) % perUser.length;
        perUser[slot]!.customers++;
        lastCustomer = r.customerId;
      }
      update.run(perUser[slot]!.userId, at.toISOString(), r.id);
      perUser[slot]!.tasks++;
    }
    return { assigned: rows.length, perUser };
  })();
}
