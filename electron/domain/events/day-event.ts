import type Database from 'better-sqlite3';
import type { ArrivalCounts } from '../../contract/event-day';
import { AppError } from '../../contract/errors';
import type { EventStatus } from '../../contract/event-terms';
import { eventStatusLabels } from '../../contract/event-terms';
import { prepared } from '../customers/sql-cache';

/** The event as the day's services read it. */
export interface DayEvent {
  id: number;
  eventNo: string;
  title: string;
  status: EventStatus;
  startsOn: string;
  endsOn: string;
  places: string | null;
  capacityCars: number | null;
  capacityPeople: number | null;
}

export function loadDayEvent(sqlite: Database.Database, eventId: number): DayEvent {
  const row = prepared(
    sqlite,
    `select id, event_no as eventNo, title, status, starts_on as startsOn, ends_on as endsOn, places,
       capacity_cars as capacityCars, capacity_people as capacityPeople
     from events where id = ?`,
  ).get(eventId) as DayEvent | undefined;
  if (!row) throw new AppError('not_found', '活动不存在或已被删除');
  return row;
}

/**
 * Check-in is open while the event runs, and on its own days while it is still approved or inviting: the
 * door opens before anyone remembers to press 活动开始.
 */
export function assertCheckInOpen(event: DayEvent, today: string): void {
  if (event.status === 'running') return;
  const onItsDays = today >= event.startsOn && today <= event.endsOn;
  if ((event.status === 'approved' || event.status === 'inviting') && onItsDays) return;
  if (event.status === 'approved' || event.status === 'inviting') {
    throw new AppError(
      'validation',
      today < event.startsOn
        ? `活动 ${event.startsOn} 才开始，尚未到签到时间`
        : `活动已于 ${event.endsOn} 结束，不能再签到`,
    );
  }
  throw new AppError('validation', `活动${eventStatusLabels[event.status]}，不能签到`);
}

/** Who has arrived so far, beside the capacity. */
export function arrivalCounts(sqlite: Database.Database, event: DayEvent): ArrivalCounts {
  const row = prepared(
    sqlite,
    `select count(*) as n, coalesce(sum(coalesce(checked_in_cars, cars)), 0) as cars,
       coalesce(sum(coalesce(checked_in_people, adults + children)), 0) as people
     from event_invitees where event_id = ? and status = 'checked_in'`,
  ).get(event.id) as { n: number; cars: number; people: number };
  return {
    checkedInInvitees: row.n,
    checkedInCars: row.cars,
    checkedInPeople: row.people,
    capacityCars: event.capacityCars,
    capacityPeople: event.capacityPeople,
  };
}

/** Current plates of some customers, by customer. */
export function platesOf(sqlite: Database.Database, customerIds: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!customerIds.length) return out;
  const rows = prepared(
    sqlite,
    `select owner_id as customerId, plate from vehicles indexed by vehicles_owner_idx
     where owner_id in (select value from json_each(?)) and plate is not null and plate <> ''
     order by owner_id, id`,
  ).all(JSON.stringify(customerIds)) as { customerId: number; plate: string }[];
  for (const r of rows) {
    const list = out.get(r.customerId) ?? [];
    list.push(r.plate);
    out.set(r.customerId, list);
  }
  return out;
}
