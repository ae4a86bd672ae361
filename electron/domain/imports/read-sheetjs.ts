import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import * as XLSX from '@e965/xlsx';
import type { CellValue, SheetRow } from './sheet-grid';
import { isDateFormat } from './xlsx-date-formats';

export interface WorkbookSheet {
  name: string;
  /** Read on demand: most workbooks are read no further than their first sheet. */
  rows(): SheetRow[];
}

/**
 * Cell values of a workbook read by SheetJS (@e965/xlsx): Excel 97–2003 (.xls, BIFF8, what older DMS and WPS
 * export), .xlsx and OpenDocument (.ods). Dates are taken as serial numbers and turned into UTC-midnight dates
 * here, as the XLSX reader does, so a date cell never shifts a day with the host's time zone.
 */
export function readSheetJs(bytes: Buffer, opts: { maxRows: number }): WorkbookSheet[] {
  const wb: WorkBook = XLSX.read(bytes, {
    type: 'buffer',
    dense: true,
    cellDates: false,
    cellNF: true,
    cellHTML: false,
    cellText: false,
    sheetRows: opts.maxRows + 1,
  });
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const hidden = new Set(
    (wb.Workbook?.Sheets ?? []).filter((s) => s.Hidden && s.Hidden > 0).map((s) => s.name),
  );
  return wb.SheetNames.filter((name) => !hidden.has(name)).map((name) => ({
    name,
    rows: () => sheetRows(wb.Sheets[name]!, date1904),
  }));
}

function sheetRows(ws: WorkSheet, date1904: boolean): SheetRow[] {
  const data = (ws as { '!data'?: (CellObject | undefined)[][] })['!data'] ?? [];
  const rows: SheetRow[] = [];
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    if (!source) continue;
    const cells: CellValue[] = [];
    for (let c = 0; c < source.length; c++) {
      const cell = source[c];
      const value = cell ? cellValue(cell, date1904) : null;
      if (value === null) continue;
      while (cells.length < c) cells.push(null);
      cells[c] = value;
    }
    if (cells.length) rows.push({ rowNumber: r + 1, cells });
  }
  return rows;
}

function cellValue(cell: CellObject, date1904: boolean): CellValue {
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'b':
      return Boolean(cell.v);
    case 'n': {
      const n = cell.v as number;
      const format = typeof cell.z === 'string' ? cell.z : undefined;
      return format && isDateFormat(-1, format) ? serialToDate(n, date1904) : n;
    }
    case 'd':
      return cell.v instanceof Date ? cell.v : new Date(String(cell.v));
    default:
      // 'e' (an error such as #N/A) and 'z' (a styled blank) hold no value.
      return null;
  }
}

function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  // Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was; 25569 is 1970-01-01.
  return new Date(Math.round((days - 25569) * 86400) * 1000);
}
