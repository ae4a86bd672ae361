import type Database from 'better-sqlite3';
import { prepared } from '../customers/sql-cache';

/** One customer found by one kind of lookup. */
export interface Hit {
  id: number;
  lastVisitAt: string | null;
  matchedText: string;
}

/**
 * A set of customers described twice: as a condition on `c` (a row of customers), and optionally as an index
 * range that yields a superset of their ids (`select … as id`, each id once), so a small set can be read from its
 * own index.
 */
export interface CandidateSet {
  where: string;
  params: unknown[];
  /** SQL expression over `c` shown as the matched text. */
  matched: string;
  driver?: { sql: string; params: unknown[] };
}

/** Upper bound of a prefix range: no stored string that starts with `prefix` sorts after it. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10ffff}`;
}

const recencyOrder = 'order by c.last_visit_at desc, c.id desc';

/**
 * The `limit` most recently visited members of a set, by whichever of two plans costs less: reading the set
 * from its own index and sorting it (cost: its size), or walking customers by last visit and testing each
 * (cost: about limit ÷ share of customers in the set). The set is counted only up to the break-even point,
 * so the choice itself stays cheap however large the set is.
 */
export function topByRecency(sqlite: Database.Database, set: CandidateSet, limit: number): Hit[] {
  const cols = `c.id, c.last_visit_at as lastVisitAt, ${set.matched} as matchedText`;
  const where = `c.merged_into_id is null and (${set.where})`;
  if (set.driver) {
    const breakEven = breakEvenSize(sqlite, limit);
    const { n } = prepared(sqlite, `select count(*) as n from (${set.driver.sql} limit ?)`).get(
      ...set.driver.params,
      breakEven + 1,
    ) as { n: number };
    if (n <= breakEven) {
      // CROSS JOIN keeps SQLite from reordering: the small set drives, customers are looked up by id.
      const sql = `select ${cols} from (${set.driver.sql}) d cross join customers c on c.id = d.id
        where ${where} ${recencyOrder} limit ?`;
      return prepared(sqlite, sql).all(...set.driver.params, ...set.params, limit) as Hit[];
    }
  }
  const sql = `select ${cols} from customers c indexed by customers_last_visit_idx where ${where} ${recencyOrder} limit ?`;
  return prepared(sqlite, sql).all(...set.params, limit) as Hit[];
}

/** Where both plans cost the same: sqrt(limit × customers). max(id) is one step down the rowid tree. */
function breakEvenSize(sqlite: Database.Database, limit: number): number {
  const { n } = prepared(sqlite, 'select coalesce(max(id), 0) as n from customers').get() as { n: number };
  return Math.max(200, Math.ceil(Math.sqrt(limit * n)));
}
