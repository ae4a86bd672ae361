import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';
import { reverseImportPoints } from '../../electron/domain/loyalty/import-points';
import { lotRemaining } from '../../electron/domain/loyalty/ledger';

/**
 * An import's points taken back set-based, worked out by hand. Customer A: batch lots V1 (100, expiring first)
 * and V2 (50), an older lot O (30, expiring last); 120 spent — drawn from V1 first (100), then V2 (20): V1 has
 * nothing left, V2 30; balance 180 − 120 = 60, so V2 gives back 30. Customer B: batch lot V3 earned 80 in two
 * lines (50 + 30) of one source, 10 of it reversed before (an edited visit), 40 redeemed, balance 30: capped at
 * the balance, 30 back. Customer C: the batch's 20, nothing spent: 20 back. Customer D is deleted by the revert:
 * the batch's lines go, the other stays.
 */
describe('reverseImportPoints', () => {
  it('reverses each lot by what spends left of it, never below a zero balance', () => {
    const db = openDatabase(':memory:');
    migrateDatabase(db, { dbFile: null });
    const sqlite = db.$client;
    const customer = (name: string, i: number) =>
      Number(
        sqlite
          .prepare(`insert into customers (name, gender, mobile, stage) values (?, 'male', ?, 'owner')`)
          .run(name, `1380000000${i}`).lastInsertRowid,
      );
    const [a, b, c, d] = ['甲', '乙', '丙', '丁'].map(customer) as [number, number, number, number];
    const batch = Number(
      sqlite
        .prepare(
          `insert into import_batches (file_name, kind, status, row_count, created_count, updated_count, skipped_count,
             undo, imported_at) values ('ro.csv', 'repair_orders', 'applied', 4, 4, 0, 0, '{}', '2026-11-01T00:00:00Z')`,
        )
        .run().lastInsertRowid,
    );
    const line = sqlite.prepare(
      `insert into loyalty_postings (customer_id, kind, source, source_table, source_id, import_batch_id, points,
         posted_on, expires_on, created_at) values (?, ?, ?, ?, ?, ?, ?, '2026-10-01', ?, '2026-10-01T00:00:00Z')`,
    );
    for (const id of [a, b, c, d])
      sqlite.prepare(`insert into loyalty_members (customer_id) values (?)`).run(id);
    line.run(a, 'earn', 'service_visit', 'service_visits', 1, batch, 100, '2027-01-31');
    line.run(a, 'earn', 'service_visit', 'service_visits', 2, batch, 50, '2027-06-30');
    line.run(a, 'earn', 'manual', 'manual', 9, null, 30, '2028-12-31');
    line.run(a, 'redeem', 'redemption', 'loyalty_redemptions', 1, null, -120, null);
    line.run(b, 'earn', 'service_visit', 'service_visits', 3, batch, 50, '2027-03-31');
    line.run(b, 'earn', 'service_visit', 'service_visits', 3, batch, 30, '2027-04-30');
    line.run(b, 'reverse', 'service_visit', 'service_visits', 3, null, -10, '2027-03-31');
    line.run(b, 'redeem', 'redemption', 'loyalty_redemptions', 2, null, -40, null);
    line.run(c, 'earn', 'service_visit', 'service_visits', 4, batch, 20, '2027-02-28');
    line.run(d, 'earn', 'service_visit', 'service_visits', 5, batch, 70, '2027-02-28');
    line.run(d, 'earn', 'manual', 'manual', 10, null, 5, '2027-02-28');
    expect(lotRemaining(sqlite, a, 'service_visits', 1)).toBe(0);
    expect(lotRemaining(sqlite, a, 'service_visits', 2)).toBe(30);
    const before = sqlite.prepare('select max(id) from loyalty_postings').pluck().get() as number;

    reverseImportPoints(sqlite, batch, [d], {
      today: '2026-11-22',
      now: '2026-11-22T02:00:00.000Z',
      by: null,
    });

    const reversed = sqlite
      .prepare(
        `select customer_id as c, source_id as visit, points, posted_on as postedOn, expires_on as expiresOn, reason
         from loyalty_postings where id > ? order by id`,
      )
      .all(before);
    const reason = `撤销导入批次 ${batch}`;
    expect(reversed).toEqual([
      { c: a, visit: 2, points: -30, postedOn: '2026-10-01', expiresOn: '2027-06-30', reason },
      { c: b, visit: 3, points: -30, postedOn: '2026-10-01', expiresOn: '2027-03-31', reason },
      { c: c, visit: 4, points: -20, postedOn: '2026-10-01', expiresOn: '2027-02-28', reason },
    ]);
    const balance = (id: number) =>
      sqlite.prepare('select sum(points) from loyalty_postings where customer_id = ?').pluck().get(id);
    expect([a, b, c, d].map(balance)).toEqual([30, 0, 0, 5]);
    sqlite.close();
  });
});
