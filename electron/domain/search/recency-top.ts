import type Database from 'better-sqlite3';
import { prepared } from '../customers/sql-cache';
import type { Order, Sql } from './index-walk';
import { and, marks, walkIndex } from './index-walk';

/** One customer found by one kind of lookup. */
export interface Hit {
  id: number;
  lastVisitAt: string | null;
  matchedText: string;
}

/**
 * A set of customers: those passing `where` (a condition on the customer row `c`) among the ids `probe`
 * accepts, when the set has a probe. Optionally also listed from an index of its own (`driver`, a superset of
 * the set as `select … as id`, each id once), so a small set can be read directly.
 */
export interface CandidateSet {
  where: Sql;
  /** SQL expression over `c` shown as the matched text. */
  matched: string;
  driver?: Sql;
  /** A test on `c.id` that reads other indexes only (name grams), so walking customers skips their rows. */
  probe?: Sql;
}

/** Upper bound of a prefix range: no stored string that starts with `prefix` sorts after it. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10ffff}`;
}

const byRecency: Order = {
  column: 'c.last_visit_at',
  index: 'customers_last_visit_idx',
  nullable: true,
  desc: true,
};
const recencyOrder = 'order by c.last_visit_at desc, c.id desc';

/**
 * Reading a set from its own index costs a customer row per member, about a microsecond each. A set with a
 * probe is walked in last-visit order on index entries alone, several times cheaper per customer passed, so
 * only a small one is read directly; without a probe every customer walked past is a row read, and the break
 * even is where reading n rows costs what walking limit × customers ÷ n of them does.
 */
function driverLimit(sqlite: Database.Database, set: CandidateSet, limit: number): number {
  if (set.probe) return 500;
  const { n } = prepared(sqlite, 'select coalesce(max(id), 0) as n from customers').get() as { n: number };
  return Math.max(500, Math.round(Math.sqrt(limit * n)));
}

/**
 * The `limit` most recently visited live members of a set, by the cheapest of three plans: read a small set
 * from its own index and sort it; or walk customers by last visit, on index entries with the set's probe, or
 * reading each row. The set is counted only up to the plan's break-even, so choosing stays cheap.
 */
export function topByRecency(sqlite: Database.Database, set: CandidateSet, limit: number): Hit[] {
  const cols = `c.id, c.last_visit_at as lastVisitAt, ${set.matched} as matchedText`;
  const where = and([{ sql: 'c.merged_into_id is null', params: [] }, set.where]);
  if (set.driver) {
    const cap = driverLimit(sqlite, set, limit);
    const { n } = prepared(sqlite, `select count(*) as n from (${set.driver.sql} limit ?)`).get(
      ...set.driver.params,
      cap + 1,
    ) as { n: number };
    if (n <= cap) {
      // CROSS JOIN keeps SQLite from reordering: the small set drives, customers are looked up by id.
      const sql = `select ${cols} from (${set.driver.sql}) d cross join customers c on c.id = d.id
        where ${where.sql} ${recencyOrder} limit ?`;
      return prepared(sqlite, sql).all(...set.driver.params, ...where.params, limit) as Hit[];
    }
  }
  if (set.probe) {
    const walk = { index: byRecency.index, eq: null, onIndex: set.probe, onRow: where };
    const ids = (walkIndex(sqlite, byRecency, walk, null, limit) ?? []).map((k) => k.id);
    if (!ids.length) return [];
    const sql = `select ${cols} from customers c where c.id in (${marks(ids)}) ${recencyOrder}`;
    return prepared(sqlite, sql).all(...ids) as Hit[];
  }
  const sql = `select ${cols} from customers c indexed by ${byRecency.index} where ${where.sql} ${recencyOrder} limit ?`;
  return prepared(sqlite, sql).all(...where.params, limit) as Hit[];
}
