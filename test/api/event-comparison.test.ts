import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventResults } from '../../electron/contract/event-day';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { eventFixture } from '../helpers/event-fixture';

/**
 * The event's results against a comparison group and the funnel's walk-ins, on real SQLite: per customer so
 * groups of different sizes compare, what the attendees brought beyond the comparison's rate in integer fen,
 * the group defined in one line; a store with no service visits or deliveries on file says so (recorded false,
 * shown 无数据) rather than 0; walk-ins counted beside the funnel, never in its checked-in step.
 */

const now = new Date('2026-10-01T10:00:00+08:00');

describe('events: comparison group, no-data figures, walk-ins', () => {
  let app: TestApp;
  let manager: string;
  const sql = () => app.core.db.$client;
  const ev = eventFixture(sql);
  let serial = 0;
  let eventId = 0;
  const c = {} as Record<'a1' | 'a2' | 'b1' | 'b2' | 'b3' | 'walk', number>;

  function customer(name: string): number {
    return Number(
      sql()
        .prepare(
          `insert into customers (name, mobile, stage, created_at) values (?, ?, 'owner', '2025-01-01T00:00:00.000Z')`,
        )
        .run(name, `1380000${String(++serial).padStart(4, '0')}`).lastInsertRowid,
    );
  }
  function car(ownerId: number, delivery: string, priceFen: number): number {
    const vin = `LSVCMP${String(++serial).padStart(11, '0')}`;
    const id = Number(
      sql()
        .prepare(
          `insert into vehicles (vin, vin_reversed, brand, series, delivery_date, price_fen, owner_id)
           values (?, ?, '大众', '帕萨特', ?, ?, ?)`,
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
  const results = (id = eventId): Promise<EventResults> => app.ok('events.results', { eventId: id }, manager);

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    manager = await app.userWithRole('manager');
    // One day, 6 June 2026: the window runs to 4 September, the period before 8 March – 5 June.
    eventId = ev.event({ status: 'done', startsOn: '2026-06-06', endsOn: '2026-06-06' });
    sql()
      .prepare(
        'insert into event_budget_lines (event_id, category, planned_fen, actual_fen) values (?, ?, ?, ?)',
      )
      .run(eventId, 'venue', 120_000, 100_000);
    c.a1 = customer('到场甲');
    c.a2 = customer('到场乙');
    c.b1 = customer('缺席甲');
    c.b2 = customer('缺席乙');
    c.b3 = customer('缺席丙');
    c.walk = customer('现场甲');
    const at = '2026-06-06T01:00:00.000Z';
    ev.invitee(eventId, c.a1, {
      status: 'checked_in',
      checkedInAt: at,
      checkedInCars: 1,
      checkedInPeople: 2,
    });
    ev.invitee(eventId, c.a2, {
      status: 'checked_in',
      checkedInAt: at,
      checkedInCars: 1,
      checkedInPeople: 1,
    });
    ev.invitee(eventId, c.b1, { status: 'no_show', acceptedAt: at });
    ev.invitee(eventId, c.b2, { status: 'declined', reachedAt: at });
    ev.invitee(eventId, c.b3, { status: 'unreachable' });
    ev.invitee(eventId, c.walk, {
      origin: 'walk_in',
      status: 'checked_in',
      checkedInAt: at,
      checkedInCars: 1,
      checkedInPeople: 3,
    });
  });
  afterAll(() => app.close());

  it('with no service visit or delivery on file, says the store has no data rather than 0', async () => {
    const r = await results();
    expect(r.recorded).toEqual({ testDrives: false, serviceVisits: false, deliveries: false });
    expect(r.attendees.testDrives).toBeNull();
  });

  it('compares per customer and gives what the attendees brought beyond the comparison, in integer fen', async () => {
    // Attendees: 甲 +50,000 of service in the window and a 100,000-yuan car; 乙 nothing.
    const va = car(c.a1, '2026-07-01', 10_000_000);
    visit(c.a1, va, '2026-08-01', 50_000);
    // Comparison: 甲 +10,000 of service and a 90,000-yuan car; 乙 and 丙 nothing.
    const vb = car(c.b1, '2026-08-15', 9_000_000);
    visit(c.b1, vb, '2026-08-20', 10_000);
    // 乙's 2,000 before the event and 2,000 in the window: no uplift.
    visit(c.b2, vb, '2026-05-01', 2_000);
    visit(c.b2, vb, '2026-07-01', 2_000);
    const r = await results();
    expect(r.recorded).toEqual({ testDrives: false, serviceVisits: true, deliveries: true });
    // The walk-in came uninvited but came: an attendee (checked in) — though not of the invitation funnel.
    expect(r.attendees.customers).toBe(3);
    expect(r.absent.customers).toBe(3);
    // 50,000 ÷ 3 = 16,666.67 → 16,667 fen; 10,000,000 ÷ 3 → 3,333,333.
    expect(r.comparison.attendees).toMatchObject({ serviceUpliftFen: 16_667, deliveryRevenueFen: 3_333_333 });
    expect(r.comparison.attendees.deliveriesPerCustomer).toBeCloseTo(1 / 3);
    // 10,000 ÷ 3 = 3,333.33 → 3,333 fen; 9,000,000 ÷ 3 = 3,000,000.
    expect(r.comparison.absent).toMatchObject({ serviceUpliftFen: 3_333, deliveryRevenueFen: 3_000_000 });
    // Beyond the comparison's rate for the 3 attendees: 50,000 − 10,000; 10,000,000 − 9,000,000.
    expect(r.comparison.extraServiceFen).toBe(40_000);
    expect(r.comparison.extraSalesFen).toBe(1_000_000);
    // Over the net cost of 100,000 fen: 40 %, 1,000 %.
    expect(r.comparison.extraServiceRoiPercent).toBe(40);
    expect(r.comparison.extraSalesRoiPercent).toBe(1_000);
    const definition = r.comparison.definition;
    expect(definition).toContain('受邀');
    expect(definition).toContain('3 位客户');
    expect(definition).not.toContain('\n');
  });

  it('counts walk-ins beside the funnel, not in its checked-in step', async () => {
    const { funnel } = await app.ok('events.funnel', { eventId }, manager);
    const step = Object.fromEntries(funnel.steps.map((s) => [s.step, s.count]));
    expect(step).toMatchObject({ invited: 5, checked_in: 2 });
    expect(funnel.walkIns).toBe(1);
    expect(funnel.walkInPeople).toBe(3);
    const page = await app.ok('events.get', { id: eventId }, manager);
    expect(page.funnel.walkIns).toBe(1);
  });

  it('without anyone absent there is no comparison: said in the line, extras null', async () => {
    const full = ev.event({ status: 'done', startsOn: '2026-06-20' });
    ev.invitee(full, c.a1, { status: 'checked_in', checkedInAt: '2026-06-20T01:00:00.000Z' });
    const r = await results(full);
    expect(r.absent.customers).toBe(0);
    expect(r.comparison).toMatchObject({
      extraServiceFen: null,
      extraSalesFen: null,
      extraServiceRoiPercent: null,
      absent: { serviceUpliftFen: null, deliveryRevenueFen: null, deliveriesPerCustomer: null },
    });
    expect(r.comparison.definition).toContain('无法对比');
    const { funnel } = await app.ok('events.funnel', { eventId: full }, manager);
    expect(funnel.walkIns).toBe(0);
  });
});
