import type { CustomerFacts } from './facts';
import { addMonths } from './rule-dates';

export type LoyaltyPartKey = 'satisfaction' | 'maintenance' | 'events' | 'promotion';

export interface LoyaltyPart {
  key: LoyaltyPartKey;
  label: string;
  points: number;
  max: number;
  reason: string;
}

export interface LoyaltyScore {
  total: number;
  max: 10;
  parts: LoyaltyPart[];
}

/**
 * The 10-point loyalty score of DOMAIN.md (seed 002, 忠诚度 满意→忠诚): car satisfaction 2, regular maintenance
 * at this dealer 3, event participation 2, positive promotion 3. Where the store has no evidence either way
 * (no survey yet, a new car not yet due for service) the part scores in the middle rather than zero, so a
 * customer is not marked disloyal for what nobody asked.
 */
export const loyaltyRules = {
  satisfaction: { max: 2, complaintPenalty: 1 },
  maintenance: { max: 3, regularPerYear: 2, notDueMonths: 3 },
  events: { max: 2 },
  promotion: { max: 3 },
} as const;

export function loyaltyScore(f: CustomerFacts): LoyaltyScore {
  const parts = [satisfaction(f), maintenance(f), events(f), promotion(f)];
  return { total: parts.reduce((s, p) => s + p.points, 0), max: 10, parts };
}

/** 对车的满意程度 (2): CSI surveys of the last 24 months, minus a point for complaints in the last 12. */
function satisfaction(f: CustomerFacts): LoyaltyPart {
  const base = {
    key: 'satisfaction' as const,
    label: '对车辆的满意程度',
    max: loyaltyRules.satisfaction.max,
  };
  const n = f.surveys.length;
  const dissatisfied = f.surveys.filter((s) => s.overall === 'dissatisfied').length;
  const satisfied = f.surveys.filter((s) => s.overall === 'satisfied').length;
  let points: number;
  let reason: string;
  if (n === 0) {
    points = 1;
    reason = '近 24 个月没有满意度回访记录，按中性计 1 分';
  } else if (dissatisfied > 0) {
    points = 0;
    reason = `近 24 个月满意度回访 ${n} 次，其中不满意 ${dissatisfied} 次`;
  } else if (satisfied === n) {
    points = 2;
    reason = `近 24 个月满意度回访 ${n} 次，均为满意`;
  } else {
    points = 1;
    reason = `近 24 个月满意度回访 ${n} 次，满意 ${satisfied} 次，其余一般`;
  }
  if (f.complaints12m > 0 && points > 0) {
    points = Math.max(0, points - loyaltyRules.satisfaction.complaintPenalty);
    reason += `；近 12 个月有投诉 ${f.complaints12m} 次，扣 1 分`;
  } else if (f.complaints12m > 0) {
    reason += `；近 12 个月有投诉 ${f.complaints12m} 次`;
  }
  return { ...base, points, reason };
}

/** 定期保养 (3): maintenance visits here (首保 and 定期保养) against the usual two a year. */
function maintenance(f: CustomerFacts): LoyaltyPart {
  const base = { key: 'maintenance' as const, label: '定期在本店保养', max: loyaltyRules.maintenance.max };
  const { maintenance12m: m12, maintenance24m: m24 } = f.visits;
  if (m12 >= loyaltyRules.maintenance.regularPerYear) {
    return { ...base, points: 3, reason: `近 12 个月在本店保养 ${m12} 次（每年约 2 次为按时）` };
  }
  if (m12 === 1) return { ...base, points: 2, reason: '近 12 个月在本店保养 1 次' };
  const first = f.ownership.firstAcquiredOn;
  if (first !== null && first > addMonths(f.today, -loyaltyRules.maintenance.notDueMonths)) {
    return { ...base, points: 1, reason: `新车于 ${first} 交付，尚未到首保时间，按中性计 1 分` };
  }
  if (m24 > 0) return { ...base, points: 1, reason: `近 12 个月未在本店保养，此前 12 个月保养 ${m24} 次` };
  if (f.ownership.vehiclesEverOwned === 0) return { ...base, points: 0, reason: '尚无车辆，无保养记录' };
  return { ...base, points: 0, reason: '近 24 个月没有在本店保养' };
}

/** 参加活动积极性 (2): events attended in the last 24 months. */
function events(f: CustomerFacts): LoyaltyPart {
  const base = { key: 'events' as const, label: '参加活动积极性', max: loyaltyRules.events.max };
  const n = f.events24m;
  if (n >= 2) return { ...base, points: 2, reason: `近 24 个月参加活动 ${n} 次` };
  if (n === 1) return { ...base, points: 1, reason: '近 24 个月参加活动 1 次' };
  return { ...base, points: 0, reason: '近 24 个月没有参加活动的记录' };
}

/** 主动正面宣传 (3): customers referred, and how many of them bought (转介绍客户的数量及成交数量). */
function promotion(f: CustomerFacts): LoyaltyPart {
  const base = {
    key: 'promotion' as const,
    label: '主动正面宣传（转介绍）',
    max: loyaltyRules.promotion.max,
  };
  const { total, bought } = f.referrals;
  if (bought >= 2) return { ...base, points: 3, reason: `推荐客户 ${total} 人，其中成交 ${bought} 人` };
  if (bought === 1) return { ...base, points: 2, reason: `推荐客户 ${total} 人，其中成交 1 人` };
  if (total > 0) return { ...base, points: 1, reason: `推荐客户 ${total} 人，尚未成交` };
  return { ...base, points: 0, reason: '尚未推荐过客户' };
}
