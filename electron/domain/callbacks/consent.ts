import type { ConsentPurpose } from '../../contract/consent';
import { consentPurposeLabels, consentPurposes } from '../../contract/consent';
import type { ConsentRow } from './facts';

/**
 * Whether a purpose may be used when the customer has no consent record for it (PIPL): service notices to an
 * owner (maintenance, CSI, insurance, delivery follow-up) rest on the service relationship, so they are allowed
 * until the customer refuses; care calls, marketing and event invitations need an explicit yes.
 */
export const allowedWithoutRecord: Record<ConsentPurpose, boolean> = {
  service: true,
  care: false,
  marketing: false,
  events: false,
};

export const skipReasons = {
  doNotContact: '客户已设置勿扰（不联系），不予回访',
  refused: (p: ConsentPurpose) => `客户已拒绝「${consentPurposeLabels[p]}」用途的联系`,
  missing: (p: ConsentPurpose) => `未取得客户「${consentPurposeLabels[p]}」用途的同意`,
  doNotCallOutcome: '客户在回访中要求勿扰，其余回访已跳过',
};

/** Every reason a task can be skipped for contact rules; such a task reopens once contact is allowed again. */
export function isContactSkipReason(reason: string | null): boolean {
  if (reason === null) return false;
  if (reason === skipReasons.doNotContact || reason === skipReasons.doNotCallOutcome) return true;
  return consentPurposes.some((p) => reason === skipReasons.refused(p) || reason === skipReasons.missing(p));
}

export interface ContactDecision {
  status: 'open' | 'skipped';
  skipReason: string | null;
}

export function contactDecision(
  purpose: ConsentPurpose,
  doNotContact: boolean,
  consents: readonly ConsentRow[],
): ContactDecision {
  if (doNotContact) return { status: 'skipped', skipReason: skipReasons.doNotContact };
  const record = consents.find((c) => c.purpose === purpose);
  if (record)
    return record.granted
      ? { status: 'open', skipReason: null }
      : { status: 'skipped', skipReason: skipReasons.refused(purpose) };
  return allowedWithoutRecord[purpose]
    ? { status: 'open', skipReason: null }
    : { status: 'skipped', skipReason: skipReasons.missing(purpose) };
}

/**
 * SQL twin of contactDecision for the set-based path: expects aliases `cu` (customers) and `cs` (the consents row
 * of the purpose, left-joined), and parameters @allowedWithoutRecord, @dncReason, @refusedReason, @missingReason.
 */
export const contactStatusSql = `case when cu.do_not_contact then 'skipped' when cs.granted = 1 then 'open'
  when cs.granted = 0 then 'skipped' when @allowedWithoutRecord then 'open' else 'skipped' end`;
export const contactReasonSql = `case when cu.do_not_contact then @dncReason when cs.granted = 1 then null
  when cs.granted = 0 then @refusedReason when @allowedWithoutRecord then null else @missingReason end`;

export function contactSqlParams(purpose: ConsentPurpose) {
  return {
    allowedWithoutRecord: allowedWithoutRecord[purpose] ? 1 : 0,
    dncReason: skipReasons.doNotContact,
    refusedReason: skipReasons.refused(purpose),
    missingReason: skipReasons.missing(purpose),
  };
}
