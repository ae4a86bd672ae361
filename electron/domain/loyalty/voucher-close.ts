import type { ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import type { Voucher } from '../../contract/loyalty';
import { voucherStateLabels } from '../../contract/loyalty-terms';
import type { VoucherState } from '../../contract/loyalty-terms';
import { recordAudit } from '../audit/audit-log';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { insertPosting } from './ledger';
import { readVoucher } from './redemption';

interface Open {
  id: number;
  voucherNo: string;
  customerId: number;
  rewardId: number;
  quantity: number;
  points: number;
  state: VoucherState;
  stocked: number;
}

/**
 * Takes the voucher out of 未使用 (issued), or says in words why it cannot: a voucher is used or cancelled once.
 * The state change is a conditional update, so two counters closing the same voucher cannot both succeed.
 */
function close(ctx: AuthedContext, redemptionId: number, to: 'used' | 'cancelled', verb: string): Open {
  const sqlite = ctx.db.$client;
  const v = prepared(
    sqlite,
    `select d.id, d.voucher_no as voucherNo, d.customer_id as customerId, d.reward_id as rewardId, d.quantity,
       d.points, d.state, (w.stock is not null) as stocked
     from loyalty_redemptions d join loyalty_rewards w on w.id = d.reward_id where d.id = ?`,
  ).get(redemptionId) as Open | undefined;
  if (!v) throw new AppError('not_found', '该兑换凭证不存在');
  const taken = prepared(
    sqlite,
    `update loyalty_redemptions set state = ?, closed_at = ?, closed_by = ? where id = ? and state = 'issued'`,
  ).run(to, ctx.clock().toISOString(), ctx.user.id, v.id);
  if (taken.changes === 0) {
    throw new AppError('conflict', `凭证 ${v.voucherNo} ${voucherStateLabels[v.state]}，不能再${verb}`);
  }
  return v;
}

/** 核销: the gift was handed over or the service used. */
export function useVoucher(ctx: AuthedContext, input: ChannelParsedInput<'loyalty.useVoucher'>): Voucher {
  const sqlite = ctx.db.$client;
  sqlite
    .transaction(() => {
      const v = close(ctx, input.redemptionId, 'used', '核销');
      recordAudit(ctx, {
        action: 'loyalty.voucher_used',
        entity: 'loyalty_redemption',
        entityId: v.id,
        customerId: v.customerId,
        detail: { voucherNo: v.voucherNo },
      });
    })
    .immediate();
  return readVoucher(ctx, input.redemptionId);
}

/**
 * 作废: the voucher is void and its points go back in the same transaction, as a positive `redeem` line — it
 * undoes the spend, so FIFO expiry draws on the same lots as if the redemption had never been (a reversal
 * would read as a new lot). A counted reward's stock comes back too.
 */
export function cancelVoucher(
  ctx: AuthedContext,
  input: ChannelParsedInput<'loyalty.cancelVoucher'>,
): Voucher {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  sqlite
    .transaction(() => {
      const v = close(ctx, input.redemptionId, 'cancelled', '作废');
      if (v.stocked) {
        prepared(sqlite, 'update loyalty_rewards set stock = stock + ?, updated_at = ? where id = ?').run(
          v.quantity,
          now,
          v.rewardId,
        );
      }
      insertPosting(sqlite, {
        customerId: v.customerId,
        kind: 'redeem',
        source: 'redemption',
        sourceTable: 'loyalty_redemptions',
        sourceId: v.id,
        points: v.points,
        postedOn: localDate(ctx.clock()),
        reason: `作废凭证 ${v.voucherNo}，退回积分：${input.reason}`,
        createdBy: ctx.user.id,
        createdAt: now,
      });
      recordAudit(ctx, {
        action: 'loyalty.voucher_cancelled',
        entity: 'loyalty_redemption',
        entityId: v.id,
        customerId: v.customerId,
        detail: { voucherNo: v.voucherNo, points: v.points, reason: input.reason },
      });
    })
    .immediate();
  return readVoucher(ctx, input.redemptionId);
}
