import type Database from 'better-sqlite3';
import type { MergedIntoDetails } from '../../contract/customers';
import { AppError } from '../../contract/errors';
import { prepared } from './sql-cache';

export interface CustomerRef {
  id: number;
  name: string;
  stage: string;
}

/** The customer, or not_found when missing or merged away (its data now lives on the survivor). */
export function requireCustomer(sqlite: Database.Database, id: number, what = '该客户'): CustomerRef {
  const row = prepared(
    sqlite,
    'select id, name, stage, merged_into_id as mergedIntoId from customers where id = ?',
  ).get(id) as (CustomerRef & { mergedIntoId: number | null }) | undefined;
  if (!row || row.mergedIntoId) throw new AppError('not_found', `${what}不存在或已被合并`);
  return { id: row.id, name: row.name, stage: row.stage };
}

/** Merges can chain (A into B, later B into C): a bound keeps a damaged chain from looping. */
const longestChain = 100;

/**
 * The not_found a merged-away customer's old link gets, naming the live customer its data now lives on (the
 * end of the merged_into_id chain) so the card can send the user there.
 */
export function mergedAwayError(sqlite: Database.Database, mergedIntoId: number): AppError {
  const step = prepared(sqlite, 'select id, name, merged_into_id as next from customers where id = ?');
  let at = step.get(mergedIntoId) as { id: number; name: string; next: number | null } | undefined;
  for (let i = 0; at?.next && i < longestChain; i++) {
    at = step.get(at.next) as typeof at;
  }
  if (!at || at.next) return new AppError('not_found', '该客户不存在或已被合并');
  const details: MergedIntoDetails = { mergedInto: { id: at.id, name: at.name } };
  return new AppError('not_found', `该客户已合并到 ${at.name}（客户编号 ${at.id}）`, details);
}
