import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { PersonalField } from '../../common/personal-mask';
import { personalFieldLabels } from '../../common/personal-mask';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/audit-log';
import type { AuthedContext } from '../context';
import { mergedAwayError } from '../customers/customer-exists';
import { prepared } from '../customers/sql-cache';

const columnOf: Record<PersonalField, string> = {
  mobile: 'mobile',
  mobile2: 'mobile2',
  idNumber: 'id_number',
  address: 'address',
  wechat: 'wechat',
};

// A task counts as the reason only while the caller holds it (claimed, claim not run out, still open).
const workedTaskSql = `select t.id, t.customer_id as customerId, coalesce(r.name, t.rule_code) as ruleName
  from callback_tasks t left join callback_rules r on r.code = t.rule_code
  where t.id = ? and t.claimed_by = ? and t.claim_expires_at > ? and t.status = 'open'`;

function taskReason(ctx: AuthedContext, taskId: number, customerId: number): string {
  const task = prepared(ctx.db.$client, workedTaskSql).get(taskId, ctx.user.id, ctx.clock().toISOString()) as
    { id: number; customerId: number; ruleName: string } | undefined;
  if (!task || task.customerId !== customerId) {
    const message = '只能以您正在处理的该客户的回访任务作为查看原因，请填写原因';
    throw new AppError('validation', message, { fields: { reason: message } });
  }
  return `回访任务 #${task.id}（${task.ruleName}）`;
}

/**
 * 查看完整信息: one field of one customer, in full, for one view. Everyone who may read the card may ask, with
 * a reason; the reveal and its reason are logged (personal.revealed) in the same transaction as the read.
 */
export function revealPersonalField(
  ctx: AuthedContext,
  input: ChannelParsedInput<'customers.reveal'>,
): ChannelOutput<'customers.reveal'> {
  const sqlite = ctx.db.$client;
  return sqlite
    .transaction(() => {
      const row = prepared(
        sqlite,
        `select ${columnOf[input.field]} as value, merged_into_id as mergedIntoId from customers where id = ?`,
      ).get(input.customerId) as { value: string | null; mergedIntoId: number | null } | undefined;
      if (row?.mergedIntoId) throw mergedAwayError(sqlite, row.mergedIntoId);
      if (!row) throw new AppError('not_found', '该客户不存在或已被合并');
      const reason =
        input.taskId !== undefined ? taskReason(ctx, input.taskId, input.customerId) : input.reason!.trim();
      recordAudit(ctx, {
        action: 'personal.revealed',
        entity: 'customer',
        entityId: input.customerId,
        customerId: input.customerId,
        detail: {
          field: input.field,
          fieldLabel: personalFieldLabels[input.field],
          reason,
          ...(input.taskId !== undefined ? { taskId: input.taskId } : {}),
        },
      });
      return { customerId: input.customerId, field: input.field, value: row.value, reason };
    })
    .immediate();
}
