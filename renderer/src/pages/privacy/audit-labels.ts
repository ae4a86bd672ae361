import type { AuditAction } from '../../../../electron/contract/audit-actions';
import { auditActionCodes, auditActions } from '../../../../electron/contract/audit-actions';
import { auditEntityLabels } from '../../../../electron/contract/audit-fields';
import { currentLanguage } from '../../i18n';

/**
 * Action and record names come from the contract (one home, the export reads the same); they are Chinese,
 * so the English locale shows the code instead.
 */
export function actionLabel(code: string): string {
  const zh = (auditActions as Record<string, string>)[code];
  return zh && currentLanguage() === 'zh-CN' ? zh : code;
}

export function entityLabel(entity: string): string {
  const zh = auditEntityLabels[entity];
  return zh && currentLanguage() === 'zh-CN' ? zh : entity;
}

export type ActionGroup = 'access' | 'changes' | 'accounts' | 'system';

const groupOf = (code: AuditAction): ActionGroup => {
  if (
    code === 'customer.viewed' ||
    code === 'personal.revealed' ||
    code === 'print' ||
    code.startsWith('export.')
  )
    return 'access';
  if (/^(auth|session|user)\./.test(code)) return 'accounts';
  if (/^(settings|backup|audit)\./.test(code)) return 'system';
  return 'changes';
};

/** The action filter's options, grouped the way an auditor asks: who looked, what changed, accounts, system. */
export const actionGroups: { group: ActionGroup; codes: AuditAction[] }[] = (
  ['access', 'changes', 'accounts', 'system'] as const
).map((group) => ({ group, codes: auditActionCodes.filter((c) => groupOf(c) === group) }));
