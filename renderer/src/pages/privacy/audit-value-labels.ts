import { useTranslation } from 'react-i18next';
import type { AuditValueLabel } from '../../../../electron/contract/audit-fields';

/** Where the app's own labels for a field's codes live, per record kind (the same words the forms show). */
const labelKeys: Record<string, Record<string, string>> = {
  customer: {
    gender: 'labels.gender',
    stage: 'labels.stage',
    baseGrade: 'labels.baseGrade',
    sourceChannel: 'labels.sourceChannel',
    leadGrade: 'labels.leadGrade',
    lostReasonCategory: 'card.enums.lostReason',
  },
  vehicle: { energy: 'card.enums.energy', finance: 'card.enums.finance' },
  visit: { type: 'card.enums.visitType' },
  user: { role: 'roles' },
  callback_rule: { consentPurpose: 'card.enums.consentPurpose' },
};

/** Shows 男 for male, 老客户 for owner… in the change details; unknown codes stay as they are. */
export function useAuditValueLabel(): AuditValueLabel {
  const { t, i18n } = useTranslation();
  return (entity, field, value) => {
    const base = entity ? labelKeys[entity]?.[field] : undefined;
    if (!base || typeof value !== 'string') return undefined;
    const key = `${base}.${value}`;
    return i18n.exists(key) ? t(key as never) : undefined;
  };
}
