import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { fieldChanges, recordAudit } from '../audit/audit-log';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { readEvent, requireStatus } from './event-store';

/**
 * 厂家支持: the filing and the subsidy as it moves (requested → approved → received). Received money lowers
 * the net cost, so it is kept apart and audited with the other figures.
 */
export function updateSupport(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.updateSupport'>,
): ChannelOutput<'events.updateSupport'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite
    .transaction(() => {
      const e = readEvent(sqlite, input.eventId);
      requireStatus(e, ['draft', 'approved', 'inviting', 'running', 'done', 'summarised'], '修改厂家支持');
      const after = {
        filingStatus: input.filingStatus,
        subsidyRequestedFen: input.subsidyRequestedFen,
        subsidyApprovedFen: input.subsidyApprovedFen,
        subsidyReceivedFen: input.subsidyReceivedFen,
        manufacturerGifts: input.manufacturerGifts ?? null,
      };
      const changes = fieldChanges(e as unknown as Record<string, unknown>, after);
      if (Object.keys(changes).length === 0) return { id: e.id, version: e.version };
      prepared(
        sqlite,
        `update events set filing_status = @filingStatus, subsidy_requested_fen = @subsidyRequestedFen,
           subsidy_approved_fen = @subsidyApprovedFen, subsidy_received_fen = @subsidyReceivedFen,
           manufacturer_gifts = @manufacturerGifts, updated_at = @now where id = @id`,
      ).run({ ...after, now, id: e.id });
      recordAudit(ctx, {
        action: 'event.updated',
        entity: 'event',
        entityId: e.id,
        detail: { eventNo: e.eventNo, step: 'support', changes },
      });
      return { id: e.id, version: e.version };
    })
    .immediate();
}
