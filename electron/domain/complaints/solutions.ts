import type { ChannelParsedInput } from '../../contract';
import type { SolutionState } from '../../contract/complaint-terms';
import { complaintStateLabels } from '../../contract/complaint-terms';
import type { TicketChange } from '../../contract/complaints';
import { AppError } from '../../contract/errors';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { peopleOf } from './handling';
import { addTicketEvent } from './ticket-events';
import { mutateTicket } from './ticket-mutation';
import { notifyApproval } from './ticket-notify';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/**
 * A solution for the customer, with any compensation in fen. Above the settings amount it waits for a
 * manager's approval before it can be put to the customer; otherwise the ticket waits for the customer's answer.
 */
export function proposeSolution(
  ctx: AuthedContext,
  input: ChannelParsedInput<'complaints.proposeSolution'>,
): TicketChange {
  return mutateTicket(ctx, input, { handler: true }, (t, env) => {
    if (t.state !== 'handling') {
      const why =
        t.state === 'proposed'
          ? '已有方案等待客户答复，请先记录客户的答复'
          : `当前为“${complaintStateLabels[t.state]}”，只有处理中的工单可以提出方案`;
      throw new AppError('conflict', `工单 ${t.ticketNo} ${why}`);
    }
    const pending = prepared(
      env.sqlite,
      `select 1 from complaint_solutions where ticket_id = ? and state = 'awaiting_approval'`,
    ).get(t.id);
    if (pending) throw new AppError('conflict', `工单 ${t.ticketNo} 已有补偿方案在等待经理审批`);
    const c = input.compensation;
    const total = c.goodwillFen + c.labourDiscountFen + c.partsDiscountFen + c.giftValueFen;
    const needsApproval = total > env.settings.compensationApprovalFen;
    const state: SolutionState = needsApproval ? 'awaiting_approval' : 'proposed';
    const solutionId = Number(
      prepared(
        env.sqlite,
        `insert into complaint_solutions (ticket_id, proposal, goodwill_fen, labour_discount_fen, parts_discount_fen,
           gift, gift_value_fen, total_fen, state, needs_approval, proposed_at, proposed_by)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        t.id,
        input.proposal,
        c.goodwillFen,
        c.labourDiscountFen,
        c.partsDiscountFen,
        c.gift ?? null,
        c.giftValueFen,
        total,
        state,
        needsApproval ? 1 : 0,
        env.now,
        ctx.user.id,
      ).lastInsertRowid,
    );
    if (!needsApproval)
      prepared(env.sqlite, `update complaint_tickets set state = 'proposed' where id = ?`).run(t.id);
    addTicketEvent(env.sqlite, {
      ticketId: t.id,
      kind: 'solution_proposed',
      at: env.now,
      userId: ctx.user.id,
      note: input.proposal,
      data: { solutionId, totalFen: total, needsApproval },
    });
    if (needsApproval) notifyApproval(env.sqlite, peopleOf(t), total, ctx.user.id, env.now);
    return {
      action: 'complaint.updated',
      detail: { step: 'solution_proposed', solutionId, totalFen: total, needsApproval },
    };
  });
}

interface SolutionRow {
  id: number;
  ticketId: number;
  state: SolutionState;
  totalFen: number;
}

function readSolution(ctx: AuthedContext, id: number): SolutionRow {
  const s = prepared(
    ctx.db.$client,
    'select id, ticket_id as ticketId, state, total_fen as totalFen from complaint_solutions where id = ?',
  ).get(id) as SolutionRow | undefined;
  if (!s) throw new AppError('not_found', `方案（编号 ${id}）不存在`);
  return s;
}

/** A manager approves (the solution goes to the customer) or rejects (the handler proposes again). */
export function approveSolution(
  ctx: AuthedContext,
  input: ChannelParsedInput<'complaints.approveSolution'>,
): TicketChange {
  const s = readSolution(ctx, input.solutionId);
  return mutateTicket(ctx, { id: s.ticketId }, { handler: false }, (t, env) => {
    const now = readSolution(ctx, input.solutionId);
    if (now.state !== 'awaiting_approval')
      throw new AppError('conflict', '该方案不在待审批状态（可能已被审批），请刷新');
    if (!input.approve && !input.note) {
      throw new AppError('validation', '不批准时请说明原因', { fields: { note: '请说明不批准的原因' } });
    }
    prepared(
      env.sqlite,
      `update complaint_solutions set state = ?, approved_at = ?, approved_by = ?, approval_note = ? where id = ?`,
    ).run(input.approve ? 'proposed' : 'rejected', env.now, ctx.user.id, input.note ?? null, s.id);
    if (input.approve && t.state === 'handling') {
      prepared(env.sqlite, `update complaint_tickets set state = 'proposed' where id = ?`).run(t.id);
    }
    // Approved while the ticket waits (paused): it comes back waiting for the customer's answer.
    if (input.approve && t.state === 'paused' && t.resumeState === 'handling') {
      prepared(env.sqlite, `update complaint_tickets set resume_state = 'proposed' where id = ?`).run(t.id);
    }
    addTicketEvent(env.sqlite, {
      ticketId: t.id,
      kind: 'solution_approval',
      at: env.now,
      userId: ctx.user.id,
      note: input.note ?? null,
      data: { solutionId: s.id, approved: input.approve, totalFen: s.totalFen },
    });
    return {
      action: 'complaint.updated',
      detail: {
        step: input.approve ? 'compensation_approved' : 'compensation_rejected',
        solutionId: s.id,
        total: yuan(s.totalFen),
      },
    };
  });
}

/** The customer's answer: agreed stops the solution timer; refused sends the ticket back to handling. */
export function recordAnswer(
  ctx: AuthedContext,
  input: ChannelParsedInput<'complaints.recordAnswer'>,
): TicketChange {
  const s = readSolution(ctx, input.solutionId);
  return mutateTicket(ctx, { id: s.ticketId }, { handler: true }, (t, env) => {
    const now = readSolution(ctx, input.solutionId);
    if (now.state === 'awaiting_approval') {
      throw new AppError('conflict', '该方案的补偿金额需经理审批后才能征求客户意见');
    }
    if (now.state !== 'proposed') throw new AppError('conflict', '该方案已有答复或未获批准，请刷新');
    if (t.state !== 'proposed' && t.state !== 'paused') {
      throw new AppError(
        'conflict',
        `工单 ${t.ticketNo} 当前为“${complaintStateLabels[t.state]}”，不能记录客户对方案的答复`,
      );
    }
    if (t.state === 'paused') throw new AppError('conflict', `工单 ${t.ticketNo} 正在暂停计时，请先恢复计时`);
    const agreed = input.answer === 'agreed';
    prepared(
      env.sqlite,
      `update complaint_solutions set state = ?, answered_at = ?, answered_by = ?, answer_note = ? where id = ?`,
    ).run(agreed ? 'agreed' : 'refused', env.now, ctx.user.id, input.note ?? null, s.id);
    prepared(
      env.sqlite,
      `update complaint_tickets set state = ?, solution_agreed_at = coalesce(solution_agreed_at, ?) where id = ?`,
    ).run(agreed ? 'agreed' : 'handling', agreed ? env.now : null, t.id);
    addTicketEvent(env.sqlite, {
      ticketId: t.id,
      kind: 'customer_answer',
      at: env.now,
      userId: ctx.user.id,
      note: input.note ?? null,
      data: { solutionId: s.id, answer: input.answer },
    });
    return {
      action: 'complaint.updated',
      detail: { step: 'customer_answer', solutionId: s.id, answer: input.answer },
    };
  });
}
