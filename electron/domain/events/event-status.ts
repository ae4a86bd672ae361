import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import type { EventStatus, EventTransition } from '../../contract/event-terms';
import { eventStatusLabels, eventTransitionLabels, eventTransitions } from '../../contract/event-terms';
import { recordAudit } from '../audit/audit-log';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { notifySummaryDue } from './event-notify';
import { loadEventSettings } from './event-settings';
import { checkVersion, readEvent } from './event-store';
import { addSummaryTask, summaryDueOn } from './event-summary-due';

/** The moves open from a status, in the contract's order. */
export function allowedTransitions(status: EventStatus): EventTransition[] {
  return (Object.keys(eventTransitions) as EventTransition[]).filter((t) =>
    (eventTransitions[t].from as readonly EventStatus[]).includes(status),
  );
}

/**
 * One move of the status machine. Approval records who and when (the budget plan is fixed from then on);
 * finishing sets the summary's due day and tells the owner; cancelling closes the invitation and confirmation
 * calls still open for the event's invitees. All in one transaction.
 */
export function transitionEvent(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.transition'>,
): ChannelOutput<'events.transition'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite
    .transaction(() => {
      const e = readEvent(sqlite, input.id);
      checkVersion(e, input.version);
      const move = eventTransitions[input.action];
      if (!(move.from as readonly EventStatus[]).includes(e.status)) {
        throw new AppError(
          'validation',
          `活动${eventStatusLabels[e.status]}，不能${eventTransitionLabels[input.action]}`,
        );
      }
      const to: EventStatus = move.to;
      const set: Record<string, unknown> = { status: to };
      if (input.action === 'approve') {
        set.approved_by = ctx.user.id;
        set.approved_at = now;
      }
      if (input.action === 'cancel') set.cancel_reason = input.reason ?? null;
      let dueOn: string | null = null;
      if (input.action === 'finish') {
        dueOn = summaryDueOn(e.endsOn, loadEventSettings(sqlite).summaryDueDays);
        set.summary_due_on = dueOn;
      }
      const cols = Object.keys(set);
      const version = prepared(
        sqlite,
        `update events set ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now, version = version + 1
         where id = @id and version = @version returning version`,
      )
        .pluck()
        .get({ ...set, now, id: e.id, version: e.version }) as number;
      let cancelledCalls = 0;
      if (input.action === 'cancel') {
        cancelledCalls = prepared(
          sqlite,
          `update callback_tasks set status = 'cancelled', skip_reason = '活动已取消', updated_at = @now,
             version = version + 1
           where status = 'open' and rule_code in ('event_invitation', 'event_confirmation') and id in (
             select invitation_task_id from event_invitees where event_id = @id and invitation_task_id is not null
             union all
             select confirmation_task_id from event_invitees where event_id = @id and confirmation_task_id is not null)`,
        ).run({ now, id: e.id }).changes;
      }
      if (input.action === 'finish' && dueOn) {
        addSummaryTask(sqlite, e, dueOn);
        notifySummaryDue(sqlite, { ...e, summaryDueOn: dueOn }, 'finished', now);
      }
      recordAudit(ctx, {
        action: 'event.status_changed',
        entity: 'event',
        entityId: e.id,
        detail: {
          eventNo: e.eventNo,
          action: input.action,
          from: e.status,
          to,
          ...(input.reason ? { reason: input.reason } : {}),
          ...(input.action === 'cancel' ? { cancelledCalls } : {}),
        },
      });
      return { id: e.id, version, status: to };
    })
    .immediate();
}
