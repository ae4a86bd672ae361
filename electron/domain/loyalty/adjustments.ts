import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import type { AdjustmentState } from '../../contract/loyalty-terms';
import { recordAudit } from '../audit/audit-log';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { requireCustomer } from '../customers/customer-exists';
import { prepared } from '../customers/sql-cache';
import { balanceOf, insertPosting } from './ledger';
import { expiryDateOf } from './loyalty-dates';
import { loadLoyaltySettings } from './loyalty-settings';

type AdjustmentRow = ChannelOutput<'loyalty.adjust'>['adjustment'];

const selectSql = `select a.id, a.customer_id as customerId, c.name as customerName, a.points, a.reason, a.state,
    a.requested_by as requestedById, ru.display_name as requestedByName, a.requested_at as requestedAt,
    a.decided_by as decidedById, du.display_name as decidedByName, a.decided_at as decidedAt,
    a.decision_note as decisionNote
  from loyalty_adjustments a join customers c on c.id = a.customer_id
  left join users ru on ru.id = a.requested_by left join users du on du.id = a.decided_by`;

type Raw = Omit<AdjustmentRow, 'requestedBy' | 'decidedBy'> & {
  requestedById: number | null;
  requestedByName: string | null;
  decidedById: number | null;
  decidedByName: string | null;
};

function toRow({ requestedById, requestedByName, decidedById, decidedByName, ...r }: Raw): AdjustmentRow {
  return {
    ...r,
    requestedBy: requestedById === null ? null : { id: requestedById, name: requestedByName ?? '' },
    decidedBy: decidedById === null ? null : { id: decidedById, name: decidedByName ?? '' },
  };
}

function readAdjustment(sqlite: Database.Database, id: number): AdjustmentRow {
  const row = prepared(sqlite, `${selectSql} where a.id = ?`).get(id) as Raw | undefined;
  if (!row) throw new AppError('not_found', '该积分调整申请不存在');
  return toRow(row);
}

export function listAdjustments(sqlite: Database.Database, state: AdjustmentState): AdjustmentRow[] {
  return (
    prepared(sqlite, `${selectSql} where a.state = ? order by a.id desc limit 500`).all(state) as Raw[]
  ).map(toRow);
}

function postAdjustment(
  ctx: AuthedContext,
  a: { id: number; customerId: number; points: number; reason: string },
  approvedBy: number | null,
): void {
  const sqlite = ctx.db.$client;
  const balance = balanceOf(sqlite, a.customerId);
  if (balance + a.points < 0) {
    throw new AppError('validation', `扣减后积分余额不能为负数：当前余额 ${balance}，本次扣减 ${-a.points}`, {
      fields: { points: `最多可扣减 ${balance}` },
    });
  }
  const today = localDate(ctx.clock());
  insertPosting(sqlite, {
    customerId: a.customerId,
    kind: 'adjust',
    source: 'manual',
    sourceTable: 'loyalty_adjustments',
    sourceId: a.id,
    points: a.points,
    postedOn: today,
    // Given points expire like earned ones; they do not count towards a tier (they were not earned).
    expiresOn: a.points > 0 ? expiryDateOf(today, loadLoyaltySettings(sqlite).expiryYears) : null,
    reason: a.reason,
    approvedBy,
    createdBy: ctx.user.id,
    createdAt: ctx.clock().toISOString(),
  });
}

/**
 * A manual adjustment, with its reason. Up to the approval size it is posted at once; above it, it waits for a
 * second manager (loyalty.approveAdjustment). A deduction may not take the balance below zero.
 */
export function adjustPoints(
  ctx: AuthedContext,
  input: ChannelParsedInput<'loyalty.adjust'>,
): ChannelOutput<'loyalty.adjust'> {
  const sqlite = ctx.db.$client;
  return sqlite
    .transaction(() => {
      requireCustomer(sqlite, input.customerId);
      const settings = loadLoyaltySettings(sqlite);
      const needsApproval = Math.abs(input.points) > settings.adjustApprovalPoints;
      const balance = balanceOf(sqlite, input.customerId);
      if (balance + input.points < 0) {
        throw new AppError(
          'validation',
          `扣减后积分余额不能为负数：当前余额 ${balance}，本次扣减 ${-input.points}`,
          {
            fields: { points: `最多可扣减 ${balance}` },
          },
        );
      }
      const now = ctx.clock().toISOString();
      const id = Number(
        prepared(
          sqlite,
          `insert into loyalty_adjustments (customer_id, points, reason, state, requested_by, requested_at)
           values (?, ?, ?, ?, ?, ?)`,
        ).run(
          input.customerId,
          input.points,
          input.reason,
          needsApproval ? 'pending' : 'approved',
          ctx.user.id,
          now,
        ).lastInsertRowid,
      );
      if (!needsApproval) postAdjustment(ctx, { id, ...input }, null);
      recordAudit(ctx, {
        action: 'loyalty.adjusted',
        entity: 'loyalty_adjustment',
        entityId: id,
        customerId: input.customerId,
        detail: { points: input.points, reason: input.reason, pending: needsApproval },
      });
      return { adjustment: readAdjustment(sqlite, id), balance: balanceOf(sqlite, input.customerId) };
    })
    .immediate();
}

/** A second manager decides: approved, the points are posted (naming the approver); rejected, nothing moves. */
export function decideAdjustment(
  ctx: AuthedContext,
  input: ChannelParsedInput<'loyalty.approveAdjustment'>,
): ChannelOutput<'loyalty.approveAdjustment'> {
  const sqlite = ctx.db.$client;
  return sqlite
    .transaction(() => {
      const a = readAdjustment(sqlite, input.adjustmentId);
      if (a.state !== 'pending') throw new AppError('conflict', '该调整申请已处理过了');
      if (a.requestedBy?.id === ctx.user.id) {
        throw new AppError('forbidden', '超过审批额度的积分调整须由另一位经理审批，不能审批自己的申请');
      }
      if (input.approve) postAdjustment(ctx, a, ctx.user.id);
      prepared(
        sqlite,
        `update loyalty_adjustments set state = ?, decided_by = ?, decided_at = ?, decision_note = ?
         where id = ? and state = 'pending'`,
      ).run(
        input.approve ? 'approved' : 'rejected',
        ctx.user.id,
        ctx.clock().toISOString(),
        input.note ?? null,
        a.id,
      );
      recordAudit(ctx, {
        action: 'loyalty.adjustment_decided',
        entity: 'loyalty_adjustment',
        entityId: a.id,
        customerId: a.customerId,
        detail: { approved: input.approve, points: a.points, note: input.note ?? null },
      });
      return { adjustment: readAdjustment(sqlite, a.id), balance: balanceOf(sqlite, a.customerId) };
    })
    .immediate();
}
