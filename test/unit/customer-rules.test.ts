import { describe, expect, it } from 'vitest';
import type { CustomerFacts } from '../../electron/domain/customers/customer-rules';
import {
  baseGrade,
  defaultWarrantyTerms,
  deriveCustomer,
  lifecycleStage,
  loyaltyScore,
  ruleWindows,
  warrantyState,
} from '../../electron/domain/customers/customer-rules';
import { addMonths, daysBetween, yuan } from '../../electron/domain/customers/customer-rules/rule-dates';

const today = '2026-11-22';

type FactsOverride = Partial<Omit<CustomerFacts, 'ownership' | 'visits' | 'referrals'>> & {
  ownership?: Partial<CustomerFacts['ownership']>;
  visits?: Partial<CustomerFacts['visits']>;
  referrals?: Partial<CustomerFacts['referrals']>;
};

/** A lead created a month ago with nothing else on file; each example changes only what it is about. */
function facts(o: FactsOverride = {}): CustomerFacts {
  return {
    today,
    enteredStage: 'lead',
    createdOn: '2026-10-20',
    lastContactOn: null,
    surveys: [],
    complaints12m: 0,
    events24m: 0,
    ...o,
    ownership: {
      vehiclesEverOwned: 0,
      currentVehicles: 0,
      firstAcquiredOn: null,
      latestAcquiredOn: null,
      ...o.ownership,
    },
    visits: {
      lastOn: null,
      count12m: 0,
      revenue12mFen: 0,
      revenue24mFen: 0,
      maintenance12m: 0,
      maintenance24m: 0,
      ...o.visits,
    },
    referrals: { total: 0, bought: 0, ...o.referrals },
  };
}

/** An owner of one car delivered in 2023 who services here twice a year. */
const owner = (o: FactsOverride = {}) =>
  facts({
    enteredStage: 'owner',
    createdOn: '2023-03-01',
    ...o,
    ownership: {
      vehiclesEverOwned: 1,
      currentVehicles: 1,
      firstAcquiredOn: '2023-03-10',
      latestAcquiredOn: '2023-03-10',
      ...o.ownership,
    },
    visits: { lastOn: '2026-09-01', count12m: 2, maintenance12m: 2, maintenance24m: 4, ...o.visits },
  });

describe('rule dates', () => {
  it('adds months, falling back to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2026-11-22', -24)).toBe('2024-11-22');
    expect(addMonths('2026-11-22', 3)).toBe('2027-02-22');
  });

  it('counts days across years and cuts timestamps to their date', () => {
    expect(daysBetween('2025-11-22', '2026-11-22')).toBe(365);
    expect(daysBetween('2026-11-22T23:59:00.000Z', '2026-11-23')).toBe(1);
  });

  it('formats fen as whole yuan with separators, and defines the 12/24-month windows', () => {
    expect(yuan(1_550_000)).toBe('¥15,500');
    expect(ruleWindows(today)).toEqual({ from12m: '2025-11-22', from24m: '2024-11-22' });
  });
});

describe('lifecycle stage', () => {
  it('keeps the stage staff set for someone without a car', () => {
    expect(lifecycleStage(facts())).toMatchObject({ value: 'lead' });
    expect(lifecycleStage(facts({ enteredStage: 'intent', lastContactOn: '2026-11-01' }))).toEqual({
      value: 'intent',
      reason: '尚未购车，按员工设定为意向客户；最近联系 2026-11-01',
    });
  });

  it('turns a lead or prospect dormant after more than a year without contact, not at exactly a year', () => {
    const quiet = lifecycleStage(
      facts({ enteredStage: 'intent', createdOn: '2025-01-10', lastContactOn: '2025-10-01' }),
    );
    expect(quiet.value).toBe('dormant');
    expect(quiet.reason).toContain('2025-10-01');
    expect(quiet.reason).toContain('417 天');
    expect(lifecycleStage(facts({ createdOn: '2025-01-10', lastContactOn: '2025-11-22' })).value).toBe(
      'lead',
    );
    expect(lifecycleStage(facts({ createdOn: '2025-01-10', lastContactOn: '2025-11-21' })).value).toBe(
      'dormant',
    );
  });

  it('keeps a lost prospect lost however long ago, and an owner stage typed for a card without cars', () => {
    expect(lifecycleStage(facts({ enteredStage: 'lost', createdOn: '2021-01-01' })).value).toBe('lost');
    const typed = lifecycleStage(facts({ enteredStage: 'vip' }));
    expect(typed).toEqual({ value: 'vip', reason: '系统中没有该客户的车辆记录，按员工设定为VIP' });
  });

  it('derives owner stages from the data, whatever staff chose (a lost prospect who buys is a new owner)', () => {
    const bought = lifecycleStage(
      facts({
        enteredStage: 'lost',
        ownership: {
          vehiclesEverOwned: 1,
          currentVehicles: 1,
          firstAcquiredOn: '2026-08-01',
          latestAcquiredOn: '2026-08-01',
        },
      }),
    );
    expect(bought).toEqual({ value: 'new_owner', reason: '首辆车于 2026-08-01 交付，在 6 个月之内' });
  });

  it('counts six months for a new owner: 2026-05-23 is still new on 2026-11-22, 2026-05-22 is not', () => {
    const at = (day: string) =>
      lifecycleStage(
        facts({
          enteredStage: 'new_owner',
          ownership: {
            vehiclesEverOwned: 1,
            currentVehicles: 1,
            firstAcquiredOn: day,
            latestAcquiredOn: day,
          },
        }),
      ).value;
    expect(at('2026-05-23')).toBe('new_owner');
    expect(at('2026-05-22')).toBe('owner');
  });

  it('calls an owner churned after more than a year without visit or purchase', () => {
    const churned = lifecycleStage(owner({ visits: { lastOn: '2025-11-01', count12m: 0 } }));
    expect(churned).toEqual({
      value: 'churned',
      reason: '最近一次进站在 2025-11-01，已 386 天（超过 12 个月）没有进站或购车',
    });
    // A recent purchase is activity too (and a second car makes a VIP).
    const rebought = lifecycleStage(
      owner({
        visits: { lastOn: '2025-11-01', count12m: 0 },
        ownership: { vehiclesEverOwned: 2, currentVehicles: 2, latestAcquiredOn: '2026-03-01' },
      }),
    );
    expect(rebought.value).toBe('vip');
    expect(rebought.reason).toContain('购车/保有 2 辆');
  });

  it('makes a VIP of a high spender or a referrer whose referrals bought', () => {
    const spender = lifecycleStage(owner({ visits: { revenue24mFen: 1_600_000 } }));
    expect(spender).toEqual({ value: 'vip', reason: 'VIP：近 24 个月产值 ¥16,000（≥ ¥15,000）' });
    expect(lifecycleStage(owner({ referrals: { total: 3, bought: 2 } })).reason).toBe('VIP：推荐 2 人成交');
    expect(lifecycleStage(owner({ referrals: { total: 3, bought: 1 } })).value).toBe('owner');
  });

  it('keeps VIP once given until the customer churns', () => {
    expect(lifecycleStage(owner({ enteredStage: 'vip' }))).toEqual({
      value: 'vip',
      reason: '已设为 VIP，在流失之前保持',
    });
    expect(lifecycleStage(owner({ enteredStage: 'vip', visits: { lastOn: '2024-01-01' } })).value).toBe(
      'churned',
    );
  });

  it('explains an ordinary owner with the cars held and the last visit', () => {
    expect(lifecycleStage(owner())).toEqual({
      value: 'owner',
      reason: '老客户：保有车辆 1 辆，最近进站 2026-09-01',
    });
  });
});

describe('loyalty score (10 points, DOMAIN.md seed 002)', () => {
  it('gives full marks to a satisfied, regular, active promoter', () => {
    const score = loyaltyScore(
      owner({
        surveys: [
          { overall: 'satisfied', on: '2026-09-02' },
          { overall: 'satisfied', on: '2026-03-02' },
        ],
        events24m: 2,
        referrals: { total: 2, bought: 2 },
      }),
    );
    expect(score.total).toBe(10);
    expect(score.parts.map((p) => [p.key, p.points, p.max])).toEqual([
      ['satisfaction', 2, 2],
      ['maintenance', 3, 3],
      ['events', 2, 2],
      ['promotion', 3, 3],
    ]);
  });

  it('scores each part with its reason from what is on file', () => {
    const score = loyaltyScore(
      owner({
        visits: { maintenance12m: 0, maintenance24m: 1 },
        events24m: 1,
        referrals: { total: 1, bought: 0 },
      }),
    );
    expect(score.total).toBe(4);
    expect(score.parts).toEqual([
      expect.objectContaining({ points: 1, reason: '近 24 个月没有满意度回访记录，按中性计 1 分' }),
      expect.objectContaining({ points: 1, reason: '近 12 个月未在本店保养，此前 12 个月保养 1 次' }),
      expect.objectContaining({ points: 1, reason: '近 24 个月参加活动 1 次' }),
      expect.objectContaining({ points: 1, reason: '推荐客户 1 人，尚未成交' }),
    ]);
  });

  it('takes satisfaction down for a dissatisfied survey or a complaint', () => {
    const dissatisfied = loyaltyScore(owner({ surveys: [{ overall: 'dissatisfied', on: '2026-10-01' }] }))
      .parts[0];
    expect(dissatisfied).toMatchObject({ points: 0, reason: '近 24 个月满意度回访 1 次，其中不满意 1 次' });
    const complained = loyaltyScore(
      owner({ surveys: [{ overall: 'satisfied', on: '2026-10-01' }], complaints12m: 1 }),
    ).parts[0];
    expect(complained).toMatchObject({ points: 1 });
    expect(complained?.reason).toContain('近 12 个月有投诉 1 次，扣 1 分');
  });

  it('does not hold an unserviced new car against its owner, but does an owner who stopped coming', () => {
    const fresh = owner({
      ownership: { firstAcquiredOn: '2026-10-01', latestAcquiredOn: '2026-10-01' },
      visits: { lastOn: null, count12m: 0, maintenance12m: 0, maintenance24m: 0 },
    });
    expect(loyaltyScore(fresh).parts[1]).toMatchObject({
      points: 1,
      reason: '新车于 2026-10-01 交付，尚未到首保时间，按中性计 1 分',
    });
    const gone = owner({ visits: { maintenance12m: 0, maintenance24m: 0 } });
    expect(loyaltyScore(gone).parts[1]).toMatchObject({ points: 0, reason: '近 24 个月没有在本店保养' });
  });
});

describe('base grade', () => {
  it('grades only owners; churned owners are 一般 and new owners 潜力', () => {
    expect(baseGrade('intent', facts(), 6)).toEqual({
      value: null,
      reason: '尚未购车，不参与基盘分级（看线索等级）',
    });
    expect(baseGrade('churned', owner(), 9).value).toBe('normal');
    expect(baseGrade('new_owner', owner(), 0).value).toBe('potential');
  });

  it('makes 优质 by visits, by revenue or by loyalty, naming which', () => {
    expect(baseGrade('owner', owner({ visits: { count12m: 3 } }), 5)).toEqual({
      value: 'premium',
      reason: '优质：近 12 个月进站 3 次（≥ 3）',
    });
    expect(baseGrade('owner', owner({ visits: { revenue24mFen: 900_000 } }), 5).reason).toBe(
      '优质：近 24 个月产值 ¥9,000（≥ ¥8,000）',
    );
    expect(baseGrade('vip', owner({ visits: { count12m: 0 } }), 7).reason).toBe('优质：忠诚度 7 分（≥ 7）');
  });

  it('makes 潜力 by one visit or loyalty 4, else 一般', () => {
    expect(baseGrade('owner', owner({ visits: { count12m: 1 } }), 3).value).toBe('potential');
    expect(baseGrade('owner', owner({ visits: { count12m: 0 } }), 4).value).toBe('potential');
    expect(baseGrade('owner', owner({ visits: { count12m: 0, revenue24mFen: 250_000 } }), 3)).toEqual({
      value: 'normal',
      reason: '一般：近 12 个月进站 0 次，近 24 个月产值 ¥2,500，忠诚度 3 分',
    });
  });

  it('is derived after the stage and the loyalty score', () => {
    const d = deriveCustomer(owner({ visits: { lastOn: '2025-01-01', count12m: 0 } }));
    expect(d.stage.value).toBe('churned');
    expect(d.baseGrade).toEqual({ value: 'normal', reason: '流失客户，计为一般' });
    expect(d.loyalty.max).toBe(10);
  });
});

describe('warranty state (首保 / 在保 / 出保)', () => {
  const car = { today, deliveryDate: '2026-10-01', mileageKm: 1200, firstMaintenanceDone: false };

  it('is 首保 within 3 months and 3,000 km of delivery before the first service', () => {
    expect(warrantyState(car)).toEqual({
      value: 'first_service',
      reason: '交车于 2026-10-01，尚未首保；首保期至 2027-01-01 或 3,000 km（当前 1,200 km）',
      endsOn: '2027-01-01',
    });
  });

  it('is 在保 after the first service, or once the first-service period ran out without one', () => {
    expect(warrantyState({ ...car, firstMaintenanceDone: true }).value).toBe('in_warranty');
    const missed = warrantyState({ ...car, mileageKm: 3000 });
    expect(missed.value).toBe('in_warranty');
    expect(missed.reason).toBe(
      '质保 3 年或 100,000 km，至 2029-10-01（当前 3,000 km）；首保期已过，未见首保记录',
    );
  });

  it('is 出保 from the day the warranty years end, or past the warranty mileage', () => {
    const at = (deliveryDate: string, mileageKm = 60_000) =>
      warrantyState({ today, deliveryDate, mileageKm, firstMaintenanceDone: true });
    expect(at('2023-11-23').value).toBe('in_warranty');
    expect(at('2023-11-22')).toMatchObject({ value: 'expired', endsOn: '2026-11-22' });
    expect(at('2025-01-01', 100_000)).toMatchObject({
      value: 'expired',
      reason: '质保 3 年或 100,000 km，里程已超过（当前 100,000 km）',
    });
  });

  it("takes the maker's terms as a parameter, and says so when the delivery date is missing", () => {
    const battery = { ...defaultWarrantyTerms, warrantyYears: 8, warrantyKm: 150_000 };
    expect(
      warrantyState(
        { today, deliveryDate: '2020-06-01', mileageKm: 90_000, firstMaintenanceDone: true },
        battery,
      ).value,
    ).toBe('in_warranty');
    expect(warrantyState({ ...car, deliveryDate: null })).toEqual({
      value: 'unknown',
      reason: '缺少交车日期，无法判断保修状态',
      endsOn: null,
    });
  });
});
