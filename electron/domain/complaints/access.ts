import { roleCan } from '../../contract/permissions';
import { AppError } from '../../contract/errors';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import type { StoredTicket } from './ticket-store';

export function departmentOfUser(ctx: AuthedContext): number | null {
  return (
    (prepared(ctx.db.$client, 'select department_id from users where id = ?').pluck().get(ctx.user.id) as
      number | null | undefined) ?? null
  );
}

/**
 * Who handles a ticket (respond, pause, propose, close…): its owner, its named manager, anyone in its
 * department, and holders of complaints.manage. Anyone with complaints.work may still read it and put a note
 * or the customer's reply on its timeline.
 */
export function canHandle(
  ctx: AuthedContext,
  t: Pick<StoredTicket, 'ownerUserId' | 'managerUserId' | 'departmentId'>,
): boolean {
  if (roleCan(ctx.user.role, 'complaints.manage')) return true;
  if (t.ownerUserId === ctx.user.id || t.managerUserId === ctx.user.id) return true;
  const dept = departmentOfUser(ctx);
  return dept !== null && dept === t.departmentId;
}

export function requireHandler(ctx: AuthedContext, t: StoredTicket): void {
  if (!canHandle(ctx, t)) {
    throw new AppError(
      'forbidden',
      `工单 ${t.ticketNo} 由${t.departmentName ?? '责任部门'}处理：只有该部门人员、负责人、跟进经理或客服经理可以操作`,
    );
  }
}

export function canManage(ctx: AuthedContext): boolean {
  return roleCan(ctx.user.role, 'complaints.manage');
}
