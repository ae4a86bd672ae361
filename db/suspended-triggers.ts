import type Database from 'better-sqlite3';
import { visitFactsBulkDeleteSql, visitFactsBulkInsertSql, visitFactsTriggerSql } from './visit-facts-sql';

/**
 * Runs `work` with some of the visit-facts triggers (db/visit-facts-sql.ts) dropped, inside the caller's
 * transaction, and creates them again with the very statements the migration ran. For bulk writes that then do
 * the triggers' work once, set-based (visitFactsBulkInsertSql): a trigger's ten-odd statements per row cost far
 * more than the row (before migration 0034 made report_month_cache a rowid table, its deletes alone were ~1.5 ms
 * a visit at scale L). No other connection ever sees a trigger missing: the drop and the re-creation are in
 * one write transaction, and a rollback undoes both. A trigger this database lacks stays absent.
 */
export function withTriggersSuspended<T>(
  sqlite: Database.Database,
  names: readonly string[],
  work: () => T,
): T {
  if (!sqlite.inTransaction) throw new Error('triggers are suspended only inside a transaction');
  const present = new Set(
    sqlite.prepare("select name from sqlite_master where type = 'trigger'").pluck().all() as string[],
  );
  const suspended = names.filter((n) => present.has(n));
  const creates = suspended.map((n) => {
    const sql = visitFactsTriggerSql.find((x) => x.includes(`CREATE TRIGGER \`${n}\``));
    if (!sql) throw new Error(`no statement creates trigger ${n}`);
    return sql;
  });
  for (const n of suspended) sqlite.exec(`DROP TRIGGER \`${n}\``);
  try {
    return work();
  } finally {
    // After a rollback of the whole transaction the triggers are back already.
    if (sqlite.inTransaction) for (const sql of creates) sqlite.exec(sql);
  }
}

/**
 * Inserts service visits through `insertAll` (which returns the new visits' ids) with the visit-facts insert
 * trigger suspended, then brings the facts up to date for all of them at once (visitFactsBulkInsertSql). Inside
 * the caller's transaction. The facts end as the trigger would have left them, row by row.
 */
export function withVisitInsertsInBulk(sqlite: Database.Database, insertAll: () => number[]): void {
  withTriggersSuspended(sqlite, ['service_visits_facts_ai'], () => {
    const ids = insertAll();
    sqlite.exec('create temp table if not exists bulk_new_visits (id integer primary key)');
    const listed = sqlite.prepare('insert into bulk_new_visits (id) values (?)');
    for (const id of ids) listed.run(id);
    for (const sql of visitFactsBulkInsertSql) sqlite.prepare(sql).run();
    sqlite.exec('delete from bulk_new_visits');
  });
}

/**
 * Deletes the service visits `ids` through `deleteAll` with the visit-facts delete trigger suspended, then brings
 * the facts up to date for all of them at once (visitFactsBulkDeleteSql). Inside the caller's transaction.
 * Returns what `deleteAll` returns.
 */
export function withVisitDeletesInBulk<T>(
  sqlite: Database.Database,
  ids: readonly number[],
  deleteAll: () => T,
): T {
  sqlite.exec(`create temp table if not exists bulk_gone_visits (id integer primary key, vehicle_id integer,
    customer_id integer, visit_date text, type text, mileage_km integer, amount_fen integer)`);
  // The facts' statements look the deleted visits up by customer and month, by month, and by car: without these
  // each such lookup would scan the whole set (50k × 30k rows for a large revert).
  sqlite.exec(`create index if not exists temp.bulk_gone_visits_month_idx
      on bulk_gone_visits (customer_id, substr(visit_date, 1, 7));
    create index if not exists temp.bulk_gone_visits_ym_idx on bulk_gone_visits (substr(visit_date, 1, 7));
    create index if not exists temp.bulk_gone_visits_car_idx on bulk_gone_visits (vehicle_id, type, visit_date);`);
  sqlite
    .prepare(
      `insert into bulk_gone_visits select id, vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen
       from service_visits where id in (select value from json_each(?))`,
    )
    .run(JSON.stringify(ids));
  const result = withTriggersSuspended(sqlite, ['service_visits_facts_ad'], () => {
    const done = deleteAll();
    for (const sql of visitFactsBulkDeleteSql) sqlite.prepare(sql).run();
    return done;
  });
  sqlite.exec('delete from bulk_gone_visits');
  return result;
}
