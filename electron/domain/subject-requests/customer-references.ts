import type Database from 'better-sqlite3';
import { SchemaInfo } from '../duplicates/schema-info';

/** A column holding a customer's id: `table.column`. */
export interface CustomerReference {
  key: string;
  table: string;
  column: string;
  /** Declared as a foreign key; ledgers (audit, consent history) keep a plain customer_id on purpose. */
  byForeignKey: boolean;
}

/**
 * Every column that points at a customer, read from the database itself: the foreign keys to customers, and
 * `customer_id` columns without one (append-only ledgers and derived search keys are deliberately
 * unconstrained). The data package and the erasure both start here, so a table added later is found, and
 * the test that every reference has a rule fails until someone decides what the person's rows in it are.
 */
export function customerReferences(sqlite: Database.Database): CustomerReference[] {
  const schema = new SchemaInfo(sqlite);
  const out = new Map<string, CustomerReference>();
  for (const fk of schema.foreignKeysTo('customers')) {
    const key = `${fk.table}.${fk.column}`;
    out.set(key, { key, table: fk.table, column: fk.column, byForeignKey: true });
  }
  for (const t of schema.tables()) {
    if (!t.columns.includes('customer_id')) continue;
    const key = `${t.name}.customer_id`;
    if (!out.has(key)) out.set(key, { key, table: t.name, column: 'customer_id', byForeignKey: false });
  }
  return [...out.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Merges can chain (A into B, later B into C); a bound keeps a damaged chain from looping forever. */
const mostCards = 1000;

/**
 * The person's cards: the card itself and every card merged into it, directly or through a chain. A merged-away
 * card's data moved to the survivor, but the card row (its old name, phone, ID number) stays behind, and
 * ledgers keep what was recorded on it.
 */
export function personCardIds(sqlite: Database.Database, customerId: number): number[] {
  const ids = [customerId];
  const children = sqlite.prepare('select id from customers where merged_into_id = ?').pluck();
  for (let i = 0; i < ids.length && i < mostCards; i++) {
    for (const child of children.all(ids[i]) as number[]) if (!ids.includes(child)) ids.push(child);
  }
  return ids;
}
