import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportPack } from '../../electron/contract/reports';
import { callbackFixture } from '../helpers/callback-fixture';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { testClock } from '../helpers/test-clock';
import { visitFactsBesideRecount } from '../helpers/visit-facts-recount';

/**
 * The report pack reads visit facts that triggers keep (db/schema/visit-facts.ts) and months it worked out before
 * (report_month_cache). Every write of a visit or a car must move them in its own transaction: here a visit saved
 * and corrected through the API, and the raw writes an import, its revert, a merge and a corrected car make, each
 * followed by the facts counted afresh from the visits and by the pack's numbers, worked out by hand.
 *
 * Month 2026-10: its 12 months are 2025-11 … 2026-10, the 12 before them 2024-11 … 2025-10.
 * A  朗逸 A1 (delivered 2024-05-01): maintenance 2026-04-10, 10,000 km, ¥600.
 * B  帕萨特 B1 (delivered 2024-08-01): repair 2025-10-15 ¥300 (13–24 months back), none since.
 */

const clock = testClock('2026-11-05T10:00:00+08:00');
let app: TestApp;
const fx = callbackFixture(() => app, '9');
const ids = {} as Record<'a' | 'b' | 'a1' | 'b1', number>;
const month = '2026-10';

const pack = () => app.ok('reports.pack', { month }, fx.tokens.mgr!) as Promise<ReportPack>;
const kpi = (p: ReportPack, code: string) => p.kpis.find((k) => k.code === code)!;
const rawVisit = (car: number, customer: number, date: string, type: string, km: number, yuan: number) =>
  Number(
    fx
      .sql()
      .prepare(
        `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen)
         values (?, ?, ?, ?, ?, ?)`,
      )
      .run(car, customer, date, type, km, yuan * 100).lastInsertRowid,
  );
const expectFactsRight = () => {
  for (const [table, { stored, recount }] of Object.entries(visitFactsBesideRecount(fx.sql())))
    expect(stored, table).toEqual(recount);
};

beforeAll(async () => {
  app = await createTestApp({ clock: clock.clock });
  await fx.staff('mgr', 'manager');
  await fx.staff('desk', 'front_desk');
  ids.a = fx.customer('事实甲', { base_grade: 'premium' });
  ids.b = fx.customer('事实乙', { base_grade: 'normal' });
  ids.a1 = fx.vehicle(ids.a, '2024-05-01', '朗逸');
  ids.b1 = fx.vehicle(ids.b, '2024-08-01', '帕萨特');
  rawVisit(ids.a1, ids.a, '2026-04-10', 'maintenance', 10000, 600);
  rawVisit(ids.b1, ids.b, '2025-10-15', 'repair', 20000, 300);
});
afterAll(() => app.close());

describe('visit facts follow every write of visits and cars', () => {
  it('before: one visit in the 12 months; B came 13–24 months back and not since', async () => {
    expectFactsRight();
    const p = await pack();
    expect(p.structure.byVisits.total).toMatchObject({ customers: 1, visits: 1, revenueFen: 60000 });
    expect(kpi(p, 'retention')).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(kpi(p, 'on_time_maintenance').value).toBeNull();
  });

  it('a visit saved through the API counts at once, in the tables and the KPIs (the kept month is dropped)', async () => {
    await app.ok(
      'visits.create',
      { vehicleId: ids.a1, visitDate: '2026-10-10', type: 'maintenance', mileageKm: 15000, amountFen: 80000 },
      fx.tokens.desk!,
    );
    await app.ok(
      'visits.create',
      { vehicleId: ids.b1, visitDate: '2026-10-20', type: 'repair', mileageKm: 30000, amountFen: 20000 },
      fx.tokens.desk!,
    );
    expectFactsRight();
    const p = await pack();
    // A: 2 visits ¥1,400; B: 1 visit ¥200.
    expect(p.structure.byVisits.total).toMatchObject({ customers: 2, visits: 3, revenueFen: 160000 });
    expect(p.structure.byVisits.rows.find((r) => r.key === '2')).toMatchObject({ customers: 1, visits: 2 });
    expect(p.structure.bySeries.rows.map((r) => [r.key, r.customers, r.visits, r.revenueFen])).toEqual([
      ['朗逸', 1, 2, 140000],
      ['帕萨特', 1, 1, 20000],
    ]);
    // B came back: 1 of 1 retained. A's maintenance 6 months and 5,000 km after the last one: on time.
    expect(kpi(p, 'retention')).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    expect(kpi(p, 'on_time_maintenance')).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
  });

  it('a corrected visit (amount and type) moves its revenue and its maintenance figure', async () => {
    const id = fx
      .sql()
      .prepare("select id from service_visits where vehicle_id = ? and visit_date = '2026-10-10'")
      .pluck()
      .get(ids.a1) as number;
    const v = await app.ok('visits.get', { id }, fx.tokens.desk!);
    const base = { type: v.type, amountFen: v.amountFen, advisor: v.advisor, notes: v.notes };
    await app.ok(
      'visits.update',
      { id, version: v.version, base, ...base, type: 'detailing', amountFen: 50000 },
      fx.tokens.desk!,
    );
    expectFactsRight();
    const p = await pack();
    expect(p.structure.byVisits.total).toMatchObject({ visits: 3, revenueFen: 130000 });
    expect(kpi(p, 'on_time_maintenance').value).toBeNull();
  });

  it('raw writes as an import, its revert and a merge make them: insert out of order, delete, move owner', async () => {
    // An imported history visit before A's April maintenance: that one is now measured from it.
    const early = rawVisit(ids.a1, ids.a, '2025-12-01', 'maintenance', 6000, 500);
    expectFactsRight();
    expect((await pack()).structure.byVisits.total).toMatchObject({ visits: 4, revenueFen: 180000 });
    fx.sql().prepare('delete from service_visits where id = ?').run(early);
    expectFactsRight();
    expect((await pack()).structure.byVisits.total).toMatchObject({ visits: 3, revenueFen: 130000 });
    // B's visits move to A (what a merge does): one customer with all four… three visits in the year.
    fx.sql().prepare('update service_visits set customer_id = ? where customer_id = ?').run(ids.a, ids.b);
    expectFactsRight();
    const p = await pack();
    expect(p.structure.byVisits.total).toMatchObject({ customers: 1, visits: 3 });
    expect(kpi(p, 'retention').denominator).toBe(1);
    fx.sql().prepare('update service_visits set customer_id = ? where vehicle_id = ?').run(ids.b, ids.b1);
    expectFactsRight();
  });

  it("a car's series and delivery date corrected, then the car deleted", async () => {
    fx.sql()
      .prepare("update vehicles set series = '途观L', delivery_date = '2026-05-01' where id = ?")
      .run(ids.b1);
    expectFactsRight();
    let p = await pack();
    expect(p.structure.bySeries.rows.map((r) => r.key)).toEqual(['朗逸', '途观L']);
    // Delivered after B's 2025-10 repair: that visit's state is unknown; the 2026-10 one in warranty.
    expect(p.structure.byWarranty.rows.find((r) => r.key === 'in_warranty')).toMatchObject({ visits: 3 });
    fx.sql().prepare('delete from vehicle_ownerships where vehicle_id = ?').run(ids.b1);
    fx.sql().prepare('delete from vehicles where id = ?').run(ids.b1);
    expectFactsRight();
    p = await pack();
    expect(p.structure.byVisits.total).toMatchObject({ customers: 1, visits: 2, revenueFen: 110000 });
    expect(kpi(p, 'retention').denominator).toBe(0);
  });
});
