import type { ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import type { Voucher } from '../../contract/loyalty';
import { recordAudit } from '../audit/audit-log';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { requireCustomer } from '../customers/customer-exists';
import { prepared } from '../customers/sql-cache';
import { balanceOf, insertPosting } from './ledger';
import { readReward } from './rewards';

/**
 * Redeems points for a reward and returns the voucher to print. The balance check, the stock and the ledger
 * line are one IMMEDIATE transaction: it takes the write lock before it reads the balance, so two workstations
 * (or the import worker's connection) cannot both spend the same points.
 */
export function redeem(ctx: AuthedContext, input: ChannelParsedInput<'loyalty.redeem'>): Voucher {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  const today = localDate(ctx.clock());
  const id = sqlite
    .transaction(() => {
      const customer = requireCustomer(sqlite, input.customerId);
      const reward = readReward(sqlite, input.rewardId);
      if (!reward.active) {
        throw new AppError('validation', `礼品“${reward.name}”已下架，不能兑换`, {
          fields: { rewardId: '礼品已下架' },
        });
      }
      const cost = reward.pointsPrice * input.quantity;
      const balance = balanceOf(sqlite, customer.id);
      if (balance < cost) {
        throw new AppError('validation', `积分不足：兑换需要 ${cost} 积分，当前余额 ${balance}`, {
          fields: { quantity: `积分不足（余额 ${balance}）` },
        });
      }
      if (reward.stock !== null) {
        const taken = prepared(
          sqlite,
          'update loyalty_rewards set stock = stock - ?, updated_at = ? where id = ? and stock >= ?',
        ).run(input.quantity, now, reward.id, input.quantity);
        if (taken.changes === 0) {
          throw new AppError('validation', `礼品“${reward.name}”库存不足（剩余 ${reward.stock}）`, {
            fields: { quantity: `库存剩余 ${reward.stock}` },
          });
        }
      }
      const day = today.replace(/-/g, '');
      const seq =
        (prepared(sqlite, 'select count(*) from loyalty_redemptions where redeemed_on = ?')
          .pluck()
          .get(today) as number) + 1;
      const voucherNo = `JF${day}-${String(seq).padStart(3, '0')}`;
      const redemptionId = Number(
        prepared(
          sqlite,
          `insert into loyalty_redemptions (voucher_no, customer_id, reward_id, quantity, points, redeemed_on, redeemed_by,
             created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(voucherNo, customer.id, reward.id, input.quantity, cost, today, ctx.user.id, now)
          .lastInsertRowid,
      );
      insertPosting(sqlite, {
        customerId: customer.id,
        kind: 'redeem',
        source: 'redemption',
        sourceTable: 'loyalty_redemptions',
        sourceId: redemptionId,
        points: -cost,
        postedOn: today,
        reason: `兑换 ${reward.name} × ${input.quantity}（凭证 ${voucherNo}）`,
        createdBy: ctx.user.id,
        createdAt: now,
      });
      recordAudit(ctx, {
        action: 'loyalty.redeemed',
        entity: 'loyalty_redemption',
        entityId: redemptionId,
        customerId: customer.id,
        detail: { voucherNo, reward: reward.name, quantity: input.quantity, points: cost },
      });
      return redemptionId;
    })
    .immediate();
  return readVoucher(ctx, id);
}

const voucherSql = `select d.id as redemptionId, d.voucher_no as voucherNo, d.customer_id as customerId,
    c.name as customerName, w.id as rewardId, w.name as rewardName, w.kind as rewardKind, d.quantity, d.points,
    d.redeemed_on as redeemedOn, d.redeemed_by as byId, u.display_name as byName, d.state, d.closed_at as closedAt,
    d.closed_by as closedById, k.display_name as closedByName
  from loyalty_redemptions d join customers c on c.id = d.customer_id join loyalty_rewards w on w.id = d.reward_id
  left join users u on u.id = d.redeemed_by left join users k on k.id = d.closed_by`;

interface VoucherRaw {
  redemptionId: number;
  voucherNo: string;
  customerId: number;
  customerName: string;
  rewardId: number;
  rewardName: string;
  rewardKind: Voucher['reward']['kind'];
  quantity: number;
  points: number;
  redeemedOn: string;
  byId: number | null;
  byName: string | null;
  state: Voucher['state'];
  closedAt: string | null;
  closedById: number | null;
  closedByName: string | null;
}

function toVoucher(r: VoucherRaw, balanceAfter: number): Voucher {
  return {
    redemptionId: r.redemptionId,
    voucherNo: r.voucherNo,
    customerId: r.customerId,
    customerName: r.customerName,
    reward: { id: r.rewardId, name: r.rewardName, kind: r.rewardKind },
    quantity: r.quantity,
    points: r.points,
    balanceAfter,
    redeemedOn: r.redeemedOn,
    redeemedBy: r.byId === null ? null : { id: r.byId, name: r.byName ?? '' },
    state: r.state,
    closedAt: r.closedAt,
    closedBy: r.closedById === null ? null : { id: r.closedById, name: r.closedByName ?? '' },
  };
}

/** One voucher; `balanceAfter` is the member's balance now (what the printout and the counter need). */
export function readVoucher(ctx: AuthedContext, id: number): Voucher {
  const sqlite = ctx.db.$client;
  const r = prepared(sqlite, `${voucherSql} where d.id = ?`).get(id) as VoucherRaw | undefined;
  if (!r) throw new AppError('not_found', '该兑换凭证不存在');
  return toVoucher(r, balanceOf(sqlite, r.customerId));
}

/** A member's vouchers, newest first (the card lists them with 核销 / 作废). */
export function vouchersOf(ctx: AuthedContext, customerId: number): Voucher[] {
  const sqlite = ctx.db.$client;
  requireCustomer(sqlite, customerId);
  const balance = balanceOf(sqlite, customerId);
  return (
    prepared(sqlite, `${voucherSql} where d.customer_id = ? order by d.id desc limit 200`).all(
      customerId,
    ) as VoucherRaw[]
  ).map((r) => toVoucher(r, balance));
}
