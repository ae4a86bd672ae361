import { z } from 'zod';
import { channel } from './channel';
import { stages } from './customers';
import { id, version } from './fields';
import { loyaltySettingsOutput, loyaltySettingsUpdate } from './loyalty-settings';
import {
  adjustmentStates,
  loyaltyTiers,
  postingKinds,
  postingSources,
  referralCodeLength,
  rewardKinds,
  tierChangeCauses,
  voucherStates,
} from './loyalty-terms';

export * from './loyalty-terms';
export * from './loyalty-settings';

/**
 * 会员积分 channels. Who may do what:
 * - customers.read: a member's tier, balance, ledger and referrals, the reward catalogue, resolving a code;
 * - customers.write: redeeming at the counter (front desk);
 * - loyalty.manage: settings, manual adjustments and their approval, the catalogue, the daily pass by hand.
 */

const tier = z.enum(loyaltyTiers);
const staffRef = z.object({ id: z.number(), name: z.string() });
const text = (max: number, required: string) =>
  z.string(required).trim().min(1, required).max(max, `不能超过 ${max} 个字`);

export const tierChangeRow = z.object({
  id: z.number(),
  fromTier: tier,
  toTier: tier,
  changedOn: z.string(),
  cause: z.enum(tierChangeCauses),
  reason: z.string(),
});

/** What the card and the call panel show of a member. */
export const memberView = z.object({
  customerId: z.number(),
  tier,
  tierSince: z.string().nullable(),
  benefits: z.string(),
  balance: z.number(),
  /** The figures the tier is measured on, over the last 12 months. */
  qualifying: z.object({ points: z.number(), spendingFen: z.number(), visits: z.number() }),
  /** The next tier up and what is still missing on the store's basis; null at the top. */
  nextTier: z.object({ tier, missing: z.string() }).nullable(),
  /** Points that will expire within the notice window unless spent, and the first day they go. */
  expiringSoon: z.object({ points: z.number(), on: z.string() }).nullable(),
  referralCode: z.string().nullable(),
  tierChanges: z.array(tierChangeRow),
});
export type MemberView = z.infer<typeof memberView>;

export const postingRow = z.object({
  id: z.number(),
  kind: z.enum(postingKinds),
  source: z.enum(postingSources),
  sourceTable: z.string(),
  sourceId: z.number(),
  points: z.number(),
  postedOn: z.string(),
  expiresOn: z.string().nullable(),
  reason: z.string().nullable(),
  createdBy: staffRef.nullable(),
  approvedBy: staffRef.nullable(),
  createdAt: z.string(),
});
export type PostingRow = z.infer<typeof postingRow>;

export const adjustmentRow = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  points: z.number(),
  reason: z.string(),
  state: z.enum(adjustmentStates),
  requestedBy: staffRef.nullable(),
  requestedAt: z.string(),
  decidedBy: staffRef.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

export const rewardRow = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(rewardKinds),
  pointsPrice: z.number(),
  stock: z.number().nullable(),
  active: z.boolean(),
  description: z.string().nullable(),
  version: z.number(),
});
export type RewardRow = z.infer<typeof rewardRow>;

/** The printed voucher (兑换凭证). */
export const voucher = z.object({
  redemptionId: z.number(),
  voucherNo: z.string(),
  customerId: z.number(),
  customerName: z.string(),
  reward: z.object({ id: z.number(), name: z.string(), kind: z.enum(rewardKinds) }),
  quantity: z.number(),
  points: z.number(),
  balanceAfter: z.number(),
  redeemedOn: z.string(),
  redeemedBy: staffRef.nullable(),
  state: z.enum(voucherStates),
  /** When and by whom it was used or cancelled. */
  closedAt: z.string().nullable(),
  closedBy: staffRef.nullable(),
});
export type Voucher = z.infer<typeof voucher>;

export const referralRow = z.object({
  customerId: z.number(),
  name: z.string(),
  stage: z.enum(stages),
  /** The referred customer's first delivery, if they took one. */
  deliveredOn: z.string().nullable(),
  /** Points the referrer got for this referral (null: not closed yet). */
  referrerPoints: z.number().nullable(),
  refereePoints: z.number().nullable(),
  rewardedOn: z.string().nullable(),
});

const points = z
  .number('请填写积分')
  .int('积分应为整数')
  .min(-10_000_000, '积分过大')
  .max(10_000_000, '积分过大')
  .refine((p) => p !== 0, '调整积分不能为 0');

const rewardFields = z.object({
  name: text(60, '请填写礼品名称'),
  kind: z.enum(rewardKinds, '请选择礼品类型'),
  pointsPrice: z.number('请填写所需积分').int('积分应为整数').min(1, '所需积分至少为 1').max(10_000_000),
  stock: z.number().int('库存应为整数').min(0, '库存不能为负数').max(1_000_000).nullable().default(null),
  active: z.boolean().default(true),
  description: z
    .string()
    .trim()
    .max(500, '说明不能超过 500 个字')
    .transform((v) => (v === '' ? null : v))
    .nullish(),
});

export const dailyPassSummary = z.object({
  today: z.string(),
  expired: z.object({ members: z.number(), points: z.number() }),
  /** 积分到期关怀 calls put in the queue (members with points running out within the notice window). */
  careCalls: z.number(),
  /** Whether the yearly review (downgrades allowed) ran in this pass. */
  reviewed: z.boolean(),
  tiers: z.object({ checked: z.number(), upgraded: z.number(), downgraded: z.number() }),
  referrals: z.number(),
  deliveries: z.number(),
});
export type DailyPassSummary = z.infer<typeof dailyPassSummary>;

export const loyaltyContract = {
  'loyalty.settings': channel({
    summary: '会员积分设置（等级门槛、权益、积分规则、有效期）',
    access: 'customers.read',
    input: z.object({}).strict(),
    output: loyaltySettingsOutput,
  }),
  'loyalty.updateSettings': channel({
    summary: '修改会员积分设置',
    access: 'loyalty.manage',
    input: loyaltySettingsUpdate,
    output: loyaltySettingsOutput,
    touches: ['loyalty', 'settings'],
  }),
  'loyalty.member': channel({
    summary: '会员概况：等级、积分余额、即将过期、权益、推荐码',
    access: 'customers.read',
    input: z.object({ customerId: id }),
    output: memberView,
  }),
  'loyalty.ledger': channel({
    summary: '积分流水（按时间倒序分页）',
    access: 'customers.read',
    input: z.object({
      customerId: id,
      /** The last id of the previous page. */
      cursor: id.nullish(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ rows: z.array(postingRow), nextCursor: z.number().nullable(), balance: z.number() }),
  }),
  'loyalty.adjust': channel({
    summary: '人工调整积分（须填写原因；超过审批额度需另一位经理批准）',
    access: 'loyalty.manage',
    input: z.object({ customerId: id, points, reason: text(200, '请填写调整原因') }),
    output: z.object({ adjustment: adjustmentRow, balance: z.number() }),
    touches: ['loyalty'],
  }),
  'loyalty.adjustments': channel({
    summary: '积分调整申请（默认只列待审批的）',
    access: 'loyalty.manage',
    input: z.object({ state: z.enum(adjustmentStates).default('pending') }),
    output: z.array(adjustmentRow),
  }),
  'loyalty.approveAdjustment': channel({
    summary: '批准或驳回积分调整申请',
    access: 'loyalty.manage',
    input: z.object({
      adjustmentId: id,
      approve: z.boolean('请选择批准或驳回'),
      note: z
        .string()
        .trim()
        .max(200, '不能超过 200 个字')
        .transform((v) => (v === '' ? null : v))
        .nullish(),
    }),
    output: z.object({ adjustment: adjustmentRow, balance: z.number() }),
    touches: ['loyalty'],
  }),
  'loyalty.rewards': channel({
    summary: '兑换礼品目录',
    access: 'customers.read',
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(rewardRow),
  }),
  'loyalty.saveReward': channel({
    summary: '新建或修改兑换礼品',
    access: 'loyalty.manage',
    input: z.union([
      rewardFields.extend({ id: z.undefined().optional() }),
      rewardFields.extend({ id, version }),
    ]),
    output: rewardRow,
    touches: ['loyalty'],
  }),
  'loyalty.redeem': channel({
    summary: '积分兑换礼品，生成兑换凭证',
    access: 'customers.write',
    input: z.object({
      customerId: id,
      rewardId: id,
      quantity: z
        .number('请填写数量')
        .int('数量应为整数')
        .min(1, '数量至少为 1')
        .max(100, '一次最多兑换 100 件')
        .default(1),
    }),
    output: voucher,
    touches: ['loyalty'],
  }),
  'loyalty.vouchers': channel({
    summary: '会员的兑换凭证（最新在前）',
    access: 'customers.read',
    input: z.object({ customerId: id }),
    output: z.array(voucher),
  }),
  'loyalty.voucher': channel({
    summary: '一张兑换凭证（打印用）',
    access: 'customers.read',
    input: z.object({ redemptionId: id }),
    output: voucher,
  }),
  'loyalty.useVoucher': channel({
    summary: '核销兑换凭证（礼品已领取、服务已使用；只能一次）',
    access: 'customers.write',
    input: z.object({ redemptionId: id }),
    output: voucher,
    touches: ['loyalty'],
  }),
  'loyalty.cancelVoucher': channel({
    summary: '作废未使用的兑换凭证，积分同时退回（须填写原因）',
    access: 'customers.write',
    input: z.object({ redemptionId: id, reason: text(200, '请填写作废原因') }),
    output: voucher,
    touches: ['loyalty'],
  }),
  'loyalty.referralCode': channel({
    summary: '会员的推荐码（第一次查询时生成）',
    access: 'customers.read',
    input: z.object({ customerId: id }),
    output: z.object({ customerId: z.number(), code: z.string() }),
    touches: ['loyalty'],
  }),
  'loyalty.resolveCode': channel({
    summary: '按推荐码找到推荐人',
    access: 'customers.read',
    input: z.object({
      code: z
        .string('请填写推荐码')
        .trim()
        .toUpperCase()
        .length(referralCodeLength, `推荐码为 ${referralCodeLength} 位`),
    }),
    /** `maskedName` (张**) is what a form shows while a code is typed: enough to confirm, not to look people up. */
    output: z.object({ customerId: z.number(), name: z.string(), maskedName: z.string(), tier }),
  }),
  'loyalty.referrals': channel({
    summary: '推荐关系：谁推荐了该客户、该客户推荐了谁及结果',
    access: 'customers.read',
    input: z.object({ customerId: id }),
    output: z.object({
      referredBy: z.object({ customerId: z.number(), name: z.string() }).nullable(),
      referred: z.array(referralRow),
    }),
  }),
  'loyalty.runDaily': channel({
    summary: '立即执行每日积分处理（到期、等级评定、补发推荐奖励）',
    access: 'loyalty.manage',
    input: z.object({}).strict(),
    output: dailyPassSummary,
    touches: ['loyalty'],
  }),
};
