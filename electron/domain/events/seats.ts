import type Database from 'better-sqlite3';
import type { EventCapacity } from '../../contract/event-invitations';
import { seatHoldingStatuses } from '../../contract/event-terms';
import { prepared } from '../customers/sql-cache';
import type { InvitationEvent } from './invitation-event';
import { capacityOf } from './invitee-list';
import type { StoredInvitee } from './invitee-store';

export interface Seats {
  cars: number;
  adults: number;
  children: number;
}

export const holdsSeats = (status: StoredInvitee['status']): boolean =>
  (seatHoldingStatuses as readonly string[]).includes(status);

/**
 * Whether `seats` fit the event next to everyone else's, the invitee's own current seats given back first.
 * Returns the capacity as it stands and, when they do not fit, what is short in words.
 */
export function fits(
  sqlite: Database.Database,
  e: InvitationEvent,
  invitee: Pick<StoredInvitee, 'status' | 'cars' | 'adults' | 'children'> | null,
  seats: Seats,
): { ok: boolean; capacity: EventCapacity; shortBy: string } {
  const capacity = capacityOf(sqlite, e);
  const own = invitee && holdsSeats(invitee.status) ? invitee : { cars: 0, adults: 0, children: 0 };
  const carsLeft = capacity.carsLeft === null ? null : capacity.carsLeft + own.cars;
  const peopleLeft = capacity.peopleLeft === null ? null : capacity.peopleLeft + own.adults + own.children;
  const short: string[] = [];
  if (carsLeft !== null && seats.cars > carsLeft) short.push(`车位剩 ${Math.max(carsLeft, 0)} 个`);
  if (peopleLeft !== null && seats.adults + seats.children > peopleLeft) {
    short.push(`名额剩 ${Math.max(peopleLeft, 0)} 人`);
  }
  return { ok: short.length === 0, capacity, shortBy: short.join('、') };
}

/** The next sign-up number of the event (1, 2, …); numbers of cancelled sign-ups are not given again. */
export function nextSignupNo(sqlite: Database.Database, eventId: number): number {
  return (
    ((prepared(sqlite, 'select max(signup_no) from event_invitees where event_id = ?')
      .pluck()
      .get(eventId) as number | null) ?? 0) + 1
  );
}

/** The first on the waiting list (earliest) whose cars and people fit the seats left now, if any. */
export function firstFittingWaitlisted(sqlite: Database.Database, e: InvitationEvent): number | null {
  const c = capacityOf(sqlite, e);
  const id = prepared(
    sqlite,
    `select id from event_invitees where event_id = @eventId and status = 'waitlisted'
       and (@carsLeft is null or cars <= @carsLeft) and (@peopleLeft is null or adults + children <= @peopleLeft)
     order by waitlist_at, id limit 1`,
  )
    .pluck()
    .get({ eventId: e.id, carsLeft: c.carsLeft, peopleLeft: c.peopleLeft }) as number | undefined;
  return id ?? null;
}

/** 报名号 as staff say it: 023. */
export const signupLabel = (n: number) => String(n).padStart(3, '0');
