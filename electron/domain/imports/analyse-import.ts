import type Database from 'better-sqlite3';
import type { ImportFileInput, ImportKind, ImportPreview, ImportRowResult } from '../../contract/imports';
import type { ImportPlan } from './import-plan';
import { planImport } from './import-plan';
import { dbPlanLookup } from './plan-lookup';
import type { ReadUpload } from './read-upload';
import { readUpload } from './read-upload';
import { preloadedRoLookup } from './ro-lookup';
import { planRoImport } from './ro-plan';
import type { PlannedRo } from './ro-plan';
import type { RoRecord } from './ro-record';
import { readRoRecord } from './ro-record';
import type { RowRecord } from './row-record';
import { isBlankRow, isTotalsRow, readRowRecord } from './row-record';
import type { ColumnBinding } from './header-row';
import type { SheetRow } from './sheet-grid';

export interface ImportFileRows<R = RowRecord> {
  upload: ReadUpload;
  records: R[];
  blankRows: number;
}

export interface ImportAnalysis extends ImportFileRows {
  plan: ImportPlan;
}

export interface RoAnalysis extends ImportFileRows<RoRecord> {
  plan: PlannedRo[];
}

/** What a preview and the counts are made of, whatever the file held. */
export interface AnalysedRows {
  upload: ReadUpload;
  blankRows: number;
  results: ImportRowResult[];
}

export const kindOf = (input: ImportFileInput): ImportKind => input.kind ?? 'customers';

/**
 * The file's data rows read into records by `read`; no database involved. Title rows above the header and
 * totals rows (合计 …) are skipped the same way for every kind of file.
 */
function readRows<R>(
  input: ImportFileInput,
  read: (row: SheetRow, columns: ColumnBinding[]) => R,
): ImportFileRows<R> {
  const upload = readUpload(input.fileName, input.contentBase64, input.mapping ?? {}, kindOf(input));
  const { grid, header } = upload;
  const records: R[] = [];
  let blankRows = 0;
  let previous = header.rowNumber;
  for (let i = header.index + 1; i < grid.rows.length; i++) {
    const row = grid.rows[i]!;
    if (isBlankRow(row)) continue;
    // Blank rows between data rows are counted (an XLSX leaves them out entirely); trailing ones are not.
    blankRows += row.rowNumber - previous - 1;
    previous = row.rowNumber;
    if (isTotalsRow(row)) continue;
    records.push(read(row, header.columns));
  }
  return { upload, records, blankRows };
}

export function readImportFile(input: ImportFileInput, today: string): ImportFileRows {
  return readRows(input, (row, columns) => readRowRecord(row, columns, today));
}

export function readRoFile(input: ImportFileInput, today: string): ImportFileRows<RoRecord> {
  return readRows(input, (row, columns) => readRoRecord(row, columns, today));
}

/** File → rows → plan against the database: the whole dry run, shared by preview and apply. */
export function analyseImport(
  sqlite: Database.Database,
  input: ImportFileInput,
  today: string,
): ImportAnalysis {
  const file = readImportFile(input, today);
  return { ...file, plan: planImport(file.records, dbPlanLookup(sqlite), today) };
}

export function analyseRoImport(
  sqlite: Database.Database,
  input: ImportFileInput,
  today: string,
): RoAnalysis {
  const file = readRoFile(input, today);
  return { ...file, plan: planRoImport(file.records, preloadedRoLookup(sqlite, file.records), today) };
}

/** The dry run of either kind of file, as the preview shows it. */
export function previewFile(sqlite: Database.Database, input: ImportFileInput, today: string): ImportPreview {
  if (kindOf(input) === 'repair_orders') {
    const a = analyseRoImport(sqlite, input, today);
    return previewOf(input, { ...a, results: a.plan.map((r) => r.result) });
  }
  const a = analyseImport(sqlite, input, today);
  return previewOf(input, { ...a, results: a.plan.rows.map((r) => r.result) });
}

export function countsOf(analysis: Pick<AnalysedRows, 'blankRows' | 'results'>): ImportPreview['counts'] {
  const rows = analysis.results;
  return {
    rows: rows.length,
    create: rows.filter((r) => r.action === 'create').length,
    update: rows.filter((r) => r.action === 'update').length,
    skip: rows.filter((r) => r.action === 'skip').length,
    withErrors: rows.filter((r) => r.errors.length > 0).length,
    withWarnings: rows.filter((r) => r.warnings.length > 0).length,
    blankRows: analysis.blankRows,
  };
}

export function previewOf(input: ImportFileInput, analysis: AnalysedRows): ImportPreview {
  const { grid, header } = analysis.upload;
  const columns = header.columns.map((c) => ({
    column: c.column,
    header: c.header,
    field: c.field,
    source: c.source,
  }));
  return {
    kind: kindOf(input),
    fileName: input.fileName,
    format: grid.format,
    encoding: grid.encoding,
    sheetName: grid.sheetName,
    headerRow: header.rowNumber,
    columns,
    unknownHeaders: [...new Set(columns.filter((c) => c.source === 'unknown').map((c) => c.header))],
    rows: analysis.results,
    counts: countsOf(analysis),
  };
}
