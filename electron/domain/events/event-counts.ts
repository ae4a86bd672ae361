import type Database from 'better-sqlite3';
import type { BudgetTotals } from '../../contract/event-plan';
import { prepared } from '../customers/sql-cache';

/**
 * Sign-up counts and the funnel, from event_invitees. A step counts everyone who got that far, later steps
 * included: a checked-in guest was also invited, reached and accepted. Invited: an invitation call was made
 * for the row, or its status moved past pending. People are adults + children; a check-in counts what was
 * counted at the door when it was.
 */
const countColumns = `
  count(case when i.invitation_task_id is not null or i.status <> 'pending' then 1 end) as invited,
  count(case when i.status in ('accepted', 'confirmed', 'checked_in') then 1 end) as acceptedInvitees,
  coalesce(sum(case when i.status in ('accepted', 'confirmed', 'checked_in') then i.cars end), 0) as acceptedCars,
  coalesce(sum(case when i.status in ('accepted', 'confirmed', 'checked_in') then i.adults + i.children end), 0)
    as acceptedPeople,
  count(case when i.confirmed_at is not null or i.status = 'confirmed' then 1 end) as confirmed,
  count(case when i.status = 'checked_in' then 1 end) as checkedInInvitees,
  coalesce(sum(case when i.status = 'checked_in' then coalesce(i.checked_in_cars, i.cars) end), 0) as checkedInCars,
  coalesce(sum(case when i.status = 'checked_in' then coalesce(i.checked_in_people, i.adults + i.children) end), 0)
    as checkedInPeople`;

interface CountRow {
  eventId: number;
  invited: number;
  acceptedInvitees: number;
  acceptedCars: number;
  acceptedPeople: number;
  confirmed: number;
  checkedInInvitees: number;
  checkedInCars: number;
  checkedInPeople: number;
}

export interface EventCounts {
  invited: number;
  accepted: { invitees: number; cars: number; people: number };
  confirmed: number;
  checkedIn: { invitees: number; cars: number; people: number };
}

const shape = (r: CountRow | undefined): EventCounts => ({
  invited: r?.invited ?? 0,
  accepted: {
    invitees: r?.acceptedInvitees ?? 0,
    cars: r?.acceptedCars ?? 0,
    people: r?.acceptedPeople ?? 0,
  },
  confirmed: r?.confirmed ?? 0,
  checkedIn: {
    invitees: r?.checkedInInvitees ?? 0,
    cars: r?.checkedInCars ?? 0,
    people: r?.checkedInPeople ?? 0,
  },
});

export function eventCounts(sqlite: Database.Database, eventId: number): EventCounts {
  const row = prepared(
    sqlite,
    `select i.event_id as eventId, ${countColumns} from event_invitees i where i.event_id = ?`,
  ).get(eventId) as CountRow | undefined;
  return shape(row);
}

/** The counts of many events in one pass (the list). */
export function countsByEvent(
  sqlite: Database.Database,
  eventIds: readonly number[],
): Map<number, EventCounts> {
  const out = new Map<number, EventCounts>();
  if (eventIds.length === 0) return out;
  const rows = sqlite
    .prepare(
      `select i.event_id as eventId, ${countColumns} from event_invitees i
       where i.event_id in (select value from json_each(?)) group by i.event_id`,
    )
    .all(JSON.stringify(eventIds)) as CountRow[];
  for (const r of rows) out.set(r.eventId, shape(r));
  for (const id of eventIds) if (!out.has(id)) out.set(id, shape(undefined));
  return out;
}

export function newLeadCount(sqlite: Database.Database, eventId: number): number {
  return prepared(sqlite, "select count(*) from event_invitees where event_id = ? and origin = 'new_lead'")
    .pluck()
    .get(eventId) as number;
}

/** a ÷ b rounded to the nearest fen (halves away from zero), in integers; null when b is 0. */
export function perHead(a: number, b: number): number | null {
  if (b === 0) return null;
  const sign = a < 0 ? -1 : 1;
  return sign * Math.floor((2 * Math.abs(a) + b) / (2 * b));
}

export interface LineAmounts {
  plannedFen: number;
  actualFen: number | null;
}

/** The money side of the event's totals: planned, actual, variance and the net cost with its basis. */
export function netCost(lines: readonly LineAmounts[], subsidyReceivedFen: number) {
  let plannedFen = 0;
  let actualFen = 0;
  let anyActual = false;
  for (const l of lines) {
    plannedFen += l.plannedFen;
    if (l.actualFen !== null) {
      actualFen += l.actualFen;
      anyActual = true;
    }
  }
  const basis: 'actual' | 'planned' = anyActual ? 'actual' : 'planned';
  return {
    plannedFen,
    actualFen,
    // Until an actual is entered there is nothing to compare the plan with.
    varianceFen: anyActual ? actualFen - plannedFen : 0,
    subsidyReceivedFen,
    netCostFen: (anyActual ? actualFen : plannedFen) - subsidyReceivedFen,
    netCostBasis: basis,
  };
}

export function budgetTotals(
  lines: readonly LineAmounts[],
  subsidyReceivedFen: number,
  checkedIn: { cars: number; people: number },
  newLeads: number,
): BudgetTotals {
  const money = netCost(lines, subsidyReceivedFen);
  return {
    ...money,
    checkedInPeople: checkedIn.people,
    checkedInCars: checkedIn.cars,
    newLeads,
    costPerCheckedInPersonFen: perHead(money.netCostFen, checkedIn.people),
    costPerCarFen: perHead(money.netCostFen, checkedIn.cars),
    costPerNewLeadFen: perHead(money.netCostFen, newLeads),
  };
}
