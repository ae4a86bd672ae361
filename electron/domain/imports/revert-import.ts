import type Database from 'better-sqlite3';
import type { ChannelOutput } from '../../contract';
import { AppError } from '../../contract/errors';
import { regenerateCallbacksForCustomer } from '../callbacks/regenerate-for-customer';
import { importRevertBefore, recordImportReverted } from '../audit/import-audit';
import type { ServiceContext } from '../context';
import { restoreCallbackTasks } from './import-callbacks';
import type { ImportUndo, StoredRow } from './import-undo';
import type { ReferenceIssue } from './revert-references';
import { findReferences } from './revert-references';
import { revertRoBatch } from './ro-revert';
import { isRoUndo } from './ro-undo';
import { postingStamp } from '../loyalty/earnings';
import { reverseImportPoints } from '../loyalty/import-points';

type RevertResult = ChannelOutput<'imports.revert'>;

const json = (ids: number[]) => JSON.stringify(ids);

function restoreRow(sqlite: Database.Database, table: 'customers' | 'vehicles', row: StoredRow): void {
  const cols = Object.keys(row).filter((c) => c !== 'id');
  sqlite
    .prepare(`update ${table} set ${cols.map((c) => `"${c}" = ?`).join(', ')} where id = ?`)
    .run(...cols.map((c) => row[c] as unknown), row.id);
}

/** Rows written since the import: created ones no longer at version 1, updated ones past the import's version. */
function editedSince(sqlite: Database.Database, undo: ImportUndo): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const count = (sql: string, ...params: unknown[]) =>
    (sqlite.prepare(sql).get(...params) as { n: number }).n;
  const created = (table: string, ids: number[], label: string) => {
    const n = count(
      `select count(*) as n from ${table} where id in (select value from json_each(?)) and version <> 1`,
      json(ids),
    );
    if (n) issues.push({ table, label, count: n });
  };
  created('customers', undo.created.customers, '导入新建的客户之后被修改过');
  created('vehicles', undo.created.vehicles, '导入新建的车辆之后被修改过');
  const updated = (table: 'customers' | 'vehicles', rows: StoredRow[], label: string) => {
    const versionNow = sqlite.prepare(`select version from ${table} where id = ?`);
    const n = rows.filter(
      (r) => (versionNow.get(r.id) as { version: number } | undefined)?.version !== r.version + 1,
    ).length;
    if (n) issues.push({ table, label, count: n });
  };
  updated('customers', undo.updated.customers, '导入更新的客户之后又被修改过（或已删除）');
  updated('vehicles', undo.updated.vehicles, '导入更新的车辆之后又被修改过（或已删除）');
  const worked = count(
    `select count(*) as n from callback_tasks where id in (select value from json_each(?))
       and (status = 'done' or attempts > 0 or claimed_by is not null or completed_by is not null)`,
    json(undo.created.callbackTasks),
  );
  if (worked) issues.push({ table: 'callback_tasks', label: '导入生成的回访任务已被处理', count: worked });
  return issues;
}

/**
 * Undoes an import in one transaction: deletes what it created and puts every updated row back as it was.
 * Refused with a conflict — changing nothing — when anything was edited after the import or new data
 * (a visit, a call, a tag…) points at a row it would delete; staff then deal with that data first.
 */
export function revertImport(ctx: ServiceContext, batchId: number): RevertResult {
  // Foreign keys stay on: every column referencing customers, vehicles and tasks is indexed (migration 0006).
  return ctx.db.$client.transaction(() => revertInTransaction(ctx, batchId)).immediate();
}

function revertInTransaction(ctx: ServiceContext, batchId: number): RevertResult {
  const sqlite = ctx.db.$client;
  const batch = sqlite.prepare('select status, undo from import_batches where id = ?').get(batchId) as
    { status: string; undo: string } | undefined;
  if (!batch) throw new AppError('not_found', '该导入记录不存在');
  if (batch.status === 'reverted') throw new AppError('conflict', '该批次已经撤销过了');
  const undo = JSON.parse(batch.undo) as ImportUndo;
  if (isRoUndo(undo)) return revertRoBatch(ctx, batchId, undo);
  const updatedVehicleIds = undo.updated.vehicles.map((v) => v.id);
  // The batch's points go first: its ledger lines would otherwise hold on to the customers it created.
  reverseImportPoints(sqlite, batchId, undo.created.customers, postingStamp(ctx));

  const issues = [
    ...editedSince(sqlite, undo),
    ...findReferences(sqlite, {
      deleted: {
        customers: undo.created.customers,
        vehicles: undo.created.vehicles,
        vehicle_ownerships: undo.created.vehicleOwnerships,
        callback_tasks: undo.created.callbackTasks,
      },
      own: {
        vehicle_ownerships: undo.created.vehicleOwnerships,
        callback_tasks: undo.created.callbackTasks,
        vehicles: [...undo.created.vehicles, ...updatedVehicleIds],
      },
    }),
  ];
  if (issues.length) {
    const list = issues.map((i) => `${i.label} ${i.count} 条`).join('；');
    throw new AppError(
      'conflict',
      `无法撤销该批次：导入之后已有数据依赖或修改了本次导入的记录（${list}）。请先处理这些数据`,
      {
        issues,
      },
    );
  }

  // Whoever owns an updated vehicle now (the import may have given it to them) is looked at again afterwards.
  const ownerNow = sqlite.prepare('select owner_id as ownerId from vehicles where id = ?');
  const vehicleOwners = updatedVehicleIds.map(
    (id) => (ownerNow.get(id) as { ownerId: number | null }).ownerId,
  );

  const restoredFrom = importRevertBefore(sqlite, undo);
  const run = (sql: string, ids: number[]) => (ids.length ? sqlite.prepare(sql).run(json(ids)).changes : 0);
  const removedTasks = run(
    'delete from callback_tasks where id in (select value from json_each(?))',
    undo.created.callbackTasks,
  );
  run(
    'delete from vehicle_ownerships where id in (select value from json_each(?))',
    undo.created.vehicleOwnerships,
  );
  for (const row of undo.updated.vehicles) restoreRow(sqlite, 'vehicles', row);
  const removedVehicles = run(
    'delete from vehicles where id in (select value from json_each(?))',
    undo.created.vehicles,
  );
  for (const row of undo.updated.customers) restoreRow(sqlite, 'customers', row);
  restoreCallbackTasks(sqlite, undo);
  const removedCustomers = run(
    'delete from customers where id in (select value from json_each(?))',
    undo.created.customers,
  );

  // Customers that stay may have lost a car or a delivery date: let the call-back rules look again.
  const created = new Set(undo.created.customers);
  const stay = new Set<number>(undo.updated.customers.map((c) => c.id));
  for (const id of [...vehicleOwners, ...undo.updated.vehicles.map((v) => v.owner_id)]) {
    if (typeof id === 'number' && !created.has(id)) stay.add(id);
  }
  for (const id of stay) regenerateCallbacksForCustomer(ctx, id);

  sqlite
    .prepare("update import_batches set status = 'reverted', reverted_at = ?, reverted_by = ? where id = ?")
    .run(ctx.clock().toISOString(), ctx.user?.id ?? null, batchId);
  const result = {
    batchId,
    removed: { customers: removedCustomers, vehicles: removedVehicles, callbackTasks: removedTasks },
    restored: { customers: undo.updated.customers.length, vehicles: undo.updated.vehicles.length },
  };
  recordImportReverted(
    ctx,
    batchId,
    { removed: result.removed, restored: result.restored },
    undo,
    restoredFrom,
  );
  return result;
}
