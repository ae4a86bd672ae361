import type { BaseGrade, Stage } from '../../../contract/customers';
import type { CustomerFacts, Explained } from './facts';
import { yuan } from './rule-dates';

export const baseGradeNames: Record<BaseGrade, string> = {
  premium: '优质',
  potential: '潜力',
  normal: '一般',
};

/**
 * 基盘客户分级 (DOMAIN.md, seed 002/004): only owners are base customers. The seeds grade by loyalty and by
 * how often and how much an owner services here (the structure tables count visits in the last 12 months and
 * revenue), so either qualifies:
 * - 优质: ≥ 3 service visits in 12 months, or ≥ ¥8,000 revenue in 24 months, or loyalty ≥ 7 of 10;
 * - 潜力: a new owner (too early to judge), or ≥ 1 visit in 12 months, or loyalty ≥ 4;
 * - 一般: the rest, and every churned owner.
 */
export const baseGradeRules = {
  premium: { visits12m: 3, revenue24mFen: 800_000, loyalty: 7 },
  potential: { visits12m: 1, loyalty: 4 },
} as const;

const ownerStages: readonly Stage[] = ['new_owner', 'owner', 'vip', 'churned'];

export function baseGrade(stage: Stage, f: CustomerFacts, loyaltyTotal: number): Explained<BaseGrade | null> {
  if (!ownerStages.includes(stage)) return { value: null, reason: '尚未购车，不参与基盘分级（看线索等级）' };
  if (stage === 'churned') return { value: 'normal', reason: '流失客户，计为一般' };
  if (stage === 'new_owner') return { value: 'potential', reason: '新车客户，计为潜力' };
  const { count12m, revenue24mFen } = f.visits;
  const p = baseGradeRules.premium;
  const premium: string[] = [];
  if (count12m >= p.visits12m) premium.push(`近 12 个月进站 ${count12m} 次（≥ ${p.visits12m}）`);
  if (revenue24mFen >= p.revenue24mFen)
    premium.push(`近 24 个月产值 ${yuan(revenue24mFen)}（≥ ${yuan(p.revenue24mFen)}）`);
  if (loyaltyTotal >= p.loyalty) premium.push(`忠诚度 ${loyaltyTotal} 分（≥ ${p.loyalty}）`);
  if (premium.length) return { value: 'premium', reason: `优质：${premium.join('；')}` };
  const q = baseGradeRules.potential;
  const potential: string[] = [];
  if (count12m >= q.visits12m) potential.push(`近 12 个月进站 ${count12m} 次`);
  if (loyaltyTotal >= q.loyalty) potential.push(`忠诚度 ${loyaltyTotal} 分（≥ ${q.loyalty}）`);
  if (potential.length) return { value: 'potential', reason: `潜力：${potential.join('；')}` };
  return {
    value: 'normal',
    reason: `一般：近 12 个月进站 ${count12m} 次，近 24 个月产值 ${yuan(revenue24mFen)}，忠诚度 ${loyaltyTotal} 分`,
  };
}
