import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';
import { withVisitDeletesInBulk, withVisitInsertsInBulk } from '../../db/suspended-triggers';
import { generateDemo } from '../../electron/domain/demo/generate-demo';
import { visitFactsBesideRecount } from '../helpers/visit-facts-recount';

const now = new Date(2026, 10, 22, 10, 0, 0);
const factTables = [
  'customer_visit_months',
  'visit_month_pairs',
  'visit_month_totals',
  'visit_structure_months',
  'maintenance_visit_facts',
  'report_month_cache',
];

/**
 * Visits inserted in bulk with the insert trigger suspended, then the facts brought up to date set-based, leave
 * every fact table — and the kept report months dropped — exactly as the trigger row by row does: on two copies
 * of the demo data, the same visits (out of order, several per car and per day, before and after stored ones).
 */
describe('visit facts of a bulk insert', () => {
  it('equal the insert trigger row by row, and a recount', () => {
    const db = openDatabase(':memory:');
    migrateDatabase(db, { dbFile: null });
    generateDemo(db, { scale: 'S', seed: 20261203, now });
    // Kept months of every kind over eight years, so that what each path drops shows.
    const keep = db.$client.prepare(
      'insert or replace into report_month_cache (kind, month, key, data) values (?, ?, ?, ?)',
    );
    for (const kind of ['structure', 'buyers', 'maintenance', 'deliveries', 'grades'])
      for (let m = 0; m < 96; m++) {
        const month = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
        keep.run(kind, kind === 'grades' ? '' : month, 'k', 'x'.repeat(kind === 'deliveries' ? 5000 : 10));
      }
    const cars = db.$client
      .prepare(
        'select id, owner_id as ownerId from vehicles where owner_id is not null order by id limit 300',
      )
      .all() as { id: number; ownerId: number }[];
    const types = [
      'maintenance',
      'repair',
      'first_maintenance',
      'maintenance',
      'body_insurance',
      'detailing',
    ];
    const visits = cars.flatMap((car, i) =>
      [0, 1, 2].slice(0, 1 + (i % 3)).map((k) => ({
        vehicleId: car.id,
        customerId: car.ownerId,
        // Out of order: the second and third of a car may come before the first, or on its day.
        visitDate: new Date(Date.UTC(2024, 0, 1) + ((i * 7919 + k * 104_729) % 1000) * 86_400_000)
          .toISOString()
          .slice(0, 10),
        type: types[(i + k) % types.length]!,
        mileageKm: 10_000 + ((i * 31 + k * 17) % 120) * 1000,
        amountFen: 1000 * ((i + k) % 50),
      })),
    );
    const insertInto = (sqlite: Database.Database) => {
      const stmt = sqlite.prepare(
        `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen)
         values (@vehicleId, @customerId, @visitDate, @type, @mileageKm, @amountFen)`,
      );
      return visits.map((v) => Number(stmt.run(v).lastInsertRowid));
    };
    const firstNew = (db.$client.prepare('select max(id) from service_visits').pluck().get() as number) + 1;
    const rowByRow = new Database(db.$client.serialize());
    const bulk = new Database(db.$client.serialize());
    rowByRow.transaction(() => insertInto(rowByRow))();
    bulk.transaction(() => withVisitInsertsInBulk(bulk, () => insertInto(bulk)))();

    const dump = (sqlite: Database.Database, table: string) =>
      (sqlite.prepare(`select * from ${table}`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
    for (const table of factTables)
      expect({ table, rows: dump(bulk, table) }).toEqual({ table, rows: dump(rowByRow, table) });
    // Something was dropped and something kept, so the comparison of the kept months says something.
    const kept = dump(bulk, 'report_month_cache').length;
    expect(kept).toBeGreaterThan(96);
    expect(kept).toBeLessThan(4 * 96);
    for (const [table, { stored, recount }] of Object.entries(visitFactsBesideRecount(bulk)))
      expect(stored, table).toEqual(recount);
    // Then some of them deleted again, and some visits stored before: row by row, and in bulk.
    const doomed = JSON.stringify(
      rowByRow
        .prepare('select id from service_visits where id % 3 = 0 and id > ? order by id')
        .pluck()
        .all(firstNew - 60),
    );
    const deleteSql = 'delete from service_visits where id in (select value from json_each(?))';
    rowByRow.prepare(deleteSql).run(doomed);
    bulk.transaction(() =>
      withVisitDeletesInBulk(bulk, JSON.parse(doomed) as number[], () => bulk.prepare(deleteSql).run(doomed)),
    )();
    for (const table of factTables)
      expect({ table, deleted: dump(bulk, table) }).toEqual({ table, deleted: dump(rowByRow, table) });
    for (const [table, { stored, recount }] of Object.entries(visitFactsBesideRecount(bulk)))
      expect(stored, table).toEqual(recount);
    // The triggers are back, as the migration made them.
    const triggerSql = (sqlite: Database.Database) =>
      sqlite.prepare("select name, sql from sqlite_master where type = 'trigger' order by name").all();
    expect(triggerSql(bulk)).toEqual(triggerSql(rowByRow));
    for (const d of [rowByRow, bulk, db.$client]) d.close();
  }, 120_000);
});
