import { z } from 'zod';
import { editBase, version } from './fields';
import type { LoyaltyTier, RankedTier } from './loyalty-terms';
import { loyaltyTiers, rankedTiers, tierBases } from './loyalty-terms';

/**
 * 会员积分设置: how points are earned, when they expire, what each tier takes and gives, and the size of
 * adjustment a second manager must approve. One JSON value in store_settings (key `loyalty`); a part missing
 * there reads as its default, so a new database needs no seed.
 */

const points = (max = 10_000_000) =>
  z.number('请填写积分').int('积分应为整数').min(0, '不能为负数').max(max, `不能超过 ${max}`);

/** A tier's threshold: qualifying points, or (spending basis) an amount spent in fen or a number of visits. */
export const tierThresholdSchema = z.object({
  points: points(),
  spendingFen: z.number().int('金额应为整数（分）').min(0, '不能为负数').max(100_000_000_000),
  visits: z.number().int('请填写整数').min(0, '不能为负数').max(1000),
});
export type TierThreshold = z.output<typeof tierThresholdSchema>;

export const defaultTierThresholds: Record<RankedTier, TierThreshold> = {
  silver: { points: 2_000, spendingFen: 2_000_000, visits: 3 },
  gold: { points: 8_000, spendingFen: 8_000_000, visits: 6 },
  black: { points: 30_000, spendingFen: 30_000_000, visits: 12 },
};

export const defaultTierBenefits: Record<LoyaltyTier, string> = {
  regular: '积分兑换礼品；车主活动优先通知',
  silver: '保养工时 9.5 折；生日礼品；车主活动优先报名',
  gold: '保养工时 9 折；免费道路救援；专属服务顾问；生日礼品',
  black: '保养工时 8.5 折；免费道路救援与代步车；专属服务顾问；新车品鉴会邀请；生日礼品',
};

const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 MM-DD，例如 01-01')
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`2024-${v}T00:00:00Z`)) &&
      new Date(`2024-${v}T00:00:00Z`).toISOString().slice(5, 10) === v,
    '日期无效',
  );

const thresholds = z
  .object(
    Object.fromEntries(rankedTiers.map((t) => [t, tierThresholdSchema])) as Record<
      RankedTier,
      typeof tierThresholdSchema
    >,
  )
  .refine(
    (t) =>
      t.silver.points <= t.gold.points &&
      t.gold.points <= t.black.points &&
      t.silver.spendingFen <= t.gold.spendingFen &&
      t.gold.spendingFen <= t.black.spendingFen &&
      t.silver.visits <= t.gold.visits &&
      t.gold.visits <= t.black.visits,
    { message: '门槛应逐级递增：银卡 ≤ 金卡 ≤ 黑卡' },
  );

const benefits = z.object(
  Object.fromEntries(
    loyaltyTiers.map((t) => [t, z.string().trim().max(500, '权益说明不能超过 500 个字')]),
  ) as Record<LoyaltyTier, z.ZodString>,
);

/** Referral rewards for the referrer, by how many referrals of theirs closed that year: 1st, 2nd, 3rd and on. */
const referrerSteps = z
  .array(points(1_000_000))
  .min(1, '至少设置一档推荐奖励')
  .max(3, '最多三档：第 1 次、第 2 次、第 3 次及以后');

export const loyaltySettingsSchema = z.object({
  tierBasis: z.enum(tierBases).default('points'),
  thresholds: thresholds.default(defaultTierThresholds),
  benefits: benefits.default(defaultTierBenefits),
  /** 年度等级评定日: downgrades happen only on this day each year. */
  reviewDate: monthDay.default('01-01'),
  /** Service revenue in fen that earns one point (1000: one point per ¥10). */
  serviceFenPerPoint: z.number().int().min(1, '至少 1 分钱').max(10_000_000).default(1000),
  deliveryPoints: points(1_000_000).default(1000),
  eventCheckinPoints: points(1_000_000).default(100),
  referrerPoints: referrerSteps.default([1000, 1500, 2000]),
  /** The referred customer's own reward when they take delivery. */
  refereePoints: points(1_000_000).default(500),
  /** Points expire at the end of the Nth calendar year after the year they were earned. */
  expiryYears: z.number().int('请填写整数年').min(1, '至少 1 年').max(10, '不超过 10 年').default(2),
  /** A manual adjustment of more than this many points (either way) needs a second manager's approval. */
  adjustApprovalPoints: points(1_000_000).default(1000),
  /** Members whose points expire within this many days are "expiring soon" (card, care call). */
  expiringNoticeDays: z.number().int().min(1).max(366).default(30),
});
export type LoyaltySettings = z.output<typeof loyaltySettingsSchema>;
export type LoyaltySettingKey = keyof LoyaltySettings;

export const loyaltySettingLabels: Record<LoyaltySettingKey, string> = {
  tierBasis: '等级评定依据',
  thresholds: '各等级门槛',
  benefits: '各等级权益',
  reviewDate: '年度等级评定日',
  serviceFenPerPoint: '每积 1 分所需进站消费（分）',
  deliveryPoints: '购车交车积分',
  eventCheckinPoints: '活动签到积分',
  referrerPoints: '推荐人奖励积分（第 1/2/3 次）',
  refereePoints: '被推荐人奖励积分',
  expiryYears: '积分有效期（年）',
  adjustApprovalPoints: '需审批的调整积分',
  expiringNoticeDays: '即将过期提醒天数',
};

/** The edit: any part may be left out (it keeps its value); a part given replaces that part whole. */
export const loyaltySettingsUpdate = z
  .object({
    tierBasis: z.enum(tierBases).optional(),
    thresholds: thresholds.optional(),
    benefits: benefits.optional(),
    reviewDate: monthDay.optional(),
    serviceFenPerPoint: z.number().int().min(1).max(10_000_000).optional(),
    deliveryPoints: points(1_000_000).optional(),
    eventCheckinPoints: points(1_000_000).optional(),
    referrerPoints: referrerSteps.optional(),
    refereePoints: points(1_000_000).optional(),
    expiryYears: z.number().int().min(1).max(10).optional(),
    adjustApprovalPoints: points(1_000_000).optional(),
    expiringNoticeDays: z.number().int().min(1).max(366).optional(),
    /** The version the form loaded, and its values: without them the save stands as given. */
    version: version.optional(),
    base: editBase,
  })
  .strict();

/** What the settings channels answer: the settings and the version a form saves against. */
export const loyaltySettingsOutput = loyaltySettingsSchema.extend({ version: z.number() });
