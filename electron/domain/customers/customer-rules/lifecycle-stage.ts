import type { Stage } from '../../../contract/customers';
import type { CustomerFacts, Explained } from './facts';
import { addMonths, daysBetween, laterOf, yuan } from './rule-dates';

/** Chinese names of the stages (DOMAIN.md "Customer type / lifecycle stage (客户类型)"). */
export const stageNames: Record<Stage, string> = {
  lead: '潜客',
  intent: '意向客户',
  new_owner: '新车客户',
  owner: '老客户',
  vip: 'VIP',
  lost: '战败客户',
  churned: '流失客户',
  dormant: '休眠客户',
};

export const stageRules = {
  /** 流失: DOMAIN.md lists "no visit for 12 months" among the churn signals; purchases count as activity too. */
  churnAfterDays: 365,
  /** 新车客户 "delivered, in the first months": the delivery call-backs run to +3 months; we keep it six. */
  newOwnerMonths: 6,
  /** 休眠: a lead or prospect nobody has been in touch with for a year. */
  dormantAfterDays: 365,
  /** VIP "high value, repeat buyer or referrer" (DOMAIN.md): any one of these. */
  vip: { vehicles: 2, revenue24mFen: 1_500_000, referralsBought: 2 },
} as const;

const pipelineStages: readonly Stage[] = ['lead', 'intent', 'lost', 'dormant'];

/**
 * The lifecycle stage, and why. Precedence:
 *
 * 1. Data decides for anyone who has ever owned a car from us (or taken one over): staff's stage choice is not
 *    read, except that VIP, once given (by staff or by these rules), stays until the customer churns.
 *    Order: 流失 (no visit or purchase for a year) → VIP (criteria above, or already VIP) → 新车客户 (one car,
 *    taken within six months) → 老客户.
 * 2. Nobody's owner yet: the stage staff set is the input. 战败 stays until staff change it; 潜客/意向 turn
 *    休眠 after a year without contact; an owner stage typed for someone with no vehicle on file (an old card
 *    whose cars were never entered) is kept as typed.
 */
export function lifecycleStage(f: CustomerFacts): Explained<Stage> {
  if (f.ownership.vehiclesEverOwned > 0) return ownerStage(f);
  const entered = f.enteredStage;
  if (entered === 'lost')
    return { value: 'lost', reason: '员工标记为战败客户（未在本店购车）；定期回访了解原因' };
  if (entered === 'lead' || entered === 'intent') {
    const lastTouch = laterOf(f.lastContactOn, f.createdOn) ?? f.createdOn;
    const quiet = daysBetween(lastTouch, f.today);
    if (quiet > stageRules.dormantAfterDays) {
      return {
        value: 'dormant',
        reason: `${stageNames[entered]}最近一次联系在 ${lastTouch}，已 ${quiet} 天（超过 12 个月）没有联系`,
      };
    }
    return { value: entered, reason: `尚未购车，按员工设定为${stageNames[entered]}；最近联系 ${lastTouch}` };
  }
  if (entered === 'dormant')
    return { value: 'dormant', reason: '尚未购车，超过 12 个月未联系（重新联系后请改回潜客或意向客户）' };
  return { value: entered, reason: `系统中没有该客户的车辆记录，按员工设定为${stageNames[entered]}` };
}

function ownerStage(f: CustomerFacts): Explained<Stage> {
  const { ownership: o, visits: v } = f;
  const lastActivity = laterOf(v.lastOn, o.latestAcquiredOn);
  if (lastActivity !== null) {
    const idle = daysBetween(lastActivity, f.today);
    if (idle > stageRules.churnAfterDays) {
      const what = lastActivity === v.lastOn ? '最近一次进站' : '最近一次购车';
      return {
        value: 'churned',
        reason: `${what}在 ${lastActivity}，已 ${idle} 天（超过 12 个月）没有进站或购车`,
      };
    }
  }
  const vipWhy: string[] = [];
  if (o.vehiclesEverOwned >= stageRules.vip.vehicles)
    vipWhy.push(`在本店购车/保有 ${o.vehiclesEverOwned} 辆`);
  if (v.revenue24mFen >= stageRules.vip.revenue24mFen) {
    vipWhy.push(`近 24 个月产值 ${yuan(v.revenue24mFen)}（≥ ${yuan(stageRules.vip.revenue24mFen)}）`);
  }
  if (f.referrals.bought >= stageRules.vip.referralsBought) vipWhy.push(`推荐 ${f.referrals.bought} 人成交`);
  if (vipWhy.length) return { value: 'vip', reason: `VIP：${vipWhy.join('；')}` };
  if (f.enteredStage === 'vip') return { value: 'vip', reason: '已设为 VIP，在流失之前保持' };
  if (
    o.vehiclesEverOwned === 1 &&
    o.firstAcquiredOn !== null &&
    o.firstAcquiredOn > addMonths(f.today, -stageRules.newOwnerMonths)
  ) {
    return { value: 'new_owner', reason: `首辆车于 ${o.firstAcquiredOn} 交付，在 6 个月之内` };
  }
  const parts = [`保有车辆 ${o.currentVehicles} 辆`];
  if (v.lastOn) parts.push(`最近进站 ${v.lastOn}`);
  else if (o.latestAcquiredOn) parts.push(`购车于 ${o.latestAcquiredOn}，尚无进站记录`);
  return { value: 'owner', reason: `老客户：${parts.join('，')}` };
}

export function isPipelineStage(stage: Stage): boolean {
  return pipelineStages.includes(stage);
}
