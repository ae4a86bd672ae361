import type { CustomerFacts } from './facts';
import type { RuleSet } from './rule-config';
import { defaultKmPerDay } from './rule-config';
import type { PreparedFacts } from './rules/rule-types';
import { ownedVehicles } from './vehicle-usage';

export function prepareFacts(facts: CustomerFacts, rules: RuleSet): PreparedFacts {
  return {
    customer: facts.customer,
    consents: facts.consents,
    owned: ownedVehicles(facts, defaultKmPerDay(rules)),
    customerVisits: facts.customerVisits,
    lastVisitDate: facts.lastVisitDate,
  };
}
