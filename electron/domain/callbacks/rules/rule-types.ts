import type { CallbackRuleCode } from '../../../contract/callbacks';
import type { ConsentRow, CustomerRow, VisitRow } from '../facts';
import type { RuleConfig, RuleSet } from '../rule-config';
import type { OwnedVehicle } from '../vehicle-usage';

/** A task a rule wants to exist; its identity is (customer, rule, anchor date, vehicle). */
export interface Candidate {
  customerId: number;
  vehicleId: number | null;
  serviceVisitId: number | null;
  anchorDate: string;
  dueDate: string;
}

/** Inclusive range of due dates a pass creates (or recognises). */
export interface DueRange {
  from: string;
  to: string;
}

/** One customer's rows, with the per-vehicle figures worked out once for all rules. */
export interface PreparedFacts {
  customer: CustomerRow;
  consents: ConsentRow[];
  owned: OwnedVehicle[];
  customerVisits: VisitRow[];
  lastVisitDate: string | null;
}

export interface RuleEnv {
  rule: RuleConfig;
  rules: RuleSet;
  today: string;
  range: DueRange;
  /**
   * Customer ids (inclusive) a set-based pass works on: the daily pass goes in slices. A select that reads a
   * base table itself (not cb_vehicle / cb_owner, which are built for the slice) keeps to it.
   */
  customers?: CustomerIdRange;
}

export interface CustomerIdRange {
  lo: number;
  hi: number;
}

/** The slice's bounds as SQL parameters @c_lo, @c_hi (every customer when no slice is given). */
export function customerRangeParams(env: RuleEnv): { c_lo: number; c_hi: number } {
  return { c_lo: env.customers?.lo ?? 0, c_hi: env.customers?.hi ?? Number.MAX_SAFE_INTEGER };
}

export interface RuleSql {
  /** SELECT customer_id, vehicle_id, service_visit_id, anchor_date, due_date — due dates may overshoot the range. */
  sql: string;
  params: Record<string, string | number>;
}

export interface GeneratingRule {
  code: Exclude<
    CallbackRuleCode,
    | 'dissatisfied_followup'
    | 'complaint_closure'
    | 'event_invitation'
    | 'event_confirmation'
    | 'points_expiry'
  >;
  /** Candidates hang on a vehicle the customer owns: they end when it changes hands. */
  onOwnedVehicle: boolean;
  /** The pure path: candidates due within env.range. */
  candidates(facts: PreparedFacts, env: RuleEnv): Candidate[];
  /** The set-based path over temp table cb_vehicle and the base tables. */
  select(env: RuleEnv): RuleSql;
}

export function inRange(date: string | null, range: DueRange): date is string {
  return date !== null && date >= range.from && date <= range.to;
}

/** SQLite's modifier for "N days later" (negative N: earlier). */
export function daysModifier(days: number): string {
  return `${days >= 0 ? '+' : ''}${days} days`;
}

export function monthsModifier(months: number): string {
  return `${months >= 0 ? '+' : ''}${months} months`;
}

/** `col` moved by `days` (no date() call at all for a zero offset: most care rules fall due on the day). */
export function shiftSql(col: string, days: number): string {
  return days === 0 ? col : `date(${col}, '${daysModifier(days)}')`;
}
