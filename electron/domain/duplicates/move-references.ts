import type Database from 'better-sqlite3';
import { AppError } from '../../contract/errors';
import type { Row } from './merge-rules';
import { conflictWinners, jsonIdLists, tableLabel, unmovedReferences } from './merge-rules';
import type { RowKey } from './row-images';
import { deleteRow, keySelectSql, keyWhereSql } from './row-images';
import type { ForeignKey, SchemaInfo, TableShape } from './schema-info';
import { quoteId } from './schema-info';

export interface MoveCounts {
  moved: Record<string, number>;
  dropped: Record<string, number>;
}

interface Pair {
  survivorId: number;
  mergedId: number;
}

const isUniqueViolation = (e: unknown) => {
  const code = (e as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

const bump = (counts: Record<string, number>, table: string, n: number) => {
  if (n > 0) counts[table] = (counts[table] ?? 0) + n;
};

/**
 * Points every row that references the merged customer at the survivor. The referencing columns come from
 * the schema's foreign keys to customers, so a table added later is moved without changing this code.
 * A row that would duplicate one the survivor already has (same tag, consent purpose, call-back identity…)
 * is dropped instead — or replaces the survivor's, where merge-rules says so — and whatever referenced the
 * dropped row is pointed at the row that stays.
 */
export function moveCustomerReferences(db: Database.Database, schema: SchemaInfo, pair: Pair): MoveCounts {
  const counts: MoveCounts = { moved: {}, dropped: {} };
  const refs = schema
    .foreignKeysTo('customers')
    .filter((f) => !unmovedReferences.has(`${f.table}.${f.column}`));
  for (const ref of refs) moveReference(db, schema, ref, pair, counts);
  return counts;
}

function moveReference(
  db: Database.Database,
  schema: SchemaInfo,
  ref: ForeignKey,
  pair: Pair,
  counts: MoveCounts,
): void {
  const shape = schema.table(ref.table);
  const table = quoteId(ref.table);
  const column = quoteId(ref.column);
  const self = ref.table === 'customers';
  if (self) {
    // The survivor referred by (or merged into) the merged card would end up pointing at itself.
    db.prepare(`update customers set ${column} = null where id = ? and ${column} = ?`).run(
      pair.survivorId,
      pair.mergedId,
    );
  }
  // The merged card's own row keeps its values; only the rows pointing at it move.
  const notSelf = self ? ' and rowid <> ?' : '';
  const selfArgs = self ? [pair.mergedId] : [];
  try {
    const r = db
      .prepare(`update ${table} set ${column} = ? where ${column} = ?${notSelf}`)
      .run(pair.survivorId, pair.mergedId, ...selfArgs);
    bump(counts.moved, ref.table, r.changes);
    return;
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
  // The bulk update was rolled back as a statement; go row by row and settle each conflict.
  const keys = db
    .prepare(`select ${keySelectSql(shape)} from ${table} where ${column} = ?${notSelf}`)
    .raw()
    .all(pair.mergedId, ...selfArgs) as RowKey[];
  const moveOne = db.prepare(`update ${table} set ${column} = ? where ${keyWhereSql(shape)}`);
  for (const key of keys) {
    for (let attempt = 0; ; attempt++) {
      try {
        moveOne.run(pair.survivorId, ...key);
        bump(counts.moved, ref.table, 1);
        break;
      } catch (e) {
        if (!isUniqueViolation(e) || attempt > 10) throw e;
      }
      const other = findCollision(db, schema, shape, key, ref.column, pair.survivorId);
      if (!other) {
        throw new AppError(
          'conflict',
          `无法合并：${tableLabel(ref.table)}中有两位客户的重复记录无法自动处理，请联系管理员`,
          {
            table: ref.table,
          },
        );
      }
      const winner =
        conflictWinners[ref.table]?.(readRow(db, shape, other), readRow(db, shape, key)) ?? 'survivor';
      if (winner === 'survivor') {
        repointInbound(db, schema, shape, key, other, pair);
        deleteRow(db, ref.table, shape, key);
        bump(counts.dropped, ref.table, 1);
        break;
      }
      // The merged card's row replaces the survivor's; then try moving it again.
      repointInbound(db, schema, shape, other, key, pair);
      deleteRow(db, ref.table, shape, other);
      bump(counts.dropped, ref.table, 1);
    }
  }
}

function readRow(db: Database.Database, shape: TableShape, key: RowKey): Row {
  return db.prepare(`select * from ${quoteId(shape.name)} where ${keyWhereSql(shape)}`).get(...key) as Row;
}

/** The survivor's row that the merged row would duplicate under some unique index, if any. */
function findCollision(
  db: Database.Database,
  schema: SchemaInfo,
  shape: TableShape,
  key: RowKey,
  column: string,
  survivorId: number,
): RowKey | null {
  const table = quoteId(shape.name);
  for (const unique of schema.uniqueKeys(shape.name)) {
    const at = unique.columns.indexOf(column);
    if (at < 0) continue;
    const values = db
      .prepare(`select ${unique.keys.join(', ')} from ${table} where ${keyWhereSql(shape)}`)
      .raw()
      .get(...key) as unknown[];
    values[at] = survivorId;
    // NULLs never collide in a unique index.
    if (values.some((v) => v === null)) continue;
    const where =
      unique.keys.map((k) => `${k} = ?`).join(' and ') + (unique.where ? ` and (${unique.where})` : '');
    const hit = db
      .prepare(
        `select ${keySelectSql(shape)} from ${table} where ${where} and not (${keyWhereSql(shape)}) limit 1`,
      )
      .raw()
      .get(...values, ...key) as RowKey | undefined;
    if (hit) return hit;
  }
  return null;
}

/** Rows that referenced the dropped row (by foreign key or in a JSON id list) now reference the kept one. */
function repointInbound(
  db: Database.Database,
  schema: SchemaInfo,
  shape: TableShape,
  dropped: RowKey,
  kept: RowKey,
  pair: Pair,
): void {
  const table = quoteId(shape.name);
  const valueOf = (column: string, key: RowKey) =>
    (
      db.prepare(`select ${quoteId(column)} as v from ${table} where ${keyWhereSql(shape)}`).get(...key) as {
        v: unknown;
      }
    ).v;
  for (const fk of schema.foreignKeysTo(shape.name)) {
    const target = fk.targetColumn ?? schema.primaryKeyColumn(shape.name);
    if (!target) continue;
    db.prepare(
      `update ${quoteId(fk.table)} set ${quoteId(fk.column)} = ? where ${quoteId(fk.column)} = ?`,
    ).run(valueOf(target, kept), valueOf(target, dropped));
  }
  const pk = schema.primaryKeyColumn(shape.name);
  for (const list of jsonIdLists) {
    if (list.targetTable !== shape.name || !pk) continue;
    const from = valueOf(pk, dropped);
    const to = valueOf(pk, kept);
    const col = quoteId(list.column);
    db.prepare(
      `update ${quoteId(list.table)} set ${col} = (select json_group_array(case when value = ? then ? else value end) from json_each(${col}))
       where ${quoteId(list.scope)} in (?, ?) and exists (select 1 from json_each(${col}) where value = ?)`,
    ).run(from, to, pair.survivorId, pair.mergedId, from);
  }
}
