/** One cell as the readers hand it over: text from CSV, typed values from workbooks. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number staff see in Excel (for CSV: the record number, header included). */
  rowNumber: number;
  cells: CellValue[];
}

export interface SheetGrid {
  format: 'xlsx' | 'xls' | 'ods' | 'csv';
  encoding: string | null;
  sheetName: string | null;
  rows: SheetRow[];
}

/** A, B, … Z, AA, AB … for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function isBlankCell(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}
