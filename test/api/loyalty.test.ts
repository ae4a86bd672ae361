import type { AddressInfo } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../electron/common/vin';
import type { ImportProgress } from '../../electron/contract/imports';
import { referralCodeAlphabet } from '../../electron/contract/loyalty-terms';
import { customersWithExpiringPoints } from '../../electron/domain/loyalty/expiry';
import { createHttpApp } from '../../electron/server/http-app';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { eventFixture } from '../helpers/event-fixture';
import type { TestClock } from '../helpers/test-clock';
import { testClock } from '../helpers/test-clock';

const vin = (s: string) => `${s.slice(0, 8)}${vinCheckDigit(s)}${s.slice(9)}`;
let serial = 0;
const nextVin = () => vin(`LFV2A21K0P${String(++serial).padStart(7, '0')}`);
let phone = 13600000000;
/** Store noon of a day (Asia/Shanghai). */
const noon = (date: string) => `${date}T12:00:00+08:00`;

interface Kit {
  app: TestApp;
  time: TestClock;
  desk: string;
  manager: string;
  customer(name: string, extra?: Record<string, unknown>): Promise<number>;
  car(customerId: number, deliveryDate: string | null): Promise<{ id: number; version: number }>;
  visit(vehicleId: number, visitDate: string, amountFen: number, mileageKm?: number): Promise<number>;
  balance(customerId: number): Promise<number>;
  sumOfLedger(customerId: number): number;
  settings(patch: Record<string, unknown>): Promise<void>;
  /** New sessions after the clock jumped (a session ends after 12 hours). */
  relogin(): Promise<void>;
}

async function kit(start: string): Promise<Kit> {
  const time = testClock(noon(start));
  const app = await createTestApp({ clock: time.clock });
  const desk = await app.userWithRole('front_desk');
  const manager = await app.userWithRole('manager');
  let km = 1000;
  const k: Kit = {
    app,
    time,
    desk,
    manager,
    relogin: async () => {
      k.desk = await app.login('frontdesk1', 'Staff-Pass-1');
      k.manager = await app.login('manager2', 'Staff-Pass-1');
    },
    customer: async (name, extra = {}) =>
      (await app.ok('customers.create', { name, mobile: String(++phone), ...extra }, k.desk)).id,
    car: async (customerId, deliveryDate) => {
      const v = await app.ok(
        'vehicles.create',
        { customerId, fields: { vin: nextVin(), brand: '一汽-大众', series: '迈腾', deliveryDate } },
        k.desk,
      );
      return { id: v.id, version: v.version };
    },
    visit: async (vehicleId, visitDate, amountFen, mileageKm) =>
      (
        await app.ok(
          'visits.create',
          { vehicleId, visitDate, type: 'maintenance', mileageKm: mileageKm ?? (km += 1000), amountFen },
          k.desk,
        )
      ).id,
    balance: async (customerId) => (await app.ok('loyalty.member', { customerId }, k.desk)).balance,
    sumOfLedger: (customerId) =>
      app.core.db.$client
        .prepare('select coalesce(sum(points), 0) from loyalty_postings where customer_id = ?')
        .pluck()
        .get(customerId) as number,
    settings: async (patch) => {
      await app.ok('loyalty.updateSettings', patch, app.adminToken);
    },
  };
  return k;
}

const errorOf = (r: Awaited<ReturnType<TestApp['call']>>) => (r.ok ? null : r.error);

describe('points from visits and deliveries, tiers at once', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await kit('2026-11-20');
    await k.settings({
      thresholds: {
        silver: { points: 1000, spendingFen: 1_000_000, visits: 3 },
        gold: { points: 2500, spendingFen: 3_000_000, visits: 6 },
        black: { points: 10000, spendingFen: 10_000_000, visits: 12 },
      },
    });
  });
  afterAll(() => k.app.close());

  it('a delivery and a visit earn in their own transaction; balance is the sum; the tier goes up at once', async () => {
    const id = await k.customer('积分甲');
    const car = await k.car(id, '2026-10-01');
    expect(await k.balance(id)).toBe(1000);
    let member = await k.app.ok('loyalty.member', { customerId: id }, k.desk);
    expect(member.tier).toBe('silver');
    expect(member.tierChanges[0]).toMatchObject({ fromTier: 'regular', toTier: 'silver', cause: 'posting' });
    expect(member.tierChanges[0]!.reason).toContain('达到银卡门槛 1,000');

    await k.visit(car.id, '2026-11-01', 85_650); // ¥856.50 → 85 points, the remainder earns nothing
    member = await k.app.ok('loyalty.member', { customerId: id }, k.desk);
    expect(member.balance).toBe(1085);
    expect(member.balance).toBe(k.sumOfLedger(id));
    expect(member.qualifying.points).toBe(1085);
    expect(member.nextTier).toEqual({ tier: 'gold', missing: '还差 1,415 积分' });
    expect(member.benefits).toContain('9.5 折');

    const ledger = await k.app.ok('loyalty.ledger', { customerId: id, limit: 1 }, k.desk);
    expect(ledger.rows).toHaveLength(1);
    expect(ledger.rows[0]).toMatchObject({
      kind: 'earn',
      source: 'service_visit',
      points: 85,
      postedOn: '2026-11-01',
    });
    expect(ledger.rows[0]!.expiresOn).toBe('2028-12-31');
    const next = await k.app.ok(
      'loyalty.ledger',
      { customerId: id, cursor: ledger.nextCursor, limit: 10 },
      k.desk,
    );
    expect(next.rows.map((r) => r.source)).toEqual(['delivery']);
    expect(next.nextCursor).toBeNull();
  });

  it('a visit edit re-posts only the difference, down and up', async () => {
    const id = await k.customer('积分乙');
    const car = await k.car(id, null);
    const visitId = await k.visit(car.id, '2026-11-10', 100_000);
    expect(await k.balance(id)).toBe(100);
    const edit = async (amountFen: number) => {
      const v = await k.app.ok('visits.get', { id: visitId }, k.desk);
      await k.app.ok('visits.update', { ...v, amountFen }, k.desk);
    };
    await edit(60_000);
    expect(await k.balance(id)).toBe(60);
    await edit(150_000);
    expect(await k.balance(id)).toBe(150);
    const rows = (await k.app.ok('loyalty.ledger', { customerId: id, limit: 10 }, k.desk)).rows;
    expect(rows.map((r) => [r.kind, r.points])).toEqual([
      ['earn', 90],
      ['reverse', -40],
      ['earn', 100],
    ]);
    expect(k.sumOfLedger(id)).toBe(150);
  });

  it('a delivery date set later earns once; a car delivered too long ago earns nothing', async () => {
    const id = await k.customer('积分丙');
    const car = await k.car(id, null);
    expect(await k.balance(id)).toBe(0);
    const v = await k.app.ok('vehicles.get', { id: car.id }, k.desk);
    await k.app.ok(
      'vehicles.update',
      {
        id: car.id,
        version: v.version,
        fields: { vin: v.vin, brand: v.brand, series: v.series, deliveryDate: '2026-11-15' },
      },
      k.desk,
    );
    expect(await k.balance(id)).toBe(1000);
    const old = await k.customer('老车主');
    await k.car(old, '2019-05-01');
    expect(await k.balance(old)).toBe(0);
  });
});

describe('redemption', () => {
  let k: Kit;
  let customerId: number;
  let giftId: number;
  beforeAll(async () => {
    k = await kit('2026-11-20');
    customerId = await k.customer('兑换客户');
    await k.car(customerId, '2026-11-01');
    giftId = (
      await k.app.ok(
        'loyalty.saveReward',
        { name: '车载香薰', kind: 'gift', pointsPrice: 400, stock: 5 },
        k.manager,
      )
    ).id;
  });
  afterAll(() => k.app.close());

  it('redeems against the balance and returns a voucher to print', async () => {
    const v = await k.app.ok('loyalty.redeem', { customerId, rewardId: giftId, quantity: 2 }, k.desk);
    expect(v).toMatchObject({ voucherNo: 'JF20261120-001', points: 800, balanceAfter: 200, quantity: 2 });
    expect(v.reward.name).toBe('车载香薰');
    expect((await k.app.ok('loyalty.rewards', {}, k.desk)).find((r) => r.id === giftId)!.stock).toBe(3);
  });

  it('refuses more than the balance, an unknown or withdrawn reward, clearly and changing nothing', async () => {
    const before = k.sumOfLedger(customerId);
    const short = errorOf(await k.app.call('loyalty.redeem', { customerId, rewardId: giftId }, k.desk));
    expect(short).toMatchObject({ kind: 'validation', message: '积分不足：兑换需要 400 积分，当前余额 200' });
    const unknown = errorOf(await k.app.call('loyalty.redeem', { customerId, rewardId: 9999 }, k.desk));
    expect(unknown).toMatchObject({ kind: 'not_found', message: '该兑换礼品不存在' });
    const gift = (await k.app.ok('loyalty.rewards', {}, k.desk)).find((r) => r.id === giftId)!;
    await k.app.ok('loyalty.saveReward', { ...gift, active: false }, k.manager);
    const withdrawn = errorOf(await k.app.call('loyalty.redeem', { customerId, rewardId: giftId }, k.desk));
    expect(withdrawn?.message).toBe('礼品“车载香薰”已下架，不能兑换');
    const zero = errorOf(
      await k.app.call('loyalty.redeem', { customerId, rewardId: giftId, quantity: 0 }, k.desk),
    );
    expect(zero?.kind).toBe('validation');
    expect(k.sumOfLedger(customerId)).toBe(before);
    expect(
      (await k.app.ok('loyalty.rewards', { includeInactive: true }, k.desk)).find((r) => r.id === giftId)!
        .stock,
    ).toBe(3);
  });

  it('who may: the front desk redeems, a call-back operator reads only, catalogue and adjustments are managers’', async () => {
    const operator = await k.app.userWithRole('callback_operator');
    expect((await k.app.ok('loyalty.member', { customerId }, operator)).balance).toBe(200);
    expect(
      errorOf(await k.app.call('loyalty.redeem', { customerId, rewardId: giftId }, operator))?.kind,
    ).toBe('forbidden');
    expect(
      errorOf(await k.app.call('loyalty.adjust', { customerId, points: 10, reason: '补录' }, k.desk))?.kind,
    ).toBe('forbidden');
    expect(
      errorOf(await k.app.call('loyalty.saveReward', { name: 'x', kind: 'gift', pointsPrice: 1 }, k.desk))
        ?.kind,
    ).toBe('forbidden');
    expect(errorOf(await k.app.call('loyalty.updateSettings', { deliveryPoints: 5 }, k.desk))?.kind).toBe(
      'forbidden',
    );
  });
});

describe('vouchers: used once, or cancelled with the points returned', () => {
  let k: Kit;
  let customerId: number;
  let giftId: number;
  let serviceId: number;
  beforeAll(async () => {
    k = await kit('2026-11-20');
    customerId = await k.customer('凭证客户');
    await k.car(customerId, '2026-11-01'); // 1000 points
    giftId = (
      await k.app.ok(
        'loyalty.saveReward',
        { name: '雨伞', kind: 'gift', pointsPrice: 300, stock: 2 },
        k.manager,
      )
    ).id;
    serviceId = (
      await k.app.ok(
        'loyalty.saveReward',
        { name: '免费洗车券', kind: 'service_voucher', pointsPrice: 100 },
        k.manager,
      )
    ).id;
  });
  afterAll(() => k.app.close());

  it('lists the vouchers newest first; marks one used once; a second use or a cancel after says why', async () => {
    const gift = await k.app.ok('loyalty.redeem', { customerId, rewardId: giftId }, k.desk);
    const wash = await k.app.ok('loyalty.redeem', { customerId, rewardId: serviceId }, k.desk);
    expect(gift.state).toBe('issued');
    const list = await k.app.ok('loyalty.vouchers', { customerId }, k.desk);
    expect(list.map((v) => [v.voucherNo, v.state])).toEqual([
      [wash.voucherNo, 'issued'],
      [gift.voucherNo, 'issued'],
    ]);
    expect(list[0]!.balanceAfter).toBe(600);
    const used = await k.app.ok('loyalty.useVoucher', { redemptionId: wash.redemptionId }, k.desk);
    expect(used).toMatchObject({ state: 'used', closedBy: { name: expect.any(String) as string } });
    expect(used.closedAt).not.toBeNull();
    const again = errorOf(
      await k.app.call('loyalty.useVoucher', { redemptionId: wash.redemptionId }, k.desk),
    );
    expect(again).toMatchObject({ kind: 'conflict', message: `凭证 ${wash.voucherNo} 已核销，不能再核销` });
    const before = k.sumOfLedger(customerId);
    const cancel = errorOf(
      await k.app.call(
        'loyalty.cancelVoucher',
        { redemptionId: wash.redemptionId, reason: '误操作' },
        k.desk,
      ),
    );
    expect(cancel?.message).toBe(`凭证 ${wash.voucherNo} 已核销，不能再作废`);
    expect(k.sumOfLedger(customerId)).toBe(before);
    expect(errorOf(await k.app.call('loyalty.useVoucher', { redemptionId: 9999 }, k.desk))).toMatchObject({
      kind: 'not_found',
      message: '该兑换凭证不存在',
    });
  });

  it('a cancel needs a reason, returns the points and the stock at once, and is final', async () => {
    const gift = (await k.app.ok('loyalty.vouchers', { customerId }, k.desk)).find(
      (v) => v.reward.id === giftId,
    )!;
    const noReason = errorOf(
      await k.app.call('loyalty.cancelVoucher', { redemptionId: gift.redemptionId, reason: ' ' }, k.desk),
    );
    expect(noReason?.kind).toBe('validation');
    expect(await k.balance(customerId)).toBe(600);
    const cancelled = await k.app.ok(
      'loyalty.cancelVoucher',
      { redemptionId: gift.redemptionId, reason: '客户改选其他礼品' },
      k.desk,
    );
    expect(cancelled).toMatchObject({ state: 'cancelled', balanceAfter: 900 });
    expect(await k.balance(customerId)).toBe(k.sumOfLedger(customerId));
    const ledger = await k.app.ok('loyalty.ledger', { customerId }, k.desk);
    expect(ledger.rows[0]).toMatchObject({
      kind: 'redeem',
      points: 300,
      reason: `作废凭证 ${gift.voucherNo}，退回积分：客户改选其他礼品`,
    });
    expect((await k.app.ok('loyalty.rewards', {}, k.desk)).find((r) => r.id === giftId)!.stock).toBe(2);
    const twice = errorOf(
      await k.app.call('loyalty.cancelVoucher', { redemptionId: gift.redemptionId, reason: '再次' }, k.desk),
    );
    expect(twice?.message).toBe(`凭证 ${gift.voucherNo} 已作废，不能再作废`);
    expect(await k.balance(customerId)).toBe(900);
    const operator = await k.app.userWithRole('callback_operator');
    expect((await k.app.ok('loyalty.voucher', { redemptionId: gift.redemptionId }, operator)).state).toBe(
      'cancelled',
    );
    expect(
      errorOf(await k.app.call('loyalty.useVoucher', { redemptionId: gift.redemptionId }, operator))?.kind,
    ).toBe('forbidden');
  });

  it('the returned points do not escape expiry: they count as never spent', async () => {
    // Spend everything, cancel it, and the lot that was drawn on is whole again for the year-end expiry.
    const all = await k.app.ok('loyalty.redeem', { customerId, rewardId: serviceId, quantity: 9 }, k.desk);
    expect(all.balanceAfter).toBe(0);
    await k.app.ok('loyalty.cancelVoucher', { redemptionId: all.redemptionId, reason: '测试退回' }, k.desk);
    const expiring = customersWithExpiringPoints(k.app.core.db.$client, '2028-12-20', 30).find(
      (e) => e.customerId === customerId,
    );
    expect(expiring).toMatchObject({ points: 900, on: '2029-01-01' });
  });
});

describe('concurrent redemptions over HTTP never overspend', () => {
  let k: Kit;
  let server: ServerType;
  let url: string;
  beforeAll(async () => {
    k = await kit('2026-11-20');
    const http = createHttpApp({ router: k.app.core.router });
    const info = await new Promise<AddressInfo>((resolve) => {
      server = serve({ fetch: http.fetch, port: 0, hostname: '127.0.0.1' }, resolve);
    });
    url = `http://127.0.0.1:${info.port}`;
  });
  afterAll(() => {
    server.close();
    k.app.close();
  });

  it('twenty clients on four workstations spend 1,000 points 100 at a time: exactly ten succeed', async () => {
    const customerId = await k.customer('并发兑换');
    await k.car(customerId, '2026-11-01');
    const reward = await k.app.ok(
      'loyalty.saveReward',
      { name: '保养代金券', kind: 'service_voucher', pointsPrice: 100 },
      k.manager,
    );
    const users = await Promise.all(Array.from({ length: 4 }, () => k.app.userWithRole('front_desk')));
    const desks = Array.from({ length: 20 }, (_, i) => users[i % users.length]!);
    const results = await Promise.all(
      desks.map(async (token) => {
        const res = await fetch(`${url}/api/loyalty.redeem`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ customerId, rewardId: reward.id, quantity: 1 }),
        });
        return (await res.json()) as {
          ok: boolean;
          data?: { voucherNo: string };
          error?: { message: string };
        };
      }),
    );
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(10);
    expect(new Set(ok.map((r) => r.data!.voucherNo)).size).toBe(10);
    expect(results.filter((r) => !r.ok).every((r) => r.error!.message.startsWith('积分不足'))).toBe(true);
    expect(await k.balance(customerId)).toBe(0);
    expect(k.sumOfLedger(customerId)).toBe(0);
  });
});

describe('manual adjustments', () => {
  let k: Kit;
  let customerId: number;
  let otherManager: string;
  beforeAll(async () => {
    k = await kit('2026-11-20');
    otherManager = await k.app.userWithRole('manager');
    customerId = await k.customer('调整客户');
  });
  afterAll(() => k.app.close());

  it('needs a reason and a non-zero size, and may not go below zero; nothing changes when refused', async () => {
    const noReason = errorOf(await k.app.call('loyalty.adjust', { customerId, points: 50 }, k.manager));
    expect(noReason?.kind).toBe('validation');
    expect(JSON.stringify(noReason)).toContain('请填写调整原因');
    const blank = errorOf(
      await k.app.call('loyalty.adjust', { customerId, points: 50, reason: '  ' }, k.manager),
    );
    expect(blank?.kind).toBe('validation');
    const zero = errorOf(
      await k.app.call('loyalty.adjust', { customerId, points: 0, reason: '无' }, k.manager),
    );
    expect(JSON.stringify(zero)).toContain('调整积分不能为 0');
    const below = errorOf(
      await k.app.call('loyalty.adjust', { customerId, points: -5, reason: '扣回' }, k.manager),
    );
    expect(below?.message).toBe('扣减后积分余额不能为负数：当前余额 0，本次扣减 5');
    expect(k.sumOfLedger(customerId)).toBe(0);
    expect(k.app.core.db.$client.prepare('select count(*) from loyalty_adjustments').pluck().get()).toBe(0);
  });

  it('posts a small one at once; a large one waits for a second manager, who is recorded', async () => {
    const small = await k.app.ok(
      'loyalty.adjust',
      { customerId, points: 300, reason: '补录纸质积分卡' },
      k.manager,
    );
    expect(small).toMatchObject({ balance: 300, adjustment: { state: 'approved' } });
    const large = await k.app.ok(
      'loyalty.adjust',
      { customerId, points: 5000, reason: '投诉补偿' },
      k.manager,
    );
    expect(large).toMatchObject({ balance: 300, adjustment: { state: 'pending' } });
    expect((await k.app.ok('loyalty.adjustments', {}, k.manager)).map((a) => a.id)).toEqual([
      large.adjustment.id,
    ]);
    const self = errorOf(
      await k.app.call(
        'loyalty.approveAdjustment',
        { adjustmentId: large.adjustment.id, approve: true },
        k.manager,
      ),
    );
    expect(self?.kind).toBe('forbidden');
    const done = await k.app.ok(
      'loyalty.approveAdjustment',
      { adjustmentId: large.adjustment.id, approve: true, note: '同意' },
      otherManager,
    );
    expect(done).toMatchObject({ balance: 5300, adjustment: { state: 'approved', decisionNote: '同意' } });
    const top = (await k.app.ok('loyalty.ledger', { customerId, limit: 1 }, k.desk)).rows[0]!;
    expect(top).toMatchObject({ kind: 'adjust', source: 'manual', points: 5000, reason: '投诉补偿' });
    expect(top.approvedBy).not.toBeNull();
    const again = errorOf(
      await k.app.call(
        'loyalty.approveAdjustment',
        { adjustmentId: large.adjustment.id, approve: true },
        otherManager,
      ),
    );
    expect(again?.kind).toBe('conflict');
    // Given points do not count towards a tier.
    expect((await k.app.ok('loyalty.member', { customerId }, k.desk)).tier).toBe('regular');
  });
});

describe('referrals', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await kit('2026-11-20');
  });
  afterAll(() => k.app.close());

  it('a code finds its member; each referred delivery rewards both sides once, stepped within the year', async () => {
    const referrer = await k.customer('老客户推荐人');
    const { code } = await k.app.ok('loyalty.referralCode', { customerId: referrer }, k.desk);
    expect(code).toMatch(new RegExp(`^[${referralCodeAlphabet}]{6}$`));
    expect(code).not.toMatch(/[01OIL]/);
    expect((await k.app.ok('loyalty.referralCode', { customerId: referrer }, k.desk)).code).toBe(code);
    expect(await k.app.ok('loyalty.resolveCode', { code: code.toLowerCase() }, k.desk)).toMatchObject({
      customerId: referrer,
      name: '老客户推荐人',
    });
    expect(errorOf(await k.app.call('loyalty.resolveCode', { code: 'ZZZZZZ' }, k.desk))?.kind).toBe(
      'not_found',
    );

    const referred: number[] = [];
    for (const name of ['朋友一', '朋友二', '朋友三', '朋友四']) {
      const id = await k.customer(name, { sourceChannel: 'referral', referrerId: referrer });
      referred.push(id);
      await k.car(id, '2026-11-1' + referred.length);
    }
    // 1st, 2nd, 3rd and on: 1000, 1500, 2000, 2000.
    expect(await k.balance(referrer)).toBe(6500);
    expect(await k.balance(referred[0]!)).toBe(1000 + 500);
    // A second car of the same referred customer closes nothing more.
    await k.car(referred[0]!, '2026-11-19');
    expect(await k.balance(referrer)).toBe(6500);
    expect(await k.balance(referred[0]!)).toBe(2500);

    const pending = await k.customer('朋友五', { sourceChannel: 'referral', referrerId: referrer });
    const view = await k.app.ok('loyalty.referrals', { customerId: referrer }, k.desk);
    expect(view.referredBy).toBeNull();
    expect(view.referred.map((r) => [r.name, r.referrerPoints])).toEqual([
      ['朋友五', null],
      ['朋友四', 2000],
      ['朋友三', 2000],
      ['朋友二', 1500],
      ['朋友一', 1000],
    ]);
    expect(view.referred[4]).toMatchObject({
      deliveredOn: '2026-11-11',
      refereePoints: 500,
      rewardedOn: '2026-11-11',
    });
    const back = await k.app.ok('loyalty.referrals', { customerId: pending }, k.desk);
    expect(back.referredBy).toEqual({ customerId: referrer, name: '老客户推荐人' });
  });
});

describe('expiry and the yearly review, on a fixed clock', () => {
  let k: Kit;
  const at = async (date: string) => {
    k.time.set(noon(date));
    await k.relogin();
  };
  const runDaily = async (date: string) => {
    await at(date);
    return k.app.ok('loyalty.runDaily', {}, k.manager);
  };
  beforeAll(async () => {
    k = await kit('2025-03-05');
    await k.settings({
      expiryYears: 1,
      reviewDate: '01-01',
      thresholds: {
        silver: { points: 500, spendingFen: 1_000_000, visits: 3 },
        gold: { points: 1000, spendingFen: 3_000_000, visits: 6 },
        black: { points: 10000, spendingFen: 10_000_000, visits: 12 },
      },
    });
  });
  afterAll(() => k.app.close());

  it('expires what is left of a year’s points after the Nth year end, spending first what expires first', async () => {
    const id = await k.customer('到期客户');
    const car = await k.car(id, '2025-03-01'); // 1000, expires 2026-12-31
    expect((await k.app.ok('loyalty.member', { customerId: id }, k.desk)).tier).toBe('gold');
    await runDaily('2025-03-05'); // first pass: no review
    const reward = await k.app.ok(
      'loyalty.saveReward',
      { name: '洗车券', kind: 'service_voucher', pointsPrice: 300 },
      k.manager,
    );
    await at('2025-06-01');
    await k.app.ok('loyalty.redeem', { customerId: id, rewardId: reward.id }, k.desk);
    await at('2026-02-01');
    await k.visit(car.id, '2026-02-01', 20_000); // 20, expires 2027-12-31

    // The 2026-01-01 review was missed: held as of its day, the 12 months to then still hold 1000 → gold stays.
    const missed = await runDaily('2026-06-01');
    expect(missed.reviewed).toBe(true);
    expect((await k.app.ok('loyalty.member', { customerId: id }, k.desk)).tier).toBe('gold');

    const eve = await runDaily('2026-12-31');
    expect(eve.expired).toEqual({ members: 0, points: 0 });
    expect(customersWithExpiringPoints(k.app.core.db.$client, '2026-12-05')).toEqual([
      { customerId: id, points: 700, on: '2027-01-01' },
    ]);
    expect((await k.app.ok('loyalty.member', { customerId: id }, k.desk)).expiringSoon).toEqual({
      points: 700,
      on: '2027-01-01',
    });
    // Not the review day: the figures fell (20 points in 12 months), the tier waits.
    expect((await k.app.ok('loyalty.member', { customerId: id }, k.desk)).tier).toBe('gold');

    const newYear = await runDaily('2027-01-01');
    expect(newYear.expired).toEqual({ members: 1, points: 700 });
    expect(newYear.reviewed).toBe(true);
    const member = await k.app.ok('loyalty.member', { customerId: id }, k.desk);
    expect(member.balance).toBe(20);
    expect(member.balance).toBe(k.sumOfLedger(id));
    expect(member.tier).toBe('regular');
    expect(member.tierChanges[0]).toMatchObject({ fromTier: 'gold', toTier: 'regular', cause: 'review' });
    expect(member.tierChanges[0]!.reason).toContain('年度评定');

    const again = await runDaily('2027-01-01');
    expect(again.expired.points).toBe(0);
    expect(again.reviewed).toBe(false);
    expect(k.sumOfLedger(id)).toBe(20);
  });
});

describe('an import earns and its revert reverses', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await kit('2026-11-20');
  });
  afterAll(() => k.app.close());

  const waitForJob = async (jobId: string): Promise<ImportProgress> => {
    for (let i = 0; i < 600; i++) {
      const p = await k.app.ok('imports.progress', { jobId }, k.manager);
      if (p.phase === 'done' || p.phase === 'failed') return p;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  };

  it('delivery points of imported cars, for new and existing customers, are taken back on revert', async () => {
    const existing = await k.customer('已有客户');
    const existingMobile = (await k.app.ok('customers.get', { id: existing }, k.app.adminToken)).mobile!;
    await k.app.ok('loyalty.adjust', { customerId: existing, points: 100, reason: '开卡礼' }, k.manager);
    const text = [
      '姓名,手机,车架号,品牌,车系,交车日期',
      `已有客户,${existingMobile},${nextVin()},丰田,卡罗拉,2026-11-10`,
      `新导入客户,13912345678,${nextVin()},丰田,凯美瑞,2026-11-12`,
    ].join('\n');
    const job = await k.app.ok(
      'imports.apply',
      { fileName: 'owners.csv', contentBase64: Buffer.from(text, 'utf8').toString('base64') },
      k.manager,
    );
    const done = await waitForJob(job.jobId);
    expect(done.phase).toBe('done');
    const batchId = done.result!.batchId;
    expect(await k.balance(existing)).toBe(1100);
    const created = k.app.core.db.$client
      .prepare("select id from customers where name = '新导入客户'")
      .pluck()
      .get() as number;
    expect(await k.balance(created)).toBe(1000);
    const sources = (await k.app.ok('loyalty.ledger', { customerId: existing, limit: 5 }, k.desk)).rows.map(
      (r) => r.source,
    );
    expect(sources[0]).toBe('import');

    await k.app.ok('imports.revert', { batchId }, k.manager);
    expect(await k.balance(existing)).toBe(100);
    expect(k.sumOfLedger(existing)).toBe(100);
    const rows = (await k.app.ok('loyalty.ledger', { customerId: existing, limit: 5 }, k.desk)).rows;
    expect(rows[0]).toMatchObject({ kind: 'reverse', source: 'import', points: -1000 });
    const left = k.app.core.db.$client
      .prepare('select count(*) from loyalty_postings where customer_id = ?')
      .pluck()
      .get(created);
    expect(left).toBe(0);
  });
});

describe('an event check-in earns, its undo reverses', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await kit('2026-11-20');
  });
  afterAll(() => k.app.close());

  it('posts the check-in points once and takes them back on undo', async () => {
    const fixture = eventFixture(() => k.app.core.db.$client);
    const id = await k.customer('活动车主');
    const eventId = fixture.event({ status: 'running', startsOn: '2026-11-20' });
    const inviteeId = fixture.invitee(eventId, id, { status: 'confirmed' });
    await k.app.ok('events.checkIn', { inviteeId, cars: 1, people: 2 }, k.manager);
    expect(await k.balance(id)).toBe(100);
    const row = (await k.app.ok('loyalty.ledger', { customerId: id, limit: 1 }, k.desk)).rows[0]!;
    expect(row).toMatchObject({
      source: 'event_checkin',
      sourceTable: 'event_invitees',
      sourceId: inviteeId,
    });
    await k.app.ok('events.undoCheckIn', { inviteeId }, k.manager);
    expect(await k.balance(id)).toBe(0);
    await k.app.ok('events.checkIn', { inviteeId, cars: 1, people: 2 }, k.manager);
    expect(await k.balance(id)).toBe(100);
    expect(k.sumOfLedger(id)).toBe(100);
  });
});

describe('tiers on spending and visits', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await kit('2026-11-20');
    await k.settings({
      tierBasis: 'spending',
      thresholds: {
        silver: { points: 2000, spendingFen: 10_000_000, visits: 2 },
        gold: { points: 8000, spendingFen: 30_000_000, visits: 6 },
        black: { points: 30000, spendingFen: 100_000_000, visits: 12 },
      },
    });
  });
  afterAll(() => k.app.close());

  it('a second visit in 12 months makes silver at once, even when it earns no point', async () => {
    const id = await k.customer('常来客户');
    const car = await k.car(id, null);
    await k.visit(car.id, '2026-10-01', 0);
    expect((await k.app.ok('loyalty.member', { customerId: id }, k.desk)).tier).toBe('regular');
    await k.visit(car.id, '2026-11-01', 500);
    const member = await k.app.ok('loyalty.member', { customerId: id }, k.desk);
    expect(member.balance).toBe(0);
    expect(member).toMatchObject({ tier: 'silver', qualifying: { visits: 2, spendingFen: 500 } });
    expect(member.tierChanges[0]!.reason).toBe(
      '近 12 个月消费 ¥5、进站 2 次，达到银卡门槛（消费 ¥100,000 或进站 2 次）',
    );
    expect(member.nextTier).toEqual({ tier: 'gold', missing: '还差消费 ¥299,995 或进站 4 次' });
  });
});

describe('a merge keeps the points', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await kit('2026-11-20');
  });
  afterAll(() => k.app.close());

  it('moves the merged card’s ledger to the survivor, and an undo moves it back', async () => {
    const survivor = await k.customer('合并甲');
    const merged = await k.customer('合并乙');
    await k.car(survivor, '2026-11-01');
    await k.car(merged, '2026-11-02');
    await k.app.ok('loyalty.referralCode', { customerId: survivor }, k.desk);
    await k.app.ok('loyalty.referralCode', { customerId: merged }, k.desk);
    const result = await k.app.ok(
      'customers.merge',
      { survivorId: survivor, mergedId: merged },
      k.app.adminToken,
    );
    expect(await k.balance(survivor)).toBe(2000);
    expect(k.sumOfLedger(merged)).toBe(0);
    await k.app.ok('customers.unmerge', { mergeId: result.mergeId }, k.app.adminToken);
    expect(await k.balance(survivor)).toBe(1000);
    expect(await k.balance(merged)).toBe(1000);
  });
});
