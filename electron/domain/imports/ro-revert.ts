import { withVisitDeletesInBulk } from '../../../db/suspended-triggers';
import type { ChannelOutput } from '../../contract';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/audit-log';
import { regenerateMany } from '../callbacks/regenerate-for-customer';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { refreshDerivedMany } from '../customers/customer-derived';
import { postingStamp } from '../loyalty/earnings';
import { reverseImportPoints } from '../loyalty/import-points';
import { restoreCallbackTasks } from './import-callbacks';
import type { ReferenceIssue } from './revert-references';
import { findReferences } from './revert-references';
import type { RoUndo } from './ro-undo';

type RevertResult = ChannelOutput<'imports.revert'>;
const json = (ids: number[]) => JSON.stringify(ids);

/**
 * Undoes a repair-order batch inside revertImport's transaction: its points are reversed, its visits and the
 * call-back tasks generated for them deleted, the cars' mileage and customers' last visit put back where the
 * import had moved them (and nothing moved them since), and the call-back rules run again for those customers.
 * Refused, changing nothing, when an imported visit was edited or anything (a CSI survey, a complaint…) now
 * points at one.
 */
export function revertRoBatch(ctx: ServiceContext, batchId: number, undo: RoUndo): RevertResult {
  const sqlite = ctx.db.$client;
  const count = (sql: string, ...params: unknown[]) =>
    (sqlite.prepare(sql).get(...params) as { n: number }).n;
  const issues: ReferenceIssue[] = [];
  const edited = count(
    'select count(*) as n from service_visits where id in (select value from json_each(?)) and version <> 1',
    json(undo.serviceVisits),
  );
  if (edited) issues.push({ table: 'service_visits', label: '导入的进站记录之后被修改过', count: edited });
  const worked = count(
    `select count(*) as n from callback_tasks where id in (select value from json_each(?))
       and (status = 'done' or attempts > 0 or claimed_by is not null or completed_by is not null)`,
    json(undo.created.callbackTasks),
  );
  if (worked) issues.push({ table: 'callback_tasks', label: '导入生成的回访任务已被处理', count: worked });
  issues.push(
    ...findReferences(sqlite, {
      deleted: { service_visits: undo.serviceVisits, callback_tasks: undo.created.callbackTasks },
      own: { callback_tasks: undo.created.callbackTasks },
    }),
  );
  if (issues.length) {
    const list = issues.map((i) => `${i.label} ${i.count} 条`).join('；');
    throw new AppError(
      'conflict',
      `无法撤销该批次：导入之后已有数据依赖或修改了本次导入的记录（${list}）。请先处理这些数据`,
      { issues },
    );
  }

  reverseImportPoints(sqlite, batchId, [], postingStamp(ctx));
  const run = (sql: string, ids: number[]) => (ids.length ? sqlite.prepare(sql).run(json(ids)).changes : 0);
  const removedTasks = run(
    'delete from callback_tasks where id in (select value from json_each(?))',
    undo.created.callbackTasks,
  );
  // Their visit facts set-based, once (the delete trigger's statements per row cost ~8 ms a visit at scale L).
  const removedVisits = withVisitDeletesInBulk(sqlite, undo.serviceVisits, () =>
    run('delete from service_visits where id in (select value from json_each(?))', undo.serviceVisits),
  );
  const now = ctx.clock().toISOString();
  // Only a value still as the import left it goes back: a reading or visit recorded since stays.
  const restoreMileage = sqlite.prepare(
    `update vehicles set mileage_km = ?, mileage_at = ?, updated_at = ?, version = version + 1
     where id = ? and mileage_km is ? and mileage_at is ?`,
  );
  let vehicles = 0;
  for (const m of undo.mileage)
    vehicles += restoreMileage.run(m.before.km, m.before.at, now, m.id, m.after.km, m.after.at).changes;
  const restoreLastVisit = sqlite.prepare(
    'update customers set last_visit_at = ? where id = ? and last_visit_at is ?',
  );
  let customers = 0;
  for (const l of undo.lastVisits) customers += restoreLastVisit.run(l.before, l.id, l.after).changes;
  restoreCallbackTasks(sqlite, undo);
  // As refreshDerived then regenerateCallbacksForCustomer for each, read for many at once: a customer's call-back
  // rules read its own stage, which no other customer's refresh writes.
  refreshDerivedMany(ctx, undo.customers);
  const at = ctx.clock();
  regenerateMany(sqlite, undo.customers, localDate(at), at.toISOString());

  sqlite
    .prepare("update import_batches set status = 'reverted', reverted_at = ?, reverted_by = ? where id = ?")
    .run(now, ctx.user?.id ?? null, batchId);
  const result: RevertResult = {
    batchId,
    removed: { customers: 0, vehicles: 0, callbackTasks: removedTasks, visits: removedVisits },
    restored: { customers, vehicles },
  };
  recordAudit(ctx, {
    action: 'import.reverted',
    entity: 'import',
    entityId: batchId,
    detail: { kind: 'repair_orders', removed: result.removed, restored: result.restored },
  });
  return result;
}
