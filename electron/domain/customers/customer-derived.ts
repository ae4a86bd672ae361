import type Database from 'better-sqlite3';
import type { BaseGrade, Stage } from '../../contract/customers';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { loadCustomerFacts } from './customer-facts';
import { deriveCustomer } from './customer-rules';
import { prepared } from './sql-cache';

export interface RefreshResult {
  stage: Stage;
  baseGrade: BaseGrade | null;
  /** The stage changed: call-back rules that read it must be rerun. */
  stageChanged: boolean;
}

export interface DerivedSubject {
  id: number;
  stage: Stage;
  baseGrade: BaseGrade | null;
  loyaltyScore: number | null;
  createdAt: string;
}

export const derivedSubjectColumns =
  'id, stage, base_grade as baseGrade, loyalty_score as loyaltyScore, created_at as createdAt';

/** Applies the rules to one customer row as of `today` and writes stage, grade and loyalty when they differ. */
export function refreshDerivedRow(
  sqlite: Database.Database,
  row: DerivedSubject,
  today: string,
): RefreshResult {
  const derived = deriveCustomer(loadCustomerFacts(sqlite, row, today));
  const stage = derived.stage.value;
  const baseGrade = derived.baseGrade.value;
  const loyalty = derived.loyalty.total;
  if (stage !== row.stage || baseGrade !== row.baseGrade || loyalty !== row.loyaltyScore) {
    prepared(sqlite, 'update customers set stage = ?, base_grade = ?, loyalty_score = ? where id = ?').run(
      stage,
      baseGrade,
      loyalty,
      row.id,
    );
  }
  return { stage, baseGrade, stageChanged: stage !== row.stage };
}

/**
 * Puts customers.stage and customers.base_grade in step with the rules (customer-rules/) after a write
 * that changes what they read: the list filters on these columns. Called inside the writer's transaction.
 * Derived columns do not bump the card's version: staff never type them, so an editor's copy cannot go stale
 * over them. Time alone also moves stages (a new owner becomes an owner after six months): the daily upkeep
 * (refresh-all-derived.ts) reapplies the rules to everyone once per store day.
 */
export function refreshDerived(ctx: ServiceContext, customerId: number): RefreshResult {
  const sqlite = ctx.db.$client;
  const row = prepared(sqlite, `select ${derivedSubjectColumns} from customers where id = ?`).get(
    customerId,
  ) as DerivedSubject | undefined;
  if (!row) return { stage: 'lead', baseGrade: null, stageChanged: false };
  return refreshDerivedRow(sqlite, row, localDate(ctx.clock()));
}
