import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import type { AppDb } from '../../db/open-database';
import { openDatabase } from '../../db/open-database';
import type { ConsentPurpose } from '../../electron/contract/consent';
import type {
  CustomerFacts,
  OwnershipRow,
  VehicleRow,
  VisitRow,
} from '../../electron/domain/callbacks/facts';
import { loadCustomerFacts } from '../../electron/domain/callbacks/facts';
import { liveRange } from '../../electron/domain/callbacks/generation-window';
import { generateDemo } from '../../electron/domain/demo/generate-demo';

const now = new Date(2026, 10, 22, 10, 0, 0);
const visitColumns =
  'id, vehicle_id as vehicleId, customer_id as customerId, visit_date as visitDate, type, mileage_km as mileageKm';

/** The call-back facts as they were read before (three queries per car), kept here as the reference. */
function perCarFacts(sqlite: Database.Database, customerId: number, since: string): CustomerFacts | null {
  const c = sqlite
    .prepare(
      `select id, birthday, stage, created_at as createdAt, merged_into_id as mergedIntoId, do_not_contact as dnc
       from customers where id = ?`,
    )
    .get(customerId) as
    | {
        id: number;
        birthday: string | null;
        stage: string;
        createdAt: string;
        mergedIntoId: number | null;
        dnc: number;
      }
    | undefined;
  if (!c) return null;
  const consents = (
    sqlite.prepare('select purpose, granted from consents where customer_id = ?').all(customerId) as {
      purpose: ConsentPurpose;
      granted: number;
    }[]
  ).map((r) => ({ purpose: r.purpose, granted: r.granted === 1 }));
  const vehicles = sqlite
    .prepare(
      `select id, owner_id as ownerId, delivery_date as deliveryDate, insurance_expiry as insuranceExpiry,
         mileage_km as mileageKm, mileage_at as mileageAt from vehicles where owner_id = ? order by id`,
    )
    .all(customerId) as VehicleRow[];
  const ownerships: OwnershipRow[] = [];
  const vehicleVisits: VisitRow[] = [];
  for (const v of vehicles) {
    ownerships.push(
      ...(sqlite
        .prepare(
          `select vehicle_id as vehicleId, customer_id as customerId, from_date as fromDate, to_date as toDate
           from vehicle_ownerships where vehicle_id = ?`,
        )
        .all(v.id) as OwnershipRow[]),
    );
    const latest = sqlite
      .prepare(
        `select ${visitColumns} from service_visits where vehicle_id = ? order by visit_date desc, id desc limit 1`,
      )
      .get(v.id) as VisitRow | undefined;
    const maintenance = sqlite
      .prepare(
        `select ${visitColumns} from service_visits where vehicle_id = ? and type in ('first_maintenance', 'maintenance')
         order by visit_date desc, id desc limit 1`,
      )
      .get(v.id) as VisitRow | undefined;
    if (latest) vehicleVisits.push(latest);
    if (maintenance && maintenance.id !== latest?.id) vehicleVisits.push(maintenance);
  }
  return {
    customer: {
      id: c.id,
      birthday: c.birthday,
      stage: c.stage,
      createdAt: c.createdAt,
      mergedIntoId: c.mergedIntoId,
      doNotContact: c.dnc === 1,
    },
    consents,
    vehicles,
    ownerships,
    vehicleVisits,
    customerVisits: sqlite
      .prepare(`select ${visitColumns} from service_visits where customer_id = ? and visit_date >= ?`)
      .all(customerId, since) as VisitRow[],
    lastVisitDate: sqlite
      .prepare('select max(visit_date) from service_visits where customer_id = ?')
      .pluck()
      .get(customerId) as string | null,
  };
}

/**
 * The call-back facts of one customer read with five queries (cars with their latest visit and maintenance,
 * the ownerships of all cars at once) equal the facts read car by car, rows in the same order, on demo data with
 * fleets, used cars and customers with no car.
 */
describe('call-back facts of one customer', () => {
  let db: AppDb;
  beforeAll(() => {
    db = openDatabase(':memory:');
    migrateDatabase(db, { dbFile: null });
    generateDemo(db, { scale: 'S', seed: 20261203, now });
  }, 120_000);
  afterAll(() => db.$client.close());

  it('equal the facts read car by car', () => {
    const sqlite = db.$client;
    // The data has what the per-car reads differ on: fleets, cars with several owners, cars without visits.
    const fleets = sqlite
      .prepare('select count(*) from (select owner_id from vehicles group by owner_id having count(*) >= 3)')
      .pluck()
      .get() as number;
    const resold = sqlite
      .prepare(
        'select count(*) from (select vehicle_id from vehicle_ownerships group by vehicle_id having count(*) > 1)',
      )
      .pluck()
      .get() as number;
    expect(fleets).toBeGreaterThan(0);
    expect(resold).toBeGreaterThan(0);
    const ids = [
      ...(sqlite.prepare('select id from customers order by id').pluck().all() as number[]),
      99_999_999,
    ];
    for (const day of ['2026-11-22', '2027-03-01']) {
      const since = liveRange(day).from;
      for (const id of ids)
        expect(loadCustomerFacts(sqlite, id, since)).toEqual(perCarFacts(sqlite, id, since));
    }
  });
});
