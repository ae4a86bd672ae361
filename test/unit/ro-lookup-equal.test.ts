import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';
import { generateDemo } from '../../electron/domain/demo/generate-demo';
import { preloadedRoLookup } from '../../electron/domain/imports/ro-lookup';
import { dbRoLookup } from '../../electron/domain/imports/ro-plan';
import type { RoRecord } from '../../electron/domain/imports/ro-record';

/** The dry run's lookups read once per file answer as the queries per row do, on the demo data. */
describe('repair-order lookups for a whole file', () => {
  it('equal the lookups row by row: cars by VIN and plate, holders on a day, stored order numbers', () => {
    const db = openDatabase(':memory:');
    migrateDatabase(db, { dbFile: null });
    generateDemo(db, { scale: 'S', seed: 20261203, now: new Date(2026, 10, 22, 10, 0, 0) });
    const sqlite = db.$client;
    const cars = sqlite
      .prepare('select id, vin, plate, owner_id as ownerId from vehicles order by id limit 400')
      .all() as { id: number; vin: string; plate: string | null; ownerId: number | null }[];
    // Two cars on one plate (a plate moved on), and some stored order numbers.
    sqlite.prepare('update vehicles set plate = ? where id = ?').run(cars[1]!.plate, cars[2]!.id);
    sqlite.exec(
      "update service_visits set ro_number = 'RO' || id where id in (select id from service_visits order by id limit 50)",
    );
    const records: RoRecord[] = cars.map((c, i) => ({
      rowNumber: i + 2,
      values: {
        vin: i % 5 === 0 ? undefined : i % 7 === 0 ? 'LSVAB6BM7NR00103' : c.vin,
        plate: c.plate ?? undefined,
        roNumber: `RO${i * 3}`,
      },
      errors: [],
      warnings: [],
    }));
    const row = dbRoLookup(sqlite);
    const file = preloadedRoLookup(sqlite, records);
    const days = ['2019-01-01', '2023-06-30', '2025-02-28', '2026-11-22'];
    const answers = (l: typeof row) =>
      records.map((r) => {
        const v = r.values;
        const car = v.vin ? l.vehicleByVin(v.vin) : undefined;
        const byPlate = v.plate ? l.vehiclesByPlate(v.plate) : [];
        const ids = [car, ...byPlate].flatMap((c) => (c ? [c.id] : []));
        return {
          car,
          byPlate,
          holders: ids.map((id) => days.map((d) => l.holderOn(id, d))),
          stored: l.visitIdByRo(v.roNumber!),
        };
      });
    const expected = answers(row);
    expect(expected.filter((a) => a.stored !== undefined).length).toBeGreaterThan(5);
    expect(expected.some((a) => a.byPlate.length === 2)).toBe(true);
    expect(answers(file)).toEqual(expected);
    sqlite.close();
  }, 120_000);
});
