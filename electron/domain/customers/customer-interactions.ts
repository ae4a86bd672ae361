import type { ChannelParsedInput } from '../../contract';
import type { InteractionTimelineItem } from '../../contract/customers';
import { AppError } from '../../contract/errors';
import { regenerateCallbacksForCustomer } from '../callbacks/regenerate-for-customer';
import type { ServiceContext } from '../context';
import { refreshDerived } from './customer-derived';
import { requireCustomer } from './customer-exists';
import { prepared } from './sql-cache';

/** Clocks on workstations drift a little; a contact "in the future" by more than this is a typo. */
const clockSkewMs = 5 * 60_000;
const directed = new Set(['call', 'sms', 'wechat']);

/** Logs a contact on the card. Times are stored as UTC instants (toISOString) so the timeline sorts them as text. */
export function createInteraction(
  ctx: ServiceContext,
  input: ChannelParsedInput<'interactions.create'>,
): InteractionTimelineItem {
  const sqlite = ctx.db.$client;
  const nowDate = ctx.clock();
  const now = nowDate.toISOString();
  const at = input.occurredAt ? new Date(input.occurredAt) : nowDate;
  if (at.getTime() > nowDate.getTime() + clockSkewMs) {
    throw new AppError('validation', '联系时间不能晚于现在', {
      fields: { occurredAt: '联系时间不能晚于现在' },
    });
  }
  const id = ctx.db.transaction(() => {
    requireCustomer(sqlite, input.customerId);
    const rowId = Number(
      prepared(
        sqlite,
        `insert into interactions (customer_id, kind, direction, occurred_at, summary, user_id, created_at)
         values (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        input.customerId,
        input.kind,
        directed.has(input.kind) ? (input.direction ?? null) : null,
        at.toISOString(),
        input.summary,
        ctx.user?.id ?? null,
        now,
      ).lastInsertRowid,
    );
    // A contact can wake a lead that had gone dormant in the rules' eyes; call-backs read the stage.
    if (refreshDerived(ctx, input.customerId).stageChanged)
      regenerateCallbacksForCustomer(ctx, input.customerId);
    return rowId;
  });
  const row = prepared(
    sqlite,
    `select i.id, i.occurred_at as at, i.kind, i.direction, i.summary, u.display_name as userName,
       i.ref_type as refType, i.ref_id as refId
     from interactions i left join users u on u.id = i.user_id where i.id = ?`,
  ).get(id) as Omit<InteractionTimelineItem, 'source'>;
  return { source: 'interaction', ...row };
}
