import type { baseGrades, stages } from '../../../../electron/contract/customers';

type Stage = (typeof stages)[number];
type BaseGrade = (typeof baseGrades)[number];

/** Colour follows the lifecycle: cool for prospects, green for owners, gold for VIP, warm for the exits. */
export const stageColors: Record<Stage, string> = {
  lead: 'default',
  intent: 'blue',
  new_owner: 'cyan',
  owner: 'green',
  vip: 'gold',
  lost: 'volcano',
  churned: 'orange',
  dormant: 'default',
};

export const baseGradeStatus: Record<BaseGrade, 'success' | 'processing' | 'default'> = {
  premium: 'success',
  potential: 'processing',
  normal: 'default',
};
