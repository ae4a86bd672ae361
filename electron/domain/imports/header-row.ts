import type { AnyImportField, ImportKind } from '../../contract/imports';
import { importFieldsOf } from '../../contract/imports';
import { cellText } from './cell-text';
import { fieldForHeader, headerSaysTenThousands } from './header-dictionary';
import type { SheetRow } from './sheet-grid';
import { columnLetter } from './sheet-grid';

export type ImportMapping = Partial<Record<string, AnyImportField | 'ignore'>>;

export interface ColumnBinding {
  index: number;
  column: string;
  header: string;
  field: AnyImportField | null;
  source: 'dictionary' | 'mapping' | 'ignored' | 'unknown' | 'duplicate';
  /** The heading says the numbers are in 万 (price in 万元, mileage in 万公里). */
  tenThousands: boolean;
}

export interface HeaderLocation {
  /** Index into the sheet's rows. */
  index: number;
  rowNumber: number;
  columns: ColumnBinding[];
}

// A title row or a note above the table never names two known columns; a header row does.
const minKnownHeaders = 2;
const headerSearchRows = 30;

function resolveField(
  header: string,
  mapping: ImportMapping,
  kind: ImportKind,
): Pick<ColumnBinding, 'field' | 'source'> {
  const mapped = mapping[header];
  if (mapped === 'ignore') return { field: null, source: 'ignored' };
  // A field of the other kind of file (a mapping kept from before the kind was switched) means nothing here.
  if (mapped && importFieldsOf[kind].includes(mapped)) return { field: mapped, source: 'mapping' };
  const known = fieldForHeader(header, kind);
  return known ? { field: known, source: 'dictionary' } : { field: null, source: 'unknown' };
}

/** The first row among the top rows that names at least two known columns; null when there is none. */
export function locateHeader(
  rows: SheetRow[],
  mapping: ImportMapping,
  kind: ImportKind = 'customers',
): HeaderLocation | null {
  const limit = Math.min(rows.length, headerSearchRows);
  for (let i = 0; i < limit; i++) {
    const row = rows[i]!;
    const known = row.cells.filter((c) => {
      const text = cellText(c);
      return text !== '' && resolveField(text, mapping, kind).field !== null;
    }).length;
    if (known >= minKnownHeaders)
      return { index: i, rowNumber: row.rowNumber, columns: bindColumns(row, mapping, kind) };
  }
  return null;
}

/**
 * One binding per non-blank heading; blank columns (in the middle or trailing) are left out. A field claimed by
 * an earlier column is not fed twice: a second phone column becomes the spare phone, anything else is dropped.
 */
function bindColumns(row: SheetRow, mapping: ImportMapping, kind: ImportKind): ColumnBinding[] {
  const taken = new Set<AnyImportField>();
  const columns: ColumnBinding[] = [];
  row.cells.forEach((cell, index) => {
    const header = cellText(cell);
    if (header === '') return;
    let { field, source } = resolveField(header, mapping, kind);
    if (field && taken.has(field)) {
      if (field === 'mobile' && !taken.has('mobile2')) field = 'mobile2';
      else {
        field = null;
        source = 'duplicate';
      }
    }
    if (field) taken.add(field);
    columns.push({
      index,
      column: columnLetter(index),
      header,
      field,
      source,
      tenThousands: headerSaysTenThousands(header),
    });
  });
  return columns;
}

/**
 * When no row names two known columns, the likeliest header all the same (the top row with the most
 * filled cells, at least two): staff map its headings by hand and the file is checked again.
 */
export function guessHeaderRow(
  rows: SheetRow[],
): { rowNumber: number; columns: { column: string; header: string }[] } | null {
  let best: { rowNumber: number; columns: { column: string; header: string }[] } | null = null;
  for (const row of rows.slice(0, headerSearchRows)) {
    const seen = new Set<string>();
    const columns: { column: string; header: string }[] = [];
    row.cells.forEach((cell, index) => {
      const header = cellText(cell);
      if (header === '' || seen.has(header)) return;
      seen.add(header);
      columns.push({ column: columnLetter(index), header });
    });
    if (columns.length >= 2 && columns.length > (best?.columns.length ?? 0))
      best = { rowNumber: row.rowNumber, columns };
  }
  return best;
}
