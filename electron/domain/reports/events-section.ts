import type { z } from 'zod';
import type { EventType } from '../../contract/event-terms';
import { eventTypeLabels } from '../../contract/event-terms';
import type { eventSection } from '../../contract/reports';
import type { AuthedContext } from '../context';
import { heldEventsSql } from './held-events';
import { monthWindow } from './month-window';

type EventSection = z.infer<typeof eventSection>;
type EventRow = EventSection['rows'][number];

interface Raw extends Omit<EventRow, 'typeLabel' | 'netCostFen' | 'costPerPersonFen' | 'roi'> {
  actualLines: number;
}

const perPerson = (costFen: number | null, people: number) =>
  costFen === null || people <= 0 ? null : Math.round(costFen / people);

/**
 * 活动: the events held in the month (started in it and run: 进行中, 已结束, 已总结) with their funnel from the
 * invitee statuses, budget against actual cost, the subsidy received and the cost per checked-in person. ROI
 * needs revenue attributed to an event, which nothing records yet: null.
 */
export function eventsSection(ctx: AuthedContext, month: string): EventSection {
  const w = monthWindow(month);
  const raw = ctx.db.$client
    .prepare(
      `select e.id as eventId, e.event_no as eventNo, e.title, e.type, e.starts_on as startsOn, e.ends_on as endsOn,
         e.status, e.subsidy_received_fen as subsidyReceivedFen,
         coalesce(i.invited, 0) as invited, coalesce(i.reached, 0) as reached, coalesce(i.accepted, 0) as accepted,
         coalesce(i.confirmed, 0) as confirmed, coalesce(i.checkedIn, 0) as checkedIn,
         coalesce(i.people, 0) as checkedInPeople,
         coalesce(b.planned, 0) as plannedFen, b.actual as actualFen, coalesce(b.actualLines, 0) as actualLines
       from events e
       left join (
         select event_id, count(*) as invited, sum(reached_at is not null) as reached,
           sum(accepted_at is not null or status in ('accepted', 'confirmed', 'checked_in', 'no_show')) as accepted,
           sum(confirmed_at is not null or status in ('confirmed', 'checked_in')) as confirmed,
           sum(status = 'checked_in') as checkedIn,
           sum(case when status = 'checked_in' then coalesce(checked_in_people, adults + children) else 0 end) as people
         from event_invitees group by event_id
       ) i on i.event_id = e.id
       left join (
         select event_id, sum(planned_fen) as planned, sum(actual_fen) as actual, count(actual_fen) as actualLines
         from event_budget_lines group by event_id
       ) b on b.event_id = e.id
       where e.status in (${heldEventsSql}) and e.starts_on between @from and @to
       order by e.starts_on, e.id`,
    )
    .all({ from: w.from, to: w.to }) as Raw[];
  const rows: EventRow[] = raw.map(({ actualLines, ...r }) => {
    const actualFen = actualLines > 0 ? r.actualFen : null;
    const netCostFen = actualFen === null ? null : actualFen - r.subsidyReceivedFen;
    return {
      ...r,
      typeLabel: eventTypeLabels[r.type as EventType] ?? r.type,
      actualFen,
      netCostFen,
      costPerPersonFen: perPerson(netCostFen, r.checkedInPeople),
      roi: null,
    };
  });
  const total = (k: 'invited' | 'reached' | 'accepted' | 'confirmed' | 'checkedIn' | 'checkedInPeople') =>
    rows.reduce((n, r) => n + r[k], 0);
  const withActuals = rows.filter((r) => r.actualFen !== null);
  const actualFen = withActuals.length ? withActuals.reduce((n, r) => n + r.actualFen!, 0) : null;
  const netCostFen = withActuals.length ? withActuals.reduce((n, r) => n + r.netCostFen!, 0) : null;
  return {
    rows,
    totals: {
      events: rows.length,
      invited: total('invited'),
      reached: total('reached'),
      accepted: total('accepted'),
      confirmed: total('confirmed'),
      checkedIn: total('checkedIn'),
      checkedInPeople: total('checkedInPeople'),
      plannedFen: rows.reduce((n, r) => n + r.plannedFen, 0),
      actualFen,
      subsidyReceivedFen: rows.reduce((n, r) => n + r.subsidyReceivedFen, 0),
      netCostFen,
      costPerPersonFen: perPerson(
        netCostFen,
        withActuals.reduce((n, r) => n + r.checkedInPeople, 0),
      ),
    },
    notes: [
      '本月开始且已举办（进行中、已结束、已总结）的活动；邀约漏斗按邀约名单状态计',
      '净费用 = 实际费用 − 已到账厂家补贴；人均成本 = 净费用 ÷ 签到人数；尚未录入实际费用的活动不计入费用合计',
      'ROI 需要把产值归因到活动，目前尚无此数据，显示为暂无数据',
    ],
  };
}
