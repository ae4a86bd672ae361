import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../electron/common/vin';
import { runLoyaltyDaily, runLoyaltyDailyInSteps } from '../../electron/domain/loyalty/daily-pass';
import { eventFixture } from '../helpers/event-fixture';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import type { TestClock } from '../helpers/test-clock';
import { testClock } from '../helpers/test-clock';

/** Member tiers as a filter of the customer list and of event segments; the points-expiry care call. */

const vin = (s: string) => `${s.slice(0, 8)}${vinCheckDigit(s)}${s.slice(9)}`;
let serial = 0;
const nextVin = () => vin(`LFV3A21K0P${String(++serial).padStart(7, '0')}`);
let phone = 13700000000;
const noon = (date: string) => `${date}T12:00:00+08:00`;

interface Kit {
  app: TestApp;
  time: TestClock;
  desk: string;
  manager: string;
  operator: string;
  customer(name: string, extra?: Record<string, unknown>): Promise<number>;
  car(customerId: number, deliveryDate: string): Promise<number>;
  visit(vehicleId: number, visitDate: string, amountFen: number): Promise<void>;
  relogin(): Promise<void>;
}

async function kit(start: string): Promise<Kit> {
  const time = testClock(noon(start));
  const app = await createTestApp({ clock: time.clock });
  const k: Kit = {
    app,
    time,
    desk: await app.userWithRole('front_desk'),
    manager: await app.userWithRole('manager'),
    operator: await app.userWithRole('callback_operator'),
    relogin: async () => {
      k.desk = await app.login('frontdesk1', 'Staff-Pass-1');
      k.manager = await app.login('manager2', 'Staff-Pass-1');
      k.operator = await app.login('callbackoperator3', 'Staff-Pass-1');
    },
    customer: async (name, extra = {}) =>
      (await app.ok('customers.create', { name, mobile: String(++phone), ...extra }, k.desk)).id,
    car: async (customerId, deliveryDate) =>
      (
        await app.ok(
          'vehicles.create',
          { customerId, fields: { vin: nextVin(), brand: '一汽-大众', series: '迈腾', deliveryDate } },
          k.desk,
        )
      ).id,
    visit: async (vehicleId, visitDate, amountFen) => {
      await app.ok(
        'visits.create',
        { vehicleId, visitDate, type: 'maintenance', mileageKm: 5000, amountFen },
        k.desk,
      );
    },
  };
  await app.ok(
    'loyalty.updateSettings',
    {
      thresholds: {
        silver: { points: 1000, spendingFen: 1_000_000, visits: 3 },
        gold: { points: 2500, spendingFen: 3_000_000, visits: 6 },
        black: { points: 10000, spendingFen: 10_000_000, visits: 12 },
      },
    },
    app.adminToken,
  );
  return k;
}

describe('the member tier as a filter', () => {
  let k: Kit;
  const people: Record<'silver' | 'gold' | 'plain' | 'member', number> = {
    silver: 0,
    gold: 0,
    plain: 0,
    member: 0,
  };
  beforeAll(async () => {
    k = await kit('2026-11-20');
    people.silver = await k.customer('等级银');
    await k.car(people.silver, '2026-10-01'); // 1000 points → 银卡
    people.gold = await k.customer('等级金');
    await k.visit(await k.car(people.gold, '2026-10-02'), '2026-11-01', 2_000_000); // 1000 + 2000 → 金卡
    people.plain = await k.customer('等级无'); // no member row at all
    people.member = await k.customer('等级普');
    await k.app.ok('loyalty.referralCode', { customerId: people.member }, k.desk); // a 普通 member row
  });
  afterAll(() => k.app.close());

  const listed = async (tiers: string[]) => {
    const page = await k.app.ok('customers.list', { filters: { tiers }, limit: 50 }, k.desk);
    return { ids: page.rows.map((r) => r.id).sort((a, b) => a - b), total: page.total };
  };
  const sorted = (...ids: number[]) => [...ids].sort((a, b) => a - b);

  it('lists the customers of the chosen tiers; 普通 is everyone without a higher tier', async () => {
    expect((await k.app.ok('loyalty.member', { customerId: people.gold }, k.desk)).tier).toBe('gold');
    expect(await listed(['gold'])).toEqual({ ids: [people.gold], total: 1 });
    expect(await listed(['silver', 'gold'])).toEqual({
      ids: sorted(people.silver, people.gold),
      total: 2,
    });
    expect(await listed(['regular'])).toEqual({ ids: sorted(people.plain, people.member), total: 2 });
    expect(await listed(['regular', 'gold'])).toEqual({
      ids: sorted(people.plain, people.member, people.gold),
      total: 3,
    });
    expect((await listed(['regular', 'silver', 'gold', 'black'])).total).toBe(4);
    expect(await listed(['black'])).toEqual({ ids: [], total: 0 });
    // With another filter and a sort: the same answer.
    const page = await k.app.ok(
      'customers.list',
      { filters: { tiers: ['silver', 'gold'], text: '等级金' }, sort: 'name', direction: 'asc' },
      k.desk,
    );
    expect(page.rows.map((r) => r.id)).toEqual([people.gold]);
    expect(page.total).toBe(1);
  });

  it('refuses a tier that does not exist', async () => {
    const r = await k.app.call('customers.list', { filters: { tiers: ['platinum'] } }, k.desk);
    expect(r.ok).toBe(false);
  });

  it('segments an event by tier, saved with the segment', async () => {
    const fx = eventFixture(() => k.app.core.db.$client);
    const eventId = fx.event({ status: 'approved', startsOn: '2026-12-20' });
    const gold = await k.app.ok(
      'events.previewTargets',
      { eventId, filters: { tiers: ['gold'] } },
      k.manager,
    );
    expect(gold.matched).toBe(1);
    const regular = await k.app.ok(
      'events.previewTargets',
      { eventId, filters: { tiers: ['regular'], stages: ['lead'] } },
      k.manager,
    );
    expect(regular.matched).toBe(2);
    const saved = await k.app.ok(
      'events.saveSegment',
      { name: '金卡车主', filters: { tiers: ['gold', 'black'] } },
      k.manager,
    );
    expect(saved.filters.tiers).toEqual(['gold', 'black']);
  });
});

describe('points about to expire: a care call, once per expiry date', () => {
  let k: Kit;
  const at = async (date: string) => {
    k.time.set(noon(date));
    await k.relogin();
  };
  const runDaily = async (date: string) => {
    await at(date);
    return k.app.ok('loyalty.runDaily', {}, k.manager);
  };
  const tasksOf = (customerId: number) =>
    k.app.core.db.$client
      .prepare(
        `select rule_code as rule, anchor_date as anchor, due_date as due, expires_on as expires, status,
           skip_reason as skipReason, notes from callback_tasks where customer_id = ? and rule_code = 'points_expiry'`,
      )
      .all(customerId) as {
      rule: string;
      anchor: string;
      due: string;
      expires: string;
      status: string;
      skipReason: string | null;
      notes: string | null;
    }[];
  let consenting = 0;
  let silent = 0;
  let spent = 0;

  beforeAll(async () => {
    k = await kit('2025-03-05');
    await k.app.ok('loyalty.updateSettings', { expiryYears: 1, expiringNoticeDays: 30 }, k.app.adminToken);
    consenting = await k.customer('关怀同意');
    await k.car(consenting, '2025-03-01'); // 1000 points, last day 2026-12-31
    await k.app.ok(
      'customers.setConsent',
      { customerId: consenting, purpose: 'care', granted: true, channel: 'phone' },
      k.desk,
    );
    silent = await k.customer('关怀未同意');
    await k.car(silent, '2025-03-02');
    spent = await k.customer('积分已用完');
    await k.car(spent, '2025-03-03');
    const reward = await k.app.ok(
      'loyalty.saveReward',
      { name: '保养套餐', kind: 'service_voucher', pointsPrice: 1000 },
      k.manager,
    );
    await k.app.ok('loyalty.redeem', { customerId: spent, rewardId: reward.id }, k.desk);
  });
  afterAll(() => k.app.close());

  it('comes into the queue as the points enter the notice window, not before', async () => {
    const early = await runDaily('2026-12-01'); // window [12-01, 12-31): the last day 12-31 is outside
    expect(early.careCalls).toBe(0);
    expect(tasksOf(consenting)).toEqual([]);

    const day = await runDaily('2026-12-02');
    expect(day.careCalls).toBe(2);
    expect(tasksOf(consenting)).toEqual([
      {
        rule: 'points_expiry',
        anchor: '2026-12-31',
        due: '2026-12-02',
        expires: '2026-12-31',
        status: 'open',
        skipReason: null,
        notes: '积分 1,000 分将于 2026年12月31日 到期',
      },
    ]);
    // 关怀 needs the customer's yes: without it the call is kept, skipped, with the reason.
    expect(tasksOf(silent)).toMatchObject([
      { status: 'skipped', skipReason: expect.stringContaining('关怀') },
    ]);
    expect(tasksOf(spent)).toEqual([]);
  });

  it('running the pass again (by hand, the next days, the upkeep) creates nothing more', async () => {
    expect((await runDaily('2026-12-02')).careCalls).toBe(0);
    expect((await runDaily('2026-12-03')).careCalls).toBe(0);
    runLoyaltyDaily(k.app.core.db.$client, { today: '2026-12-03', now: new Date().toISOString() });
    expect(tasksOf(consenting)).toHaveLength(1);
    expect(tasksOf(silent)).toHaveLength(1);
  });

  it('shows in the call panel with the points and their last day, read as they are now', async () => {
    await at('2026-12-04');
    const panel = (await k.app.ok('callbacks.next', { customerId: consenting }, k.operator))!;
    const reason = panel.reasons.find((r) => r.ruleCode === 'points_expiry')!;
    expect(reason.ruleName).toBe('积分到期关怀');
    expect(reason.script).toContain('1,000 分将于 2026年12月31日到期');
    expect(reason.notes).toBe('积分 1,000 分将于 2026年12月31日 到期');
  });

  it('after the points expired, the next year’s lots get their own call', async () => {
    const newYear = await runDaily('2027-01-01');
    expect(newYear.expired.points).toBeGreaterThan(0);
    expect(newYear.careCalls).toBe(0);
    expect(tasksOf(consenting)).toHaveLength(1);
  });

  // At scale L the pass is seconds: the daily upkeep runs it in slices, each its own transaction, and requests
  // are answered in between; a run stopped between slices, or the same day again, doubles nothing.
  it('runs for the daily upkeep in steps with no transaction open between them', async () => {
    await at('2027-01-02');
    const sqlite = k.app.core.db.$client;
    const open: boolean[] = [];
    const pass = await runLoyaltyDailyInSteps(
      sqlite,
      { today: '2027-01-02', now: new Date().toISOString() },
      async () => {
        open.push(sqlite.inTransaction);
        await Promise.resolve();
      },
    );
    // At least one pause per step (expiry, care calls, deliveries, tiers); the slices within a step add more.
    expect(open.length).toBeGreaterThanOrEqual(4);
    expect(open.every((inTransaction) => !inTransaction)).toBe(true);
    expect(pass.today).toBe('2027-01-02');
    const again = runLoyaltyDaily(sqlite, { today: '2027-01-02', now: new Date().toISOString() });
    expect(again).toMatchObject({ expired: { points: 0 }, careCalls: 0, deliveries: 0, referrals: 0 });
    expect(again.tiers).toMatchObject({ upgraded: 0, downgraded: 0 });
  });
});

describe('a new lead entered with a referral code', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await kit('2026-11-20');
  });
  afterAll(() => k.app.close());

  it('resolves the code to the referrer with a masked name; the lead is saved with that referrer', async () => {
    const referrer = await k.customer('王建国');
    const { code } = await k.app.ok('loyalty.referralCode', { customerId: referrer }, k.desk);
    const found = await k.app.ok('loyalty.resolveCode', { code: ` ${code.toLowerCase()} ` }, k.desk);
    expect(found).toMatchObject({ customerId: referrer, maskedName: '王**', tier: 'regular' });
    const lead = await k.app.ok(
      'customers.create',
      { name: '新线索', mobile: String(++phone), sourceChannel: 'referral', referrerId: found.customerId },
      k.desk,
    );
    expect(lead.referrerId).toBe(referrer);
    const referrals = await k.app.ok('loyalty.referrals', { customerId: referrer }, k.desk);
    expect(referrals.referred.map((r) => r.customerId)).toEqual([lead.id]);
  });
});
