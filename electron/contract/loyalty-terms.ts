/**
 * 会员积分: the words of the member programme, once. Screens, messages and the settings form read these labels;
 * nothing else declares them.
 */

/** 会员等级, lowest first: the order is the ranking (an upgrade moves right). */
export const loyaltyTiers = ['regular', 'silver', 'gold', 'black'] as const;
export type LoyaltyTier = (typeof loyaltyTiers)[number];
export const loyaltyTierLabels: Record<LoyaltyTier, string> = {
  regular: '普通',
  silver: '银卡',
  gold: '金卡',
  black: '黑卡',
};
/** The tiers that have a threshold (普通 is where everyone starts). */
export const rankedTiers = ['silver', 'gold', 'black'] as const;
export type RankedTier = (typeof rankedTiers)[number];

export const tierRank = (tier: LoyaltyTier): number => loyaltyTiers.indexOf(tier);

/** What a tier is measured on: qualifying points, or what the member spent and how often they came. */
export const tierBases = ['points', 'spending'] as const;
export type TierBasis = (typeof tierBases)[number];
export const tierBasisLabels: Record<TierBasis, string> = {
  points: '近 12 个月获得的积分',
  spending: '近 12 个月消费金额与进站次数',
};

/** A ledger line's kind. Only `earn` counts towards a tier; every kind counts towards the balance. */
export const postingKinds = ['earn', 'redeem', 'expire', 'adjust', 'reverse'] as const;
export type PostingKind = (typeof postingKinds)[number];
export const postingKindLabels: Record<PostingKind, string> = {
  earn: '获得',
  redeem: '兑换',
  expire: '过期',
  adjust: '调整',
  reverse: '冲回',
};

/** Where a line comes from. */
export const postingSources = [
  'delivery',
  'service_visit',
  'event_checkin',
  'referral',
  'manual',
  'import',
  'redemption',
  'expiry',
] as const;
export type PostingSource = (typeof postingSources)[number];
export const postingSourceLabels: Record<PostingSource, string> = {
  delivery: '购车交车',
  service_visit: '进站消费',
  event_checkin: '活动签到',
  referral: '推荐成交',
  manual: '人工调整',
  import: '导入',
  redemption: '积分兑换',
  expiry: '积分到期',
};

export const rewardKinds = ['gift', 'service_voucher', 'experience'] as const;
export type RewardKind = (typeof rewardKinds)[number];
export const rewardKindLabels: Record<RewardKind, string> = {
  gift: '礼品',
  service_voucher: '服务券',
  experience: '体验活动',
};

/** A voucher is used (核销) or cancelled (作废, its points returned) once; either is final. */
export const voucherStates = ['issued', 'used', 'cancelled'] as const;
export type VoucherState = (typeof voucherStates)[number];
export const voucherStateLabels: Record<VoucherState, string> = {
  issued: '未使用',
  used: '已核销',
  cancelled: '已作废',
};

/** A manual adjustment above the approval size waits for a second manager. */
export const adjustmentStates = ['pending', 'approved', 'rejected'] as const;
export type AdjustmentState = (typeof adjustmentStates)[number];
export const adjustmentStateLabels: Record<AdjustmentState, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
};

/** Why a tier changed. */
export const tierChangeCauses = ['posting', 'review', 'daily'] as const;
export type TierChangeCause = (typeof tierChangeCauses)[number];
export const tierChangeCauseLabels: Record<TierChangeCause, string> = {
  posting: '积分入账时升级',
  review: '年度等级评定',
  daily: '每日等级复核',
};

/** Referral codes avoid characters read one for another on a phone or a printout (0/O, 1/I/L). */
export const referralCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const referralCodeLength = 6;
