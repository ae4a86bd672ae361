import type Database from 'better-sqlite3';
import type { TableShape } from './schema-info';
import { quoteId } from './schema-info';

/**
 * A row image is the row's stored values as a JSON array in column order, built by SQLite itself
 * (json_array), so an image taken inside a trigger and one read later compare as plain strings.
 * Blobs become {"$hex": …}; no table stores blobs today, but the merge must not mangle one that does.
 */
export type RowImage = unknown[];
export type RowKey = unknown[];

/** The part of a table shape a snapshot keeps, so an undo after a later migration still knows the old layout. */
export type RecordedShape = Pick<TableShape, 'columns' | 'keyColumns' | 'rowidAlias'>;

const keyRef = (column: string, prefix: string) =>
  column === 'rowid' ? `${prefix}rowid` : `${prefix}${quoteId(column)}`;

export function keySelectSql(shape: RecordedShape, prefix = ''): string {
  return shape.keyColumns.map((c) => keyRef(c, prefix)).join(', ');
}

export function keyWhereSql(shape: RecordedShape): string {
  return shape.keyColumns.map((c) => `${keyRef(c, '')} = ?`).join(' and ');
}

export function imageSql(columns: string[], prefix = ''): string {
  const values = columns.map((c) => {
    const ref = `${prefix}${quoteId(c)}`;
    return `case when typeof(${ref}) = 'blob' then json_object('$hex', hex(${ref})) else ${ref} end`;
  });
  return `json_array(${values.join(', ')})`;
}

/** The current image of one row as JSON text, or null when the row is not there. */
export function readImage(
  db: Database.Database,
  table: string,
  shape: RecordedShape,
  key: RowKey,
): string | null {
  const row = db
    .prepare(`select ${imageSql(shape.columns)} as img from ${quoteId(table)} where ${keyWhereSql(shape)}`)
    .get(...key) as { img: string } | undefined;
  return row ? row.img : null;
}

export function bindValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && '$hex' in value) {
    return Buffer.from(String((value as { $hex: string }).$hex), 'hex');
  }
  return value;
}

/** Puts a row back with its original key (rowid included), as it was in `image`. */
export function insertImage(
  db: Database.Database,
  table: string,
  shape: RecordedShape,
  key: RowKey,
  image: RowImage,
): void {
  const explicitRowid = shape.keyColumns[0] === 'rowid' && !shape.rowidAlias;
  const columns = [...(explicitRowid ? ['rowid'] : []), ...shape.columns.map(quoteId)];
  const values = [...(explicitRowid ? [key[0]] : []), ...image.map(bindValue)];
  db.prepare(
    `insert into ${quoteId(table)} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  ).run(...values);
}

/** Sets the columns whose value differs from `image`; returns how many it set. */
export function updateToImage(
  db: Database.Database,
  table: string,
  shape: RecordedShape,
  key: RowKey,
  current: RowImage,
  image: RowImage,
): number {
  const changed = shape.columns.filter((_, i) => JSON.stringify(current[i]) !== JSON.stringify(image[i]));
  if (!changed.length) return 0;
  const values = shape.columns.flatMap((_, i) =>
    JSON.stringify(current[i]) !== JSON.stringify(image[i]) ? [bindValue(image[i])] : [],
  );
  db.prepare(
    `update ${quoteId(table)} set ${changed.map((c) => `${quoteId(c)} = ?`).join(', ')} where ${keyWhereSql(shape)}`,
  ).run(...values, ...key);
  return changed.length;
}

export function deleteRow(db: Database.Database, table: string, shape: RecordedShape, key: RowKey): void {
  db.prepare(`delete from ${quoteId(table)} where ${keyWhereSql(shape)}`).run(...key);
}

/** Column names whose values differ between two images of the same row. */
export function changedColumns(shape: RecordedShape, a: RowImage | null, b: RowImage | null): string[] {
  if (!a || !b) return a === b ? [] : shape.columns;
  return shape.columns.filter((_, i) => JSON.stringify(a[i]) !== JSON.stringify(b[i]));
}
