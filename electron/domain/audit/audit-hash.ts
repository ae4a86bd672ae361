import { createHash } from 'node:crypto';

/** The columns a row's hash covers, in this order; the verifier recomputes the same. */
export interface AuditRowContent {
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  customerId: number | null;
  detail: string | null;
  client: string | null;
}

/** The hash the first row chains to. */
export const genesisHash = '0'.repeat(64);

export function auditRowHash(prevHash: string, row: AuditRowContent): string {
  const content = JSON.stringify([
    row.at,
    row.userId,
    row.username,
    row.action,
    row.entity,
    row.entityId,
    row.customerId,
    row.detail,
    row.client,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}
