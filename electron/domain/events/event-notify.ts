import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { localDate } from '../clock';
import { prepared } from '../customers/sql-cache';
import { notify } from '../notifications/notifications-service';

/** The words an overdue reminder carries: the daily pass finds the reminders it already sent by them. */
const overdueMark = '总结已逾期';

interface DueEvent {
  id: number;
  eventNo: string;
  title: string;
  ownerUserId: number | null;
  summaryDueOn: string | null;
}

/**
 * Tells the event's owner the summary is due (on finishing) or overdue (the daily pass). An event without an
 * owner tells its creator, so the reminder always reaches someone responsible.
 */
export function notifySummaryDue(
  sqlite: Database.Database,
  e: DueEvent & { createdBy?: number | null },
  why: 'finished' | 'overdue',
  now: string,
): number {
  const to = e.ownerUserId ?? e.createdBy ?? null;
  return notify(
    sqlite,
    [to],
    {
      kind: 'event_summary_due',
      title:
        why === 'finished'
          ? `活动 ${e.eventNo}「${e.title}」已结束，请在 ${e.summaryDueOn} 前提交活动总结`
          : `活动 ${e.eventNo}「${e.title}」${overdueMark}（应于 ${e.summaryDueOn} 前提交）`,
      refType: 'event',
      refId: e.id,
    },
    now,
  );
}

/**
 * The daily pass: each finished event whose summary is past due and not submitted tells its owner once. "Once"
 * is read from the notifications themselves (an overdue reminder for this event already written), so a second
 * run the same day, or the next day, sends nothing more.
 */
export function eventSummaryReminders(sqlite: Database.Database, clock: Clock): { reminded: number } {
  const now = clock();
  const today = localDate(now);
  const due = prepared(
    sqlite,
    `select e.id, e.event_no as eventNo, e.title, e.owner_user_id as ownerUserId, e.created_by as createdBy,
       e.summary_due_on as summaryDueOn
     from events e
     where e.status = 'done' and e.summary_submitted_at is null and e.summary_due_on is not null
       and e.summary_due_on < ?
       and not exists (select 1 from notifications n where n.kind = 'event_summary_due' and n.ref_type = 'event'
         and n.ref_id = e.id and instr(n.title, ?) > 0)`,
  ).all(today, overdueMark) as (DueEvent & { createdBy: number | null })[];
  if (due.length === 0) return { reminded: 0 };
  let reminded = 0;
  sqlite.transaction(() => {
    for (const e of due) if (notifySummaryDue(sqlite, e, 'overdue', now.toISOString()) > 0) reminded += 1;
  })();
  return { reminded };
}
