import { migrateDatabase } from '../../db/migrate';
import type { AppDb } from '../../db/open-database';
import { openDatabase } from '../../db/open-database';
import type { AuthedContext } from '../../electron/domain/context';

/**
 * A small hand-made store for the report pack's unit tests (report month 2026-10: its 12 months are
 * 2025-11-01 … 2026-10-31, the 12 before them 2024-11-01 … 2025-10-31). Every figure the tests expect is worked
 * out by hand from these rows, in the tests.
 *
 * A  two cars: 朗逸 A1 (delivered 2022-01-10) and 帕萨特 A2 (delivered 2026-10-05, a repeat purchase).
 *    Visits A1 2025-05-01 maintenance 35,000 km ¥800; 2025-11-01 (first day of the window) maintenance
 *    40,000 km ¥1,000; 2026-03-15 maintenance 45,000 km ¥500; 2026-06-01 repair ¥300; A2 2026-10-31 (last day)
 *    first maintenance 1,500 km ¥200.
 * B  朗逸 B1 (2024-03-01). Visits 2025-10-31 repair ¥400 (the day before the window); 2026-01-10 maintenance
 *    90,000 km ¥600; 2026-07-10 maintenance 100,000 km ¥600 (past the warranty's km).
 * C  帕萨特 C1 (2023-01-01). One visit 2025-02-01 ¥500, none since: lost.
 * D  referred by A; 朗逸 D1 delivered 2026-10-20, their first car. No visit.
 * E  凯美瑞 E1 delivered 2026-10-25, first car, no referrer. Visit 2026-10-28 detailing ¥100.
 * F  凯美瑞 F1 (2020-01-01). Visits 2024-10-31 ¥900 (25 months back: outside both windows); 2026-05-05 repair ¥700.
 */
export function reportFixture() {
  const db: AppDb = openDatabase(':memory:');
  migrateDatabase(db, { dbFile: null });
  const sqlite = db.$client;
  const now = new Date('2026-11-05T10:00:00+08:00');
  const userId = Number(
    sqlite
      .prepare(
        `insert into users (username, display_name, role, password_hash) values ('mgr', '王经理', 'manager', 'x')`,
      )
      .run().lastInsertRowid,
  );
  const customer = (name: string, f: Record<string, unknown> = {}) => {
    const row = { name, stage: 'owner', ...f };
    const cols = Object.keys(row);
    return Number(
      sqlite
        .prepare(`insert into customers (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`)
        .run(row).lastInsertRowid,
    );
  };
  let serial = 0;
  const vehicle = (ownerId: number, series: string, delivery: string) => {
    const vin = `LSVR${String(++serial).padStart(13, '0')}`;
    const id = Number(
      sqlite
        .prepare(
          `insert into vehicles (vin, vin_reversed, brand, series, delivery_date, owner_id) values (?, ?, '大众', ?, ?, ?)`,
        )
        .run(vin, [...vin].reverse().join(''), series, delivery, ownerId).lastInsertRowid,
    );
    sqlite
      .prepare('insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)')
      .run(id, ownerId, delivery);
    return id;
  };
  const visit = (
    vehicleId: number,
    customerId: number,
    date: string,
    type: string,
    km: number,
    yuan: number,
  ) =>
    sqlite
      .prepare(
        `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen)
         values (?, ?, ?, ?, ?, ?)`,
      )
      .run(vehicleId, customerId, date, type, km, yuan * 100);

  const a = customer('甲', {
    base_grade: 'premium',
    district: '惠城区',
    industry: '制造业',
    birthday: '1985-03-01',
  });
  const b = customer('乙', {
    base_grade: 'potential',
    district: '惠城区',
    industry: '服务业',
    birthday: '1992-07-07',
  });
  const c = customer('丙', {
    base_grade: 'normal',
    district: '博罗县',
    industry: '制造业',
    birthday: '1975-01-01',
  });
  const d = customer('丁', { base_grade: 'potential', referrer_id: a, stage: 'new_owner' });
  const e = customer('戊', { stage: 'new_owner' });
  const f = customer('己', { base_grade: 'premium', birthday: '2001-12-31' });
  const a1 = vehicle(a, '朗逸', '2022-01-10');
  const a2 = vehicle(a, '帕萨特', '2026-10-05');
  const b1 = vehicle(b, '朗逸', '2024-03-01');
  const c1 = vehicle(c, '帕萨特', '2023-01-01');
  vehicle(d, '朗逸', '2026-10-20');
  const e1 = vehicle(e, '凯美瑞', '2026-10-25');
  const f1 = vehicle(f, '凯美瑞', '2020-01-01');
  visit(a1, a, '2025-05-01', 'maintenance', 35_000, 800);
  visit(a1, a, '2025-11-01', 'maintenance', 40_000, 1000);
  visit(a1, a, '2026-03-15', 'maintenance', 45_000, 500);
  visit(a1, a, '2026-06-01', 'repair', 47_000, 300);
  visit(a2, a, '2026-10-31', 'first_maintenance', 1500, 200);
  visit(b1, b, '2025-10-31', 'repair', 80_000, 400);
  visit(b1, b, '2026-01-10', 'maintenance', 90_000, 600);
  visit(b1, b, '2026-07-10', 'maintenance', 100_000, 600);
  visit(c1, c, '2025-02-01', 'maintenance', 30_000, 500);
  visit(e1, e, '2026-10-28', 'detailing', 300, 100);
  visit(f1, f, '2024-10-31', 'repair', 120_000, 900);
  visit(f1, f, '2026-05-05', 'repair', 130_000, 700);

  const ctx = {
    db,
    clock: () => now,
    user: { id: userId, username: 'mgr', displayName: '王经理', role: 'manager', permissions: [] },
    token: null,
  } as unknown as AuthedContext;
  return { db, sqlite, ctx, now, ids: { a, b, c, d, e, f, userId } };
}

export type ReportFixture = ReturnType<typeof reportFixture>;
