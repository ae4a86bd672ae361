import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/audit-log';
import type { ContactDecision } from '../callbacks/consent';
import { allowedWithoutRecord, contactDecision } from '../callbacks/consent';
import { addDays } from '../callbacks/dates';
import type { ConsentRow } from '../callbacks/facts';
import { loadRules } from '../callbacks/rule-config';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { confirmationLastDay, freeEventAnchor, invitationLastDay } from './event-call-dates';
import type { InvitationEvent } from './invitation-event';
import { loadEvent, requireStatus } from './invitation-event';
import { confirmDaysBefore } from './invitation-settings';
import type { StoredInvitee } from './invitee-store';

/** What the operator sees in the queue and on the task: which event the call is about. */
const taskNotes = (e: InvitationEvent, kind: string) => `${kind}：${e.eventNo}「${e.title}」`.slice(0, 2000);

/** The queue allows one task per customer, rule, anchor date and vehicle: see freeEventAnchor. */
function freeAnchor(
  sqlite: Database.Database,
  customerId: number,
  rule: 'event_invitation' | 'event_confirmation',
  startsOn: string,
): string {
  const anchor = freeEventAnchor(sqlite, customerId, rule, startsOn);
  if (anchor === null) throw new AppError('conflict', '该客户的活动回访任务过多，无法再安排');
  return anchor;
}

function contactOf(sqlite: Database.Database, customerId: number): ContactDecision {
  const dnc = prepared(sqlite, 'select do_not_contact from customers where id = ?').pluck().get(customerId);
  const consents = (
    prepared(sqlite, 'select purpose, granted from consents where customer_id = ?').all(customerId) as {
      purpose: ConsentRow['purpose'];
      granted: number;
    }[]
  ).map((c) => ({ purpose: c.purpose, granted: c.granted === 1 }));
  return contactDecision('events', dnc === 1, consents);
}

const insertTask = (sqlite: Database.Database) =>
  prepared(
    sqlite,
    `insert into callback_tasks (customer_id, rule_code, anchor_date, due_date, expires_on, priority, status,
       skip_reason, notes, created_at, updated_at)
     values (@customerId, @rule, @anchor, @due, @expires, @priority, @status, @skipReason, @notes, @now, @now)`,
  );

/**
 * The second confirmation (二次确认) of a sign-up: due N days before the start (not before today), ending the
 * day before the start. Skipped (and reopened by the queue once allowed) when the customer may not be called
 * for events; none when the rule is switched off or the event starts today or has started.
 */
export function createConfirmationTask(
  sqlite: Database.Database,
  e: InvitationEvent,
  invitee: Pick<StoredInvitee, 'customer_id'>,
  today: string,
  now: string,
): number | null {
  const rule = loadRules(sqlite).get('event_confirmation');
  if (!rule?.enabled || e.startsOn <= today) return null;
  const wanted = addDays(e.startsOn, -confirmDaysBefore(sqlite));
  const due = wanted < today ? today : wanted;
  const lastDay = confirmationLastDay(e.startsOn);
  const decision = contactOf(sqlite, invitee.customer_id);
  return Number(
    insertTask(sqlite).run({
      customerId: invitee.customer_id,
      rule: 'event_confirmation',
      anchor: freeAnchor(sqlite, invitee.customer_id, 'event_confirmation', e.startsOn),
      due,
      expires: lastDay < due ? due : lastDay,
      priority: rule.priority,
      status: decision.status,
      skipReason: decision.skipReason,
      notes: taskNotes(e, '活动二次确认'),
      now,
    }).lastInsertRowid,
  );
}

/** Ends an open call that is no longer needed (the sign-up was cancelled); returns whether it did. */
export function cancelOpenTask(
  sqlite: Database.Database,
  taskId: number | null,
  reason: string,
  now: string,
): boolean {
  if (taskId === null) return false;
  return (
    prepared(
      sqlite,
      `update callback_tasks set status = 'cancelled', skip_reason = ?, claimed_by = null, claim_expires_at = null,
         updated_at = ?, version = version + 1 where id = ? and status = 'open'`,
    ).run(reason, now, taskId).changes > 0
  );
}

const consentOkSql = allowedWithoutRecord.events
  ? `not exists (select 1 from consents cs where cs.customer_id = c.id and cs.purpose = 'events' and cs.granted = 0)`
  : `exists (select 1 from consents cs where cs.customer_id = c.id and cs.purpose = 'events' and cs.granted = 1)`;

/**
 * One open 活动邀约 call per pending invitee who may be called for events, in one transaction and one
 * insert…select; the event moves from approved to inviting. The queue puts each with the customer's other
 * calls of the day (one call per customer).
 */
export function startInvitations(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.startInvitations'>,
): ChannelOutput<'events.startInvitations'> {
  const sqlite = ctx.db.$client;
  const at = ctx.clock();
  const now = at.toISOString();
  const today = localDate(at);
  const run = sqlite.transaction(() => {
    const e = loadEvent(sqlite, input.eventId);
    if (e.status === 'draft') throw new AppError('validation', '活动方案尚未批准，批准后才能开始邀约');
    requireStatus(e, ['approved', 'inviting'], '开始邀约');
    const rule = loadRules(sqlite).get('event_invitation');
    if (!rule?.enabled) throw new AppError('validation', '「活动邀约」回访规则已停用，请先在回访设置中启用');
    const due = input.dueDate ?? today;
    const expires = invitationLastDay(e.startsOn);
    if (today > expires) {
      throw new AppError('validation', `活动 ${e.startsOn} 开始，邀约已截止（开始前一天起只做二次确认）`);
    }
    if (due < today)
      throw new AppError('validation', '邀约日期不能早于今天', { fields: { dueDate: '不能早于今天' } });
    if (due > expires) {
      const message = `邀约电话须在活动开始（${e.startsOn}）前一天之前打完（前一天只做二次确认），请选择更早的日期`;
      throw new AppError('validation', message, { fields: { dueDate: message } });
    }
    const counts = prepared(
      sqlite,
      `select count(case when i.invitation_task_id is not null then 1 end) as hasTask,
         count(case when i.invitation_task_id is null and c.do_not_contact = 1 then 1 end) as dnc,
         count(case when i.invitation_task_id is null and c.do_not_contact = 0 and not (${consentOkSql}) then 1 end) as noConsent
       from event_invitees i join customers c on c.id = i.customer_id
       where i.event_id = ? and i.status = 'pending'`,
    ).get(e.id) as { hasTask: number; dnc: number; noConsent: number };
    const callable = `from event_invitees i join customers c on c.id = i.customer_id
      where i.event_id = @eventId and i.status = 'pending' and i.invitation_task_id is null
        and c.do_not_contact = 0 and ${consentOkSql}`;
    const params = {
      eventId: e.id,
      anchor: e.startsOn,
      due,
      expires,
      priority: rule.priority,
      notes: taskNotes(e, '活动邀约'),
      now,
    };
    let created = prepared(
      sqlite,
      `insert or ignore into callback_tasks (customer_id, rule_code, anchor_date, due_date, expires_on, priority,
         status, notes, created_at, updated_at)
       select i.customer_id, 'event_invitation', @anchor, @due, @expires, @priority, 'open', @notes, @now, @now
       ${callable} order by i.id`,
    ).run(params).changes;
    prepared(
      sqlite,
      `update event_invitees set invitation_task_id = (select t.id from callback_tasks t
          where t.customer_id = event_invitees.customer_id and t.rule_code = 'event_invitation'
            and t.anchor_date = @anchor and t.vehicle_id is null and t.created_at = @now),
         updated_at = @now, version = version + 1
       where id in (select i.id ${callable})
         and exists (select 1 from callback_tasks t where t.customer_id = event_invitees.customer_id
           and t.rule_code = 'event_invitation' and t.anchor_date = @anchor and t.vehicle_id is null
           and t.created_at = @now)`,
    ).run(params);
    // Those whose anchor day was taken (another event starting the same day): one by one, on a free day.
    const left = prepared(sqlite, `select i.id, i.customer_id as customerId ${callable}`).all(params) as {
      id: number;
      customerId: number;
    }[];
    const link = prepared(
      sqlite,
      'update event_invitees set invitation_task_id = ?, updated_at = ?, version = version + 1 where id = ?',
    );
    for (const r of left) {
      const taskId = insertTask(sqlite).run({
        ...params,
        customerId: r.customerId,
        rule: 'event_invitation',
        anchor: freeAnchor(sqlite, r.customerId, 'event_invitation', e.startsOn),
        status: 'open',
        skipReason: null,
      }).lastInsertRowid;
      link.run(taskId, now, r.id);
      created++;
    }
    if (e.status === 'approved') {
      prepared(
        sqlite,
        `update events set status = 'inviting', updated_at = ?, version = version + 1 where id = ?`,
      ).run(now, e.id);
      recordAudit(ctx, {
        action: 'event.status_changed',
        entity: 'event',
        entityId: e.id,
        detail: {
          eventNo: e.eventNo,
          action: 'startInviting',
          from: e.status,
          to: 'inviting',
          calls: created,
        },
      });
    }
    return {
      created,
      skipped: { doNotContact: counts.dnc, noConsent: counts.noConsent, alreadyHasTask: counts.hasTask },
      dueDate: due,
      expiresOn: expires,
      eventStatus: 'inviting',
    };
  });
  return run.immediate();
}

/**
 * Invitation calls that expired without reaching the customer: the invitee is unreachable (联系不上). Runs
 * with the queue's daily expiry pass.
 */
export function markUnreachableAfterExpiry(sqlite: Database.Database, now: string): number {
  return prepared(
    sqlite,
    `update event_invitees set status = 'unreachable', updated_at = @now, version = version + 1
     where status in ('pending', 'undecided') and invitation_task_id is not null
       and exists (select 1 from callback_tasks t where t.id = event_invitees.invitation_task_id
         and t.status = 'expired')`,
  ).run({ now }).changes;
}
