import type { ImportApplyResult, ImportFileInput } from '../../contract/imports';
import { recordAudit } from '../audit/audit-log';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { refreshDerivedMany } from '../customers/customer-derived';
import { loadLoyaltySettings } from '../loyalty/loyalty-settings';
import type { ApplyProgress } from './apply-import';
import { countsOf, readRoFile } from './analyse-import';
import { regenerateForImport } from './import-callbacks';
import { preloadedRoLookup } from './ro-lookup';
import { planRoImport } from './ro-plan';
import { emptyRoUndo } from './ro-undo';
import { writeRoPlan } from './ro-write';

/**
 * Imports a repair-order file's valid rows as service visits. As for customers, the file is read first and
 * everything else — matching against stored orders, the visits, their points, mileage and last-visit moves, the
 * customers' derived stage, the call-back rules and the batch record — happens in one IMMEDIATE transaction.
 */
export function applyRoImport(
  ctx: ServiceContext,
  input: ImportFileInput,
  progress: ApplyProgress,
): ImportApplyResult {
  const at = ctx.clock();
  const stamp = { today: localDate(at), now: at.toISOString(), by: ctx.user?.id ?? null };
  const sqlite = ctx.db.$client;
  progress('reading', 0, 0);
  const file = readRoFile(input, stamp.today);
  const total = file.records.length;

  return sqlite
    .transaction(() => {
      progress('checking', 0, total);
      const plan = planRoImport(file.records, preloadedRoLookup(sqlite, file.records), stamp.today);
      const counts = countsOf({ blankRows: file.blankRows, results: plan.map((r) => r.result) });
      // The batch row comes first: the points the visits earn name it.
      const batchId = Number(
        sqlite
          .prepare(
            `insert into import_batches (file_name, kind, status, row_count, created_count, updated_count, skipped_count,
               undo, imported_at, imported_by) values (?, 'repair_orders', 'applied', ?, ?, 0, ?, '{}', ?, ?)`,
          )
          .run(input.fileName, counts.rows, counts.create, counts.skip, stamp.now, stamp.by).lastInsertRowid,
      );
      progress('writing', 0, total);
      const undo = emptyRoUndo();
      const step = Math.max(1, Math.floor(total / 100));
      writeRoPlan(sqlite, plan, batchId, stamp, loadLoyaltySettings(sqlite), undo, (done) => {
        if (done % step === 0 || done === total) progress('writing', done, total);
      });
      // Visits move stages (a churned owner is back) before the call-back rules read them.
      refreshDerivedMany(ctx, undo.customers);
      progress('callbacks', 0, undo.customers.length);
      regenerateForImport(ctx, undo, undo.customers, (done) =>
        progress('callbacks', done, undo.customers.length),
      );
      sqlite.prepare('update import_batches set undo = ? where id = ?').run(JSON.stringify(undo), batchId);
      const created = { customers: 0, vehicles: 0, visits: undo.serviceVisits.length };
      const updated = { customers: undo.lastVisits.length, vehicles: undo.mileage.length };
      recordAudit(ctx, {
        action: 'import.committed',
        entity: 'import',
        entityId: batchId,
        detail: { fileName: input.fileName, kind: 'repair_orders', counts, created, updated },
      });
      return {
        batchId,
        counts,
        created,
        updated,
        skippedRows: plan
          .filter((r) => r.result.action === 'skip')
          .map((r) => ({
            rowNumber: r.result.rowNumber,
            reasons: r.result.errors.length ? r.result.errors : [r.result.summary, ...r.result.warnings],
          })),
      };
    })
    .immediate();
}
