import type Database from 'better-sqlite3';
import { maskMobile } from '../../common/mobile';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import { customerSnapshot } from '../audit/audit-shapes';
import { recordMerge } from '../audit/customer-audit';
import { regenerateCallbacksForCustomer } from '../callbacks/regenerate-for-customer';
import type { AuthedContext } from '../context';
import { refuseIfErased } from '../subject-requests/erasure-guard';
import { ChangeCapture } from './change-capture';
import type { CustomerRecord } from './customer-takeover';
import { takeOverFields } from './customer-takeover';
import { forgetDuplicateScan } from './duplicate-scan';
import { unwatchedTables } from './merge-rules';
import type { MergeSnapshot } from './merge-snapshot';
import { moveCustomerReferences } from './move-references';
import { quoteId, SchemaInfo } from './schema-info';

type Input = ChannelParsedInput<'customers.merge'>;
type Output = ChannelOutput<'customers.merge'>;

function liveCustomer(db: Database.Database, id: number, role: string): CustomerRecord {
  const row = db.prepare('select * from customers where id = ?').get(id) as CustomerRecord | undefined;
  if (!row) throw new AppError('not_found', `${role}（编号 ${id}）不存在`);
  if (row.merged_into_id !== null) {
    throw new AppError('conflict', `${role} ${row.name} 已经合并到其他客户，不能再合并`, { customerId: id });
  }
  // An anonymised card's cars and visits must not end up under a living person's name, nor the reverse.
  refuseIfErased(db, id);
  return row;
}

function noteText(merged: CustomerRecord, takenOver: string[], reason: string | null | undefined): string {
  const phone = merged.mobile ? `，手机 ${maskMobile(merged.mobile)}` : '';
  const fields = takenOver.length ? `；补充了资料：${takenOver.join('、')}` : '';
  return `合并了客户 ${merged.name}（编号 ${merged.id}${phone}）${fields}${reason ? `。原因：${reason}` : ''}`;
}

/**
 * Merges `mergedId` into `survivorId` in one transaction: every referencing row moves, the survivor fills its
 * gaps from the merged card, the merged card is marked merged_into_id, a note goes on the survivor, call-backs
 * are regenerated — and every row touched on the way is captured into the merge log so it can be undone.
 */
export function mergeCustomers(ctx: AuthedContext, input: Input): Output {
  const { survivorId, mergedId } = input;
  if (survivorId === mergedId) {
    throw new AppError('validation', '不能把客户与自己合并', { fields: { mergedId: '请选择另一位客户' } });
  }
  const db = ctx.db.$client;
  const now = ctx.clock().toISOString();
  const result = db
    .transaction((): Output => {
      liveCustomer(db, survivorId, '保留的客户');
      const merged = liveCustomer(db, mergedId, '被合并的客户');
      const survivorBefore = customerSnapshot(db, survivorId);
      const mergeId = Number(
        db
          .prepare(
            `insert into customer_merges (survivor_id, merged_id, reason, snapshot, merged_at, merged_by)
             values (?, ?, ?, '{}', ?, ?)`,
          )
          .run(survivorId, mergedId, input.reason ?? null, now, ctx.user.id).lastInsertRowid,
      );
      const schema = new SchemaInfo(db);
      const capture = new ChangeCapture(db, schema, unwatchedTables);
      capture.start();
      try {
        const counts = moveCustomerReferences(db, schema, { survivorId, mergedId });
        // Read again: moving references may have cleared the survivor's referrer.
        const current = db.prepare('select * from customers where id = ?').get(survivorId) as CustomerRecord;
        const takeover = takeOverFields(current, merged);
        const columns = Object.keys(takeover.set);
        db.prepare(
          `update customers set ${columns.map((c) => `${quoteId(c)} = ?, `).join('')}version = version + 1, updated_at = ?
           where id = ?`,
        ).run(...Object.values(takeover.set), now, survivorId);
        // The hidden card's version moves too, so an edit form still open on it cannot save.
        db.prepare(
          'update customers set merged_into_id = ?, version = version + 1, updated_at = ? where id = ?',
        ).run(survivorId, now, mergedId);
        db.prepare(
          `insert into interactions (customer_id, kind, occurred_at, summary, user_id, ref_type, ref_id, created_at)
           values (?, 'note', ?, ?, ?, 'customer_merge', ?, ?)`,
        ).run(survivorId, now, noteText(merged, takeover.labels, input.reason), ctx.user.id, mergeId, now);
        regenerateCallbacksForCustomer(ctx, survivorId);

        const captured = capture.finish();
        const snapshot: MergeSnapshot = {
          format: 1,
          survivorId,
          mergedId,
          takenOver: takeover.labels,
          tables: captured.shapes,
          rows: captured.rows,
        };
        db.prepare('update customer_merges set snapshot = ? where id = ?').run(
          JSON.stringify(snapshot),
          mergeId,
        );
        recordMerge(ctx, 'customer.merged', { survivorId, mergedId }, survivorBefore, {
          mergeId,
          takenOver: takeover.labels,
          moved: counts.moved,
          ...(input.reason ? { reason: input.reason } : {}),
        });
        return {
          mergeId,
          survivorId,
          mergedId,
          moved: counts.moved,
          dropped: counts.dropped,
          takenOver: takeover.labels,
        };
      } finally {
        capture.stop();
      }
    })
    .immediate();
  forgetDuplicateScan(db);
  return result;
}
