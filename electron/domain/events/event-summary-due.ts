import type Database from 'better-sqlite3';
import type { EventStatus } from '../../contract/event-terms';
import { addDays } from '../callbacks/dates';
import { prepared } from '../customers/sql-cache';

/** The summary is due this many days after the last day of the event. */
export function summaryDueOn(endsOn: string, summaryDueDays: number): string {
  return addDays(endsOn, summaryDueDays);
}

/** Past its due day on the store's calendar and not submitted yet (red on the list and the page). */
export function summaryOverdue(
  e: { status: EventStatus; summaryDueOn: string | null; summarySubmittedAt: string | null },
  today: string,
): boolean {
  return (
    e.status === 'done' && e.summarySubmittedAt === null && e.summaryDueOn !== null && e.summaryDueOn < today
  );
}

/** The preparation-list task finishing gives the owner; submitting the summary ticks it. */
export const summaryTaskTitle = '提交活动总结';

export function addSummaryTask(
  sqlite: Database.Database,
  e: { id: number; ownerUserId: number | null },
  dueOn: string,
): void {
  prepared(
    sqlite,
    `insert into event_checklist_items (event_id, kind, title, owner_user_id, due_on, sort)
     select @id, 'other', @title, @owner, @dueOn, coalesce(max(sort), -1) + 1 from event_checklist_items where event_id = @id`,
  ).run({ id: e.id, title: summaryTaskTitle, owner: e.ownerUserId, dueOn });
}

export function tickSummaryTask(sqlite: Database.Database, eventId: number, by: number, now: string): void {
  prepared(
    sqlite,
    `update event_checklist_items set done_at = @now, done_by = @by
     where event_id = @eventId and kind = 'other' and title = @title and done_at is null`,
  ).run({ eventId, title: summaryTaskTitle, by, now });
}
