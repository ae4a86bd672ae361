import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { ComplaintSettings } from '../../contract/complaint-settings';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintGrade,
  StatedGradeFact,
} from '../../contract/complaint-terms';
import {
  complaintCategoryLabels,
  complaintChannelLabels,
  complaintGradeLabels,
} from '../../contract/complaint-terms';
import type { TicketChange } from '../../contract/complaints';
import type { Stage } from '../../contract/customers';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/audit-log';
import { regenerateCallbacksForCustomer } from '../callbacks/regenerate-for-customer';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { refreshDerived } from '../customers/customer-derived';
import { mergedAwayError } from '../customers/customer-exists';
import { prepared } from '../customers/sql-cache';
import { isErasedCard } from '../subject-requests/erasure-guard';
import { calendarOf, loadComplaintSettings } from './complaint-settings';
import type { GradeFacts, GradeReason, RepeatMatch } from './grading';
import { atThreeGuaranteeLine, findRepeat, gradeFactsOf, suggestGrade } from './grading';
import { notifyRouted } from './ticket-notify';
import { activeManagers, checkRouting, defaultDepartment, departmentById } from './routing';
import { deadlinesFor } from './sla-timers';
import { addCardTimeline, addTicketEvent } from './ticket-events';
import { changeOf } from './ticket-mutation';
import { isHighValue, refreshSla } from './ticket-store';

type Fields = ChannelParsedInput<'complaints.create'>;

/** Workstation clocks drift: a receipt "in the future" by more than this is a typo. */
const clockSkewMs = 5 * 60_000;
/** A complaint entered more than this long after it was received is a typo too (deadlines count from it). */
const maxBackdateDays = 90;

interface CustomerFacts {
  id: number;
  name: string;
  mobile: string | null;
  stage: string;
  baseGrade: string | null;
  mergedIntoId: number | null;
}

export function requireTicketCustomer(sqlite: Database.Database, id: number): CustomerFacts {
  const c = prepared(
    sqlite,
    `select id, name, mobile, stage, base_grade as baseGrade, merged_into_id as mergedIntoId from customers where id = ?`,
  ).get(id) as CustomerFacts | undefined;
  if (!c)
    throw new AppError('not_found', `客户（编号 ${id}）不存在`, { fields: { customerId: '请选择客户' } });
  if (c.mergedIntoId) throw mergedAwayError(sqlite, c.mergedIntoId);
  if (isErasedCard(sqlite, id)) {
    throw new AppError(
      'conflict',
      '该客户的个人信息已按本人请求删除（匿名化），不能再登记投诉，请为其新建客户卡',
    );
  }
  return c;
}

/** The vehicle must be one the customer owns or owned (a complaint may be about a car since sold). */
function requireCustomerVehicle(sqlite: Database.Database, customerId: number, vehicleId: number): void {
  const ok = prepared(
    sqlite,
    `select 1 from vehicles where id = @v and owner_id = @c
     union all select 1 from vehicle_ownerships where vehicle_id = @v and customer_id = @c limit 1`,
  ).get({ v: vehicleId, c: customerId });
  if (!ok) {
    throw new AppError('validation', '所选车辆不属于该客户', {
      fields: { vehicleId: '请从该客户的车辆中选择' },
    });
  }
}

function checkReceivedAt(receivedAt: string, now: Date): string {
  const at = Date.parse(receivedAt);
  if (at > now.getTime() + clockSkewMs) {
    throw new AppError('validation', '受理时间不能晚于现在', {
      fields: { receivedAt: '受理时间不能晚于现在' },
    });
  }
  if (at < now.getTime() - maxBackdateDays * 86_400_000) {
    throw new AppError('validation', `受理时间不能早于 ${maxBackdateDays} 天前`, {
      fields: { receivedAt: `受理时间不能早于 ${maxBackdateDays} 天前` },
    });
  }
  return new Date(at).toISOString();
}

export interface Assessment {
  facts: GradeFacts;
  grade: ComplaintGrade;
  reasons: GradeReason[];
  repeatOf: RepeatMatch | null;
  highValue: boolean;
}

/** Repeat detection, the facts and the suggested grade for a complaint about to be opened. */
export function assess(
  sqlite: Database.Database,
  settings: ComplaintSettings,
  q: {
    customer: CustomerFacts;
    vehicleId: number | null;
    channel: ComplaintChannel;
    category: ComplaintCategory;
    stated: Record<StatedGradeFact, boolean>;
    receivedAt: string;
  },
): Assessment {
  const repeatOf = findRepeat(sqlite, {
    customerId: q.customer.id,
    vehicleId: q.vehicleId,
    category: q.category,
    receivedAt: q.receivedAt,
    windowDays: settings.repeatWindowDays,
  });
  const facts = gradeFactsOf(q.stated, q.channel, {
    repeat: repeatOf !== null,
    vip: q.customer.stage === 'vip',
    threeGuarantee: atThreeGuaranteeLine(sqlite, q.vehicleId, q.receivedAt),
  });
  const { grade, reasons } = suggestGrade(facts, settings.gradeRules);
  const highValue = isHighValue({ customerStage: q.customer.stage, customerBaseGrade: q.customer.baseGrade });
  return { facts, grade, reasons, repeatOf, highValue };
}

export function suggestForForm(
  ctx: AuthedContext,
  input: ChannelParsedInput<'complaints.suggest'>,
): ChannelOutput<'complaints.suggest'> {
  const sqlite = ctx.db.$client;
  const settings = loadComplaintSettings(sqlite);
  const customer = requireTicketCustomer(sqlite, input.customerId);
  const receivedAt = input.receivedAt ? new Date(input.receivedAt).toISOString() : ctx.clock().toISOString();
  const a = assess(sqlite, settings, {
    customer,
    vehicleId: input.vehicleId ?? null,
    channel: input.channel,
    category: input.category,
    stated: input.facts,
    receivedAt,
  });
  const grade = input.grade ?? a.grade;
  const manager = a.highValue ? (activeManagers(sqlite)[0] ?? null) : null;
  return {
    grade: a.grade,
    reasons: a.reasons,
    facts: a.facts,
    repeatOf: a.repeatOf,
    customer: {
      id: customer.id,
      name: customer.name,
      stage: customer.stage as Stage,
      vip: customer.stage === 'vip',
      highValue: a.highValue,
    },
    department: defaultDepartment(sqlite, settings, input.category),
    manager: manager ? { id: manager.id, name: manager.name } : null,
    deadlines: deadlinesFor(settings.targets[grade], calendarOf(settings), Date.parse(receivedAt)),
  };
}

/** The next ticket number of the store day: TS20261015-001. */
function nextTicketNo(sqlite: Database.Database, today: string): string {
  const prefix = `TS${today.replaceAll('-', '')}-`;
  const last = prepared(
    sqlite,
    `select ticket_no from complaint_tickets where ticket_no >= ? and ticket_no < ? order by ticket_no desc limit 1`,
  )
    .pluck()
    .get(prefix, `${prefix}~`) as string | undefined;
  const n = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(3, '0')}`;
}

function checkSource(sqlite: Database.Database, f: Fields): void {
  if (f.sourceAttemptId) {
    const a = prepared(sqlite, 'select customer_id as customerId from callback_attempts where id = ?').get(
      f.sourceAttemptId,
    ) as { customerId: number } | undefined;
    if (!a || a.customerId !== f.customerId) {
      throw new AppError('validation', '关联的回访通话不存在或不是该客户的', {
        fields: { sourceAttemptId: '回访通话与客户不符' },
      });
    }
    const existing = prepared(sqlite, 'select ticket_no from complaint_tickets where source_attempt_id = ?')
      .pluck()
      .get(f.sourceAttemptId) as string | undefined;
    if (existing) throw new AppError('conflict', `这通回访已登记为投诉工单 ${existing}`);
  }
  if (f.sourceTaskId) {
    const t = prepared(
      sqlite,
      'select customer_id as customerId, rule_code as ruleCode from callback_tasks where id = ?',
    ).get(f.sourceTaskId) as { customerId: number; ruleCode: string } | undefined;
    if (!t || t.customerId !== f.customerId) {
      throw new AppError('validation', '关联的回访任务不存在或不是该客户的', {
        fields: { sourceTaskId: '回访任务与客户不符' },
      });
    }
    const existing = prepared(sqlite, 'select ticket_no from complaint_tickets where source_task_id = ?')
      .pluck()
      .get(f.sourceTaskId) as string | undefined;
    if (existing) throw new AppError('conflict', `这条不满意跟进已转为投诉工单 ${existing}`);
  }
}

/** The follow-up task that became a ticket is done: the ticket carries it on. */
function completeSourceTask(
  sqlite: Database.Database,
  taskId: number,
  ticketNo: string,
  userId: number,
  now: string,
): void {
  prepared(
    sqlite,
    `update callback_tasks set status = 'done', completed_at = @now, completed_by = @userId, claimed_by = null,
       claim_expires_at = null, notes = coalesce(notes || char(10), '') || @note, updated_at = @now, version = version + 1
     where id = @taskId and status = 'open'`,
  ).run({ taskId, now, userId, note: `已转投诉工单 ${ticketNo}` });
}

/**
 * Opens a ticket in one transaction: checks, repeat link, grade (the suggestion unless staff chose another with
 * a reason), routing (the category's department by default; a high-value customer's ticket names a manager),
 * deadlines from the receipt, the timeline, the card's timeline, the notifications and the audit row.
 */
export function createTicket(ctx: AuthedContext, f: Fields): TicketChange {
  const sqlite = ctx.db.$client;
  const nowDate = ctx.clock();
  const now = nowDate.toISOString();
  const id = sqlite
    .transaction((): number => {
      const settings = loadComplaintSettings(sqlite);
      const customer = requireTicketCustomer(sqlite, f.customerId);
      const vehicleId = f.vehicleId ?? null;
      if (vehicleId !== null) requireCustomerVehicle(sqlite, customer.id, vehicleId);
      const receivedAt = checkReceivedAt(f.receivedAt, nowDate);
      if (f.manufacturerDueAt && Date.parse(f.manufacturerDueAt) <= Date.parse(receivedAt)) {
        throw new AppError('validation', '厂家时限应晚于受理时间', {
          fields: { manufacturerDueAt: '厂家时限应晚于受理时间' },
        });
      }
      checkSource(sqlite, f);
      const receivedBy = f.receivedByUserId ?? ctx.user.id;
      if (!prepared(sqlite, 'select 1 from users where id = ? and disabled = 0').get(receivedBy)) {
        throw new AppError('validation', '受理人须是在职员工', {
          fields: { receivedByUserId: '请选择受理人' },
        });
      }
      const a = assess(sqlite, settings, {
        customer,
        vehicleId,
        channel: f.channel,
        category: f.category,
        stated: f.facts,
        receivedAt,
      });
      const grade = f.grade ?? a.grade;
      if (grade !== a.grade && !f.gradeReason) {
        throw new AppError('validation', `建议定为${complaintGradeLabels[a.grade]}，改为其他等级请说明原因`, {
          fields: { gradeReason: '请说明调整等级的原因' },
        });
      }
      const department =
        f.departmentId != null
          ? departmentById(sqlite, f.departmentId)
          : defaultDepartment(sqlite, settings, f.category);
      const managerUserId = f.managerUserId ?? (a.highValue ? (activeManagers(sqlite)[0]?.id ?? null) : null);
      const routing = {
        departmentId: department?.id ?? f.departmentId ?? null,
        ownerUserId: f.ownerUserId ?? null,
        managerUserId,
      };
      checkRouting(sqlite, routing);
      const ticketNo = nextTicketNo(sqlite, localDate(nowDate));
      const ticketId = Number(
        prepared(
          sqlite,
          `insert into complaint_tickets (ticket_no, customer_id, vehicle_id, channel, category, description, demand,
           received_at, received_by, facts, suggested_grade, grade, targets, grade_reason, repeat_of_id, is_repeat,
           department_id, owner_user_id, manager_user_id, state, manufacturer_case_no, manufacturer_due_at,
           source_task_id, source_attempt_id, created_at, created_by, updated_at)
         values (@ticketNo, @customerId, @vehicleId, @channel, @category, @description, @demand, @receivedAt, @receivedBy,
           @facts, @suggested, @grade, @targets, @gradeReason, @repeatOf, @isRepeat, @departmentId, @ownerUserId,
           @managerUserId, 'received', @caseNo, @mDue, @sourceTaskId, @sourceAttemptId, @now, @me, @now)`,
        ).run({
          ticketNo,
          customerId: customer.id,
          vehicleId,
          channel: f.channel,
          category: f.category,
          description: f.description,
          demand: f.demand ?? null,
          receivedAt,
          receivedBy,
          facts: JSON.stringify(a.facts),
          suggested: a.grade,
          grade,
          targets: JSON.stringify(settings.targets[grade]),
          gradeReason: grade === a.grade ? null : (f.gradeReason ?? null),
          repeatOf: a.repeatOf?.id ?? null,
          isRepeat: a.repeatOf ? 1 : 0,
          ...routing,
          caseNo: f.manufacturerCaseNo ?? null,
          mDue: f.manufacturerDueAt ? new Date(f.manufacturerDueAt).toISOString() : null,
          sourceTaskId: f.sourceTaskId ?? null,
          sourceAttemptId: f.sourceAttemptId ?? null,
          now,
          me: ctx.user.id,
        }).lastInsertRowid,
      );
      addTicketEvent(sqlite, {
        ticketId,
        kind: 'created',
        at: now,
        userId: ctx.user.id,
        note: f.description,
        data: {
          channel: f.channel,
          grade,
          suggestedGrade: a.grade,
          reasons: a.reasons.map((r) => r.fact),
          repeatOf: a.repeatOf?.ticketNo ?? null,
          receivedAt,
        },
      });
      if (grade !== a.grade) {
        addTicketEvent(sqlite, {
          ticketId,
          kind: 'grade',
          at: now,
          userId: ctx.user.id,
          note: f.gradeReason ?? null,
          data: { from: a.grade, to: grade },
        });
      }
      if (routing.departmentId !== null) {
        addTicketEvent(sqlite, {
          ticketId,
          kind: 'routed',
          at: now,
          userId: ctx.user.id,
          data: { ...routing },
        });
      }
      refreshSla(sqlite, ticketId, settings, calendarOf(settings), nowDate.getTime());
      addCardTimeline(sqlite, {
        customerId: customer.id,
        ticketId,
        at: receivedAt,
        userId: ctx.user.id,
        intake: true,
        summary: `投诉受理 ${ticketNo}（${complaintGradeLabels[grade]}，${complaintCategoryLabels[f.category]}，${
          complaintChannelLabels[f.channel]
        }）：${f.description}`,
      });
      if (f.sourceTaskId) completeSourceTask(sqlite, f.sourceTaskId, ticketNo, ctx.user.id, now);
      notifyRouted(sqlite, { ticketId, ticketNo, grade, ...routing }, ctx.user.id, now);
      recordAudit(ctx, {
        action: 'complaint.created',
        entity: 'complaint_ticket',
        entityId: ticketId,
        customerId: customer.id,
        detail: {
          ticketNo,
          grade,
          suggestedGrade: a.grade,
          channel: f.channel,
          category: f.category,
          repeatOf: a.repeatOf?.ticketNo ?? null,
        },
      });
      // The card's complaint count feeds its loyalty score; a stage change can change its call-backs.
      if (refreshDerived(ctx, customer.id).stageChanged) regenerateCallbacksForCustomer(ctx, customer.id);
      return ticketId;
    })
    .immediate();
  return changeOf(sqlite, id);
}
