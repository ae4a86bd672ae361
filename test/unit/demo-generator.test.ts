import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import type { AppDb } from '../../db/open-database';
import { openDatabase } from '../../db/open-database';
import { idNumberBirthday, idNumberGender, isValidIdNumber } from '../../electron/common/id-number';
import { isValidMobile } from '../../electron/common/mobile';
import { validatePlate } from '../../electron/common/plate';
import { isValidVin } from '../../electron/common/vin';
import { AppError } from '../../electron/contract/errors';
import { loadCustomerFacts } from '../../electron/domain/customers/customer-facts';
import { deriveCustomer } from '../../electron/domain/customers/customer-rules';
import { refreshAllDerived } from '../../electron/domain/customers/refresh-all-derived';
import { generateDemo } from '../../electron/domain/demo/generate-demo';

// Local wall-clock time: the generator reads the store's calendar date from it.
const now = new Date(2026, 10, 22, 10, 0, 0);
const today = '2026-11-22';
const yearAgo = '2025-11-22';
const seed = 20261122;

function freshDb(): AppDb {
  const db = openDatabase(':memory:');
  migrateDatabase(db, { dbFile: null });
  return db;
}

function all<T>(db: AppDb, sql: string): T[] {
  return db.$client.prepare(sql).all() as T[];
}

function scalar(db: AppDb, sql: string): unknown {
  return db.$client.prepare(sql).pluck().get();
}

const hashedTables: Record<string, string> = {
  customers: 'id',
  customer_tags: 'customer_id, tag',
  consents: 'customer_id, purpose',
  consent_history: 'id',
  interactions: 'id',
  vehicles: 'id',
  vehicle_ownerships: 'id',
  service_visits: 'id',
};

function contentHash(db: AppDb): string {
  const h = createHash('sha256');
  for (const [table, order] of Object.entries(hashedTables)) {
    for (const row of all(db, `select * from ${table} order by ${order}`)) h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}

describe('generateDemo, scale S', () => {
  let db: AppDb;
  let counts: ReturnType<typeof generateDemo>;
  const progress: [number, number][] = [];

  beforeAll(() => {
    db = freshDb();
    counts = generateDemo(db, { scale: 'S', seed, now, onProgress: (d, t) => progress.push([d, t]) });
  }, 60_000);

  it('returns counts that match the tables and the intended proportions', () => {
    expect(counts.customers).toBe(2_000);
    expect(scalar(db, 'select count(*) from customers')).toBe(counts.customers);
    expect(scalar(db, 'select count(*) from vehicles')).toBe(counts.vehicles);
    expect(scalar(db, 'select count(*) from service_visits')).toBe(counts.serviceVisits);
    expect(scalar(db, 'select count(*) from interactions')).toBe(counts.interactions);
    expect(counts.vehicles).toBeGreaterThan(2_000 * 1.1);
    expect(counts.vehicles).toBeLessThan(2_000 * 1.45);
    expect(counts.serviceVisits / counts.vehicles).toBeGreaterThan(6);
    expect(counts.serviceVisits / counts.vehicles).toBeLessThan(11);
    expect(counts.interactions / counts.customers).toBeGreaterThan(2);
    expect(counts.interactions / counts.customers).toBeLessThan(5);
    expect(progress.at(-1)).toEqual([2_000, 2_000]);
  });

  it('gives every company a contact person with a title, and nobody else one', () => {
    const companies = all<{ contact_person: string | null; contact_title: string | null }>(
      db,
      'select contact_person, contact_title from customers where is_company = 1',
    );
    expect(companies.length).toBeGreaterThan(5);
    expect(companies.every((c) => /^[\u4e00-\u9fff]{2,4}$/u.test(c.contact_person ?? ''))).toBe(true);
    expect(companies.every((c) => (c.contact_title ?? '').length >= 2)).toBe(true);
    expect(
      scalar(db, 'select count(*) from customers where is_company = 0 and contact_person is not null'),
    ).toBe(0);
  });

  it('gives every vehicle a valid, unique VIN and plate', () => {
    const rows = all<{ vin: string; vin_reversed: string; plate: string | null; energy: string }>(
      db,
      'select vin, vin_reversed, plate, energy from vehicles',
    );
    expect(rows.filter((r) => !isValidVin(r.vin))).toEqual([]);
    expect(rows.filter((r) => r.vin_reversed !== [...r.vin].reverse().join(''))).toEqual([]);
    expect(new Set(rows.map((r) => r.vin)).size).toBe(rows.length);
    const plated = rows.filter((r) => r.plate !== null);
    expect(plated.length).toBeGreaterThan(rows.length * 0.95);
    expect(plated.filter((r) => !validatePlate(r.plate!).ok)).toEqual([]);
    expect(plated.filter((r) => !r.plate!.startsWith('粤L'))).toEqual([]);
    expect(new Set(plated.map((r) => r.plate)).size).toBe(plated.length);
    // Battery cars carry the green plate (粤LD…); fuel cars the regular blue one.
    expect(plated.filter((r) => r.energy === 'electric' && !r.plate!.startsWith('粤LD'))).toEqual([]);
    expect(plated.filter((r) => r.energy === 'fuel' && r.plate!.length !== 7)).toEqual([]);
  });

  it('gives customers valid, unique mobiles, search keys and consistent ID numbers', () => {
    const rows = all<{
      name: string;
      name_pinyin: string;
      name_initials: string;
      mobile: string;
      mobile2: string | null;
      mobile_tail: string;
      id_number: string | null;
      birthday: string | null;
      gender: string | null;
    }>(db, 'select * from customers');
    const mobiles = rows.flatMap((r) => (r.mobile2 ? [r.mobile, r.mobile2] : [r.mobile]));
    expect(mobiles.filter((m) => !isValidMobile(m))).toEqual([]);
    expect(new Set(mobiles).size).toBe(mobiles.length);
    expect(rows.filter((r) => r.mobile_tail !== r.mobile.slice(-4))).toEqual([]);
    expect(rows.filter((r) => !/^[a-z]+$/.test(r.name_pinyin) || !/^[a-z]+$/.test(r.name_initials))).toEqual(
      [],
    );
    const withId = rows.filter((r) => r.id_number !== null);
    expect(withId.length).toBeGreaterThan(rows.length * 0.2);
    expect(withId.filter((r) => !isValidIdNumber(r.id_number!))).toEqual([]);
    expect(withId.filter((r) => idNumberBirthday(r.id_number!) !== r.birthday)).toEqual([]);
    expect(withId.filter((r) => idNumberGender(r.id_number!) !== r.gender)).toEqual([]);
  });

  it('records service mileage that rises strictly per vehicle, and keeps the latest on the vehicle', () => {
    const visits = all<{ vehicle_id: number; visit_date: string; mileage_km: number }>(
      db,
      'select vehicle_id, visit_date, mileage_km from service_visits order by vehicle_id, visit_date, id',
    );
    const broken = visits.filter((v, i) => {
      const prev = visits[i - 1];
      return (
        prev?.vehicle_id === v.vehicle_id &&
        (v.mileage_km <= prev.mileage_km || v.visit_date <= prev.visit_date)
      );
    });
    expect(broken).toEqual([]);
    const stale = scalar(
      db,
      `select count(*) from vehicles v join (
         select vehicle_id, max(visit_date) as d, max(mileage_km) as km from service_visits group by vehicle_id
       ) s on s.vehicle_id = v.id
       where v.mileage_at <> s.d or v.mileage_km <> s.km`,
    );
    expect(stale).toBe(0);
  });

  it('keeps last_visit_at equal to the latest visit of each customer', () => {
    const mismatched = scalar(
      db,
      `select count(*) from customers c
       where c.last_visit_at is not (select max(visit_date) from service_visits s where s.customer_id = c.id)`,
    );
    expect(mismatched).toBe(0);
  });

  it('dates nothing after now', () => {
    const nowIso = now.toISOString();
    expect(scalar(db, `select count(*) from service_visits where visit_date >= '${today}'`)).toBe(0);
    expect(scalar(db, `select count(*) from vehicles where delivery_date >= '${today}'`)).toBe(0);
    expect(scalar(db, `select count(*) from interactions where occurred_at > '${nowIso}'`)).toBe(0);
    expect(scalar(db, `select count(*) from customers where updated_at > '${nowIso}'`)).toBe(0);
    expect(scalar(db, 'select count(*) from customers where updated_at < created_at')).toBe(0);
    // Six years of deliveries, and most of that span is used.
    expect(scalar(db, "select count(*) from vehicles where delivery_date < '2020-11-22'")).toBe(0);
    expect(scalar(db, "select count(*) from vehicles where delivery_date < '2021-06-01'")).toBeGreaterThan(
      50,
    );
  });

  it('keeps stages consistent with the data', () => {
    const stageOf = (sql: string) => all<{ stage: string; n: number }>(db, sql);
    // Owners own at least one car; prospects none.
    expect(
      stageOf(`select stage, count(*) n from customers c
               where stage in ('new_owner', 'owner', 'vip', 'churned')
                 and not exists (select 1 from vehicles v where v.owner_id = c.id) group by stage`),
    ).toEqual([]);
    expect(
      stageOf(`select stage, count(*) n from customers c
               where stage in ('lead', 'intent', 'lost', 'dormant')
                 and exists (select 1 from vehicle_ownerships o where o.customer_id = c.id) group by stage`),
    ).toEqual([]);
    expect(
      scalar(db, `select count(*) from customers where stage = 'churned' and last_visit_at >= '${yearAgo}'`),
    ).toBe(0);
    expect(
      scalar(
        db,
        `select count(*) from customers c where stage = 'new_owner' and (
           (select count(*) from vehicles v where v.owner_id = c.id) <> 1 or
           (select max(from_date) from vehicle_ownerships o where o.customer_id = c.id) < date('${today}', '-184 days'))`,
      ),
    ).toBe(0);
    expect(
      scalar(
        db,
        `select count(*) from customers where stage = 'lost'
           and (lost_reason_category is null or outcome_reason is null)`,
      ),
    ).toBe(0);
    const byStage = Object.fromEntries(
      stageOf('select stage, count(*) n from customers group by stage').map((r) => [r.stage, r.n]),
    );
    for (const stage of ['lead', 'intent', 'new_owner', 'owner', 'vip', 'lost', 'churned', 'dormant']) {
      expect(byStage[stage], stage).toBeGreaterThan(0);
    }
  });

  it('stores for every customer the stage and grade the card’s rules derive today', () => {
    const rows = all<{ id: number; stage: never; baseGrade: string | null; createdAt: string }>(
      db,
      'select id, stage, base_grade as baseGrade, created_at as createdAt from customers',
    );
    const disagree = rows.filter((row) => {
      const d = deriveCustomer(loadCustomerFacts(db.$client, row, today));
      return d.stage.value !== row.stage || d.baseGrade.value !== row.baseGrade;
    });
    expect(rows.length).toBe(2000);
    expect(disagree.map((r) => r.id)).toEqual([]);
  });

  it('writes the same name grams the insert trigger would, and leaves the trigger in place', () => {
    const grams = (id: number) =>
      db.$client
        .prepare('select gram from customer_name_grams where customer_id = ? order by gram')
        .pluck()
        .all(id);
    const sample = all<{ id: number; name: string }>(
      db,
      'select id, name from customers where id % 97 = 1 order by id',
    );
    expect(sample.length).toBeGreaterThan(15);
    db.$client.exec('savepoint probe');
    try {
      for (const { id, name } of sample) {
        const copy = Number(
          db.$client.prepare('insert into customers (name) values (?)').run(name).lastInsertRowid,
        );
        expect(grams(copy), name).toEqual(grams(id));
        expect(grams(id).length).toBeGreaterThan(0);
      }
    } finally {
      db.$client.exec('rollback to probe; release probe');
    }
  });

  it('points referrals at earlier owners and keeps resold cars’ history', () => {
    expect(scalar(db, "select count(*) from customers where source_channel = 'referral'")).toBeGreaterThan(
      50,
    );
    expect(
      scalar(
        db,
        `select count(*) from customers c where source_channel = 'referral' and (referrer_id is null
           or referrer_id >= c.id
           or not exists (select 1 from vehicle_ownerships o where o.customer_id = c.referrer_id))`,
      ),
    ).toBe(0);
    const resold = all<{ vehicle_id: number; n: number }>(
      db,
      'select vehicle_id, count(*) n from vehicle_ownerships group by vehicle_id having n > 1',
    );
    expect(resold.length).toBeGreaterThan(0);
    const badHistory = scalar(
      db,
      `select count(*) from vehicle_ownerships old join vehicle_ownerships cur
         on cur.vehicle_id = old.vehicle_id and cur.to_date is null and old.id <> cur.id
       join vehicles v on v.id = cur.vehicle_id
       where old.to_date <> cur.from_date or v.owner_id <> cur.customer_id or old.customer_id = cur.customer_id`,
    );
    expect(badHistory).toBe(0);
    // Each visit belongs to whoever owned the car that day.
    const misattributed = scalar(
      db,
      `select count(*) from service_visits s where not exists (
         select 1 from vehicle_ownerships o where o.vehicle_id = s.vehicle_id and o.customer_id = s.customer_id
           and o.from_date <= s.visit_date and (o.to_date is null or s.visit_date < o.to_date))`,
    );
    expect(misattributed).toBe(0);
  });

  it('records consents for most owners', () => {
    const owners = scalar(
      db,
      "select count(*) from customers where stage in ('new_owner', 'owner', 'vip', 'churned')",
    );
    const withConsent = scalar(
      db,
      "select count(distinct customer_id) from consents where purpose = 'service'",
    );
    expect(withConsent as number).toBeGreaterThan((owners as number) * 0.75);
    expect(
      scalar(
        db,
        `select count(*) from consents k join customers c on c.id = k.customer_id
         where c.do_not_contact = 1 and k.purpose = 'marketing' and k.granted = 1`,
      ),
    ).toBe(0);
  });

  it('writes a consent ledger: the answers given at purchase, and some marketing withdrawn later', () => {
    // Every current answer is the latest row of its purpose in the ledger.
    expect(
      scalar(
        db,
        `select count(*) from consents k where not exists (
           select 1 from consent_history h where h.customer_id = k.customer_id and h.purpose = k.purpose
             and h.granted = k.granted and h.at = k.recorded_at and h.channel = k.channel
             and h.at = (select max(at) from consent_history x where x.customer_id = k.customer_id and x.purpose = k.purpose))`,
      ),
    ).toBe(0);
    expect(
      scalar(db, 'select count(*) from (select distinct customer_id, purpose from consent_history)'),
    ).toBe(scalar(db, 'select count(*) from consents'));
    // Some said yes to marketing and took it back later, by phone or WeChat, with evidence and who took the call.
    const withdrawn = all<{ channel: string; evidence: string | null; userName: string | null }>(
      db,
      `select h.channel, h.evidence, h.user_name as userName from consent_history h
       where h.purpose = 'marketing' and h.granted = 0 and exists (
         select 1 from consent_history y where y.customer_id = h.customer_id and y.purpose = 'marketing'
           and y.granted = 1 and y.at < h.at)`,
    );
    expect(withdrawn.length).toBeGreaterThan(50);
    expect(new Set(withdrawn.map((w) => w.channel))).toEqual(new Set(['phone', 'wechat']));
    expect(withdrawn.every((w) => w.evidence !== null && w.userName !== null)).toBe(true);
    // The newer purpose is there too, and nobody who asked not to be contacted said yes to it.
    expect(
      scalar(db, "select count(*) from consents where purpose = 'events' and granted = 1"),
    ).toBeGreaterThan(500);
    expect(
      scalar(
        db,
        `select count(*) from consents k join customers c on c.id = k.customer_id
         where c.do_not_contact = 1 and k.granted = 1 and k.purpose <> 'service'`,
      ),
    ).toBe(0);
    expect(scalar(db, `select count(*) from consent_history where at > '${now.toISOString()}'`)).toBe(0);
    expect(scalar(db, 'select count(distinct source) from consent_history')).toBe(1);
  });

  it('leaves no dangling foreign keys', () => {
    expect(all(db, 'pragma foreign_key_check')).toEqual([]);
  });

  it('produces the same data for the same seed and different data for another', () => {
    const again = freshDb();
    generateDemo(again, { scale: 'S', seed, now });
    expect(contentHash(again)).toBe(contentHash(db));
    const other = freshDb();
    generateDemo(other, { scale: 'S', seed: seed + 1, now });
    expect(contentHash(other)).not.toBe(contentHash(db));
  }, 60_000);

  it('refuses to run on a database that already has customers', () => {
    let error: unknown;
    try {
      generateDemo(db, { scale: 'S', seed, now });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('conflict');
    expect(scalar(db, 'select count(*) from customers')).toBe(2_000);
  });
});

describe('the daily pass over stages (refreshAllDerived)', () => {
  it('moves stages with the calendar alone, touches nothing else, and is a no-op when repeated', async () => {
    const db = freshDb();
    generateDemo(db, { scale: 'S', seed, now });
    const before = contentHash(db);
    const same = await refreshAllDerived(db.$client, today, { sliceSize: 300 });
    expect(same).toEqual({ checked: 2000, changed: 0 });
    expect(contentHash(db)).toBe(before);

    const newOwners = scalar(db, "select count(*) from customers where stage = 'new_owner'") as number;
    expect(newOwners).toBeGreaterThan(0);
    let pauses = 0;
    const later = await refreshAllDerived(db.$client, '2027-11-23', {
      sliceSize: 300,
      pause: () => {
        pauses++;
        return Promise.resolve();
      },
    });
    expect(pauses).toBe(Math.ceil(2000 / 300));
    // A year on, nobody bought a car: every new owner has become an owner or, without a visit, churned.
    expect(scalar(db, "select count(*) from customers where stage = 'new_owner'")).toBe(0);
    expect(later.changed).toBeGreaterThanOrEqual(newOwners);
    expect(await refreshAllDerived(db.$client, '2027-11-23')).toEqual({ checked: 2000, changed: 0 });
    db.$client.close();
  }, 60_000);
});
