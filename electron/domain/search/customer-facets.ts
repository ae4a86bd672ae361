import type Database from 'better-sqlite3';
import type { ChannelOutput } from '../../contract';
import type { ServiceContext } from '../context';
import { prepared } from '../customers/sql-cache';

type FacetCount = { value: string; count: number };

/**
 * The distinct values of an indexed column with how many rows hold each, most frequent first. Values are
 * stepped through the index (one seek each) and each counted over its own index range, which skips decoding
 * the entries the way GROUP BY must.
 */
function indexCounts(sqlite: Database.Database, table: string, column: string, index: string): FacetCount[] {
  const first = prepared(sqlite, `select min(${column}) as v from ${table} indexed by ${index}`);
  const next = prepared(
    sqlite,
    `select min(${column}) as v from ${table} indexed by ${index} where ${column} > ?`,
  );
  const count = prepared(
    sqlite,
    `select count(*) as n from ${table} indexed by ${index} where ${column} = ?`,
  );
  const out: FacetCount[] = [];
  let v = (first.get() as { v: string | null }).v;
  while (v !== null) {
    out.push({ value: v, count: (count.get(v) as { n: number }).n });
    v = (next.get(v) as { v: string | null }).v;
  }
  return out;
}

/**
 * Merged-away customers may still hold a district and tags; they are few and indexed by merged_into_id, so
 * their share is taken off the index counts instead of scanning customers.
 */
function mergedCounts(sqlite: Database.Database, valueSql: string): Map<string, number> {
  const rows = prepared(
    sqlite,
    `select ${valueSql} as value, count(*) as n from customers c indexed by customers_merged_into_idx
       where c.merged_into_id is not null group by 1`,
  ).all() as { value: string | null; n: number }[];
  return new Map(rows.filter((r) => r.value !== null).map((r) => [r.value!, r.n]));
}

function withoutMerged(counts: FacetCount[], merged: Map<string, number>): FacetCount[] {
  return counts
    .map((f) => ({ value: f.value, count: f.count - (merged.get(f.value) ?? 0) }))
    .filter((f) => f.count > 0)
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'));
}

/** Filter choices for the customer list: districts and tags count customers, series count vehicles. */
export function customerFacets(ctx: ServiceContext): ChannelOutput<'customers.facets'> {
  const sqlite = ctx.db.$client;
  const tagsOfMerged = prepared(
    sqlite,
    `select t.tag as value, count(*) as n
       from customers c indexed by customers_merged_into_idx cross join customer_tags t on t.customer_id = c.id
       where c.merged_into_id is not null group by t.tag`,
  ).all() as { value: string; n: number }[];
  return {
    districts: withoutMerged(
      indexCounts(sqlite, 'customers', 'district', 'customers_district_idx'),
      mergedCounts(sqlite, 'c.district'),
    ),
    series: withoutMerged(indexCounts(sqlite, 'vehicles', 'series', 'vehicles_series_owner_idx'), new Map()),
    tags: withoutMerged(
      indexCounts(sqlite, 'customer_tags', 'tag', 'customer_tags_tag_idx'),
      new Map(tagsOfMerged.map((r) => [r.value, r.n])),
    ),
  };
}
