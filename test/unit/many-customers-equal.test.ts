import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import type { AppDb } from '../../db/open-database';
import { openDatabase } from '../../db/open-database';
import * as schema from '../../db/schema';
import { loadCustomerFacts as loadCallbackFacts } from '../../electron/domain/callbacks/facts';
import { loadCustomerFactsMany as loadCallbackFactsMany } from '../../electron/domain/callbacks/facts-many';
import { liveRange } from '../../electron/domain/callbacks/generation-window';
import { regenerate, regenerateMany } from '../../electron/domain/callbacks/regenerate-for-customer';
import type { DerivedSubject } from '../../electron/domain/customers/customer-derived';
import {
  derivedSubjectColumns,
  refreshDerived,
  refreshDerivedMany,
} from '../../electron/domain/customers/customer-derived';
import { loadCustomerFacts } from '../../electron/domain/customers/customer-facts';
import { loadCustomerFactsMany } from '../../electron/domain/customers/customer-facts-many';
import type { ServiceContext } from '../../electron/domain/context';
import { generateDemo } from '../../electron/domain/demo/generate-demo';
import { postVisitPoints } from '../../electron/domain/loyalty/earnings';
import { loadLoyaltySettings } from '../../electron/domain/loyalty/loyalty-settings';
import type { NewVisit } from '../../electron/domain/loyalty/new-visit-points';
import { postNewVisitsPoints } from '../../electron/domain/loyalty/new-visit-points';

const now = new Date(2026, 10, 22, 10, 0, 0);
const today = '2026-11-22';

/**
 * The repair-order import's paths for many customers at once (facts read per set, points carried in memory) hold
 * to the paths one customer or one visit at a time they replace: on the demo data, the same facts, and on two
 * copies of one database the very same rows, ids included.
 */
describe('many customers at once = one at a time', () => {
  let db: AppDb;
  const ids = () => db.$client.prepare('select id from customers order by id').pluck().all() as number[];
  const copy = (): AppDb => drizzle(new Database(db.$client.serialize()), { schema }) as AppDb;
  const ctxOf = (d: AppDb, at = now): ServiceContext => ({ db: d, clock: () => at, user: null, token: null });
  const rows = (d: AppDb, table: string) => d.$client.prepare(`select * from ${table} order by rowid`).all();

  beforeAll(() => {
    db = openDatabase(':memory:');
    migrateDatabase(db, { dbFile: null });
    generateDemo(db, { scale: 'S', seed: 20261203, now });
    // The batch the new visits' points name.
    db.$client
      .prepare(
        `insert into import_batches (id, file_name, kind, status, row_count, created_count, updated_count,
           skipped_count, undo, imported_at) values (7, 'ro.csv', 'repair_orders', 'applied', 0, 0, 0, 0, '{}', ?)`,
      )
      .run(now.toISOString());
  }, 120_000);
  afterAll(() => db.$client.close());

  it('customer facts (stage, grade, loyalty) for many equal the facts one by one', () => {
    const subjects = db.$client
      .prepare(`select ${derivedSubjectColumns} from customers order by id`)
      .all() as DerivedSubject[];
    expect(subjects.length).toBeGreaterThan(1000);
    for (const day of [today, '2027-03-01']) {
      const many = loadCustomerFactsMany(db.$client, subjects, day);
      expect(subjects.map((s) => many.get(s.id))).toEqual(
        subjects.map((s) => loadCustomerFacts(db.$client, s, day)),
      );
    }
  });

  it('call-back facts for many equal the facts one by one, rows in the same order', () => {
    const all = [...ids(), 99_999_999];
    const since = liveRange(today).from;
    const many = loadCallbackFactsMany(db.$client, all, since);
    expect(all.map((id) => many.get(id) ?? null)).toEqual(
      all.map((id) => loadCallbackFacts(db.$client, id, since)),
    );
  });

  it('refreshDerivedMany and regenerateMany write what one customer at a time writes', () => {
    // Months later: stages move, tasks come due, move and lapse.
    const later = new Date(2027, 2, 15, 10, 0, 0);
    const one = copy();
    const many = copy();
    const all = ids();
    for (const id of all) refreshDerived(ctxOf(one, later), id);
    refreshDerivedMany(ctxOf(many, later), all);
    expect(rows(many, 'customers')).toEqual(rows(one, 'customers'));
    for (const id of all) regenerate(one.$client, id, '2027-03-15', later.toISOString());
    regenerateMany(many.$client, all, '2027-03-15', later.toISOString());
    const tasks = rows(one, 'callback_tasks');
    expect(tasks.length).toBeGreaterThan(rows(db, 'callback_tasks').length);
    expect(rows(many, 'callback_tasks')).toEqual(tasks);
    one.$client.close();
    many.$client.close();
  });

  it.each(['points', 'spending'] as const)(
    'points of new visits equal postVisitPoints visit by visit (%s basis): postings, members, tier changes',
    (tierBasis) => {
      const base = loadLoyaltySettings(db.$client);
      // Low thresholds, so that visits move customers up, some by two tiers over their visits.
      const settings = {
        ...base,
        tierBasis,
        thresholds: {
          silver: { points: 30, spendingFen: 60_000, visits: 3 },
          gold: { points: 120, spendingFen: 250_000, visits: 6 },
          black: { points: 400, spendingFen: 900_000, visits: 12 },
        },
      };
      const one = copy();
      const many = copy();
      const cars = db.$client
        .prepare(
          'select id, owner_id as ownerId from vehicles where owner_id is not null order by id limit 600',
        )
        .all() as { id: number; ownerId: number }[];
      // Each visit as inserted, `after` it: the import's old way posted each visit's points right after it.
      const insert = (d: AppDb, after: (v: NewVisit) => void = () => {}) => {
        const stmt = d.$client.prepare(
          `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen)
           values (?, ?, ?, 'repair', 10000, ?)`,
        );
        const out: NewVisit[] = [];
        cars.forEach((car, i) => {
          for (let k = 0; k < 1 + (i % 4); k++) {
            // Dates from four years back (points already expired, outside the tier window) to today.
            const day = new Date(Date.UTC(2022, 10, 22) + ((i * 7919 + k * 104_729) % 1461) * 86_400_000);
            const visitDate = day.toISOString().slice(0, 10);
            const amountFen = [0, 999, 1000, 68_050, 150_000, 12_345][(i + k) % 6]!;
            const id = Number(stmt.run(car.id, car.ownerId, visitDate, amountFen).lastInsertRowid);
            out.push({ id, customerId: car.ownerId, visitDate, amountFen });
            after(out[out.length - 1]!);
          }
        });
        return out;
      };
      const stamp = { today, now: now.toISOString(), by: null };
      const visitsOne = insert(one, (v) =>
        postVisitPoints(one.$client, v.id, stamp, { importBatchId: 7, settings }),
      );
      const visitsMany = insert(many);
      expect(visitsMany).toEqual(visitsOne);
      postNewVisitsPoints(many.$client, visitsMany, stamp, { importBatchId: 7, settings });
      const changes = rows(one, 'loyalty_tier_changes');
      expect(changes.length).toBeGreaterThan(rows(db, 'loyalty_tier_changes').length + 20);
      for (const table of ['loyalty_postings', 'loyalty_members', 'loyalty_tier_changes'])
        expect({ table, rows: rows(many, table) }).toEqual({ table, rows: rows(one, table) });
      one.$client.close();
      many.$client.close();
    },
  );
});
