import type Database from 'better-sqlite3';
import { addWorkingDays } from '../../common/working-days';
import type { ChannelParsedInput } from '../../contract';
import type { ClosureAnswer } from '../../contract/complaint-terms';
import {
  closableStates,
  closureAnswerLabels,
  complaintStateLabels,
  rootCauseLabels,
} from '../../contract/complaint-terms';
import type { TicketChange } from '../../contract/complaints';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/audit-log';
import { addDays } from '../callbacks/dates';
import { loadRules } from '../callbacks/rule-config';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { calendarOf, loadComplaintSettings } from './complaint-settings';
import { peopleOf } from './handling';
import { addCardTimeline, addTicketEvent, touchTicket } from './ticket-events';
import { mutateTicket } from './ticket-mutation';
import { notifyReopened } from './ticket-notify';
import type { StoredTicket } from './ticket-store';
import { readTicket, refreshSla } from './ticket-store';

/** How far a closure call's anchor date moves on when the same customer already had one that day (rare). */
const maxAnchorShift = 30;

/**
 * The 结案回访 in the call-back queue, due the next working day, carrying the resolution for the operator.
 * Returns the task id, or why there is none (the customer asked not to be called, the rule is switched off).
 *
 * The queue allows one task per customer, rule, anchor date and vehicle. Two tickets of one customer closed
 * the same day share one open call; a day whose call is already finished moves the anchor on by a day.
 */
function queueClosureCall(
  sqlite: Database.Database,
  t: StoredTicket,
  summary: string,
  closedOn: string,
  dueOn: string,
  now: string,
): { taskId: number | null; note: string | null } {
  const rule = loadRules(sqlite).get('complaint_closure');
  if (!rule?.enabled) return { taskId: null, note: '结案回访规则已停用，未安排结案回访' };
  const dnc = prepared(sqlite, 'select do_not_contact from customers where id = ?').pluck().get(t.customerId);
  if (dnc === 1) return { taskId: null, note: '客户要求勿扰，未安排结案回访' };
  const notes = `投诉工单 ${t.ticketNo} 已结案：${summary}`.slice(0, 2000);
  const find = prepared(
    sqlite,
    `select id, status from callback_tasks where customer_id = ? and rule_code = 'complaint_closure' and anchor_date = ?
       and coalesce(vehicle_id, 0) = coalesce(?, 0)`,
  );
  for (let shift = 0; shift <= maxAnchorShift; shift++) {
    const anchor = addDays(closedOn, shift);
    const existing = find.get(t.customerId, anchor, t.vehicleId) as
      { id: number; status: string } | undefined;
    if (existing?.status === 'open') {
      prepared(
        sqlite,
        `update callback_tasks set notes = coalesce(notes || char(10), '') || ?, updated_at = ? where id = ?`,
      ).run(notes, now, existing.id);
      return { taskId: existing.id, note: null };
    }
    if (existing) continue;
    const id = Number(
      prepared(
        sqlite,
        `insert into callback_tasks (customer_id, vehicle_id, rule_code, anchor_date, due_date, expires_on, priority,
           status, notes, created_at, updated_at)
         values (?, ?, 'complaint_closure', ?, ?, ?, ?, 'open', ?, ?, ?)`,
      ).run(
        t.customerId,
        t.vehicleId,
        anchor,
        dueOn,
        addDays(dueOn, rule.expiryDays),
        rule.priority,
        notes,
        now,
        now,
      ).lastInsertRowid,
    );
    return { taskId: id, note: null };
  }
  return { taskId: null, note: '该客户近期的结案回访过多，未再安排' };
}

/**
 * Closing needs the resolution, its root cause and whether it was resolved at first contact (FCR). The
 * timers stop; the solution counts as agreed now if it had not been; the closure call is queued.
 */
export function closeTicket(ctx: AuthedContext, input: ChannelParsedInput<'complaints.close'>): TicketChange {
  return mutateTicket(ctx, input, { handler: true }, (t, env) => {
    if (!(closableStates as readonly string[]).includes(t.state)) {
      const why =
        t.state === 'received'
          ? '请先记录首次响应'
          : t.state === 'proposed'
            ? '方案尚待客户确认，请先记录客户的答复'
            : `当前为“${complaintStateLabels[t.state]}”`;
      throw new AppError('conflict', `工单 ${t.ticketNo} 不能结案：${why}`);
    }
    const pending = prepared(
      env.sqlite,
      `select 1 from complaint_solutions where ticket_id = ? and state = 'awaiting_approval'`,
    ).get(t.id);
    if (pending) throw new AppError('conflict', `工单 ${t.ticketNo} 的补偿方案尚待经理审批，不能结案`);
    const closedOn = localDate(new Date(env.nowMs));
    const dueOn = addWorkingDays(closedOn, 1, env.cal.closingDays);
    const call = queueClosureCall(env.sqlite, t, input.resolutionSummary, closedOn, dueOn, env.now);
    prepared(
      env.sqlite,
      `update complaint_tickets set state = 'closed', resume_state = null, closed_at = @now,
         solution_agreed_at = coalesce(solution_agreed_at, @now), resolution_summary = @summary, root_cause = @rootCause,
         resolved_at_first_contact = @fcr, closure_task_id = @taskId, closure_answer = null, closure_answered_at = null
       where id = @id`,
    ).run({
      now: env.now,
      summary: input.resolutionSummary,
      rootCause: input.rootCause,
      fcr: input.resolvedAtFirstContact ? 1 : 0,
      taskId: call.taskId,
      id: t.id,
    });
    addTicketEvent(env.sqlite, {
      ticketId: t.id,
      kind: 'closed',
      at: env.now,
      userId: ctx.user.id,
      note: input.resolutionSummary,
      data: {
        rootCause: input.rootCause,
        resolvedAtFirstContact: input.resolvedAtFirstContact,
        closureTaskId: call.taskId,
        closureDue: call.taskId ? dueOn : null,
        closureNote: call.note,
      },
    });
    addCardTimeline(env.sqlite, {
      customerId: t.customerId,
      ticketId: t.id,
      at: env.now,
      userId: ctx.user.id,
      summary: `投诉 ${t.ticketNo} 结案（${rootCauseLabels[input.rootCause]}）：${input.resolutionSummary}`,
    });
    return {
      action: 'complaint.closed',
      detail: {
        rootCause: input.rootCause,
        resolvedAtFirstContact: input.resolvedAtFirstContact,
        closureTaskId: call.taskId,
      },
    };
  });
}

/** Back to handling: the closing timer runs again from its original due time; an open closure call is cancelled. */
function reopenInTx(
  ctx: AuthedContext,
  sqlite: Database.Database,
  t: StoredTicket,
  reason: string,
  now: string,
): void {
  prepared(
    sqlite,
    `update complaint_tickets set state = 'handling', closed_at = null, reopen_count = reopen_count + 1 where id = ?`,
  ).run(t.id);
  prepared(
    sqlite,
    `update callback_tasks set status = 'cancelled', skip_reason = '投诉已重新打开', claimed_by = null,
       claim_expires_at = null, updated_at = ?, version = version + 1
     where id = (select closure_task_id from complaint_tickets where id = ?) and status = 'open'`,
  ).run(now, t.id);
  addTicketEvent(sqlite, { ticketId: t.id, kind: 'reopened', at: now, userId: ctx.user.id, note: reason });
  addCardTimeline(sqlite, {
    customerId: t.customerId,
    ticketId: t.id,
    at: now,
    userId: ctx.user.id,
    summary: `投诉 ${t.ticketNo} 重新打开：${reason}`,
  });
  notifyReopened(sqlite, peopleOf(t), reason, now, ctx.user.id);
}

export function reopenTicket(
  ctx: AuthedContext,
  input: ChannelParsedInput<'complaints.reopen'>,
): TicketChange {
  return mutateTicket(ctx, input, { handler: false }, (t, env) => {
    if (t.state !== 'closed') throw new AppError('conflict', `工单 ${t.ticketNo} 未结案，无需重新打开`);
    reopenInTx(ctx, env.sqlite, t, input.reason, env.now);
    return { action: 'complaint.reopened', detail: { reason: input.reason, by: 'manager' } };
  });
}

/**
 * The closure call's answer, recorded with the call (callbacks.record, in its transaction): the satisfaction
 * with the resolution goes on the ticket; "dissatisfied" reopens it and tells the manager.
 */
export function recordClosureAnswer(
  ctx: AuthedContext,
  q: {
    taskIds: readonly number[];
    answer: ClosureAnswer;
    notes: string | null;
    attemptId: number;
    now: string;
  },
): { ticketId: number; reopened: boolean } {
  const sqlite = ctx.db.$client;
  const ticketId = prepared(
    sqlite,
    `select t.id from complaint_tickets t join callback_tasks c on c.id = t.closure_task_id
     where c.rule_code = 'complaint_closure' and c.id in (select value from json_each(?))
     order by t.closed_at desc limit 1`,
  )
    .pluck()
    .get(JSON.stringify(q.taskIds)) as number | undefined;
  if (ticketId === undefined) {
    throw new AppError('validation', '本次通话没有对应的投诉结案回访任务', {
      fields: { closure: '没有对应的结案回访任务' },
    });
  }
  const t = readTicket(sqlite, ticketId);
  const tickets = prepared(
    sqlite,
    `select id from complaint_tickets where closure_task_id = (select closure_task_id from complaint_tickets where id = ?)`,
  )
    .pluck()
    .all(ticketId) as number[];
  const settings = loadComplaintSettings(sqlite);
  const cal = calendarOf(settings);
  let reopened = false;
  // One call may be about two tickets closed the same day: the answer goes on each.
  for (const id of tickets) {
    const each = id === t.id ? t : readTicket(sqlite, id);
    prepared(
      sqlite,
      'update complaint_tickets set closure_answer = ?, closure_answered_at = ? where id = ?',
    ).run(q.answer, q.now, id);
    addTicketEvent(sqlite, {
      ticketId: id,
      kind: 'closure_call',
      at: q.now,
      userId: ctx.user.id,
      note: q.notes,
      data: { answer: q.answer, attemptId: q.attemptId },
    });
    const dissatisfied = q.answer === 'dissatisfied' && each.state === 'closed';
    if (dissatisfied) {
      reopenInTx(
        ctx,
        sqlite,
        each,
        `结案回访：客户对处理结果${closureAnswerLabels[q.answer]}${q.notes ? `（${q.notes}）` : ''}`,
        q.now,
      );
      reopened = true;
    }
    touchTicket(sqlite, id, q.now);
    refreshSla(sqlite, id, settings, cal, Date.parse(q.now));
    recordAudit(ctx, {
      action: dissatisfied ? 'complaint.reopened' : 'complaint.updated',
      entity: 'complaint_ticket',
      entityId: id,
      customerId: each.customerId,
      detail: { ticketNo: each.ticketNo, step: 'closure_call', answer: q.answer, attemptId: q.attemptId },
    });
  }
  return { ticketId, reopened };
}
