import type { auditContract } from '../../contract/audit';
import type { Handlers } from '../../server/handler-types';
import { verifyAuditChain } from './audit-chain';
import { exportAudit } from './audit-export';
import { queryAudit } from './audit-query';
import { customerAccess } from './customer-access';

export const auditHandlers: Handlers<keyof typeof auditContract> = {
  'audit.list': (ctx, input) => queryAudit(ctx.db.$client, input.filters, input.limit, input.cursor),
  'audit.users': (ctx) =>
    ctx.db.$client
      .prepare('select id, username, display_name as displayName from users order by disabled, username')
      .all() as { id: number; username: string; displayName: string }[],
  'audit.export': (ctx, input) => exportAudit(ctx, input),
  'audit.verify': (ctx) => verifyAuditChain(ctx),
  'audit.customerAccess': (ctx, input) => customerAccess(ctx, input),
};
