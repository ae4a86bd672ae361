import type Database from 'better-sqlite3';
import type { ServiceContext } from '../context';
import { prepared } from '../customers/sql-cache';
import type { ImportUndo, StoredRow } from '../imports/import-undo';
import { customerShape } from './audit-shapes';
import { recordAudit } from './audit-log';
import { changesOf, snapshotOf } from './row-changes';

const storedRow = (sqlite: Database.Database, id: number) =>
  prepared(sqlite, 'select * from customers where id = ?').get(id) as Record<string, unknown> | undefined;

/** Fields that differ between two stored customer rows, masked and redacted as for a card edit. */
function rowChanges(sqlite: Database.Database, from: StoredRow | undefined, id: number) {
  return changesOf(
    snapshotOf(from, customerShape),
    snapshotOf(storedRow(sqlite, id), customerShape),
    customerShape,
  );
}

/**
 * An import is one row for the batch and one per customer it touched, so a customer's trail shows the
 * import too. A created card's values are in the card itself; an updated card's row lists what the file
 * changed. Runs inside the import's transaction (in the worker, on its own connection: the IMMEDIATE
 * transaction keeps the chain's order).
 */
export function recordImportCommitted(
  ctx: ServiceContext,
  batchId: number,
  summary: Record<string, unknown>,
  undo: ImportUndo,
): void {
  const sqlite = ctx.db.$client;
  recordAudit(ctx, { action: 'import.committed', entity: 'import', entityId: batchId, detail: summary });
  for (const id of undo.created.customers) {
    recordAudit(ctx, {
      action: 'import.committed',
      entity: 'customer',
      entityId: id,
      customerId: id,
      detail: { batchId, created: true },
    });
  }
  for (const before of undo.updated.customers) {
    recordAudit(ctx, {
      action: 'import.committed',
      entity: 'customer',
      entityId: before.id,
      customerId: before.id,
      detail: { batchId, changes: rowChanges(sqlite, before, before.id) },
    });
  }
}

/** What a revert is about to put back: the customers' rows as they are now, before restoring them. */
export function importRevertBefore(sqlite: Database.Database, undo: ImportUndo): Map<number, StoredRow> {
  return new Map(
    undo.updated.customers.map((r) => [
      r.id,
      (storedRow(sqlite, r.id) ?? { id: r.id, version: 0 }) as StoredRow,
    ]),
  );
}

/** The revert: a row for the batch, one per removed card, and one per restored card with what it got back. */
export function recordImportReverted(
  ctx: ServiceContext,
  batchId: number,
  summary: Record<string, unknown>,
  undo: ImportUndo,
  restoredFrom: Map<number, StoredRow>,
): void {
  const sqlite = ctx.db.$client;
  recordAudit(ctx, { action: 'import.reverted', entity: 'import', entityId: batchId, detail: summary });
  for (const id of undo.created.customers) {
    recordAudit(ctx, {
      action: 'import.reverted',
      entity: 'customer',
      entityId: id,
      customerId: id,
      detail: { batchId, removed: true },
    });
  }
  for (const [id, before] of restoredFrom) {
    recordAudit(ctx, {
      action: 'import.reverted',
      entity: 'customer',
      entityId: id,
      customerId: id,
      detail: { batchId, changes: rowChanges(sqlite, before, id) },
    });
  }
}
