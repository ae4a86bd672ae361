import type Database from 'better-sqlite3';
import type { ImportFileInput, ImportPreview } from '../../contract/imports';
import type { ImportPlan } from './import-plan';
import { planImport } from './import-plan';
import { dbPlanLookup } from './plan-lookup';
import type { ReadUpload } from './read-upload';
import { readUpload } from './read-upload';
import type { RowRecord } from './row-record';
import { isBlankRow, isTotalsRow, readRowRecord } from './row-record';

export interface ImportFileRows {
  upload: ReadUpload;
  records: RowRecord[];
  blankRows: number;
}

export interface ImportAnalysis extends ImportFileRows {
  plan: ImportPlan;
}

/** The file's data rows read into records; no database involved. */
export function readImportFile(input: ImportFileInput, today: string): ImportFileRows {
  const upload = readUpload(input.fileName, input.contentBase64, input.mapping ?? {});
  const { grid, header } = upload;
  const records: RowRecord[] = [];
  let blankRows = 0;
  let previous = header.rowNumber;
  for (let i = header.index + 1; i < grid.rows.length; i++) {
    const row = grid.rows[i]!;
    if (isBlankRow(row)) continue;
    // Blank rows between data rows are counted (an XLSX leaves them out entirely); trailing ones are not.
    blankRows += row.rowNumber - previous - 1;
    previous = row.rowNumber;
    if (isTotalsRow(row)) continue;
    records.push(readRowRecord(row, header.columns, today));
  }
  return { upload, records, blankRows };
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

export function countsOf(analysis: ImportAnalysis): ImportPreview['counts'] {
  const rows = analysis.plan.rows.map((r) => r.result);
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

export function previewOf(input: ImportFileInput, analysis: ImportAnalysis): ImportPreview {
  const { grid, header } = analysis.upload;
  const columns = header.columns.map((c) => ({
    column: c.column,
    header: c.header,
    field: c.field,
    source: c.source,
  }));
  return {
    fileName: input.fileName,
    format: grid.format,
    encoding: grid.encoding,
    sheetName: grid.sheetName,
    headerRow: header.rowNumber,
    columns,
    unknownHeaders: [...new Set(columns.filter((c) => c.source === 'unknown').map((c) => c.header))],
    rows: analysis.plan.rows.map((r) => r.result),
    counts: countsOf(analysis),
  };
}
