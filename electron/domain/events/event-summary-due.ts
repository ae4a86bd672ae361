import type { EventStatus } from '../../contract/event-terms';
import { addDays } from '../callbacks/dates';

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
