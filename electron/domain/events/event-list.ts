import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { EventStatus, EventType } from '../../contract/event-terms';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { countsByEvent } from './event-counts';
import { summaryOverdue } from './event-summary-due';

interface ListRow {
  id: number;
  eventNo: string;
  title: string;
  type: EventType;
  status: EventStatus;
  startsOn: string;
  endsOn: string;
  places: string | null;
  ownerId: number | null;
  ownerName: string | null;
  capacityCars: number | null;
  capacityPeople: number | null;
  plannedFen: number;
  actualFen: number;
  summaryDueOn: string | null;
  summarySubmittedAt: string | null;
}

/** The events list, newest start first; the budget sums and sign-up counts come in one query each. */
export function listEvents(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.list'>,
): ChannelOutput<'events.list'> {
  const sqlite = ctx.db.$client;
  const today = localDate(ctx.clock());
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.status && input.status.length > 0) {
    where.push(`e.status in (select value from json_each(?))`);
    params.push(JSON.stringify(input.status));
  }
  if (input.year !== undefined) {
    where.push('e.starts_on >= ? and e.starts_on < ?');
    params.push(`${input.year}-01-01`, `${input.year + 1}-01-01`);
  }
  if (input.text) {
    const like = `%${input.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      `(e.title like ? escape '\\' or e.event_no like ? escape '\\' or coalesce(e.places, '') like ? escape '\\'
        or coalesce(e.theme, '') like ? escape '\\')`,
    );
    params.push(like, like, like, like);
  }
  const rows = sqlite
    .prepare(
      `select e.id, e.event_no as eventNo, e.title, e.type, e.status, e.starts_on as startsOn, e.ends_on as endsOn,
         e.places, e.owner_user_id as ownerId, u.display_name as ownerName, e.capacity_cars as capacityCars,
         e.capacity_people as capacityPeople, coalesce(b.planned, 0) as plannedFen, coalesce(b.actual, 0) as actualFen,
         e.summary_due_on as summaryDueOn, e.summary_submitted_at as summarySubmittedAt
       from events e
       left join users u on u.id = e.owner_user_id
       left join (select event_id, sum(planned_fen) as planned, sum(actual_fen) as actual
                  from event_budget_lines group by event_id) b on b.event_id = e.id
       ${where.length ? `where ${where.join(' and ')}` : ''}
       order by e.starts_on desc, e.id desc`,
    )
    .all(...params) as ListRow[];
  const counts = countsByEvent(
    sqlite,
    rows.map((r) => r.id),
  );
  return {
    rows: rows.map((r) => ({
      id: r.id,
      eventNo: r.eventNo,
      title: r.title,
      type: r.type,
      status: r.status,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      places: r.places,
      owner: r.ownerId === null ? null : { id: r.ownerId, name: r.ownerName ?? `用户 ${r.ownerId}` },
      capacityCars: r.capacityCars,
      capacityPeople: r.capacityPeople,
      counts: counts.get(r.id)!,
      plannedFen: r.plannedFen,
      actualFen: r.actualFen,
      summaryDueOn: r.summaryDueOn,
      summaryOverdue: summaryOverdue(r, today),
    })),
  };
}
