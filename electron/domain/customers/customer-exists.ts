import type Database from 'better-sqlite3';
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
