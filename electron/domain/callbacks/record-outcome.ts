import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { CallbackRuleCode } from '../../contract/callbacks';
import { callbackOutcomeMeta } from '../../contract/callbacks';
import { closureAnswerLabels } from '../../contract/complaint-terms';
import { AppError } from '../../contract/errors';
import { localDate, storeDateTimeLabel } from '../clock';
import { recordClosureAnswer } from '../complaints/closing';
import type { AuthedContext } from '../context';
import { refuseCallBackAfterLastDay } from '../events/event-call-dates';
import { recordEventCall } from '../events/event-calls';
import { skipReasons } from './consent';
import { createCsiFollowUp, csiSummary, recordCsiSurvey } from './csi';
import type { OutcomeEffects } from './outcome-effects';
import { openTaskIdsOf, snapshotTasks } from './outcome-effects';
import { loadOutcomeSettings } from './outcome-settings';
import { loadRules } from './rule-config';
import { checkOutcomeTimes, loadCallHours, retryAt } from './call-hours';
import { callbackSettings } from './settings';
import { stmt } from './statements';

type RecordInput = ChannelParsedInput<'callbacks.record'>;
type RecordOutput = ChannelOutput<'callbacks.record'>;

interface ClaimedTask {
  id: number;
  customer_id: number;
  vehicle_id: number | null;
  service_visit_id: number | null;
  rule_code: CallbackRuleCode;
  status: string;
  attempts: number;
  claimed_by: number | null;
  claim_expires_at: string | null;
  notes: string | null;
}

const csiRuleOf = { service: 'service_csi', sales: 'sales_csi' } as const;

/** The store's wall-clock "YYYY-MM-DD HH:mm" of an instant, for summaries staff read. */
const wallClock = (iso: string): string => storeDateTimeLabel(new Date(iso));

function loadClaimed(sqlite: Database.Database, taskIds: readonly number[], me: number): ClaimedTask[] {
  const tasks = stmt(
    sqlite,
    `select id, customer_id, vehicle_id, service_visit_id, rule_code, status, attempts, claimed_by, claim_expires_at, notes
     from callback_tasks where id in (select value from json_each(?))`,
  ).all(JSON.stringify([...new Set(taskIds)])) as ClaimedTask[];
  if (tasks.length !== new Set(taskIds).size) throw new AppError('not_found', '部分回访任务不存在');
  // Results and the attempt list the tasks in the operator's order.
  tasks.sort((a, b) => taskIds.indexOf(a.id) - taskIds.indexOf(b.id));
  // An expired claim still counts while nobody else has taken the task over.
  if (tasks.some((t) => t.status !== 'open' || t.claimed_by !== me)) {
    throw new AppError('conflict', '这些回访任务不在您的领取中（可能已超时被他人领取或已处理），请刷新队列');
  }
  if (new Set(tasks.map((t) => t.customer_id)).size > 1) {
    throw new AppError('validation', '一次通话只能记录同一位客户的回访任务');
  }
  return tasks;
}

/**
 * Records one call for the claimed tasks, in one transaction: the attempt, the customer's timeline entry, each
 * task's next state from the outcome settings (retry delay, attempt count against the rule's maximum, closing),
 * do-not-call, the CSI answers with a follow-up for the customer-relations manager when the customer is unhappy,
 * and the claim released. What it changed is kept on the attempt (effects) so a mistake can be undone exactly.
 */
export function recordCall(ctx: AuthedContext, input: RecordInput): RecordOutput {
  const sqlite = ctx.db.$client;
  const at = ctx.clock();
  const now = at.toISOString();
  const me = ctx.user.id;
  const run = sqlite.transaction((): RecordOutput => {
    const tasks = loadClaimed(sqlite, input.taskIds, me);
    const customerId = tasks[0]!.customer_id;
    const rules = loadRules(sqlite);
    const setting = loadOutcomeSettings(sqlite).get(input.outcome)!;
    const csiTask = input.csi ? tasks.find((t) => t.rule_code === csiRuleOf[input.csi!.kind]) : undefined;
    if (input.csi && !csiTask) {
      throw new AppError('validation', '本次通话没有对应的满意度回访任务', {
        fields: { csi: '没有对应的满意度回访任务' },
      });
    }
    const appointmentAt = input.appointmentAt ? new Date(input.appointmentAt).toISOString() : null;
    const callBackAt = input.callBackAt ? new Date(input.callBackAt).toISOString() : null;
    if (input.outcome === 'call_back_at' && callBackAt! <= now) {
      throw new AppError('validation', '约定回电时间应晚于现在', {
        fields: { callBackAt: '约定回电时间应晚于现在' },
      });
    }
    const hours = loadCallHours(sqlite);
    checkOutcomeTimes({ appointmentAt, callBackAt }, hours);
    // An event call has a last day (invitations stop the day before the start): no call-back after it.
    if (input.outcome === 'call_back_at') refuseCallBackAfterLastDay(sqlite, input.taskIds, callBackAt!);
    const dnc = input.outcome === 'do_not_call';
    // Do-not-contact skips every other open task of the customer as well: those are snapshotted too.
    const touchedIds = [
      ...new Set([...tasks.map((t) => t.id), ...(dnc ? openTaskIdsOf(sqlite, customerId) : [])]),
    ];
    const tasksBefore = snapshotTasks(sqlite, touchedIds);
    const customerBefore = dnc
      ? (() => {
          const c = stmt(
            sqlite,
            'select do_not_contact as dnc, do_not_contact_at as at from customers where id = ?',
          ).get(customerId) as { dnc: number; at: string | null };
          return { doNotContact: c.dnc === 1, doNotContactAt: c.at };
        })()
      : null;
    const claimedAt = tasks.reduce((min, t) => {
      const start = new Date(
        new Date(t.claim_expires_at ?? now).getTime() - callbackSettings.claimMinutes * 60_000,
      ).toISOString();
      return start < min ? start : min;
    }, now);

    const attemptId = Number(
      stmt(
        sqlite,
        `insert into callback_attempts (customer_id, user_id, task_ids, started_at, ended_at, outcome, appointment_at,
           call_back_at, notes) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        customerId,
        me,
        JSON.stringify(tasks.map((t) => t.id)),
        claimedAt,
        now,
        input.outcome,
        appointmentAt,
        callBackAt,
        input.notes ?? null,
      ).lastInsertRowid,
    );

    const update = stmt(
      sqlite,
      `update callback_tasks set status = @status, attempts = @attempts, last_outcome = @outcome,
         next_attempt_at = @nextAttemptAt, assigned_user_id = @assignedUserId, notes = @notes,
         completed_at = @completedAt, completed_by = @completedBy, claimed_by = null, claim_expires_at = null,
         updated_at = @now, version = version + 1
       where id = @id`,
    );
    const assignedOf = stmt(sqlite, 'select assigned_user_id from callback_tasks where id = ?').pluck();
    const results: RecordOutput['tasks'] = [];
    for (const t of tasks) {
      const maxAttempts = rules.get(t.rule_code)?.maxAttempts ?? 1;
      const attempts = t.attempts + (setting.countsAttempt ? 1 : 0);
      let status: 'open' | 'done' = 'open';
      let nextAttemptAt: string | null = null;
      let assignedUserId = assignedOf.get(t.id) as number | null;
      if (setting.closesTask) status = 'done';
      else if (input.outcome === 'call_back_at') {
        // The customer asked for this operator to ring back then.
        nextAttemptAt = callBackAt;
        assignedUserId = me;
      } else nextAttemptAt = retryAt(at, setting.recycleMinutes, hours);
      // Out of tries: the task is finished with its last outcome (done, not reached).
      if (status === 'open' && setting.countsAttempt && attempts >= maxAttempts) {
        status = 'done';
        nextAttemptAt = null;
      }
      const done = status === 'done';
      update.run({
        id: t.id,
        status,
        attempts,
        outcome: input.outcome,
        nextAttemptAt,
        assignedUserId,
        notes: input.notes ?? t.notes,
        completedAt: done ? now : null,
        completedBy: done ? me : null,
        now,
      });
      results.push({ id: t.id, status, attempts, nextAttemptAt, lastOutcome: input.outcome });
    }

    if (dnc) markDoNotContact(sqlite, customerId, now);

    // 活动邀约 / 二次确认: the answer goes on the event's list (seats, waiting list, the second call), here.
    const eventCall = recordEventCall(sqlite, {
      tasks,
      ended: new Set(results.filter((r) => dnc || r.status === 'done').map((r) => r.id)),
      outcome: input.outcome,
      answer: input.event ?? null,
      at,
    });

    // 结案回访: the answer goes on the ticket (a dissatisfied one reopens it), in this same transaction.
    const closure = input.closure
      ? recordClosureAnswer(ctx, {
          taskIds: tasks.map((t) => t.id),
          answer: input.closure.answer,
          notes: input.closure.notes ?? input.notes ?? null,
          attemptId,
          now,
        })
      : null;

    let csiSurveyId: number | null = null;
    let followUpTaskId: number | null = null;
    let appendedTask: OutcomeEffects['appendedTask'] = null;
    let followUpExisted = false;
    if (input.csi && csiTask) {
      const existing = stmt(
        sqlite,
        `select id, notes, updated_at as updatedAt from callback_tasks where customer_id = ?
           and rule_code = 'dissatisfied_followup' and anchor_date = ? and coalesce(vehicle_id, 0) = coalesce(?, 0)`,
      ).get(customerId, localDate(at), csiTask.vehicle_id) as
        NonNullable<OutcomeEffects['appendedTask']> | undefined;
      csiSurveyId = recordCsiSurvey(sqlite, {
        customerId,
        taskId: csiTask.id,
        attemptId,
        userId: me,
        at: now,
        csi: input.csi,
      });
      followUpTaskId = createCsiFollowUp(sqlite, {
        customerId,
        task: csiTask,
        csi: input.csi,
        callNotes: input.notes ?? null,
        today: localDate(at),
        now,
        rules,
      });
      if (existing && followUpTaskId === existing.id) {
        followUpExisted = true;
        appendedTask = existing;
      }
    }

    const reasons = tasks.map((t) => rules.get(t.rule_code)?.name ?? t.rule_code).join('、');
    const parts = [`回访【${reasons}】：${callbackOutcomeMeta[input.outcome].label}`];
    if (appointmentAt) parts.push(`，预约到店 ${wallClock(appointmentAt)}`);
    if (callBackAt) parts.push(`，约定 ${wallClock(callBackAt)} 回电`);
    if (input.csi) parts.push(`；${csiSummary(input.csi)}`);
    if (followUpTaskId !== null) parts.push('；已转客服经理 24 小时内跟进');
    if (input.closure) {
      parts.push(`；投诉处理结果：${closureAnswerLabels[input.closure.answer]}`);
      if (closure?.reopened) parts.push('，工单已重新打开');
    }
    if (eventCall.event) parts.push(`；活动报名：${eventCall.event.message}`);
    if (input.notes) parts.push(`。备注：${input.notes}`);
    const interactionId = Number(
      stmt(
        sqlite,
        `insert into interactions (customer_id, kind, direction, occurred_at, summary, user_id, ref_type, ref_id, created_at)
         values (?, 'callback', 'outbound', ?, ?, ?, 'callback_attempt', ?, ?)`,
      ).run(customerId, now, parts.join('').slice(0, 2000), me, attemptId, now).lastInsertRowid,
    );

    const effects: OutcomeEffects = {
      tasksBefore,
      tasksAfter: snapshotTasks(sqlite, touchedIds),
      customerBefore,
      createdTaskIds: [
        ...(followUpTaskId !== null && !followUpExisted ? [followUpTaskId] : []),
        ...eventCall.createdTaskIds,
      ],
      appendedTask,
      csiSurveyIds: csiSurveyId !== null ? [csiSurveyId] : [],
      interactionId,
      complaintClosure: closure,
      eventCall: eventCall.effects,
    };
    stmt(sqlite, 'update callback_attempts set effects = ? where id = ?').run(
      JSON.stringify(effects),
      attemptId,
    );

    return {
      attemptId,
      customerId,
      tasks: results,
      csiSurveyId,
      followUpTaskId,
      closure,
      event: eventCall.event,
    };
  });
  return run.immediate();
}

/** The customer asked not to be called: flag the card and skip everything else that was waiting. */
function markDoNotContact(sqlite: Database.Database, customerId: number, now: string): void {
  stmt(
    sqlite,
    `update customers set do_not_contact = 1, do_not_contact_at = coalesce(do_not_contact_at, @now), updated_at = @now,
       version = version + 1 where id = @customerId`,
  ).run({ customerId, now });
  stmt(
    sqlite,
    `update callback_tasks set status = 'skipped', skip_reason = @reason, claimed_by = null, claim_expires_at = null,
       updated_at = @now, version = version + 1 where customer_id = @customerId and status = 'open'`,
  ).run({ customerId, now, reason: skipReasons.doNotCallOutcome });
}
