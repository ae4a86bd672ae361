import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';
import { regenerateAll, regenerateAllSliced } from '../../electron/domain/callbacks/full-regeneration';
import { localDate } from '../../electron/domain/clock';
import { addDays } from '../../electron/domain/customers/customer-rules/rule-dates';
import { generateDemo } from '../../electron/domain/demo/generate-demo';

const now = new Date(2026, 10, 22, 12, 0, 0);
const today = localDate(now);
const nowIso = now.toISOString();

const dump = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      `select customer_id, coalesce(vehicle_id, 0) as v, coalesce(service_visit_id, 0) as sv, rule_code, anchor_date,
         due_date, expires_on, priority, status, coalesce(skip_reason, '') as reason
       from callback_tasks order by customer_id, rule_code, anchor_date, v`,
    )
    .all()
    .map((r) => JSON.stringify(r));

describe('the daily pass in slices of customers gives what one full pass gives (demo data, scale S)', () => {
  it('creates the same tasks from empty, and cancels the same ones after changes behind its back', async () => {
    const db = openDatabase(':memory:');
    migrateDatabase(db, { dbFile: null });
    generateDemo(db, { scale: 'S', seed: 20261122, now });
    const sqlite = db.$client;
    // Demo complaint tickets name the closure call and the follow-up they came from: unlink them first.
    sqlite.exec(`update complaint_tickets set closure_task_id = null, source_task_id = null;
                 update event_invitees set invitation_task_id = null, confirmation_task_id = null;
                 delete from callback_tasks`);
    // Two copies of the same data: one pass over everyone on one, slices on the other.
    const copy = () => new Database(sqlite.serialize());
    const whole = copy();
    const sliced = copy();
    let pauses = 0;
    const pause = async () => {
      pauses++;
      await new Promise((r) => setImmediate(r));
    };

    const a = regenerateAll(whole, today, nowIso);
    // An odd slice size, so slice edges fall between the customers of every kind.
    const b = await regenerateAllSliced(sliced, today, nowIso, { sliceSize: 97, pause });
    expect(a.created).toBeGreaterThan(1000);
    expect(pauses).toBeGreaterThan(10);
    expect(dump(sliced)).toEqual(dump(whole));
    expect(b.rules).toEqual(a.rules);
    expect([b.created, b.skipped]).toEqual([a.created, a.skipped]);

    // Data changed without the incremental hook (a restored backup, a tool): cars changed hands, a card was
    // merged away, new service visits. Both passes must cancel and create the same.
    for (const db of [whole, sliced]) {
      db.exec(`update vehicles set owner_id = owner_id + 1 where id % 17 = 0 and owner_id is not null
                 and owner_id + 1 in (select id from customers where merged_into_id is null);
               update customers set merged_into_id = 1 where id in (select customer_id from callback_tasks
                 where status = 'open' order by id limit 3);
               insert into service_visits (customer_id, vehicle_id, visit_date, type, mileage_km, amount_fen)
                 select owner_id, id, '2026-11-21', 'repair', 12000, 80000 from vehicles where id % 23 = 0
                   and owner_id is not null;`);
    }
    const a2 = regenerateAll(whole, today, nowIso);
    const b2 = await regenerateAllSliced(sliced, today, nowIso, { sliceSize: 97, pause });
    expect(a2.cancelled).toBeGreaterThan(0);
    expect(a2.created).toBeGreaterThan(0);
    expect([b2.created, b2.cancelled]).toEqual([a2.created, a2.cancelled]);
    expect(dump(sliced)).toEqual(dump(whole));

    // Nothing new: a second sliced pass creates and cancels nothing.
    const b3 = await regenerateAllSliced(sliced, today, nowIso, { sliceSize: 97, pause });
    expect([b3.created, b3.cancelled]).toEqual([0, 0]);
    whole.close();
    sliced.close();
    sqlite.close();
  }, 60_000);

  it('a pass for the days since the last complete one creates what a pass over everything would', async () => {
    const db = openDatabase(':memory:');
    migrateDatabase(db, { dbFile: null });
    generateDemo(db, { scale: 'S', seed: 20261122, now });
    const sqlite = db.$client;
    regenerateAll(sqlite, today, nowIso);
    const pause = () => new Promise<void>((r) => setImmediate(r));
    // Each step on one copy picks up from the day before it; the other copy goes over everything each time.
    const sinceCopy = new Database(sqlite.serialize());
    const wholeCopy = new Database(sqlite.serialize());
    let day = today;
    let createdSince = 0;
    for (const step of [1, 1, 3, 7, 14, 30]) {
      const next = addDays(day, step);
      const at = `${next}T01:00:00.000Z`;
      const a = regenerateAll(wholeCopy, next, at);
      const b = await regenerateAllSliced(sinceCopy, next, at, { sliceSize: 211, pause, since: day });
      expect({ next, created: b.created, expired: b.expired }).toEqual({
        next,
        created: a.created,
        expired: a.expired,
      });
      createdSince += b.created;
      expect(dump(sinceCopy)).toEqual(dump(wholeCopy));
      day = next;
    }
    // The calendar alone brought new tasks (so the comparison above could have failed).
    expect(createdSince).toBeGreaterThan(50);
    sinceCopy.close();
    wholeCopy.close();
    sqlite.close();
  }, 120_000);
});
