import { describe, expect, it } from 'vitest';
import { loyaltySettingsSchema } from '../../electron/contract/loyalty-settings';
import { visitPoints } from '../../electron/domain/loyalty/earnings';
import {
  expiryDateOf,
  lastReviewDay,
  reviewDayIn,
  windowStart,
} from '../../electron/domain/loyalty/loyalty-dates';
import { describeFigures, nextTierOf, tierOf } from '../../electron/domain/loyalty/tiers';

const defaults = loyaltySettingsSchema.parse({});

describe('loyalty rules', () => {
  it('points expire at the end of the Nth year after the year earned', () => {
    expect(expiryDateOf('2026-01-01', 2)).toBe('2028-12-31');
    expect(expiryDateOf('2026-12-31', 1)).toBe('2027-12-31');
  });

  it('the 12-month window and the review day (29 February falls on the 28th)', () => {
    expect(windowStart('2026-11-20')).toBe('2025-11-21');
    expect(windowStart('2024-02-29')).toBe('2023-03-01');
    expect(reviewDayIn(2027, '02-29')).toBe('2027-02-28');
    expect(reviewDayIn(2028, '02-29')).toBe('2028-02-29');
    expect(lastReviewDay('2026-12-31', '01-01')).toBe('2026-01-01');
    expect(lastReviewDay('2026-03-31', '04-01')).toBe('2025-04-01');
    expect(lastReviewDay('2026-04-01', '04-01')).toBe('2026-04-01');
  });

  it('whole points per ¥10 of service revenue', () => {
    expect(visitPoints(85_650, defaults)).toBe(85);
    expect(visitPoints(999, defaults)).toBe(0);
  });

  it('tiers on points, or on spending or visits, with the reason in words', () => {
    expect(tierOf({ points: 1999, spendingFen: 0, visits: 0 }, defaults)).toBe('regular');
    expect(tierOf({ points: 8000, spendingFen: 0, visits: 0 }, defaults)).toBe('gold');
    const spending = { ...defaults, tierBasis: 'spending' as const };
    expect(tierOf({ points: 0, spendingFen: 0, visits: 6 }, spending)).toBe('gold');
    expect(tierOf({ points: 0, spendingFen: 30_000_000, visits: 0 }, spending)).toBe('black');
    expect(describeFigures({ points: 8000, spendingFen: 0, visits: 0 }, 'gold', defaults)).toBe(
      '近 12 个月积分 8,000，达到金卡门槛 8,000',
    );
    expect(nextTierOf({ points: 0, spendingFen: 500_000, visits: 1 }, 'regular', spending)).toEqual({
      tier: 'silver',
      missing: '还差消费 ¥15,000 或进站 2 次',
    });
    expect(nextTierOf({ points: 0, spendingFen: 0, visits: 0 }, 'black', defaults)).toBeNull();
  });

  it('settings refuse thresholds that do not rise tier by tier, and a bad review date', () => {
    const bad = loyaltySettingsSchema.safeParse({
      thresholds: {
        silver: { points: 5000, spendingFen: 0, visits: 0 },
        gold: { points: 1000, spendingFen: 0, visits: 0 },
        black: { points: 9000, spendingFen: 0, visits: 0 },
      },
    });
    expect(bad.success).toBe(false);
    expect(loyaltySettingsSchema.safeParse({ reviewDate: '02-30' }).success).toBe(false);
    expect(loyaltySettingsSchema.safeParse({ reviewDate: '13-01' }).success).toBe(false);
  });
});
