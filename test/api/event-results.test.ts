import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventResults } from '../../electron/contract/event-day';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { eventFixture } from '../helpers/event-fixture';

/**
 * Results and ROI of an event: the attendees and the people they referred against the invited who stayed
 * away, over the event's days plus the window (both ends counted, the day after not), service compared with
 * the 90 days before, money in integer fen, and the rule written next to each ROI.
 */

const now = new Date('2026-10-01T10:00:00+08:00');

describe('events: results and ROI', () => {
  let app: TestApp;
  let manager: string;
  const sql = () => app.core.db.$client;
  const ev = eventFixture(sql);
  let serial = 0;
  let eventId = 0;

  function customer(name: string, extra: Record<string, unknown> = {}) {
    const row = {
      name,
      mobile: `1370000${String(++serial).padStart(4, '0')}`,
      stage: 'owner',
      created_at: '2025-01-01T00:00:00.000Z',
      ...extra,
    };
    const cols = Object.keys(row);
    return Number(
      sql()
        .prepare(`insert into customers (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`)
        .run(row).lastInsertRowid,
    );
  }
  function car(ownerId: number, delivery: string, priceFen: number | null) {
    const vin = `LSVRES${String(++serial).padStart(11, '0')}`;
    const id = Number(
      sql()
        .prepare(
          `insert into vehicles (vin, vin_reversed, brand, series, delivery_date, price_fen, owner_id)
           values (?, ?, '大众', '途观L', ?, ?, ?)`,
        )
        .run(vin, [...vin].reverse().join(''), delivery, priceFen, ownerId).lastInsertRowid,
    );
    sql()
      .prepare('insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)')
      .run(id, ownerId, delivery);
    return id;
  }
  function visit(customerId: number, vehicleId: number, date: string, amountFen: number) {
    sql()
      .prepare(
        `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen)
         values (?, ?, ?, 'maintenance', 10000, ?)`,
      )
      .run(vehicleId, customerId, date, amountFen);
  }
  function complaint(customerId: number, receivedAt: string) {
    const at = new Date(receivedAt).toISOString();
    sql()
      .prepare(
        `insert into complaint_tickets (ticket_no, customer_id, channel, category, description, received_at, facts,
           suggested_grade, grade, state, created_at, updated_at)
         values (?, ?, 'phone', 'service_quality', '测试', ?, '{}', 'C', 'C', 'received', ?, ?)`,
      )
      .run(`TS${++serial}`, customerId, at, at, at);
  }

  const c: Record<'a1' | 'a2' | 'b1' | 'b2' | 'pending' | 'r1' | 'r0' | 'rb', number> = {
    a1: 0,
    a2: 0,
    b1: 0,
    b2: 0,
    pending: 0,
    r1: 0,
    r0: 0,
    rb: 0,
  };

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    manager = await app.userWithRole('manager');
    // A two-day trip on 6–7 June 2026: the window is 6 June – 5 September, the period before 8 March – 5 June.
    eventId = ev.event({
      status: 'done',
      startsOn: '2026-06-06',
      endsOn: '2026-06-07',
      subsidyReceivedFen: 200_000,
    });
    for (const [planned, actual] of [
      [500_000, 450_000],
      [300_000, 320_000],
    ] as const) {
      sql()
        .prepare(
          'insert into event_budget_lines (event_id, category, planned_fen, actual_fen) values (?, ?, ?, ?)',
        )
        .run(eventId, 'meals', planned, actual);
    }
    c.a1 = customer('到场甲');
    c.a2 = customer('到场乙');
    c.b1 = customer('缺席甲');
    c.b2 = customer('谢绝乙');
    c.pending = customer('未邀约');
    // 到场甲 brought a friend during the window and another long before; 缺席甲 one in the window.
    c.r1 = customer('推荐新', { referrer_id: c.a1, stage: 'lead', created_at: '2026-07-01T02:00:00.000Z' });
    c.r0 = customer('推荐旧', { referrer_id: c.a1, created_at: '2025-03-01T02:00:00.000Z' });
    c.rb = customer('对照推荐', { referrer_id: c.b1, stage: 'lead', created_at: '2026-06-20T02:00:00.000Z' });
    ev.invitee(eventId, c.a1, { status: 'checked_in', checkedInCars: 1, checkedInPeople: 2 });
    ev.invitee(eventId, c.a2, { status: 'checked_in', checkedInCars: 1, checkedInPeople: 3 });
    ev.invitee(eventId, c.b1, { status: 'no_show' });
    ev.invitee(eventId, c.b2, { status: 'declined' });
    ev.invitee(eventId, c.pending, { status: 'pending' });

    // Deliveries: the last day counts, the day after does not.
    car(c.r1, '2026-09-05', 15_000_000);
    car(c.a2, '2026-09-06', 18_000_000);
    car(c.a1, '2026-06-10', null);
    car(c.b1, '2026-08-01', 12_000_000);
    // Service: in the window 80,000 (last day) + 12,345 (first day); before it 30,000 (its first day).
    const v1 = car(c.a1, '2024-01-01', 20_000_000);
    const v2 = car(c.a2, '2024-01-01', 20_000_000);
    visit(c.a1, v1, '2026-09-05', 80_000);
    visit(c.a1, v1, '2026-09-06', 99_999);
    visit(c.a1, v1, '2026-03-08', 30_000);
    visit(c.a1, v1, '2026-03-07', 77_777);
    visit(c.a2, v2, '2026-06-06', 12_345);
    visit(c.a2, v2, '2026-06-05', 5_000);
    const vb = car(c.b1, '2024-01-01', 20_000_000);
    visit(c.b1, vb, '2026-07-15', 40_000);
    // Complaints by the store's day: 23:30 on the last day counts, ten past midnight after it does not.
    complaint(c.a2, '2026-09-05T23:30:00+08:00');
    complaint(c.a2, '2026-09-06T00:10:00+08:00');
    complaint(c.b2, '2026-06-06T00:10:00+08:00');
  });
  afterAll(() => app.close());

  const results = () => app.ok('events.results', { eventId }, manager);

  it('takes the window from the first day through 90 days after the last, and the 90 days before', async () => {
    const r = await results();
    expect(r).toMatchObject({
      windowDays: 90,
      window: { from: '2026-06-06', to: '2026-09-05' },
      previous: { from: '2026-03-08', to: '2026-06-05' },
      windowOpen: false,
    });
  });

  it('counts the attendees and the people they referred, edges in and the day after out', async () => {
    const { attendees } = await results();
    expect(attendees).toMatchObject({
      customers: 2,
      referredPeople: 2,
      referrals: 1,
      leadsCreated: 1,
      testDrives: null,
      deliveries: { count: 2, revenueFen: 15_000_000, withoutPrice: 1 },
      service: {
        visits: 2,
        revenueFen: 92_345,
        previousVisits: 2,
        previousRevenueFen: 35_000,
        upliftFen: 57_345,
      },
      complaints: 1,
    });
  });

  it('gives ROI for sales and for service over the net cost, in integer fen, with the rule beside it', async () => {
    const r = await results();
    expect(r.cost).toEqual({
      plannedFen: 800_000,
      actualFen: 770_000,
      basis: 'actual',
      subsidyReceivedFen: 200_000,
      netCostFen: 570_000,
    });
    // 15,000,000 ÷ 570,000 = 26.3158 → 2632 %; 57,345 ÷ 570,000 = 0.1006 → 10 %.
    expect(r.attendees.salesRoi).toMatchObject({
      attributedRevenueFen: 15_000_000,
      netCostFen: 570_000,
      percent: 2632,
    });
    expect(r.attendees.serviceRoi).toMatchObject({ attributedRevenueFen: 57_345, percent: 10 });
    expect(r.attendees.salesRoi.rule).toContain('签到客户及其推荐的客户');
    expect(r.attendees.salesRoi.rule).toContain('2026-09-05');
    expect(r.attendees.serviceRoi.rule).toContain('活动前 90 天');
    const fen: number[] = [];
    const walk = (v: unknown, key = '') => {
      if (typeof v === 'number' && /Fen$/.test(key)) fen.push(v);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(r);
    expect(fen.length).toBeGreaterThan(10);
    expect(fen.every(Number.isInteger)).toBe(true);
    expect(Number.isInteger(r.attendees.salesRoi.percent)).toBe(true);
  });

  it('shows the invited who stayed away as the comparison group, the never-called left out', async () => {
    const { absent } = await results();
    expect(absent).toMatchObject({
      customers: 2,
      referredPeople: 1,
      referrals: 1,
      leadsCreated: 1,
      deliveries: { count: 1, revenueFen: 12_000_000, withoutPrice: 0 },
      service: { visits: 1, revenueFen: 40_000, previousRevenueFen: 0, upliftFen: 40_000 },
      complaints: 1,
    });
    expect(absent.salesRoi.rule).toContain('对照组');
  });

  it('reads the window from the settings and counts from the plan while no actual is entered', async () => {
    await app.ok('events.updateSettings', { resultsWindowDays: 30 }, manager);
    const other = ev.event({ status: 'done', startsOn: '2026-09-01', subsidyReceivedFen: 50_000 });
    sql()
      .prepare('insert into event_budget_lines (event_id, category, planned_fen) values (?, ?, ?)')
      .run(other, 'venue', 30_000);
    const r: EventResults = await app.ok('events.results', { eventId: other }, manager);
    expect(r).toMatchObject({ windowDays: 30, window: { to: '2026-10-01' }, windowOpen: true });
    // Net cost below zero (the subsidy paid for all of it): no ROI percent.
    expect(r.cost).toMatchObject({ basis: 'planned', netCostFen: -20_000 });
    expect(r.attendees.salesRoi.percent).toBeNull();
    expect(r.attendees.salesRoi.rule).toContain('预算费用');
    await app.ok('events.updateSettings', { resultsWindowDays: 90 }, manager);
  });

  it('says clearly when the event does not exist', async () => {
    const res = await app.call('events.results', { eventId: 424242 }, manager);
    expect(res).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});
