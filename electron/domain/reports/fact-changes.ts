import type Database from 'better-sqlite3';

/**
 * The kept months of the structure tables and of the repeat buyers' visit months are not dropped when a visit is
 * written: a trigger logs every change of visit_structure_months, signed, in report_fact_changes
 * (db/schema/visit-facts.ts), and the kept row holds the last change id it includes (`seq`). The next pack reads
 * the changes after it for the month's window and works out again only the customers they name, so a pack after
 * a visit saved costs a few lookups instead of a year of facts. After a bulk write (an import, its revert) the
 * changes are too many to be worth it and the month is worked out afresh.
 */

/** Past this many changes behind, a kept month is worked out afresh (and dropped when the log is pruned). */
export const catchUpLimit = 20_000;

export type CatchUpKind = 'structure' | 'buyers';

export interface KeptMonth {
  key: string;
  seq: number | null;
  data: string;
}

export function readKeptMonth(sqlite: Database.Database, kind: CatchUpKind, month: string): KeptMonth | null {
  return (
    (sqlite
      .prepare(`select key, seq, data from report_month_cache where kind = ? and month = ?`)
      .get(kind, month) as KeptMonth | undefined) ?? null
  );
}

/** The last change id ever given out (AUTOINCREMENT keeps it when the log has been emptied): 0 before any. */
export function lastChangeId(sqlite: Database.Database): number {
  return (
    (sqlite.prepare(`select seq from sqlite_sequence where name = 'report_fact_changes'`).pluck().get() as
      number | undefined) ?? 0
  );
}

/** A customer's structure rows summed over a window, or the changes to them: visits and revenue (fen). */
export interface StructurePart {
  customerId: number;
  series: string;
  state: string;
  visits: number;
  revenueFen: number;
}

/**
 * The changes after `seq` to the structure rows of months `from`…`to` (YYYY-MM), summed per customer, series and
 * state; null when more than catchUpLimit changes came after `seq` (worked out afresh is cheaper then).
 */
export function changesSince(
  sqlite: Database.Database,
  seq: number,
  from: string,
  to: string,
): StructurePart[] | null {
  const behind = sqlite
    .prepare(`select count(*) from (select 1 from report_fact_changes where id > ? limit ?)`)
    .pluck()
    .get(seq, catchUpLimit + 1) as number;
  if (behind > catchUpLimit) return null;
  return sqlite
    .prepare(
      `select customer_id as customerId, series, state, sum(visits) as visits, sum(revenue_fen) as revenueFen
       from report_fact_changes where id > ? and ym between ? and ? group by 1, 2, 3`,
    )
    .all(seq, from, to) as StructurePart[];
}

/**
 * Keeps a month worked out up to change `seq`, then deletes the changes no kept month needs any more; a kept
 * month that has fallen more than catchUpLimit behind goes with them (it would be worked out afresh anyway).
 */
export function keepMonth(
  sqlite: Database.Database,
  kind: CatchUpKind,
  month: string,
  key: string,
  seq: number,
  /** Null: the kept figures are unchanged, only caught up to `seq`. */
  data: string | null,
): void {
  sqlite
    .transaction(() => {
      // Changes after `seq` pruned meanwhile (by another connection's pack, between this one's read and now): the
      // figures could not catch up with them, so they are not kept; the next pack works the month out afresh.
      const last = lastChangeId(sqlite);
      const first = sqlite.prepare('select min(id) from report_fact_changes').pluck().get() as number | null;
      if (last > seq && (first ?? last + 1) > seq + 1) return;
      if (data === null)
        sqlite
          .prepare(`update report_month_cache set seq = ? where kind = ? and month = ? and key = ?`)
          .run(seq, kind, month, key);
      else
        sqlite
          .prepare(
            `insert or replace into report_month_cache (kind, month, key, seq, data) values (?, ?, ?, ?, ?)`,
          )
          .run(kind, month, key, seq, data);
      pruneBelow(sqlite, last, Infinity);
      // The write lock first: a deferred transaction that read before another connection's write could not write.
    })
    .immediate();
}

/**
 * Drops the kept months fallen more than catchUpLimit behind `last`, and up to `limit` of the changes no kept
 * month needs any more; returns how many changes went.
 */
function pruneBelow(sqlite: Database.Database, last: number, limit: number): number {
  sqlite
    .prepare(
      `delete from report_month_cache where kind in ('structure', 'buyers') and (seq is null or seq < ?)`,
    )
    .run(last - catchUpLimit);
  const upTo = `coalesce((select min(seq) from report_month_cache where kind in ('structure', 'buyers')), @last)`;
  return (
    limit === Infinity
      ? sqlite.prepare(`delete from report_fact_changes where id <= ${upTo}`).run({ last })
      : sqlite
          .prepare(
            `delete from report_fact_changes where id in (select id from report_fact_changes
             where id <= ${upTo} order by id limit @limit)`,
          )
          .run({ last, limit })
  ).changes;
}

/** Changes deleted per slice of the daily prune. */
const prunePerSlice = 5000;

/**
 * The daily upkeep's share: a store that never opens the reports would otherwise keep every change written (a
 * row or two per visit). In slices, each its own transaction, `pause` before each.
 */
export async function pruneFactChanges(
  sqlite: Database.Database,
  pause: () => Promise<void>,
): Promise<number> {
  let pruned = 0;
  for (;;) {
    await pause();
    const gone = sqlite
      .transaction(() => pruneBelow(sqlite, lastChangeId(sqlite), prunePerSlice))
      .immediate();
    pruned += gone;
    if (gone < prunePerSlice) return pruned;
  }
}
