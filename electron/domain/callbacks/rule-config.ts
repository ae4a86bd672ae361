import type Database from 'better-sqlite3';
import type { CallbackRuleCode } from '../../contract/callbacks';
import type { ConsentPurpose } from '../../contract/consent';
import { stmt } from './statements';

/** One row of callback_rules as the engine reads it. */
export interface RuleConfig {
  code: CallbackRuleCode;
  name: string;
  enabled: boolean;
  offsetDays: number;
  windowDays: number;
  priority: number;
  script: string;
  expiryDays: number;
  maxAttempts: number;
  consentPurpose: ConsentPurpose;
  params: Record<string, number>;
  updatedAt: string;
  version: number;
}

export type RuleSet = ReadonlyMap<CallbackRuleCode, RuleConfig>;

/**
 * The numbers each rule reads from `params`, with the value used when the manager left one out.
 * `months` on the delivery rules is optional: when set, the call falls due that many calendar months after the
 * delivery (month ends clamp) instead of `offsetDays` days.
 */
export const ruleParamDefaults: Record<CallbackRuleCode, Record<string, number | null>> = {
  delivery_3d: { months: null },
  delivery_7d: { months: null },
  delivery_1m: { months: null },
  delivery_3m: { months: null },
  // remindDaysBefore is kept from the seed for the settings page; the reminder lead time is offsetDays.
  first_maintenance: { km: 3000, months: 3, remindDaysBefore: null },
  regular_maintenance: { intervalKm: 7500, intervalMonths: 6, defaultKmPerDay: 40 },
  service_csi: {},
  sales_csi: {},
  birthday: {},
  purchase_anniversary: {},
  quarterly_care: { months: 3 },
  churn_risk: { noVisitMonths: 12, missedIntervals: 2 },
  lost_prospect: { everyMonths: 3 },
  insurance_renewal: {},
  dissatisfied_followup: {},
  complaint_closure: {},
  event_invitation: {},
  event_confirmation: {},
  // How long before points expire the call falls due is the loyalty settings' expiringNoticeDays.
  points_expiry: {},
};

export function param(rule: RuleConfig, key: string): number {
  const value = rule.params[key] ?? ruleParamDefaults[rule.code][key];
  if (value === null || value === undefined) throw new Error(`rule ${rule.code} has no param ${key}`);
  return value;
}

export function optionalParam(rule: RuleConfig, key: string): number | null {
  return rule.params[key] ?? ruleParamDefaults[rule.code][key] ?? null;
}

interface RuleRow {
  code: CallbackRuleCode;
  name: string;
  enabled: number;
  offset_days: number;
  window_days: number;
  priority: number;
  script: string;
  expiry_days: number;
  max_attempts: number;
  consent_purpose: ConsentPurpose;
  params: string;
  updated_at: string;
  version: number;
}

export function toRuleConfig(r: RuleRow): RuleConfig {
  return {
    code: r.code,
    name: r.name,
    enabled: r.enabled === 1,
    offsetDays: r.offset_days,
    windowDays: r.window_days,
    priority: r.priority,
    script: r.script,
    expiryDays: r.expiry_days,
    maxAttempts: r.max_attempts,
    consentPurpose: r.consent_purpose,
    params: JSON.parse(r.params) as Record<string, number>,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** Every write that regenerates a customer's call-backs reads the rules: the statement is prepared once. */
export function loadRules(sqlite: Database.Database): RuleSet {
  const rows = stmt(sqlite, 'select * from callback_rules').all() as RuleRow[];
  return new Map(rows.map((r) => [r.code, toRuleConfig(r)]));
}

export function ruleOf(rules: RuleSet, code: CallbackRuleCode): RuleConfig {
  const rule = rules.get(code);
  if (!rule) throw new Error(`call-back rule ${code} is missing from callback_rules`);
  return rule;
}

/** The store's default distance per day, used when a vehicle's own history is too short to tell. */
export function defaultKmPerDay(rules: RuleSet): number {
  return param(ruleOf(rules, 'regular_maintenance'), 'defaultKmPerDay');
}
