import type { ChannelParsedInput } from '../../contract';
import type { TicketChange } from '../../contract/complaints';
import { AppError } from '../../contract/errors';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { addTicketEvent } from './ticket-events';
import { mutateTicket } from './ticket-mutation';

/**
 * 复盘 of an A or B ticket: root cause, corrective action with its owner and due date, and whether it was
 * preventable. Saved again as the action progresses; `done` marks the corrective action finished.
 */
export function saveReview(
  ctx: AuthedContext,
  input: ChannelParsedInput<'complaints.saveReview'>,
): TicketChange {
  return mutateTicket(ctx, { id: input.id }, { handler: true }, (t, env) => {
    if (t.grade === 'C') throw new AppError('validation', 'C 级投诉无需复盘');
    const owner = prepared(env.sqlite, 'select 1 from users where id = ? and disabled = 0').get(
      input.ownerUserId,
    );
    if (!owner)
      throw new AppError('validation', '整改负责人须是在职员工', {
        fields: { ownerUserId: '请选择整改负责人' },
      });
    const existing = prepared(
      env.sqlite,
      'select done_at as doneAt from complaint_reviews where ticket_id = ?',
    ).get(t.id) as { doneAt: string | null } | undefined;
    const doneAt = input.done ? (existing?.doneAt ?? env.now) : null;
    prepared(
      env.sqlite,
      `insert into complaint_reviews (ticket_id, root_cause, corrective_action, owner_user_id, due_date, preventable,
         done_at, created_at, updated_at, updated_by)
       values (@id, @rootCause, @action, @owner, @due, @preventable, @doneAt, @now, @now, @me)
       on conflict (ticket_id) do update set root_cause = excluded.root_cause,
         corrective_action = excluded.corrective_action, owner_user_id = excluded.owner_user_id,
         due_date = excluded.due_date, preventable = excluded.preventable, done_at = excluded.done_at,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run({
      id: t.id,
      rootCause: input.rootCause,
      action: input.correctiveAction,
      owner: input.ownerUserId,
      due: input.dueDate,
      preventable: input.preventable ? 1 : 0,
      doneAt,
      now: env.now,
      me: ctx.user.id,
    });
    addTicketEvent(env.sqlite, {
      ticketId: t.id,
      kind: 'review',
      at: env.now,
      userId: ctx.user.id,
      note: input.correctiveAction,
      data: {
        rootCause: input.rootCause,
        preventable: input.preventable,
        dueDate: input.dueDate,
        done: input.done,
      },
    });
    return {
      action: 'complaint.updated',
      detail: { step: 'review', rootCause: input.rootCause, done: input.done },
    };
  });
}
