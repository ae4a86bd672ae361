import type Database from 'better-sqlite3';
import { AppError } from '../../contract/errors';
import { prepared } from '../customers/sql-cache';

/** Whether the card was anonymised on a person's request (it, or the card it was merged into). */
export function isErasedCard(sqlite: Database.Database, customerId: number): boolean {
  return (
    prepared(sqlite, 'select 1 from customer_erasures where customer_id = ?').get(customerId) !== undefined
  );
}

/**
 * Refuses what would put an identity back on an anonymised card (editing it, merging it with a live card):
 * the erasure is irreversible, and a person who comes back gets a new card.
 */
export function refuseIfErased(sqlite: Database.Database, customerId: number): void {
  if (isErasedCard(sqlite, customerId)) {
    throw new AppError(
      'conflict',
      `客户编号 ${customerId} 的个人信息已按本人请求删除（匿名化），不能再编辑或合并；本人再次到店请新建客户`,
      { customerId, erased: true },
    );
  }
}
