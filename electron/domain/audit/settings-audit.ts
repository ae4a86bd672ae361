import type { ServiceContext } from '../context';
import { recordAudit } from './audit-log';
import { fieldChanges } from './audit-log';

/**
 * A settings change (门店设置, a call-back rule, what a call outcome does) with each value before → after.
 * `entity` names which settings; nothing is logged when a save changed nothing.
 */
export function recordSettingsChange(
  ctx: ServiceContext,
  entity: 'setting' | 'callback_rule' | 'callback_outcome',
  entityId: string,
  before: object,
  after: object,
  fields?: readonly string[],
): void {
  const changes = fieldChanges(before as Record<string, unknown>, after as Record<string, unknown>, fields);
  if (Object.keys(changes).length === 0) return;
  recordAudit(ctx, { action: 'settings.updated', entity, entityId, detail: { changes } });
}
