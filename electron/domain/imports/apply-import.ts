import type { ImportApplyResult, ImportFileInput, ImportPhase } from '../../contract/imports';
import { AppError } from '../../contract/errors';
import { localDate } from '../clock';
import { recordImportCommitted } from '../audit/import-audit';
import type { ServiceContext } from '../context';
import { countsOf, kindOf, readImportFile } from './analyse-import';
import { applyRoImport } from './ro-apply';
import { regenerateForImport } from './import-callbacks';
import { planImport } from './import-plan';
import { dbPlanLookup } from './plan-lookup';
import { ImportRowWriteError, writePlan } from './write-plan';
import { postImportPoints } from '../loyalty/import-points';

export type ApplyProgress = (phase: ImportPhase, done: number, total: number) => void;

/**
 * Imports the valid rows of a file; rows with errors are skipped and listed in the result. The file is read
 * first, then everything else — matching, writing, call-back generation and the batch record — happens in one
 * IMMEDIATE transaction, so matching sees exactly the data it writes over and any failure leaves no trace.
 */
export function applyImport(
  ctx: ServiceContext,
  input: ImportFileInput,
  progress: ApplyProgress = () => {},
): ImportApplyResult {
  if (kindOf(input) === 'repair_orders')
    return withRowErrors(() => applyRoImport(ctx, input, progress), progress);
  return withRowErrors(() => applyCustomerImport(ctx, input, progress), progress);
}

function applyCustomerImport(
  ctx: ServiceContext,
  input: ImportFileInput,
  progress: ApplyProgress,
): ImportApplyResult {
  const nowDate = ctx.clock();
  const clock = { now: nowDate.toISOString(), today: localDate(nowDate) };
  const sqlite = ctx.db.$client;
  progress('reading', 0, 0);
  const file = readImportFile(input, clock.today);
  const total = file.records.length;

  const run = sqlite.transaction(() => {
    progress('checking', 0, total);
    const plan = planImport(file.records, dbPlanLookup(sqlite), clock.today);
    progress('writing', 0, total);
    const step = Math.max(1, Math.floor(total / 100));
    const { undo, touchedCustomerIds } = writePlan(sqlite, plan, clock, (done) => {
      if (done % step === 0 || done === total) progress('writing', done, total);
    });

    progress('callbacks', 0, touchedCustomerIds.length);
    regenerateForImport(ctx, undo, touchedCustomerIds, (done) =>
      progress('callbacks', done, touchedCustomerIds.length),
    );

    const counts = countsOf({ blankRows: file.blankRows, results: plan.rows.map((r) => r.result) });
    const batchId = Number(
      sqlite
        .prepare(
          `insert into import_batches (file_name, status, row_count, created_count, updated_count, skipped_count, undo,
             imported_at, imported_by) values (?, 'applied', ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.fileName,
          counts.rows,
          counts.create,
          counts.update,
          counts.skip,
          JSON.stringify(undo),
          clock.now,
          ctx.user?.id ?? null,
        ).lastInsertRowid,
    );
    postImportPoints(sqlite, batchId, [...undo.created.vehicles, ...undo.updated.vehicles.map((v) => v.id)], {
      today: clock.today,
      now: clock.now,
      by: ctx.user?.id ?? null,
    });
    const created = { customers: undo.created.customers.length, vehicles: undo.created.vehicles.length };
    const updated = { customers: undo.updated.customers.length, vehicles: undo.updated.vehicles.length };
    recordImportCommitted(ctx, batchId, { fileName: input.fileName, counts, created, updated }, undo);
    const result: ImportApplyResult = {
      batchId,
      counts,
      created,
      updated,
      skippedRows: plan.rows
        .filter((r) => r.result.action === 'skip')
        .map((r) => ({
          rowNumber: r.result.rowNumber,
          reasons: r.result.errors.length ? r.result.errors : [r.result.summary, ...r.result.warnings],
        })),
    };
    return result;
  });

  return run.immediate();
}

/** Ends the job's progress, and turns a row the database refused into the message staff act on. */
function withRowErrors(run: () => ImportApplyResult, progress: ApplyProgress): ImportApplyResult {
  try {
    const result = run();
    progress('done', result.counts.rows, result.counts.rows);
    return result;
  } catch (error) {
    if (error instanceof ImportRowWriteError) {
      throw new AppError(
        'conflict',
        `导入失败：写入第 ${error.rowNumber} 行时数据库拒绝了该行，整个导入已撤回，数据未作任何修改。请检查该行后重新导入`,
        { rowNumber: error.rowNumber },
      );
    }
    throw error;
  }
}
