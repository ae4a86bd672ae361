import type { ChannelOutput } from '../../contract';
import type { EventStatus, EventType } from '../../contract/event-terms';
import { eventStatusLabels, eventTypeLabels, seatHoldingStatuses } from '../../contract/event-terms';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { kpiScope, kpiSummary } from './kpi-page';
import { monthInstants } from './month-window';
import { reachedOutcomes } from '../../contract/callbacks';

const seatsSql = seatHoldingStatuses.map((s) => `'${s}'`).join(', ');
const reachedSql = reachedOutcomes.map((o) => `'${o}'`).join(', ');
/** How many upcoming events the start page lists. */
export const upcomingEventCount = 5;

/**
 * The manager's start page: today's call-back progress, open complaints by the time their next deadline leaves,
 * this month's KPIs against target (without their history), and the next events not yet over.
 */
export function managerDashboard(ctx: AuthedContext): ChannelOutput<'reports.dashboard'> {
  const sqlite = ctx.db.$client;
  const today = localDate(ctx.clock());
  const month = today.slice(0, 7);
  const day = monthInstants({ from: today, to: today });
  const callbacks = sqlite
    .prepare(
      `select
         (select count(*) from callback_tasks where due_date = @today and status <> 'cancelled') as dueToday,
         (select count(*) from callback_tasks where status = 'done' and completed_at >= @fromIso and completed_at < @toIso) as doneToday,
         (select count(*) from callback_tasks where status = 'open' and due_date <= @today) as open,
         (select count(*) from callback_tasks where status = 'open' and due_date < @today) as overdue,
         (select count(*) from callback_attempts where ended_at >= @fromIso and ended_at < @toIso and undone_at is null) as attemptsToday,
         (select count(*) from callback_attempts where ended_at >= @fromIso and ended_at < @toIso and undone_at is null
            and outcome in (${reachedSql})) as reachedToday`,
    )
    .get({ today, ...day }) as ChannelOutput<'reports.dashboard'>['callbacks'];
  const scope = kpiScope(ctx, month, 1);
  const events = sqlite
    .prepare(
      `select e.id, e.event_no as eventNo, e.title, e.type, e.starts_on as startsOn, e.ends_on as endsOn, e.status,
         e.capacity_people as capacityPeople,
         (select count(*) from event_invitees i where i.event_id = e.id and i.status in (${seatsSql})) as accepted
       from events e indexed by events_starts_idx
       where e.ends_on >= @today and e.status not in ('cancelled', 'done', 'summarised')
       order by e.starts_on, e.id limit ${upcomingEventCount}`,
    )
    .all({ today }) as {
    id: number;
    eventNo: string;
    title: string;
    type: EventType;
    startsOn: string;
    endsOn: string;
    status: EventStatus;
    capacityPeople: number | null;
    accepted: number;
  }[];
  return {
    today,
    callbacks,
    complaintsByTimeLeft: scope.complaints(month).openByTimeLeft,
    month,
    kpis: kpiSummary(scope, month),
    upcomingEvents: events.map(({ type, ...e }) => ({
      ...e,
      typeLabel: eventTypeLabels[type] ?? type,
      statusLabel: eventStatusLabels[e.status] ?? e.status,
    })),
  };
}
