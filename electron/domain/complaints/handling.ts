import type { ChannelParsedInput } from '../../contract';
import type { ComplaintState, GradeFact, StatedGradeFact } from '../../contract/complaint-terms';
import {
  complaintGradeLabels,
  complaintStateLabels,
  pausableStates,
  pauseReasonLabels,
  statedGradeFacts,
} from '../../contract/complaint-terms';
import type Database from 'better-sqlite3';
import type { TicketChange, TicketEditable } from '../../contract/complaints';
import { AppError } from '../../contract/errors';
import { fieldChanges } from '../audit/audit-log';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { mergeOrRefuse } from '../locking/field-merge';
import type { LastSave } from '../locking/last-save';
import { atThreeGuaranteeLine, suggestGrade } from './grading';
import { checkRouting, departmentById } from './routing';
import { addCardTimeline, addTicketEvent } from './ticket-events';
import { mutateTicket } from './ticket-mutation';
import { notifyReplied, notifyRouted } from './ticket-notify';
import type { StoredTicket } from './ticket-store';

function requireOpen(t: StoredTicket): void {
  if (t.state === 'closed')
    throw new AppError('conflict', `工单 ${t.ticketNo} 已结案；如需继续处理请由经理重新打开`);
}

function requireState(t: StoredTicket, allowed: readonly ComplaintState[], what: string): void {
  if (!allowed.includes(t.state)) {
    throw new AppError(
      'conflict',
      `工单 ${t.ticketNo} 当前为“${complaintStateLabels[t.state]}”，不能${what}`,
    );
  }
}

/** The first response to the customer: stops the first-response timer, the ticket is then in handling. */
export function respond(ctx: AuthedContext, input: ChannelParsedInput<'complaints.respond'>): TicketChange {
  return mutateTicket(ctx, input, { handler: true }, (t, env) => {
    requireState(t, ['received'], '记录首次响应（已响应过）');
    prepared(
      env.sqlite,
      `update complaint_tickets set first_response_at = ?, state = 'handling' where id = ?`,
    ).run(env.now, t.id);
    addTicketEvent(env.sqlite, {
      ticketId: t.id,
      kind: 'first_response',
      at: env.now,
      userId: ctx.user.id,
      note: input.note,
      data: { how: input.how },
    });
    return { action: 'complaint.updated', detail: { step: 'first_response', how: input.how } };
  });
}

/**
 * A note, call, message, visit or the customer's reply on the timeline. Anyone working complaints may add one
 * (front desk takes the customer's call); a reply tells the handlers. Closed tickets take notes too.
 */
export function addContact(
  ctx: AuthedContext,
  input: ChannelParsedInput<'complaints.addEvent'>,
): TicketChange {
  return mutateTicket(ctx, { id: input.id }, { handler: false }, (t, env) => {
    addTicketEvent(env.sqlite, {
      ticketId: t.id,
      kind: input.kind,
      at: env.now,
      userId: ctx.user.id,
      note: input.note,
    });
    if (input.kind !== 'note') {
      const labels = {
        call: '电话沟通',
        message: '短信/微信',
        visit: '到店沟通',
        customer_reply: '客户回复',
      } as const;
      addCardTimeline(env.sqlite, {
        customerId: t.customerId,
        ticketId: t.id,
        at: env.now,
        userId: ctx.user.id,
        summary: `投诉 ${t.ticketNo} ${labels[input.kind]}：${input.note}`,
      });
    }
    if (input.kind === 'customer_reply')
      notifyReplied(env.sqlite, peopleOf(t), input.note, ctx.user.id, env.now);
    return null;
  });
}

export function peopleOf(t: StoredTicket) {
  return {
    ticketId: t.id,
    ticketNo: t.ticketNo,
    grade: t.grade,
    departmentId: t.departmentId,
    ownerUserId: t.ownerUserId,
    managerUserId: t.managerUserId,
  };
}

/** Waiting for the customer or the manufacturer: the solution and closing timers stop. */
export function pause(ctx: AuthedContext, input: ChannelParsedInput<'complaints.pause'>): TicketChange {
  return mutateTicket(ctx, input, { handler: true }, (t, env) => {
    requireState(t, pausableStates, '暂停计时');
    prepared(
      env.sqlite,
      `insert into complaint_pauses (ticket_id, reason, note, started_at, started_by) values (?, ?, ?, ?, ?)`,
    ).run(t.id, input.reason, input.note ?? null, env.now, ctx.user.id);
    prepared(env.sqlite, `update complaint_tickets set state = 'paused', resume_state = ? where id = ?`).run(
      t.state,
      t.id,
    );
    addTicketEvent(env.sqlite, {
      ticketId: t.id,
      kind: 'paused',
      at: env.now,
      userId: ctx.user.id,
      note: input.note ?? null,
      data: { reason: input.reason, from: t.state },
    });
    return {
      action: 'complaint.updated',
      detail: { step: 'paused', reason: pauseReasonLabels[input.reason] },
    };
  });
}

export function resume(ctx: AuthedContext, input: ChannelParsedInput<'complaints.resume'>): TicketChange {
  return mutateTicket(ctx, input, { handler: true }, (t, env) => {
    requireState(t, ['paused'], '恢复计时（未暂停）');
    prepared(
      env.sqlite,
      `update complaint_pauses set ended_at = ?, ended_by = ? where ticket_id = ? and ended_at is null`,
    ).run(env.now, ctx.user.id, t.id);
    const back = t.resumeState ?? 'handling';
    prepared(env.sqlite, `update complaint_tickets set state = ?, resume_state = null where id = ?`).run(
      back,
      t.id,
    );
    addTicketEvent(env.sqlite, {
      ticketId: t.id,
      kind: 'resumed',
      at: env.now,
      userId: ctx.user.id,
      note: input.note ?? null,
      data: { to: back },
    });
    return { action: 'complaint.updated', detail: { step: 'resumed' } };
  });
}

/** A new grade with its reason: the targets of the new grade apply from receipt; pauses are kept. */
export function regrade(ctx: AuthedContext, input: ChannelParsedInput<'complaints.regrade'>): TicketChange {
  return mutateTicket(ctx, input, { handler: true }, (t, env) => {
    requireOpen(t);
    if (t.grade === input.grade) {
      throw new AppError('validation', `工单已是${complaintGradeLabels[t.grade]}`, {
        fields: { grade: '请选择不同的等级' },
      });
    }
    prepared(
      env.sqlite,
      `update complaint_tickets set grade = ?, targets = ?, grade_reason = ? where id = ?`,
    ).run(input.grade, JSON.stringify(env.settings.targets[input.grade]), input.reason, t.id);
    addTicketEvent(env.sqlite, {
      ticketId: t.id,
      kind: 'grade',
      at: env.now,
      userId: ctx.user.id,
      note: input.reason,
      data: { from: t.grade, to: input.grade },
    });
    return {
      action: 'complaint.updated',
      detail: { step: 'regrade', changes: { grade: [t.grade, input.grade] }, reason: input.reason },
    };
  });
}

/** Route to a department, owner and manager. Taking a ticket of one's own department is routing it to oneself. */
export function route(ctx: AuthedContext, input: ChannelParsedInput<'complaints.route'>): TicketChange {
  return mutateTicket(ctx, input, { handler: true }, (t, env) => {
    requireOpen(t);
    const next = {
      departmentId: input.departmentId,
      ownerUserId: input.ownerUserId ?? null,
      managerUserId: input.managerUserId === undefined ? t.managerUserId : input.managerUserId,
    };
    checkRouting(env.sqlite, next);
    const before = {
      departmentId: t.departmentId,
      ownerUserId: t.ownerUserId,
      managerUserId: t.managerUserId,
    };
    const changes = fieldChanges(before, next);
    if (Object.keys(changes).length === 0) {
      throw new AppError('validation', '分派没有变化', { fields: { ownerUserId: '请选择新的部门或负责人' } });
    }
    prepared(
      env.sqlite,
      `update complaint_tickets set department_id = @departmentId, owner_user_id = @ownerUserId,
         manager_user_id = @managerUserId where id = @id`,
    ).run({ ...next, id: t.id });
    addTicketEvent(env.sqlite, {
      ticketId: t.id,
      kind: 'routed',
      at: env.now,
      userId: ctx.user.id,
      note: input.note ?? null,
      data: { ...next, department: departmentById(env.sqlite, input.departmentId)?.name ?? null },
    });
    // Only those newly given the ticket are told.
    notifyRouted(
      env.sqlite,
      {
        ticketId: t.id,
        ticketNo: t.ticketNo,
        grade: t.grade,
        departmentId:
          next.departmentId !== t.departmentId || next.ownerUserId === null ? next.departmentId : null,
        ownerUserId: next.ownerUserId !== t.ownerUserId ? next.ownerUserId : null,
        managerUserId: next.managerUserId !== t.managerUserId ? next.managerUserId : null,
      },
      ctx.user.id,
      env.now,
    );
    return { action: 'complaint.updated', detail: { step: 'routed', changes } };
  });
}

/** The ticket's correctable facts under the edit form's names: what a stale edit merges with. */
function editableOf(
  t: StoredTicket,
  demand: string | null,
  facts: Record<GradeFact, boolean>,
): TicketEditable {
  return {
    category: t.category,
    description: t.description,
    demand,
    vehicleId: t.vehicleId,
    manufacturerCaseNo: t.manufacturerCaseNo,
    manufacturerDueAt: t.manufacturerDueAt,
    facts: Object.fromEntries(statedGradeFacts.map((k) => [k, facts[k] ?? false])) as TicketEditable['facts'],
  };
}

/** Who corrected the ticket's facts last, and when (its latest 修改 on the timeline). */
function lastTicketEdit(sqlite: Database.Database, ticketId: number): LastSave {
  const row = prepared(
    sqlite,
    `select e.at, u.display_name as name from complaint_events e left join users u on u.id = e.user_id
     where e.ticket_id = ? and e.kind = 'updated' order by e.id desc limit 1`,
  ).get(ticketId) as { at: string; name: string | null } | undefined;
  return { savedBy: row?.name ?? null, savedAt: row?.at ?? null };
}

interface FactsRow {
  demand: string | null;
  facts: string;
  suggestedGrade: string;
}

/**
 * Correct the facts; a change of the stated facts updates the suggestion (the grade itself is a regrade). A ticket
 * moves on all the time (a note, a reply, a pause all bump its version), so a stale copy merges field by field with
 * the values the editor loaded (`base`): only a fact another handler changed too, differently, is refused, with the
 * ticket's facts as they are now and who saved them.
 */
export function updateTicket(
  ctx: AuthedContext,
  input: ChannelParsedInput<'complaints.update'>,
): TicketChange {
  return mutateTicket(ctx, { id: input.id }, { handler: true }, (t, env) => {
    const row = prepared(
      env.sqlite,
      'select demand, facts, suggested_grade as suggestedGrade from complaint_tickets where id = ?',
    ).get(t.id) as FactsRow;
    const facts = JSON.parse(row.facts) as Record<GradeFact, boolean>;
    const f = mergeOrRefuse(
      {
        version: input.version,
        currentVersion: t.version,
        mine: input.fields,
        base: input.base,
        theirs: editableOf(t, row.demand, facts),
        fields: Object.keys(input.fields) as (keyof typeof input.fields)[],
      },
      {
        message: `工单 ${t.ticketNo} 在您修改期间有更新，请查看最新内容后再保存`,
        current: { ...editableOf(t, row.demand, facts), version: t.version, updatedAt: t.updatedAt },
        extra: () => lastTicketEdit(env.sqlite, t.id),
      },
    );
    if (f.vehicleId !== undefined && f.vehicleId !== null && f.vehicleId !== t.vehicleId) {
      const ok = prepared(
        env.sqlite,
        `select 1 from vehicles where id = @v and owner_id = @c
         union all select 1 from vehicle_ownerships where vehicle_id = @v and customer_id = @c limit 1`,
      ).get({ v: f.vehicleId, c: t.customerId });
      if (!ok)
        throw new AppError('validation', '所选车辆不属于该客户', {
          fields: { vehicleId: '请从该客户的车辆中选择' },
        });
    }
    const nextFacts = { ...facts };
    for (const k of statedGradeFacts as readonly StatedGradeFact[]) {
      const v = f.facts?.[k];
      if (v !== undefined) nextFacts[k] = v;
    }
    if (t.channel === 'regulator') nextFacts.regulator = true;
    const nextVehicle = f.vehicleId === undefined ? t.vehicleId : f.vehicleId;
    if (nextVehicle !== t.vehicleId)
      nextFacts.three_guarantee = atThreeGuaranteeLine(env.sqlite, nextVehicle, t.receivedAt);
    const suggested = suggestGrade(nextFacts, env.settings.gradeRules).grade;
    const before = {
      category: t.category,
      description: t.description,
      demand: row.demand,
      vehicleId: t.vehicleId,
      manufacturerCaseNo: t.manufacturerCaseNo,
      manufacturerDueAt: t.manufacturerDueAt,
      facts,
    };
    const after = {
      category: f.category ?? t.category,
      description: f.description ?? t.description,
      demand: f.demand === undefined ? row.demand : f.demand,
      vehicleId: f.vehicleId === undefined ? t.vehicleId : f.vehicleId,
      manufacturerCaseNo: f.manufacturerCaseNo === undefined ? t.manufacturerCaseNo : f.manufacturerCaseNo,
      manufacturerDueAt:
        f.manufacturerDueAt === undefined
          ? t.manufacturerDueAt
          : f.manufacturerDueAt === null
            ? null
            : new Date(f.manufacturerDueAt).toISOString(),
      facts: nextFacts,
    };
    if (t.channel === 'manufacturer' && !after.manufacturerCaseNo) {
      throw new AppError('validation', '厂家转派的投诉请填写厂家案件号', {
        fields: { manufacturerCaseNo: '请填写厂家案件号' },
      });
    }
    const changes = fieldChanges(before, after);
    if (Object.keys(changes).length === 0) return null;
    prepared(
      env.sqlite,
      `update complaint_tickets set category = @category, description = @description, demand = @demand,
         vehicle_id = @vehicleId, manufacturer_case_no = @manufacturerCaseNo, manufacturer_due_at = @manufacturerDueAt,
         facts = @facts, suggested_grade = @suggested where id = @id`,
    ).run({ ...after, facts: JSON.stringify(after.facts), suggested, id: t.id });
    addTicketEvent(env.sqlite, {
      ticketId: t.id,
      kind: 'updated',
      at: env.now,
      userId: ctx.user.id,
      data: { fields: Object.keys(changes), suggestedGrade: suggested },
    });
    return { action: 'complaint.updated', detail: { step: 'updated', changes } };
  });
}
