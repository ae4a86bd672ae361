import type Database from 'better-sqlite3';
import type { EventFunnel } from '../../contract/event-invitations';
import type { FunnelStep } from '../../contract/event-terms';
import { funnelSteps } from '../../contract/event-terms';
import { prepared } from '../customers/sql-cache';
import { heldSql } from './invitee-list';

/**
 * The invitation funnel of an event, from its list in one pass:
 * - invited: given an invitation call, or answered by other means (a sign-up at the counter was invited too);
 * - reached: the customer answered (reached_at), or signed up;
 * - accepted: ever signed up (later cancellations included), confirmed: ever confirmed;
 * - checked in: arrived at the venue, walk-ins left out (they were never invited) and counted beside;
 * - no-shows: marked so, or still signed up without a check-in once the event is over.
 * Rates are of the previous step and of the invited (0–1; null when that step is 0).
 */
export function funnelOf(sqlite: Database.Database, eventId: number): EventFunnel {
  const r = prepared(
    sqlite,
    `select count(i.id) as listed,
       count(case when i.status = 'pending' then 1 end) as pending,
       count(case when i.origin <> 'walk_in' and (i.invitation_task_id is not null or i.status <> 'pending') then 1 end)
         as invited,
       count(case when i.origin <> 'walk_in' and (i.reached_at is not null or i.accepted_at is not null) then 1 end)
         as reached,
       count(case when i.origin <> 'walk_in' and i.accepted_at is not null then 1 end) as accepted,
       count(case when i.origin <> 'walk_in' and i.confirmed_at is not null then 1 end) as confirmed,
       count(case when i.origin <> 'walk_in' and i.checked_in_at is not null then 1 end) as checkedIn,
       count(case when i.origin = 'walk_in' and i.checked_in_at is not null then 1 end) as walkIns,
       coalesce(sum(case when i.origin = 'walk_in' and i.checked_in_at is not null then i.checked_in_people end), 0)
         as walkInPeople,
       count(case when i.status = 'declined' then 1 end) as declined,
       count(case when i.status = 'undecided' then 1 end) as undecided,
       count(case when i.status = 'unreachable' then 1 end) as unreachable,
       count(case when i.status = 'cancelled' then 1 end) as cancelled,
       count(case when i.status = 'waitlisted' then 1 end) as waitlisted,
       count(case when i.status = 'no_show' or (e.status in ('done', 'summarised')
         and i.status in ('accepted', 'confirmed')) then 1 end) as noShows,
       coalesce(sum(case when ${heldSql} then i.cars end), 0) as cars,
       coalesce(sum(case when ${heldSql} then i.adults + i.children end), 0) as people
     from events e left join event_invitees i on i.event_id = e.id where e.id = ?`,
  ).get(eventId) as Record<string, number>;
  const counts: Record<FunnelStep, number> = {
    invited: r.invited ?? 0,
    reached: r.reached ?? 0,
    accepted: r.accepted ?? 0,
    confirmed: r.confirmed ?? 0,
    checked_in: r.checkedIn ?? 0,
  };
  const rate = (n: number, of: number) => (of > 0 ? n / of : null);
  return {
    steps: funnelSteps.map((step, k) => ({
      step,
      count: counts[step],
      rateOfPrevious: k === 0 ? null : rate(counts[step], counts[funnelSteps[k - 1]!]),
      rateOfInvited: rate(counts[step], counts.invited),
    })),
    declined: r.declined ?? 0,
    undecided: r.undecided ?? 0,
    unreachable: r.unreachable ?? 0,
    cancelled: r.cancelled ?? 0,
    waitlisted: r.waitlisted ?? 0,
    noShows: r.noShows ?? 0,
    walkIns: r.walkIns ?? 0,
    walkInPeople: r.walkInPeople ?? 0,
    listed: r.listed ?? 0,
    pending: r.pending ?? 0,
    signedUpCars: r.cars ?? 0,
    signedUpPeople: r.people ?? 0,
  };
}
