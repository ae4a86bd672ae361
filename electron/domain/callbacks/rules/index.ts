import type { CallbackRuleCode } from '../../../contract/callbacks';
import { birthdayRule } from './birthday';
import { churnRiskRule } from './churn-risk';
import {
  delivery1mRule,
  delivery3dRule,
  delivery3mRule,
  delivery7dRule,
  salesCsiRule,
} from './delivery-rules';
import { firstMaintenanceRule } from './first-maintenance';
import { insuranceRenewalRule } from './insurance-renewal';
import { lostProspectRule } from './lost-prospect';
import { purchaseAnniversaryRule } from './purchase-anniversary';
import { quarterlyCareRule } from './quarterly-care';
import { regularMaintenanceRule } from './regular-maintenance';
import type { GeneratingRule } from './rule-types';
import { serviceCsiRule } from './service-csi';

/**
 * Every rule that generates tasks from the data (the dissatisfied follow-up is created by a CSI answer, the
 * complaint closure call by closing a ticket, instead).
 */
export const generatingRules: readonly GeneratingRule[] = [
  delivery3dRule,
  delivery7dRule,
  delivery1mRule,
  delivery3mRule,
  firstMaintenanceRule,
  regularMaintenanceRule,
  serviceCsiRule,
  salesCsiRule,
  birthdayRule,
  purchaseAnniversaryRule,
  quarterlyCareRule,
  churnRiskRule,
  lostProspectRule,
  insuranceRenewalRule,
];

export const generatedRuleCodes = new Set<CallbackRuleCode>(generatingRules.map((r) => r.code));
