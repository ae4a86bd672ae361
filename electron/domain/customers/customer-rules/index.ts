import type { BaseGrade, Stage } from '../../../contract/customers';
import { baseGrade } from './base-grade';
import type { CustomerFacts, Explained } from './facts';
import { lifecycleStage } from './lifecycle-stage';
import type { LoyaltyScore } from './loyalty-score';
import { loyaltyScore } from './loyalty-score';

/**
 * The customer rules, in one place: lifecycle stage, base grade, loyalty score and warranty state. Pure
 * functions over plain data; the database is read elsewhere (customer-facts.ts) and written by refreshDerived.
 */
export * from './base-grade';
export * from './facts';
export * from './lifecycle-stage';
export * from './loyalty-score';
export * from './warranty-state';

export interface DerivedCustomer {
  stage: Explained<Stage>;
  baseGrade: Explained<BaseGrade | null>;
  loyalty: LoyaltyScore;
}

/** The stage comes first because the grade depends on it; the grade also reads the loyalty total. */
export function deriveCustomer(f: CustomerFacts): DerivedCustomer {
  const stage = lifecycleStage(f);
  const loyalty = loyaltyScore(f);
  return { stage, loyalty, baseGrade: baseGrade(stage.value, f, loyalty.total) };
}
