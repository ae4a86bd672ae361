import type Database from 'better-sqlite3';
import { AppError } from '../../contract/errors';
import { addDays, daysBetween } from '../callbacks/dates';
import { localDate } from '../clock';
import { prepared } from '../customers/sql-cache';
import { confirmDaysBefore } from './invitation-settings';

/**
 * The dates an event's calls keep to, in one place. Invitations stop the day before the start: that day is
 * for the second confirmations (fixing the head count), so an invitation's last day is two days before. The
 * second confirmation is due N days before the start (setting, not before today) and ends the day before.
 */
export const invitationLastDay = (startsOn: string) => addDays(startsOn, -2);
export const confirmationLastDay = (startsOn: string) => addDays(startsOn, -1);

/** The reason an invitation call left open ends with once invitations have stopped. */
export const invitationsClosedReason = (startsOn: string) =>
  `邀约已截止：活动 ${startsOn} 开始，前一天起只做二次确认`;

/**
 * The day for an event call of the customer: the event's start, or the day before when a call with that
 * anchor is taken already (two events starting the same day, a cancelled call re-made), and so on. `except`:
 * the call being moved, which may keep its own anchor.
 */
export function freeEventAnchor(
  sqlite: Database.Database,
  customerId: number,
  rule: 'event_invitation' | 'event_confirmation',
  startsOn: string,
  except: number | null = null,
): string | null {
  const taken = prepared(
    sqlite,
    `select 1 from callback_tasks where customer_id = ? and rule_code = ? and anchor_date = ? and vehicle_id is null
       and id is not ?`,
  );
  for (let shift = 0; shift < 366; shift++) {
    const anchor = addDays(startsOn, -shift);
    if (!taken.get(customerId, rule, anchor, except)) return anchor;
  }
  return null;
}

interface MovableCall {
  id: number;
  customerId: number;
  rule: 'event_invitation' | 'event_confirmation';
  dueDate: string;
}

const cancelSql = `update callback_tasks set status = 'cancelled', skip_reason = @reason, claimed_by = null,
    claim_expires_at = null, updated_at = @now, version = version + 1 where id = @id`;

/**
 * The start moved: the event's invitation and second-confirmation calls still to be made (open, or skipped
 * until contact is allowed) follow it, inside the caller's transaction. An invitation keeps its distance from
 * the start (within today … two days before the new start); a confirmation is due N days before the new start.
 * A call whose time has gone under the new dates (the event now starts tomorrow or today) is cancelled with the
 * reason written on it.
 */
export function moveEventCalls(
  sqlite: Database.Database,
  eventId: number,
  from: string,
  to: string,
  today: string,
  now: string,
): { moved: number; cancelled: number } {
  const calls = prepared(
    sqlite,
    `select t.id, t.customer_id as customerId, t.rule_code as rule, t.due_date as dueDate
     from event_invitees i join callback_tasks t
       on t.id = i.invitation_task_id or t.id = i.confirmation_task_id
     where i.event_id = ? and t.status in ('open', 'skipped')
       and t.rule_code in ('event_invitation', 'event_confirmation')
     order by t.id`,
  ).all(eventId) as MovableCall[];
  const shift = daysBetween(from, to);
  const confirmWanted = addDays(to, -confirmDaysBefore(sqlite));
  const move = prepared(
    sqlite,
    `update callback_tasks set anchor_date = @anchor, due_date = @due, expires_on = @expires, updated_at = @now,
       version = version + 1 where id = @id`,
  );
  const cancel = prepared(sqlite, cancelSql);
  let moved = 0;
  let cancelled = 0;
  for (const c of calls) {
    const invitation = c.rule === 'event_invitation';
    const lastDay = invitation ? invitationLastDay(to) : confirmationLastDay(to);
    const anchor = lastDay < today ? null : freeEventAnchor(sqlite, c.customerId, c.rule, to, c.id);
    if (anchor === null) {
      const reason = invitation
        ? `活动改期至 ${to} 开始，${invitationsClosedReason(to)}`
        : `活动改期至 ${to} 开始，已来不及二次确认`;
      cancel.run({ id: c.id, reason, now });
      cancelled++;
      continue;
    }
    const wanted = invitation ? addDays(c.dueDate, shift) : confirmWanted;
    const due = wanted < today ? today : wanted > lastDay ? lastDay : wanted;
    move.run({ id: c.id, anchor, due, expires: lastDay, now });
    moved++;
  }
  return { moved, cancelled };
}

/**
 * From the day before an event starts, its invitation calls still open end as cancelled with the reason (the
 * operator sees why; the day is for second confirmations), and those never reached are 联系不上 on the list.
 * Runs with the queue's daily expiry pass; returns how many calls it ended.
 */
export function closeInvitationsBeforeStart(sqlite: Database.Database, today: string, now: string): number {
  const tomorrow = addDays(today, 1);
  const open = prepared(
    sqlite,
    `select t.id, e.starts_on as startsOn, i.id as inviteeId, i.status
     from events e indexed by events_starts_idx
       -- CROSS JOIN keeps this order: with the dates bound, the planner walked every open task (the queue
       -- index, 190 ms at scale L, each morning inside the expiry) instead of the day's few events' invitees.
       cross join event_invitees i on i.event_id = e.id
       cross join callback_tasks t on t.id = i.invitation_task_id
     where e.starts_on >= @today and e.starts_on <= @tomorrow and t.status in ('open', 'skipped')
       and (t.claimed_by is null or t.claim_expires_at < @now)`,
  ).all({ today, tomorrow, now }) as { id: number; startsOn: string; inviteeId: number; status: string }[];
  const cancel = prepared(sqlite, cancelSql);
  const unreachable = prepared(
    sqlite,
    `update event_invitees set status = 'unreachable', updated_at = ?, version = version + 1
     where id = ? and status = 'pending'`,
  );
  for (const c of open) {
    cancel.run({ id: c.id, reason: invitationsClosedReason(c.startsOn), now });
    unreachable.run(now, c.inviteeId);
  }
  return open.length;
}

/**
 * A call-back asked for after an event call's last day would never be made (the call is cancelled or expires
 * first): refused with the day it must come by, so the operator books an earlier time.
 */
export function refuseCallBackAfterLastDay(
  sqlite: Database.Database,
  taskIds: readonly number[],
  callBackAt: string,
): void {
  const late = prepared(
    sqlite,
    `select rule_code as rule, expires_on as lastDay from callback_tasks
     where id in (select value from json_each(?)) and rule_code in ('event_invitation', 'event_confirmation')
       and expires_on < ? order by expires_on limit 1`,
  ).get(JSON.stringify(taskIds), localDate(new Date(callBackAt))) as
    { rule: string; lastDay: string } | undefined;
  if (!late) return;
  const message =
    late.rule === 'event_invitation'
      ? `邀约电话最晚 ${late.lastDay} 打完（活动开始前一天起只做二次确认），请约在这之前回电`
      : `二次确认最晚 ${late.lastDay}（活动前一天）打完，请约在这之前回电`;
  throw new AppError('validation', message, { fields: { callBackAt: message } });
}
