import type Database from 'better-sqlite3';
import { closeInvitationsBeforeStart } from '../events/event-call-dates';
import { markUnreachableAfterExpiry } from '../events/invitation-tasks';
import { runMarks } from './run-marks';
import { stmt } from './statements';

/**
 * Open tasks past their expiry date close as expired (unless someone is on the call right now). Expiry is a
 * date, so this only has work to do once a day; readers go through expireOncePerDay.
 */
export function closeExpired(sqlite: Database.Database, today: string, nowIso: string): number {
  // From the day before an event its invitations stop (that day is for second confirmations): they end as
  // cancelled with that reason, before the expiry below would call them merely expired.
  closeInvitationsBeforeStart(sqlite, today, nowIso);
  const changes = stmt(
    sqlite,
    // Named: the planner prefers the queue index (status, due_date), which walks every overdue open task.
    `update callback_tasks indexed by callback_tasks_open_expiry_idx
     set status = 'expired', claimed_by = null, claim_expires_at = null, updated_at = @now, version = version + 1
     where status = 'open' and due_date < @today and expires_on < @today
       and (claimed_by is null or claim_expires_at < @now)`,
  ).run({ today, now: nowIso }).changes;
  // An invitation call that ran out without reaching the customer: 联系不上 on the event's list.
  if (changes) markUnreachableAfterExpiry(sqlite, nowIso);
  runMarks.markExpired(sqlite, today);
  return changes;
}

export function expireOncePerDay(sqlite: Database.Database, today: string, nowIso: string): void {
  if (runMarks.expired(sqlite) !== today) closeExpired(sqlite, today, nowIso);
}
