import type { AuditAction } from '../../contract/audit-actions';
import type { ServiceContext } from '../context';
import { vehicleShape, visitShape } from './audit-shapes';
import { recordAudit } from './audit-log';
import { changesOf, readSnapshot } from './row-changes';

/** The vehicle as stored, for the before side of an update. */
export const vehicleSnapshot = (ctx: ServiceContext, id: number) =>
  readSnapshot(ctx.db.$client, vehicleShape, id);

/** Logs a created or edited vehicle, under its owner's name so the customer's trail shows it. */
export function recordVehicleChange(
  ctx: ServiceContext,
  action: AuditAction,
  vehicleId: number,
  before: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): void {
  const after = vehicleSnapshot(ctx, vehicleId);
  const changes = changesOf(before, after, vehicleShape);
  if (action === 'vehicle.updated' && Object.keys(changes).length === 0) return;
  recordAudit(ctx, {
    action,
    entity: 'vehicle',
    entityId: vehicleId,
    customerId: (after.ownerId as number | null) ?? null,
    detail: { ...extra, changes },
  });
}

/** A car changing hands touches two people's data: one row on each side. */
export function recordVehicleTransfer(
  ctx: ServiceContext,
  vehicleId: number,
  from: number | null,
  to: number,
  date: string,
): void {
  const sides: [number | null, 'out' | 'in'][] = [
    [from, 'out'],
    [to, 'in'],
  ];
  for (const [customerId, direction] of sides) {
    if (customerId === null) continue;
    recordAudit(ctx, {
      action: 'vehicle.transferred',
      entity: 'vehicle',
      entityId: vehicleId,
      customerId,
      detail: { direction, date, fromCustomerId: from, toCustomerId: to, changes: { ownerId: [from, to] } },
    });
  }
}

/** A service visit, logged for the customer who paid for it. */
export function recordVisitCreated(ctx: ServiceContext, visitId: number, customerId: number): void {
  recordAudit(ctx, {
    action: 'visit.created',
    entity: 'visit',
    entityId: visitId,
    customerId,
    detail: { changes: changesOf({}, readSnapshot(ctx.db.$client, visitShape, visitId), visitShape) },
  });
}
