import type Database from 'better-sqlite3';
import type { Cursor } from '../customers/keyset';
import { prepared } from '../customers/sql-cache';

/** A fragment of SQL with its parameters. */
export type Sql = { sql: string; params: unknown[] };
/** A row's place in the order: enough to sort, page and fetch it. */
export type Keyed = { id: number; sortValue: string | null };

export const marks = (values: readonly unknown[]) => values.map(() => '?').join(',');

export const and = (parts: Sql[]): Sql => ({
  sql: parts.map((p) => `(${p.sql})`).join(' and ') || '1',
  params: parts.flatMap((p) => p.params),
});

/** An order over customers `c`: a column, ties by id. */
export interface Order {
  column: string;
  /** The (column, id) index that walks this order. */
  index: string;
  nullable: boolean;
  desc: boolean;
}

/** An index walk: the index, an equality on its leading column, and the filters split by what they read. */
export interface Walk {
  index: string;
  eq: Sql | null;
  /** Conditions answered from the index entry or by a probe on customer id: no customer row is read. */
  onIndex: Sql;
  /** Conditions that need the customer row, applied only to what passed `onIndex`. */
  onRow: Sql;
}

/** Largest batch of index entries read at once while looking for rows that also pass `onRow`. */
const maxChunk = 16384;

/**
 * The first `want` customers after `cursor` in `order` that pass the walk's conditions, by walking the index
 * in order. The walk itself reads index entries only (a condition that probes another index by customer id,
 * such as a tag or a name gram, stays index-only too); customer rows are read just for what passes, in
 * batches that grow when few rows survive them. A nullable column is read in two phases (values, then nulls —
 * or the reverse ascending) so each phase is one index range. Costs about the entries passed over; gives up
 * (null) after `budget` rows read, when the matches turn out to lie far along the order.
 */
export function walkIndex(
  sqlite: Database.Database,
  order: Order,
  walk: Walk,
  cursor: Cursor | null,
  want: number,
  budget = Infinity,
): Keyed[] | null {
  const { column, nullable, desc } = order;
  const dir = desc ? 'desc' : 'asc';
  const cmp = desc ? '<' : '>';
  let passed = 0;
  const keep = prepared(
    sqlite,
    `select c.id from customers c not indexed where c.id in (select value from json_each(?)) and ${walk.onRow.sql}`,
  );
  const phase = (range: Sql, sortValue: string, start: Cursor | null, need: number): Keyed[] | null => {
    const out: Keyed[] = [];
    let after = start;
    let chunk = Math.max(2 * need, 64);
    for (;;) {
      const resume: Sql[] = !after
        ? []
        : after.v === null
          ? [{ sql: `c.id ${cmp} ?`, params: [after.id] }]
          : [{ sql: `(${column}, c.id) ${cmp} (?, ?)`, params: [after.v, after.id] }];
      const w = and([...(walk.eq ? [walk.eq] : []), range, ...resume, walk.onIndex]);
      const sql = `select c.id, ${sortValue} as sortValue from customers c indexed by ${walk.index}
        where ${w.sql} order by ${column} ${dir}, c.id ${dir} limit ?`;
      const batch = prepared(sqlite, sql).all(...w.params, chunk) as Keyed[];
      const kept = new Set(
        keep.pluck().all(JSON.stringify(batch.map((k) => k.id)), ...walk.onRow.params) as number[],
      );
      for (const k of batch) if (kept.has(k.id) && out.length < need) out.push(k);
      if (out.length >= need || batch.length < chunk) return out;
      passed += batch.length;
      if (passed >= budget) return null;
      const last = batch[batch.length - 1]!;
      after = { v: last.sortValue, id: last.id };
      chunk = Math.min(chunk * 4, maxChunk, Math.max(64, budget - passed));
    }
  };
  const values = (need: number): Keyed[] | null => {
    if (cursor && cursor.v === null && nullable && desc) return [];
    const range = nullable ? { sql: `${column} is not null`, params: [] } : { sql: '1', params: [] };
    return phase(range, column, cursor && cursor.v !== null ? cursor : null, need);
  };
  const nulls = (need: number): Keyed[] | null => {
    if (!nullable || (cursor && cursor.v !== null && !desc)) return [];
    return phase(
      { sql: `${column} is null`, params: [] },
      'null',
      cursor && cursor.v === null ? cursor : null,
      need,
    );
  };
  const rows: Keyed[] = [];
  for (const read of desc ? [values, nulls] : [nulls, values]) {
    if (rows.length >= want) break;
    const more = read(want - rows.length);
    if (!more) return null;
    rows.push(...more);
  }
  return rows;
}
