import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { CustomerRow } from '../../contract/customers';
import type { LoyaltyTier } from '../../contract/loyalty-terms';
import { rankedTiers } from '../../contract/loyalty-terms';
import type { ServiceContext } from '../context';
import type { Cursor } from './keyset';
import { decodeCursor, encodeCursor } from './keyset';
import type { Keyed, Order, Sql, Walk } from '../search/index-walk';
import { and, marks, walkIndex } from '../search/index-walk';
import { classifyQuery } from '../search/classify-query';
import { matchIdLists } from '../search/match-sets';
import { prepared } from './sql-cache';

type ListInput = ChannelParsedInput<'customers.list'>;
type Filters = ListInput['filters'];
type SortName = ListInput['sort'];

const sorts: Record<SortName, Omit<Order, 'desc'>> = {
  lastVisit: { column: 'c.last_visit_at', index: 'customers_last_visit_idx', nullable: true },
  created: { column: 'c.created_at', index: 'customers_created_idx', nullable: false },
  name: { column: 'c.name_pinyin', index: 'customers_pinyin_idx', nullable: false },
};

/** Indexes on (filter column, sort column, id): with one, a filtered page is a walk along a single index range. */
const compositeIndexes: Record<'stage' | 'base_grade', Partial<Record<SortName, string>>> = {
  stage: { lastVisit: 'customers_stage_last_visit_idx', created: 'customers_stage_created_idx' },
  base_grade: { lastVisit: 'customers_grade_last_visit_idx', created: 'customers_grade_created_idx' },
};

const rowColumns = `c.id, c.name, c.gender, c.mobile, c.district, c.stage, c.base_grade as baseGrade,
  c.source_channel as sourceChannel, c.last_visit_at as lastVisitAt, c.created_at as createdAt,
  (select group_concat(v.plate, ' ') from vehicles v where v.owner_id = c.id) as plates,
  (select group_concat(distinct v.series) from vehicles v where v.owner_id = c.id) as series`;

/** Inclusive of the whole end day whatever the stored precision. */
const endOfDay = (day: string) => `${day}\uffff`;

/**
 * One filter: a condition on `c`; where the filter has an index of its own, the ids it matches (each once
 * unless `repeats`), so a selective filter can drive the query instead of the sort order; and for a column of
 * customers with few values, the column and values, to walk a composite index value by value.
 */
export interface Filter {
  cond: Sql;
  /** Columns of customers the condition reads; none for a test on another table by customer id. */
  reads: string[];
  ids?: Sql & { repeats?: boolean };
  column?: { name: keyof typeof compositeIndexes; values: string[] };
}

/**
 * The search box's text as a filter: the customers the search counts, from the same indexes, so "show all"
 * lists exactly what the search said. The ids drive a small set; a large one (a common surname) is a list read
 * once per statement, so walks test it on index entries without reading customer rows.
 */
function textFilter(sqlite: Database.Database, text: string): Filter {
  const lists = matchIdLists(sqlite, classifyQuery(text));
  if (!lists.length) return { cond: { sql: '0', params: [] }, reads: [] };
  const ids = {
    sql: lists.map((l) => `select id from (${l.sql})`).join(' union all '),
    params: lists.flatMap((l) => l.params),
  };
  return {
    cond: { sql: `c.id in (${ids.sql})`, params: ids.params },
    reads: [],
    ids: { ...ids, repeats: true },
  };
}

/**
 * 会员等级: the stored tier of loyalty_members, read from its (tier, customer) index alone. 普通 is everyone
 * without a higher tier — most customers, with a member row or none — so a choice including it is the
 * complement of the higher tiers left out (a list read once per statement), and lists no ids to drive a page;
 * every tier is no filter at all.
 */
function tierFilter(tiers: readonly LoyaltyTier[]): Filter | null {
  const members = (ts: readonly LoyaltyTier[]) => ({
    sql: `select customer_id as id from loyalty_members indexed by loyalty_members_tier_idx
      where tier in (${marks(ts)})`,
    params: [...ts],
  });
  if (!tiers.includes('regular')) {
    const ids = members(tiers);
    return { cond: { sql: `c.id in (${ids.sql})`, params: ids.params }, reads: [], ids };
  }
  const others = rankedTiers.filter((t) => !tiers.includes(t));
  if (!others.length) return null;
  const out = members(others);
  return { cond: { sql: `c.id not in (${out.sql})`, params: out.params }, reads: [] };
}

/** The list's filters as conditions on customers `c` (event segments build on these). */
export function filtersOf(sqlite: Database.Database, f: Filters): Filter[] {
  const out: Filter[] = [];
  if (f.text) out.push(textFilter(sqlite, f.text));
  if (f.stages?.length) {
    out.push({
      cond: { sql: `c.stage in (${marks(f.stages)})`, params: f.stages },
      reads: ['stage'],
      ids: {
        sql: `select id from customers where stage in (${marks(f.stages)})`,
        params: f.stages,
      },
      column: { name: 'stage', values: f.stages },
    });
  }
  if (f.baseGrades?.length) {
    out.push({
      cond: { sql: `c.base_grade in (${marks(f.baseGrades)})`, params: f.baseGrades },
      reads: ['base_grade'],
      ids: {
        // Counted on the composite index: base_grade has no index of its own.
        sql: `select id from customers indexed by ${compositeIndexes.base_grade.lastVisit} where base_grade in (${marks(f.baseGrades)})`,
        params: f.baseGrades,
      },
      column: { name: 'base_grade', values: f.baseGrades },
    });
  }
  const tiers = f.tiers?.length ? tierFilter(f.tiers) : null;
  if (tiers) out.push(tiers);
  if (f.district) {
    out.push({
      cond: { sql: 'c.district = ?', params: [f.district] },
      reads: ['district'],
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
      reads: ['last_visit_at'],
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
      reads: [],
      ids: {
        sql: 'select customer_id as id from customer_tags indexed by customer_tags_tag_idx where tag = ?',
        params: [f.tag],
      },
    });
  }
  if (f.series) {
    // Both the test and the id list are read from the (series, owner_id) index alone. The test is a list read
    // once per statement: an EXISTS per customer walked past costs more here.
    out.push({
      cond: {
        sql: `c.id in (select owner_id from vehicles indexed by vehicles_series_owner_idx where series = ?)`,
        params: [f.series],
      },
      reads: [],
      ids: {
        sql: `select owner_id as id from vehicles indexed by vehicles_series_owner_idx where series = ?`,
        params: [f.series],
        repeats: true,
      },
    });
  }
  return out;
}

const schemaIndexes = new WeakMap<Database.Database, Map<string, string[]>>();

/** Each index of the database with the columns it holds (to test filters on the index); read once per connection. */
function indexesOf(sqlite: Database.Database): Map<string, string[]> {
  let indexes = schemaIndexes.get(sqlite);
  if (!indexes) {
    indexes = new Map();
    const names = sqlite
      .prepare("select name from sqlite_master where type = 'index'")
      .pluck()
      .all() as string[];
    const info = sqlite.prepare('select name from pragma_index_info(?)').pluck();
    for (const name of names) indexes.set(name, info.all(name) as string[]);
    schemaIndexes.set(sqlite, indexes);
  }
  return indexes;
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

/** Rows after the cursor, in one condition (keyset on a nullable column spans the values and the nulls). */
function afterCursor(order: Order, cursor: Cursor): Sql {
  const { column, nullable, desc } = order;
  const cmp = desc ? '<' : '>';
  const after = `(${column}, c.id) ${cmp} (?, ?)`;
  if (!nullable) return { sql: after, params: [cursor.v, cursor.id] };
  if (cursor.v !== null) {
    // Descending, nulls come after every value; ascending, before.
    return {
      sql: desc ? `${column} is null or ${after}` : `${column} is not null and ${after}`,
      params: [cursor.v, cursor.id],
    };
  }
  return {
    sql: desc ? `${column} is null and c.id < ?` : `${column} is not null or c.id > ?`,
    params: [cursor.id],
  };
}

function orderBy(order: Order): string {
  const dir = order.desc ? 'desc' : 'asc';
  const nulls = order.nullable ? `${order.column} is null ${order.desc ? 'asc' : 'desc'}, ` : '';
  return `order by ${nulls}${order.column} ${dir}, c.id ${dir}`;
}

/** A selective filter's ids, each customer read by id and sorted in memory. Costs the number of ids. */
function pageFromIds(
  sqlite: Database.Database,
  order: Order,
  ids: Sql,
  where: Sql,
  cursor: Cursor | null,
  want: number,
): Keyed[] {
  const w = and(cursor ? [where, afterCursor(order, cursor)] : [where]);
  const sql = `select c.id, ${order.column} as sortValue from customers c not indexed
    where c.id in (${ids.sql}) and ${w.sql} ${orderBy(order)} limit ?`;
  return prepared(sqlite, sql).all(...ids.params, ...w.params, want) as Keyed[];
}

function walkOf(sqlite: Database.Database, index: string, eq: Sql | null, filters: Filter[]): Walk {
  const held = indexesOf(sqlite).get(index) ?? [];
  const onIndex = filters.filter((f) => f.reads.every((col) => held.includes(col)));
  const onRow = filters.filter((f) => !onIndex.includes(f));
  return {
    index,
    eq,
    onIndex: and(onIndex.map((f) => f.cond)),
    onRow: and([{ sql: 'c.merged_into_id is null', params: [] }, ...onRow.map((f) => f.cond)]),
  };
}

/** The page order as a comparison, to merge the walks of several composite index ranges. */
function compareKeyed(order: Order): (a: Keyed, b: Keyed) => number {
  const sign = order.desc ? -1 : 1;
  return (a, b) => {
    if (a.sortValue === null || b.sortValue === null) {
      if (a.sortValue !== b.sortValue) return (a.sortValue === null ? -1 : 1) * sign;
    } else if (a.sortValue !== b.sortValue) {
      return (a.sortValue < b.sortValue ? -1 : 1) * sign;
    }
    return (a.id - b.id) * sign;
  };
}

/**
 * For a filter on a column with few values (stage, base grade) and an index on (column, sort column),
 * walk that index once per chosen value and merge: every walk is already in page order.
 */
function pageFromComposite(
  sqlite: Database.Database,
  order: Order,
  index: string,
  column: NonNullable<Filter['column']>,
  filters: Filter[],
  cursor: Cursor | null,
  want: number,
): Keyed[] {
  const runs = column.values.flatMap(
    (v) =>
      walkIndex(
        sqlite,
        order,
        walkOf(sqlite, index, { sql: `c.${column.name} = ?`, params: [v] }, filters),
        cursor,
        want,
      ) ?? [],
  );
  return runs.sort(compareKeyed(order)).slice(0, want);
}

/**
 * Reading a filter's n ids and sorting them costs about n row reads; walking the sort order costs about
 * want × customers ÷ n. They break even near sqrt(want × customers): above it the walk is cheaper. A filter
 * far below it drives the page even where a composite index could serve.
 */
function driverLimits(sqlite: Database.Database, want: number): { tiny: number; small: number } {
  const customers = (
    prepared(sqlite, 'select coalesce(max(id), 0) as n from customers').get() as { n: number }
  ).n;
  const small = Math.max(64, Math.round(Math.sqrt(want * customers)));
  return { tiny: Math.round(small / 6), small };
}

function keyedPage(
  sqlite: Database.Database,
  input: ListInput,
  filters: Filter[],
  where: Sql,
  cursor: Cursor | null,
  want: number,
): Keyed[] {
  const order: Order = { ...sorts[input.sort], desc: input.direction === 'desc' };
  const limits = driverLimits(sqlite, want);
  const tiny = smallestIds(sqlite, filters, limits.tiny);
  if (tiny) return pageFromIds(sqlite, order, tiny, where, cursor, want);
  for (const f of filters) {
    const index = f.column && compositeIndexes[f.column.name][input.sort];
    if (index && f.column) return pageFromComposite(sqlite, order, index, f.column, filters, cursor, want);
  }
  const ids = smallestIds(sqlite, filters, limits.small);
  if (ids) return pageFromIds(sqlite, order, ids, where, cursor, want);
  // When the matching rows turn out sparse along the order, the smallest filter's ids are read after all.
  const canFallBack = filters.some((f) => f.ids);
  const walk = walkOf(sqlite, order.index, null, filters);
  const walked = walkIndex(sqlite, order, walk, cursor, want, canFallBack ? limits.small * 4 : Infinity);
  if (walked) return walked;
  const smallest = smallestIds(sqlite, filters, Number.MAX_SAFE_INTEGER);
  return smallest ? pageFromIds(sqlite, order, smallest, where, cursor, want) : [];
}

/** The displayed columns, read for the page's rows only and returned in page order. */
function hydrate(sqlite: Database.Database, page: Keyed[]): CustomerRow[] {
  if (!page.length) return [];
  const ids = page.map((k) => k.id);
  const rows = prepared(sqlite, `select ${rowColumns} from customers c where c.id in (${marks(ids)})`).all(
    ...ids,
  ) as CustomerRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** An index of customers leading with a column a filter reads and holding every column the filters read. */
function coveringIndex(sqlite: Database.Database, filters: Filter[]): string | null {
  const reads = new Set(filters.flatMap((f) => f.reads));
  let best: string | null = null;
  let width = Infinity;
  for (const [name, columns] of indexesOf(sqlite)) {
    if (!name.startsWith('customers_') || !reads.has(columns[0] ?? '')) continue;
    if ([...reads].every((col) => columns.includes(col)) && columns.length < width) {
      best = name;
      width = columns.length;
    }
  }
  return best;
}

/**
 * Exact number of live customers matching the filters. A lone filter with its own index is counted on that
 * index without reading rows; several are counted over the smallest one's ids. Merged-away customers (few,
 * found through the index on merged_into_id) are counted separately and taken off, so no count has to read
 * every row.
 */
function countCustomers(sqlite: Database.Database, filters: Filter[]): number {
  const conds = and(filters.map((f) => f.cond));
  const count = (sql: string, params: unknown[]) => (prepared(sqlite, sql).get(...params) as { n: number }).n;
  const merged = count(
    `select count(*) as n from customers c indexed by customers_merged_into_idx
     where c.merged_into_id is not null and ${conds.sql}`,
    conds.params,
  );
  if (filters.length === 0) return count('select count(*) as n from customers', []) - merged;
  const only = filters.length === 1 ? filters[0]!.ids : undefined;
  if (only) {
    const sql = only.repeats
      ? `select count(distinct id) as n from (${only.sql})`
      : `select count(*) as n from (${only.sql})`;
    return count(sql, only.params) - merged;
  }
  // Reading n rows by id costs more than stepping through many index entries: unless one filter is small, an
  // index holding every column the filters read counts them on its entries (list filters read none).
  const covering = coveringIndex(sqlite, filters);
  if (covering && !smallestIds(sqlite, filters, driverLimits(sqlite, 100).small)) {
    return (
      count(`select count(*) as n from customers c indexed by ${covering} where ${conds.sql}`, conds.params) -
      merged
    );
  }
  const ids = smallestIds(sqlite, filters, Number.MAX_SAFE_INTEGER);
  if (!ids) return count(`select count(*) as n from customers c where ${conds.sql}`, conds.params) - merged;
  const sql = `select count(*) as n from customers c not indexed where c.id in (${ids.sql}) and ${conds.sql}`;
  return count(sql, [...ids.params, ...conds.params]) - merged;
}

/**
 * One page of customers by keyset pagination, so deep pages cost what the first does. The plan depends on the
 * filters: a selective filter's own index, a composite (filter, sort) index, or the sort column's index.
 */
export function listCustomers(ctx: ServiceContext, input: ListInput): ChannelOutput<'customers.list'> {
  const sqlite = ctx.db.$client;
  const cursor: Cursor | null = input.cursor ? decodeCursor(input.cursor) : null;
  const filters = filtersOf(sqlite, input.filters);
  const where = and([{ sql: 'c.merged_into_id is null', params: [] }, ...filters.map((f) => f.cond)]);
  // One extra row tells whether another page exists without a count.
  const keyed = keyedPage(sqlite, input, filters, where, cursor, input.limit + 1);
  const page = keyed.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor =
    keyed.length > input.limit && last ? encodeCursor({ v: last.sortValue, id: last.id }) : null;
  const total = cursor ? null : countCustomers(sqlite, filters);
  return { rows: hydrate(sqlite, page), total, nextCursor };
}
