import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { CallbackRuleCode } from '../../contract/callbacks';
import type { ComplaintCategory } from '../../contract/complaint-terms';
import type { TicketChange } from '../../contract/complaints';
import { AppError } from '../../contract/errors';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { createTicket } from './intake';

type Draft = ChannelOutput<'complaints.prefill'>;

/** What a call was about says where the complaint most likely belongs. */
const categoryOfRule: Partial<Record<CallbackRuleCode, ComplaintCategory>> = {
  service_csi: 'service_quality',
  sales_csi: 'sales_process',
  delivery_3d: 'sales_process',
  delivery_7d: 'sales_process',
  delivery_1m: 'product_quality',
  delivery_3m: 'product_quality',
  first_maintenance: 'service_quality',
  regular_maintenance: 'service_quality',
  insurance_renewal: 'insurance_claim',
};

function existingTicket(
  sqlite: Database.Database,
  column: 'source_attempt_id' | 'source_task_id',
  id: number,
) {
  return (
    (prepared(sqlite, `select id, ticket_no as ticketNo from complaint_tickets where ${column} = ?`).get(
      id,
    ) as { id: number; ticketNo: string } | undefined) ?? null
  );
}

function fromAttempt(sqlite: Database.Database, attemptId: number): Draft {
  const a = prepared(
    sqlite,
    `select a.customer_id as customerId, c.name as customerName, a.ended_at as endedAt, a.notes, a.outcome, a.task_ids as taskIds
     from callback_attempts a join customers c on c.id = a.customer_id where a.id = ?`,
  ).get(attemptId) as
    | {
        customerId: number;
        customerName: string;
        endedAt: string;
        notes: string | null;
        outcome: string;
        taskIds: string;
      }
    | undefined;
  if (!a) throw new AppError('not_found', `回访通话（编号 ${attemptId}）不存在`);
  const tasks = prepared(
    sqlite,
    `select rule_code as ruleCode, vehicle_id as vehicleId, r.name as ruleName from callback_tasks t
       left join callback_rules r on r.code = t.rule_code
     where t.id in (select value from json_each(?)) order by t.id`,
  ).all(a.taskIds) as { ruleCode: CallbackRuleCode; vehicleId: number | null; ruleName: string | null }[];
  const reasons = tasks.map((t) => t.ruleName ?? t.ruleCode).join('、');
  return {
    customerId: a.customerId,
    customerName: a.customerName,
    vehicleId: tasks.find((t) => t.vehicleId !== null)?.vehicleId ?? null,
    channel: 'callback',
    category: tasks.map((t) => categoryOfRule[t.ruleCode]).find(Boolean) ?? 'service_quality',
    description: a.notes?.trim() ? a.notes : `客户在回访（${reasons || '回访'}）中提出投诉`,
    receivedAt: a.endedAt,
    sourceAttemptId: attemptId,
    sourceTaskId: null,
    existingTicket: existingTicket(sqlite, 'source_attempt_id', attemptId),
  };
}

function fromFollowUpTask(sqlite: Database.Database, taskId: number): Draft {
  const t = prepared(
    sqlite,
    `select t.customer_id as customerId, c.name as customerName, t.vehicle_id as vehicleId,
       t.service_visit_id as visitId, t.notes, t.created_at as createdAt, t.rule_code as ruleCode
     from callback_tasks t join customers c on c.id = t.customer_id where t.id = ?`,
  ).get(taskId) as
    | {
        customerId: number;
        customerName: string;
        vehicleId: number | null;
        visitId: number | null;
        notes: string | null;
        createdAt: string;
        ruleCode: CallbackRuleCode;
      }
    | undefined;
  if (!t) throw new AppError('not_found', `回访任务（编号 ${taskId}）不存在`);
  if (t.ruleCode !== 'dissatisfied_followup') {
    throw new AppError('validation', '只有“不满意跟进”任务可以直接转为投诉工单');
  }
  return {
    customerId: t.customerId,
    customerName: t.customerName,
    vehicleId: t.vehicleId,
    channel: 'csi_followup',
    // A follow-up after a service visit's survey is about the service; after delivery, about the sale.
    category: t.visitId !== null ? 'service_quality' : 'sales_process',
    description: t.notes?.trim() ? t.notes : '满意度回访中客户表示不满意',
    receivedAt: t.createdAt,
    sourceAttemptId: null,
    sourceTaskId: taskId,
    existingTicket: existingTicket(sqlite, 'source_task_id', taskId),
  };
}

/** A new-ticket draft from a call-back: the call that raised it, or a dissatisfied follow-up task. */
export function prefill(ctx: AuthedContext, input: ChannelParsedInput<'complaints.prefill'>): Draft {
  const sqlite = ctx.db.$client;
  return input.from === 'attempt'
    ? fromAttempt(sqlite, input.attemptId)
    : fromFollowUpTask(sqlite, input.taskId);
}

/**
 * One step from the customer-relations manager's follow-up to a ticket: the draft from the task, graded by the
 * rules, routed by category (or as given), received when the unhappy answer was recorded; the task is done.
 */
export function ticketFromFollowUp(
  ctx: AuthedContext,
  input: ChannelParsedInput<'complaints.fromFollowUp'>,
): TicketChange {
  const draft = fromFollowUpTask(ctx.db.$client, input.taskId);
  if (draft.existingTicket)
    throw new AppError('conflict', `这条不满意跟进已转为投诉工单 ${draft.existingTicket.ticketNo}`);
  const status = prepared(ctx.db.$client, 'select status from callback_tasks where id = ?')
    .pluck()
    .get(input.taskId);
  if (status !== 'open') throw new AppError('conflict', '这条不满意跟进已处理完毕，如需登记投诉请新建工单');
  const receivedAt = new Date(
    Math.max(Date.parse(draft.receivedAt), ctx.clock().getTime() - 89 * 86_400_000),
  ).toISOString();
  return createTicket(ctx, {
    customerId: draft.customerId,
    vehicleId: draft.vehicleId,
    channel: draft.channel,
    category: input.category ?? draft.category,
    description: draft.description,
    demand: null,
    receivedAt,
    receivedByUserId: null,
    facts: input.facts ?? {
      safety_fault: false,
      media_exposure: false,
      regulator: false,
      refund_or_replacement: false,
      concrete_loss: false,
    },
    grade: null,
    gradeReason: null,
    departmentId: input.departmentId ?? null,
    ownerUserId: input.ownerUserId ?? null,
    managerUserId: null,
    manufacturerCaseNo: null,
    manufacturerDueAt: null,
    sourceAttemptId: null,
    sourceTaskId: input.taskId,
  });
}
