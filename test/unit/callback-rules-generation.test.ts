import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import type { AppDb } from '../../db/open-database';
import { openDatabase } from '../../db/open-database';
import { localDate } from '../../electron/domain/clock';
import { closeExpired } from '../../electron/domain/callbacks/close-expired';
import { addDays } from '../../electron/domain/callbacks/dates';
import { skipReasons } from '../../electron/domain/callbacks/consent';
import { regenerateAll } from '../../electron/domain/callbacks/full-regeneration';
import {
  cancelReasons,
  regenerateCallbacksForCustomer,
} from '../../electron/domain/callbacks/regenerate-for-customer';
import { generatingRules } from '../../electron/domain/callbacks/rules';
import { generateDemo } from '../../electron/domain/demo/generate-demo';

// Noon local time: the store's calendar date is unambiguous in any zone the tests run in.
const now = new Date(2026, 10, 22, 12, 0, 0);
const today = localDate(now);
const nowIso = now.toISOString();
const clock = () => now;

function freshDb(): AppDb {
  const db = openDatabase(':memory:');
  migrateDatabase(db, { dbFile: null });
  return db;
}

interface TaskRow {
  id: number;
  customer_id: number;
  vehicle_id: number | null;
  rule_code: string;
  anchor_date: string;
  due_date: string;
  status: string;
  skip_reason: string | null;
  version: number;
}

/** Small fixture writer over raw SQL, so these tests depend on nothing but the schema. */
function fixtures(db: AppDb) {
  const sqlite = db.$client;
  let vin = 0;
  return {
    customer(fields: Record<string, unknown> = {}): number {
      const row = { name: '测试客户', stage: 'owner', ...fields };
      const cols = Object.keys(row);
      return Number(
        sqlite
          .prepare(
            `insert into customers (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`,
          )
          .run(row).lastInsertRowid,
      );
    },
    vehicle(ownerId: number, deliveryDate: string, fields: Record<string, unknown> = {}): number {
      const v = `LSVTEST${String(++vin).padStart(10, '0')}`;
      const row = {
        vin: v,
        vin_reversed: [...v].reverse().join(''),
        brand: '大众',
        series: '帕萨特',
        plate: `粤L·${String(vin).padStart(5, '0')}`,
        delivery_date: deliveryDate,
        owner_id: ownerId,
        ...fields,
      };
      const cols = Object.keys(row);
      const id = Number(
        sqlite
          .prepare(
            `insert into vehicles (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`,
          )
          .run(row).lastInsertRowid,
      );
      sqlite
        .prepare('insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)')
        .run(id, ownerId, deliveryDate);
      return id;
    },
    visit(vehicleId: number, customerId: number, date: string, type: string, km: number): number {
      return Number(
        sqlite
          .prepare(
            'insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, advisor) values (?, ?, ?, ?, ?, ?)',
          )
          .run(vehicleId, customerId, date, type, km, '李工').lastInsertRowid,
      );
    },
    consent(customerId: number, purpose: string, granted: boolean): void {
      sqlite
        .prepare(
          `insert into consents (customer_id, purpose, granted, recorded_at, channel) values (?, ?, ?, ?, 'paper')
           on conflict (customer_id, purpose) do update set granted = excluded.granted`,
        )
        .run(customerId, purpose, granted ? 1 : 0, nowIso);
    },
    tasks(customerId?: number): TaskRow[] {
      return sqlite
        .prepare(
          `select id, customer_id, vehicle_id, rule_code, anchor_date, due_date, status, skip_reason, version from callback_tasks
           ${customerId === undefined ? '' : 'where customer_id = ?'} order by rule_code, anchor_date, id`,
        )
        .all(...(customerId === undefined ? [] : [customerId])) as TaskRow[];
    },
    regenerate(customerId: number): void {
      regenerateCallbacksForCustomer({ db, clock, user: null, token: null }, customerId);
    },
  };
}

const byRule = (tasks: TaskRow[]) =>
  Object.fromEntries(tasks.map((t) => [`${t.rule_code}@${t.anchor_date}`, t]));

describe('set-based full regeneration agrees with the pure rules (demo data, scale S)', () => {
  it('creates exactly the same tasks both ways, for every rule, with the same contact decisions', () => {
    const db = freshDb();
    generateDemo(db, { scale: 'S', seed: 20261122, now });
    const sqlite = db.$client;
    const dump = () =>
      sqlite
        .prepare(
          `select customer_id, coalesce(vehicle_id, 0) as v, coalesce(service_visit_id, 0) as sv, rule_code, anchor_date,
             due_date, expires_on, priority, status, coalesce(skip_reason, '') as reason
           from callback_tasks where rule_code in (select value from json_each(?))
           order by customer_id, rule_code, anchor_date, v`,
        )
        // The rules' tasks only: closure calls and dissatisfied follow-ups come from tickets and surveys.
        .all(JSON.stringify(generatingRules.map((g) => g.code)))
        .map((r) => JSON.stringify(r));

    const summary = regenerateAll(sqlite, today, nowIso);
    const setBased = dump();
    // Demo complaint tickets name the closure call and the follow-up they came from, event invitees their
    // invitation and confirmation calls: unlink them first.
    sqlite.exec(`update complaint_tickets set closure_task_id = null, source_task_id = null;
                 update event_invitees set invitation_task_id = null, confirmation_task_id = null;
                 delete from callback_tasks`);
    const f = fixtures(db);
    const ids = sqlite.prepare('select id from customers').pluck().all() as number[];
    sqlite.transaction(() => ids.forEach((id) => f.regenerate(id)))();
    const pure = dump();

    expect(setBased.length).toBeGreaterThan(1000);
    expect(pure).toEqual(setBased);
    // Not vacuous: every rule produced tasks, and contact rules skipped some.
    for (const g of generatingRules)
      expect(summary.rules.find((r) => r.ruleCode === g.code)!.created, g.code).toBeGreaterThan(0);
    expect(summary.skipped).toBeGreaterThan(0);
    db.$client.close();
  }, 180_000);
});

describe('set-based and pure paths on calendar edge cases, day after day', () => {
  it('agree for month ends, leap days, year ends, used cars and heavy drivers on every 5th day of 14 months', () => {
    const db = freshDb();
    const f = fixtures(db);
    const sqlite = db.$client;
    sqlite
      .prepare("update callback_rules set params = ? where code = 'delivery_1m'")
      .run(JSON.stringify({ months: 1 }));
    const dates = [
      '2027-01-31',
      '2027-02-28',
      '2027-08-31',
      '2027-11-30',
      '2027-12-31',
      '2028-02-29',
      '2027-03-31',
    ];
    dates.forEach((d, i) => {
      const c = f.customer({
        birthday: i % 2 ? '1988-02-29' : `1990-${d.slice(5)}`,
        created_at: `${d}T03:00:00.000Z`,
      });
      f.consent(c, 'care', true);
      const car = f.vehicle(c, d, { insurance_expiry: addDays(d, 365) });
      if (i % 3 === 0) f.visit(car, c, addDays(d, 20), 'repair', 2500 + i * 500);
      if (i % 3 === 1) f.visit(car, c, addDays(d, 95), 'first_maintenance', 3000);
      if (i === 2) f.visit(car, c, addDays(d, 200), 'maintenance', 40000);
    });
    const lost = f.customer({ stage: 'lost', created_at: '2027-01-31T02:00:00.000Z' });
    f.consent(lost, 'marketing', true);
    const seller = f.customer();
    const buyer = f.customer();
    const used = f.vehicle(seller, '2026-12-31');
    sqlite.prepare('update vehicles set owner_id = ? where id = ?').run(buyer, used);
    sqlite.prepare('update vehicle_ownerships set to_date = ? where vehicle_id = ?').run('2027-05-31', used);
    sqlite
      .prepare('insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)')
      .run(used, buyer, '2027-05-31');

    const ids = sqlite.prepare('select id from customers').pluck().all() as number[];
    const dump = () =>
      sqlite
        .prepare(
          `select customer_id, coalesce(vehicle_id, 0) as v, rule_code, anchor_date, due_date, expires_on, status
           from callback_tasks order by customer_id, rule_code, anchor_date, v`,
        )
        .all();
    let compared = 0;
    for (let day = '2027-01-01'; day <= '2028-03-01'; day = addDays(day, 5)) {
      const at = new Date(`${day}T12:00:00`);
      sqlite.exec('delete from callback_tasks');
      regenerateAll(sqlite, day, at.toISOString());
      const setBased = dump();
      sqlite.exec('delete from callback_tasks');
      for (const id of ids)
        regenerateCallbacksForCustomer({ db, clock: () => at, user: null, token: null }, id);
      expect(dump(), day).toEqual(setBased);
      compared += setBased.length;
    }
    expect(compared).toBeGreaterThan(400);
    db.$client.close();
  });
});

describe('generation', () => {
  let db: AppDb;
  let f: ReturnType<typeof fixtures>;
  beforeEach(() => {
    db = freshDb();
    f = fixtures(db);
  });
  afterEach(() => db.$client.close());

  it('is idempotent: a second full pass and an incremental pass create and change nothing', () => {
    const a = f.customer({ birthday: '1980-11-25' });
    const car = f.vehicle(a, '2026-11-20', { insurance_expiry: '2026-12-10' });
    f.visit(car, a, '2026-11-21', 'repair', 300);
    f.consent(a, 'care', true);
    const first = regenerateAll(db.$client, today, nowIso);
    expect(first.created).toBeGreaterThanOrEqual(5);
    const before = f.tasks();
    const second = regenerateAll(db.$client, today, nowIso);
    expect(second.created).toBe(0);
    f.regenerate(a);
    expect(f.tasks()).toEqual(before);
    expect(Object.keys(byRule(before))).toEqual(
      expect.arrayContaining([
        'delivery_3d@2026-11-20',
        'sales_csi@2026-11-20',
        'service_csi@2026-11-21',
        'birthday@2026-11-25',
      ]),
    );
  });

  it('creates a delivery’s tasks at once when the delivery is recorded', () => {
    const a = f.customer();
    expect(f.tasks(a)).toEqual([]);
    f.vehicle(a, '2026-11-21');
    f.regenerate(a);
    const tasks = byRule(f.tasks(a));
    expect(tasks['sales_csi@2026-11-21']).toMatchObject({ due_date: '2026-11-22', status: 'open' });
    expect(tasks['delivery_3d@2026-11-21']).toMatchObject({ due_date: '2026-11-24', status: 'open' });
    expect(tasks['delivery_7d@2026-11-21']).toMatchObject({ due_date: '2026-11-28', status: 'open' });
    // Care calls need consent: none on file, so the 1-month call will be skipped when it comes (not yet created).
    expect(tasks['delivery_1m@2026-11-21']).toBeUndefined();
  });

  it('moves a car sold to a new owner: the old owner’s open car tasks are cancelled, the new owner gets theirs', () => {
    const seller = f.customer();
    const buyer = f.customer();
    const car = f.vehicle(seller, '2026-11-19');
    f.regenerate(seller);
    expect(f.tasks(seller).filter((t) => t.status === 'open').length).toBeGreaterThanOrEqual(2);
    db.$client.prepare('update vehicles set owner_id = ? where id = ?').run(buyer, car);
    db.$client.prepare('update vehicle_ownerships set to_date = ? where vehicle_id = ?').run(today, car);
    db.$client
      .prepare('insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)')
      .run(car, buyer, today);
    f.regenerate(seller);
    f.regenerate(buyer);
    for (const t of f.tasks(seller))
      expect(t).toMatchObject({ status: 'cancelled', skip_reason: cancelReasons.vehicleLeft });
    expect(byRule(f.tasks(buyer))['delivery_3d@2026-11-22']).toMatchObject({
      vehicle_id: car,
      status: 'open',
    });
  });

  it('does the same in the full pass when the car changed hands without the hook', () => {
    const seller = f.customer();
    const buyer = f.customer();
    const car = f.vehicle(seller, '2026-11-19');
    regenerateAll(db.$client, today, nowIso);
    db.$client.prepare('update vehicles set owner_id = ? where id = ?').run(buyer, car);
    const summary = regenerateAll(db.$client, today, nowIso);
    expect(summary.cancelled).toBeGreaterThanOrEqual(2);
    expect(f.tasks(seller).every((t) => t.status === 'cancelled')).toBe(true);
    expect(f.tasks(buyer).length).toBeGreaterThanOrEqual(2);
  });

  it('gives a merged-away card no tasks, and cancels the ones it had', () => {
    const survivor = f.customer();
    const merged = f.customer();
    f.vehicle(merged, '2026-11-20');
    f.regenerate(merged);
    expect(f.tasks(merged).length).toBeGreaterThan(0);
    db.$client.prepare('update customers set merged_into_id = ? where id = ?').run(survivor, merged);
    f.regenerate(merged);
    for (const t of f.tasks(merged))
      expect(t).toMatchObject({ status: 'cancelled', skip_reason: cancelReasons.merged });
    db.$client.exec('delete from callback_tasks');
    regenerateAll(db.$client, today, nowIso);
    expect(f.tasks(merged)).toEqual([]);
  });

  it('honours consent per purpose and do-not-contact, and reopens when contact is allowed again', () => {
    const a = f.customer({ birthday: '1975-11-24' });
    f.vehicle(a, '2020-03-01', { insurance_expiry: '2026-12-20' });
    f.regenerate(a);
    let tasks = byRule(f.tasks(a));
    // Insurance is a service notice (allowed without a record); a birthday call is care (needs a yes).
    expect(tasks['insurance_renewal@2026-12-20']).toMatchObject({ status: 'open', skip_reason: null });
    expect(tasks['birthday@2026-11-24']).toMatchObject({
      status: 'skipped',
      skip_reason: skipReasons.missing('care'),
    });

    f.consent(a, 'care', true);
    f.regenerate(a);
    expect(byRule(f.tasks(a))['birthday@2026-11-24']).toMatchObject({ status: 'open', skip_reason: null });

    f.consent(a, 'service', false);
    f.regenerate(a);
    tasks = byRule(f.tasks(a));
    expect(tasks['insurance_renewal@2026-12-20']).toMatchObject({
      status: 'skipped',
      skip_reason: skipReasons.refused('service'),
    });
    expect(tasks['birthday@2026-11-24']?.status).toBe('open');

    db.$client.prepare('update customers set do_not_contact = 1 where id = ?').run(a);
    f.regenerate(a);
    for (const t of f.tasks(a))
      expect(t).toMatchObject({ status: 'skipped', skip_reason: skipReasons.doNotContact });

    // The full pass decides the same way on creation.
    const b = f.customer({ birthday: '1975-11-24', do_not_contact: 1 });
    f.vehicle(b, '2020-03-01', { insurance_expiry: '2026-12-20' });
    regenerateAll(db.$client, today, nowIso);
    expect(f.tasks(b).map((t) => t.skip_reason)).toEqual([
      skipReasons.doNotContact,
      skipReasons.doNotContact,
      skipReasons.doNotContact,
    ]);
  });

  it('cancels a first-service reminder once the first service is on file, and moves its date with new mileage', () => {
    const a = f.customer();
    const car = f.vehicle(a, '2026-09-20');
    f.regenerate(a);
    // 40 km/day default: 3,000 km on day 75 (4 Dec) → reminder on 27 Nov.
    expect(byRule(f.tasks(a))['first_maintenance@2026-09-20']).toMatchObject({
      due_date: '2026-11-27',
      status: 'open',
    });
    f.visit(car, a, '2026-11-01', 'repair', 2700);
    f.regenerate(a);
    // 2,700 km in 42 days → 3,000 km on 6 Nov → the reminder is due now (30 Oct, overdue).
    expect(byRule(f.tasks(a))['first_maintenance@2026-09-20']).toMatchObject({
      due_date: '2026-10-30',
      status: 'open',
    });
    f.visit(car, a, '2026-11-21', 'first_maintenance', 3100);
    f.regenerate(a);
    expect(byRule(f.tasks(a))['first_maintenance@2026-09-20']).toMatchObject({
      status: 'cancelled',
      skip_reason: cancelReasons.triggerGone,
    });
  });

  it('closes tasks past their expiry as expired, except one somebody is on the phone with', () => {
    const a = f.customer();
    const insert = db.$client.prepare(
      `insert into callback_tasks (customer_id, rule_code, anchor_date, due_date, expires_on, priority, created_at, updated_at,
         claimed_by, claim_expires_at)
       values (?, 'quarterly_care', ?, ?, ?, 5, ?, ?, ?, ?)`,
    );
    const admin = Number(
      db.$client
        .prepare(
          "insert into users (username, display_name, password_hash, role) values ('op', '回访员', 'x', 'callback_operator')",
        )
        .run().lastInsertRowid,
    );
    insert.run(a, '2026-10-01', '2026-10-01', '2026-11-21', nowIso, nowIso, null, null);
    insert.run(
      a,
      '2026-10-02',
      '2026-10-02',
      '2026-11-21',
      nowIso,
      nowIso,
      admin,
      new Date(now.getTime() + 60_000).toISOString(),
    );
    insert.run(a, '2026-10-03', '2026-10-03', '2026-11-22', nowIso, nowIso, null, null);
    expect(closeExpired(db.$client, today, nowIso)).toBe(1);
    expect(f.tasks(a).map((t) => t.status)).toEqual(['expired', 'open', 'open']);
  });
});
