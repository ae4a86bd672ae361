import type Database from 'better-sqlite3';
import { withTriggersSuspended } from '../../../db/suspended-triggers';
import { gradesBulkUpdateSql } from '../../../db/visit-facts-sql';
import type { BaseGrade, Stage } from '../../contract/customers';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { loadCustomerFacts } from './customer-facts';
import { loadCustomerFactsMany } from './customer-facts-many';
import type { CustomerFacts } from './customer-rules';
import { deriveCustomer } from './customer-rules';
import { prepared } from './sql-cache';

const gradesTrigger = 'customers_grades_au';

export interface RefreshResult {
  stage: Stage;
  baseGrade: BaseGrade | null;
  /** The stage changed: call-back rules that read it must be rerun. */
  stageChanged: boolean;
  /** The row was updated (stage, grade or loyalty differed). */
  written?: boolean;
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
  facts: CustomerFacts = loadCustomerFacts(sqlite, row, today),
): RefreshResult {
  const derived = deriveCustomer(facts);
  const stage = derived.stage.value;
  const baseGrade = derived.baseGrade.value;
  const loyalty = derived.loyalty.total;
  const written = stage !== row.stage || baseGrade !== row.baseGrade || loyalty !== row.loyaltyScore;
  if (written) {
    prepared(sqlite, 'update customers set stage = ?, base_grade = ?, loyalty_score = ? where id = ?').run(
      stage,
      baseGrade,
      loyalty,
      row.id,
    );
  }
  return { stage, baseGrade, stageChanged: stage !== row.stage, written };
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

/**
 * refreshDerived for many customers in one go (a repair-order import touches thousands): their rows and facts
 * read with one query each for all of them, then the same rules and the same writes, customer by customer.
 * Equal to calling refreshDerived for each: what one customer's refresh writes (its own stage, grade and
 * loyalty) is nothing another's facts read.
 */
export function refreshDerivedMany(ctx: ServiceContext, customerIds: readonly number[]): void {
  const sqlite = ctx.db.$client;
  const today = localDate(ctx.clock());
  const rows = prepared(
    sqlite,
    `select ${derivedSubjectColumns} from customers where id in (select value from json_each(?))`,
  ).all(JSON.stringify(customerIds)) as DerivedSubject[];
  const facts = loadCustomerFactsMany(sqlite, rows, today);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const refreshAll = () => {
    let written = false;
    // Each once: a second refresh of the same customer would read the stage the first one wrote.
    for (const id of new Set(customerIds)) {
      const row = byId.get(id);
      if (row && refreshDerivedRow(sqlite, row, today, facts.get(id)).written) written = true;
    }
    return written;
  };
  if (!sqlite.inTransaction) {
    refreshAll();
    return;
  }
  // The grades trigger drops the kept grade tables on every row updated: suspended, and its one statement run
  // once if any row was.
  if (withTriggersSuspended(sqlite, [gradesTrigger], refreshAll)) prepared(sqlite, gradesBulkUpdateSql).run();
}
