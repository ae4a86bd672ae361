import type { AuditAction } from '../../contract/audit-actions';
import type { StaffUser } from '../../contract/users';
import type { ServiceContext } from '../context';
import { recordAudit } from './audit-log';
import { changesOf } from './row-changes';

const userFields = { fields: ['username', 'displayName', 'role', 'departmentId', 'disabled'] };

/** The one word for what happened to an account: disabling and role changes are what an auditor looks for. */
function actionOf(before: StaffUser | null, after: StaffUser): AuditAction {
  if (!before) return 'user.created';
  if (after.disabled !== before.disabled) return after.disabled ? 'user.disabled' : 'user.enabled';
  if (after.role !== before.role) return 'user.role_changed';
  return 'user.updated';
}

/** Logs a created or changed staff account with its fields before → after (nothing when nothing changed). */
export function recordUserChange(ctx: ServiceContext, before: StaffUser | null, after: StaffUser): void {
  const changes = changesOf(before ?? {}, after, userFields);
  if (before && Object.keys(changes).length === 0) return;
  recordAudit(ctx, {
    action: actionOf(before, after),
    entity: 'user',
    entityId: after.id,
    detail: { changes },
  });
}
