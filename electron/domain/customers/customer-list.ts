import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { CustomerRow } from '../../contract/customers';
import type { ServiceContext } from '../context';
import type { Cursor } from './keyset';
import { decodeCursor, encodeCursor } from './keyset';
import { prepared } from './sql-cache';

type ListInput = ChannelParsedInput<'customers.list'>;
type Filters = ListInput['filters'];
type SortName = ListInput['sort'];
type Sql = { sql: string; params: unknown[] };
type PageRow = CustomerRow & { sortValue: string | null };

const sorts: Record<SortName, { column: string; index: string; nullable: boolean }> = {
  lastVisit: { column: 'c.last_visit_at', index: 'customers_last_visit_idx', nullable: true },
  created: { column: 'c.created_at', index: 'customers_created_idx', nullable: false },
  name: { column: 'c.name_pinyin', index: 'customers_pinyin_idx', nullable: false },
};

const rowColumns = `c.id, c.name, c.gender, c.mobile, c.district, c.stage, c.base_grade as baseGrade,
  c.source_channel as sourceChannel, c.last_visit_at as lastVisitAt, c.created_at as createdAt,
  (select group_concat(v.plate, ' ') from vehicles v where v.owner_id = c.id) as plates,
  (select group_concat(distinct v.series) from vehicles v where v.owner_id = c.id) as series`;

const marks = (values: readonly unknown[]) => values.map(() => '?').join(',');

/** Inclusive of the whole end day whatever the stored precision. */
const endOfDay = (day: string) => `${day}\uffff`;

/**
 * One filter: a condition on `c`, and where the filter has an index of its own, the ids it matches (each once
 * unless `repeats`), so a selective filter can drive the query instead of the sort order.
 */
interface Filter {
  cond: Sql;
  ids?: Sql & { repeats?: boolean };
}

function filtersOf(f: Filters): Filter[] {
  const out: Filter[] = [];
  if (f.stages?.length) {
    out.push({
      cond: { sql: `c.stage in (${marks(f.stages)})`, params: f.stages },
      ids: {
        sql: `select id from customers indexed by customers_stage_idx where stage in (${marks(f.stages)})`,
        params: f.stages,
      },
    });
  }
  if (f.baseGrades?.length)
    out.push({ cond: { sql: `c.base_grade in (${marks(f.baseGrades)})`, params: f.baseGrades } });
  if (f.district) {
    out.push({
      cond: { sql: 'c.district = ?', params: [f.district] },
      ids: {
        sql: 'select id from customers indexed by customers_district_idx where district = ?',
        params: [f.district],
      },
    });
  }
  if (f.lastVisitFrom || f.lastVisitTo) {
    const range = [f.lastVisitFrom ?? '', f.lastVisitTo ? endOfDay(f.lastVisitTo) : '\uffff'];
    out.push({
      cond: { sql: 'c.last_visit_at >= ? and c.last_visit_at < ?', params: range },
      ids: {
        sql: 'select id from customers indexed by customers_last_visit_idx where last_visit_at >= ? and last_visit_at < ?',
        params: range,
      },
    });
  }
  if (f.tag) {
    out.push({
      cond: {
        sql: 'exists (select 1 from customer_tags t where t.customer_id = c.id and t.tag = ?)',
        params: [f.tag],
      },
      ids: {
        sql: 'select customer_id as id from customer_tags indexed by customer_tags_tag_idx where tag = ?',
        params: [f.tag],
      },
    });
  }
  if (f.series) {
    out.push({
      cond: {
        sql: 'exists (select 1 from vehicles v where v.owner_id = c.id and v.series = ?)',
        params: [f.series],
      },
      ids: {
        sql: 'select owner_id as id from vehicles indexed by vehicles_series_idx where series = ?',
        params: [f.series],
        repeats: true,
      },
    });
  }
  return out;
}

/** Counts a filter's ids, but stops at `cap`: choosing the plan must not cost what it is meant to save. */
function boundedSize(sqlite: Database.Database, ids: Sql, cap: number): number {
  const row = prepared(sqlite, `select count(*) as n from (${ids.sql} limit ?)`).get(
    ...ids.params,
    cap + 1,
  ) as {
    n: number;
  };
  return row.n;
}

/** The filter listing the fewest ids, if it lists at most `cap`. */
function smallestIds(sqlite: Database.Database, filters: Filter[], cap: number): Sql | null {
  let best: { ids: Sql; n: number } | null = null;
  for (const { ids } of filters) {
    if (!ids) continue;
    const n = boundedSize(sqlite, ids, best ? best.n : cap);
    if (n <= cap && (!best || n < best.n)) best = { ids, n };
  }
  return best?.ids ?? null;
}

/** Reading more rows than this by id and sorting them costs more than walking the sort order. */
const driverLimit = 6000;

const and = (parts: Sql[]): Sql => ({
  sql: parts.map((p) => `(${p.sql})`).join(' and ') || '1',
  params: parts.flatMap((p) => p.params),
});

/**
 * Rows after `cursor` in one pass over a selective filter's ids, sorted in memory: nulls of a nullable sort
 * come last descending and first ascending, as in the index walk below.
 */
function pageFromDriver(
  sqlite: Database.Database,
  input: ListInput,
  driver: Sql,
  where: Sql,
  cursor: Cursor | null,
  want: number,
): PageRow[] {
  const sort = sorts[input.sort];
  const desc = input.direction === 'desc';
  const dir = desc ? 'desc' : 'asc';
  const cmp = desc ? '<' : '>';
  const parts: Sql[] = [where];
  if (cursor) {
    if (!sort.nullable || cursor.v !== null) {
      const after = `(${sort.column}, c.id) ${cmp} (?, ?)`;
      const sql = sort.nullable && desc ? `${sort.column} is null or ${after}` : after;
      parts.push({
        sql: sort.nullable && !desc ? `${sort.column} is not null and ${after}` : sql,
        params: [cursor.v, cursor.id],
      });
    } else {
      const sql = desc ? `${sort.column} is null and c.id < ?` : `${sort.column} is not null or c.id > ?`;
      parts.push({ sql, params: [cursor.id] });
    }
  }
  const w = and(parts);
  const nullsOrder = sort.nullable ? `${sort.column} is null ${desc ? 'asc' : 'desc'}, ` : '';
  const sql = `select ${rowColumns}, ${sort.column} as sortValue from customers c not indexed
    where c.id in (${driver.sql}) and ${w.sql}
    order by ${nullsOrder}${sort.column} ${dir}, c.id ${dir} limit ?`;
  return prepared(sqlite, sql).all(...driver.params, ...w.params, want) as PageRow[];
}

/**
 * Rows after `cursor` by walking the sort column's index, testing each row. A nullable sort column is read in
 * two phases (values, then nulls — or the reverse ascending) so each phase walks one index range in order.
 */
function pageFromSortIndex(
  sqlite: Database.Database,
  input: ListInput,
  where: Sql,
  cursor: Cursor | null,
  want: number,
): PageRow[] {
  const sort = sorts[input.sort];
  const desc = input.direction === 'desc';
  const dir = desc ? 'desc' : 'asc';
  const cmp = desc ? '<' : '>';
  const walk = (extra: Sql[], sortValue: string, limit: number) => {
    const w = and([where, ...extra]);
    const sql = `select ${rowColumns}, ${sortValue} as sortValue from customers c indexed by ${sort.index}
      where ${w.sql} order by ${sort.column} ${dir}, c.id ${dir} limit ?`;
    return prepared(sqlite, sql).all(...w.params, limit) as PageRow[];
  };
  const valuesPhase = (limit: number): PageRow[] => {
    if (cursor && cursor.v === null && sort.nullable && desc) return [];
    const extra: Sql[] = sort.nullable ? [{ sql: `${sort.column} is not null`, params: [] }] : [];
    if (cursor && cursor.v !== null)
      extra.push({ sql: `(${sort.column}, c.id) ${cmp} (?, ?)`, params: [cursor.v, cursor.id] });
    return walk(extra, sort.column, limit);
  };
  const nullsPhase = (limit: number): PageRow[] => {
    if (!sort.nullable) return [];
    if (cursor && cursor.v !== null && !desc) return [];
    const extra: Sql[] = [{ sql: `${sort.column} is null`, params: [] }];
    if (cursor && cursor.v === null) extra.push({ sql: `c.id ${cmp} ?`, params: [cursor.id] });
    return walk(extra, 'null', limit);
  };
  const rows: PageRow[] = [];
  for (const phase of desc ? [valuesPhase, nullsPhase] : [nullsPhase, valuesPhase]) {
    if (rows.length >= want) break;
    rows.push(...phase(want - rows.length));
  }
  return rows;
}

/**
 * Exact number of live customers matching the filters. A lone filter with its own index is counted on that
 * index without reading rows; several are counted over the smallest one's ids. Merged-away customers (few,
 * all recorded in customer_merges) are counted separately and taken off, so no count has to read every row.
 */
function countCustomers(sqlite: Database.Database, filters: Filter[]): number {
  const conds = and(filters.map((f) => f.cond));
  const count = (sql: string, params: unknown[]) => (prepared(sqlite, sql).get(...params) as { n: number }).n;
  const merged = count(
    `select count(*) as n from customers c
     where c.id in (select merged_id from customer_merges) and c.merged_into_id is not null and ${conds.sql}`,
    conds.params,
  );
  const only = filters.length === 1 ? filters[0]!.ids : undefined;
  if (filters.length === 0) return count('select count(*) as n from customers', []) - merged;
  if (only) {
    const sql = only.repeats
      ? `select count(distinct id) as n from (${only.sql})`
      : `select count(*) as n from (${only.sql})`;
    return count(sql, only.params) - merged;
  }
  const ids = smallestIds(sqlite, filters, Number.MAX_SAFE_INTEGER);
  if (!ids) return count(`select count(*) as n from customers c where ${conds.sql}`, conds.params) - merged;
  return (
    count(`select count(*) as n from customers c not indexed where c.id in (${ids.sql}) and ${conds.sql}`, [
      ...ids.params,
      ...conds.params,
    ]) - merged
  );
}

/**
 * One page of customers by keyset pagination. A filter whose own index lists only a few thousand customers
 * drives the query (read by id, then sorted); otherwise the sort column's index is walked in order and rows
 * are tested until the page is full.
 */
export function listCustomers(ctx: ServiceContext, input: ListInput): ChannelOutput<'customers.list'> {
  const sqlite = ctx.db.$client;
  const cursor: Cursor | null = input.cursor ? decodeCursor(input.cursor) : null;
  const filters = filtersOf(input.filters);
  const where = and([{ sql: 'c.merged_into_id is null', params: [] }, ...filters.map((f) => f.cond)]);
  // One extra row tells whether another page exists without a count.
  const want = input.limit + 1;
  const driver = smallestIds(sqlite, filters, driverLimit);
  const rows = driver
    ? pageFromDriver(sqlite, input, driver, where, cursor, want)
    : pageFromSortIndex(sqlite, input, where, cursor, want);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor({ v: last.sortValue ?? null, id: last.id }) : null;
  const total = cursor ? null : countCustomers(sqlite, filters);
  return { rows: page.map(({ sortValue: _s, ...r }) => r), total, nextCursor };
}
