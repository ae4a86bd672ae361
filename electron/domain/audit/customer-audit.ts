import type { AuditAction } from '../../contract/audit-actions';
import type { ServiceContext } from '../context';
import { customerChangeFields, customerSnapshot } from './audit-shapes';
import { recordAudit } from './audit-log';
import { changesOf } from './row-changes';

/**
 * Logs a change to one customer card, with the fields that differ from `before` (an empty object for a new
 * card). Runs inside the change's transaction, after the derived stage and grade are settled, so the row
 * records what was stored. An update that changed nothing is not logged.
 */
export function recordCustomerChange(
  ctx: ServiceContext,
  action: AuditAction,
  customerId: number,
  before: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): void {
  const changes = changesOf(before, customerSnapshot(ctx.db.$client, customerId), customerChangeFields);
  if (action === 'customer.updated' && Object.keys(changes).length === 0) return;
  recordAudit(ctx, {
    action,
    entity: 'customer',
    entityId: customerId,
    customerId,
    detail: { ...extra, changes },
  });
}

/**
 * A merge changes two cards: the survivor (fields it took over, tags and references it gained) and the
 * merged card (hidden from then on). Each gets a row so either customer's trail shows it.
 */
export function recordMerge(
  ctx: ServiceContext,
  action: 'customer.merged' | 'customer.unmerged',
  ids: { survivorId: number; mergedId: number },
  survivorBefore: Record<string, unknown> | null,
  extra: Record<string, unknown>,
): void {
  const detail = { ...extra, survivorId: ids.survivorId, mergedId: ids.mergedId };
  if (survivorBefore) recordCustomerChange(ctx, action, ids.survivorId, survivorBefore, detail);
  else
    recordAudit(ctx, {
      action,
      entity: 'customer',
      entityId: ids.survivorId,
      customerId: ids.survivorId,
      detail,
    });
  recordAudit(ctx, { action, entity: 'customer', entityId: ids.mergedId, customerId: ids.mergedId, detail });
}
