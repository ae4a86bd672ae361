import type Database from 'better-sqlite3';
import { plateReversedSql } from '../../../db/schema/vehicles';
import { prepared } from '../customers/sql-cache';
import type { SearchPlan } from './classify-query';
import type { Sql } from './index-walk';
import { marks } from './index-walk';
import { nameGram } from './name-tiers';
import { prefixEnd } from './recency-top';

/**
 * Every customer a query matches, as lists of ids (`select … as id`), each read from the index its search tier
 * reads: the same set the tiers rank, without their cut. A list may hold merged-away customers and, for
 * vehicles, the same owner twice; `unique` says it does not repeat, `rangeCount` that counting it is one index
 * range (no rows read).
 */
export type IdList = Sql & { unique: boolean; rangeCount: boolean };

export function matchIdLists(sqlite: Database.Database, plan: SearchPlan): IdList[] {
  const out: IdList[] = [];
  const owners = (index: string, where: string, params: unknown[]) =>
    out.push({
      sql: `select owner_id as id from vehicles v indexed by ${index} where ${where} and v.owner_id is not null`,
      params,
      unique: false,
      rangeCount: false,
    });
  if (plan.mobile) {
    const params = [plan.mobile, plan.mobile];
    out.push({
      sql: 'select id from customers where mobile = ? or mobile2 = ?',
      params,
      unique: true,
      rangeCount: false,
    });
  }
  if (plan.mobileTail) {
    out.push({
      sql: 'select id from customers indexed by customers_mobile_tail_idx where mobile_tail = ?',
      params: [plan.mobileTail],
      unique: true,
      rangeCount: true,
    });
  }
  const plates = [plan.plate, ...(plan.plateAnyProvince ?? [])].filter((p): p is string => !!p);
  if (plates.length) owners('vehicles_plate_idx', `v.plate in (${marks(plates)})`, plates);
  if (plan.platePrefix) {
    owners('vehicles_plate_idx', 'v.plate > ? and v.plate < ?', [
      plan.platePrefix,
      prefixEnd(plan.platePrefix),
    ]);
  }
  if (plan.plateTailReversed) {
    const reversed = plateReversedSql('v.plate');
    owners('vehicles_plate_reversed_owner_idx', `${reversed} >= ? and ${reversed} < ?`, [
      plan.plateTailReversed,
      prefixEnd(plan.plateTailReversed),
    ]);
  }
  if (plan.vin) owners('vehicles_vin_idx', 'v.vin = ?', [plan.vin]);
  if (plan.vinTailReversed) {
    owners('vehicles_vin_reversed_idx', 'v.vin_reversed >= ? and v.vin_reversed < ?', [
      plan.vinTailReversed,
      prefixEnd(plan.vinTailReversed),
    ]);
  }
  if (plan.name) {
    const { lower } = plan.name;
    const gram = nameGram(sqlite, lower);
    if ([...lower].length <= 2) {
      // Up to two characters the gram is the text: its postings are the set.
      out.push({
        sql: 'select customer_id as id from customer_name_grams where gram = ?',
        params: [gram],
        unique: true,
        rangeCount: true,
      });
    } else {
      // A longer text is confirmed on the few names holding its rarest gram.
      const list = {
        sql: `select g.customer_id as id from customer_name_grams g cross join customers n on n.id = g.customer_id
            where g.gram = ? and instr(lower(n.name), ?) > 0`,
        params: [gram, lower],
      };
      out.push({ ...list, unique: true, rangeCount: false });
    }
  }
  if (plan.pinyin) {
    // Two lists, not a UNION: each is one index range read only as far as the count needs.
    const range = [plan.pinyin, prefixEnd(plan.pinyin)];
    for (const [column, index] of [
      ['name_pinyin', 'customers_pinyin_idx'],
      ['name_initials', 'customers_initials_idx'],
    ] as const) {
      out.push({
        sql: `select id from customers indexed by ${index} where ${column} >= ? and ${column} < ?`,
        params: range,
        unique: true,
        rangeCount: true,
      });
    }
  }
  return out;
}

const mergedIds =
  'select id from customers indexed by customers_merged_into_idx where merged_into_id is not null';

/**
 * How many live customers the lists hold together. One list that is an index range is counted exactly (a
 * common surname's postings cost about a millisecond per 20,000); otherwise each list is read only up to
 * `cap` ids, and past the cap the count says so (`capped`). Merged-away customers are few and taken off.
 */
export function countMatches(
  sqlite: Database.Database,
  lists: IdList[],
  cap: number,
): { total: number; capped: boolean } {
  if (!lists.length) return { total: 0, capped: false };
  const merged = new Set(prepared(sqlite, mergedIds).pluck().all() as number[]);
  const only = lists.length === 1 ? lists[0]! : null;
  if (only?.rangeCount) {
    const count = (sql: string) => (prepared(sqlite, sql).get(...only.params) as { n: number }).n;
    const all = count(`select count(*) as n from (${only.sql})`);
    const gone = merged.size
      ? count(`select count(*) as n from (${only.sql}) where id in (${mergedIds})`)
      : 0;
    return { total: all - gone, capped: false };
  }
  const ids = new Set<number>();
  for (const list of lists) {
    const rows = prepared(sqlite, `select id from (${list.sql}) limit ?`)
      .pluck()
      .all(...list.params, cap + merged.size + 1) as number[];
    for (const id of rows) if (!merged.has(id)) ids.add(id);
    if (ids.size > cap) return { total: cap, capped: true };
  }
  return { total: ids.size, capped: false };
}
