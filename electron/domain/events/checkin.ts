import type Database from 'better-sqlite3';
import type { CheckinResult } from '../../contract/event-day';
import { AppError } from '../../contract/errors';
import type { InviteeOrigin, InviteeStatus } from '../../contract/event-terms';
import { inviteeStatusLabels } from '../../contract/event-terms';
import { recordAudit } from '../audit/audit-log';
import { localDate, storeTimeOfDay } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import type { DayEvent } from './day-event';
import { arrivalCounts, assertCheckInOpen, loadDayEvent } from './day-event';
import { postEventCheckin, postingStamp } from '../loyalty/earnings';

export interface InviteeState {
  id: number;
  eventId: number;
  customerId: number;
  name: string;
  origin: InviteeOrigin;
  status: InviteeStatus;
  statusBeforeCheckIn: InviteeStatus | null;
  acceptedAt: string | null;
  confirmedAt: string | null;
  checkedInAt: string | null;
  checkedInCars: number | null;
  checkedInPeople: number | null;
  version: number;
}

export function loadInvitee(sqlite: Database.Database, inviteeId: number): InviteeState {
  const row = prepared(
    sqlite,
    `select i.id, i.event_id as eventId, i.customer_id as customerId, c.name, i.origin, i.status,
       i.status_before_check_in as statusBeforeCheckIn, i.accepted_at as acceptedAt, i.confirmed_at as confirmedAt,
       i.checked_in_at as checkedInAt, i.checked_in_cars as checkedInCars, i.checked_in_people as checkedInPeople,
       i.version
     from event_invitees i join customers c on c.id = i.customer_id where i.id = ?`,
  ).get(inviteeId) as InviteeState | undefined;
  if (!row) throw new AppError('not_found', '活动名单中没有这条记录，请刷新后重试');
  return row;
}

/** The refusal of a second tap: who came when, so the door can tell the guest they are already in. */
export function alreadyCheckedIn(invitee: InviteeState): AppError {
  const at = invitee.checkedInAt ? storeTimeOfDay(new Date(invitee.checkedInAt)) : '';
  return new AppError(
    'validation',
    `${invitee.name} 已签到（${at} 签到，${invitee.checkedInCars ?? 0} 辆车 ${invitee.checkedInPeople ?? 0} 人），无需重复签到`,
  );
}

/** Where a status leaves the guest as they arrive: said aloud at the door, the check-in goes ahead. */
function arrivalNotice(status: InviteeStatus): string | null {
  switch (status) {
    case 'declined':
    case 'cancelled':
    case 'no_show':
      return `该客户此前「${inviteeStatusLabels[status]}」，仍到场签到`;
    case 'waitlisted':
      return '该客户在候补名单上，到场签到（占用名额）';
    case 'pending':
    case 'undecided':
    case 'unreachable':
      return `该客户尚未报名（${inviteeStatusLabels[status]}），到场签到`;
    default:
      return null;
  }
}

/**
 * Seats expected against the capacity once this arrival is in: the arrived at what they brought, the others
 * who hold a seat at what they signed up for. The door never refuses for it; it only says so.
 */
export function capacityNotices(
  sqlite: Database.Database,
  event: DayEvent,
): {
  cars: boolean;
  people: boolean;
  notices: string[];
} {
  const held = prepared(
    sqlite,
    `select
       coalesce(sum(case when status = 'checked_in' then coalesce(checked_in_cars, 0) else cars end), 0) as cars,
       coalesce(sum(case when status = 'checked_in' then coalesce(checked_in_people, 0)
         else adults + children end), 0) as people
     from event_invitees where event_id = ? and status in ('accepted', 'confirmed', 'checked_in')`,
  ).get(event.id) as { cars: number; people: number };
  const cars = event.capacityCars !== null && held.cars > event.capacityCars;
  const people = event.capacityPeople !== null && held.people > event.capacityPeople;
  const notices: string[] = [];
  if (cars) notices.push(`车辆已超出容量：${held.cars} / ${event.capacityCars} 辆`);
  if (people) notices.push(`人数已超出容量：${held.people} / ${event.capacityPeople} 人`);
  return { cars, people, notices };
}

export function checkinResultOf(
  sqlite: Database.Database,
  event: DayEvent,
  inviteeId: number,
  previousStatus: InviteeStatus | null,
  notices: string[],
): CheckinResult {
  const after = loadInvitee(sqlite, inviteeId);
  return {
    inviteeId,
    eventId: event.id,
    status: after.status,
    previousStatus,
    checkedInAt: after.checkedInAt,
    checkedInCars: after.checkedInCars,
    checkedInPeople: after.checkedInPeople,
    notices,
    counts: arrivalCounts(sqlite, event),
    version: after.version,
  };
}

/** Marks the invitee arrived in one write; the event, the status it came from and the count are logged. */
export function markArrived(
  ctx: AuthedContext,
  invitee: InviteeState,
  counts: { cars: number; people: number },
  statusBefore: InviteeStatus | null,
): void {
  const now = ctx.clock().toISOString();
  prepared(
    ctx.db.$client,
    `update event_invitees set status = 'checked_in', status_before_check_in = ?, checked_in_at = ?,
       checked_in_by = ?, checked_in_cars = ?, checked_in_people = ?, updated_at = ?, version = version + 1
     where id = ? and status <> 'checked_in'`,
  ).run(statusBefore, now, ctx.user.id, counts.cars, counts.people, now, invitee.id);
  postEventCheckin(
    ctx.db.$client,
    { ...checkinOf(invitee, localDate(ctx.clock())), checkedIn: true },
    postingStamp(ctx),
  );
  recordAudit(ctx, {
    action: 'event.checked_in',
    entity: 'event_invitee',
    entityId: invitee.id,
    customerId: invitee.customerId,
    detail: { eventId: invitee.eventId, from: statusBefore, cars: counts.cars, people: counts.people },
  });
}

/** The check-in's points are dated the day the person arrived (an undo the same day takes them back). */
function checkinOf(invitee: InviteeState, today: string) {
  return {
    inviteeId: invitee.id,
    customerId: invitee.customerId,
    on: invitee.checkedInAt ? localDate(new Date(invitee.checkedInAt)) : today,
  };
}

export function checkIn(
  ctx: AuthedContext,
  input: { inviteeId: number; cars: number; people: number },
): CheckinResult {
  const sqlite = ctx.db.$client;
  return sqlite
    .transaction(() => {
      const invitee = loadInvitee(sqlite, input.inviteeId);
      const event = loadDayEvent(sqlite, invitee.eventId);
      if (invitee.status === 'checked_in') throw alreadyCheckedIn(invitee);
      assertCheckInOpen(event, localDate(ctx.clock()));
      markArrived(ctx, invitee, input, invitee.status);
      const notices = [arrivalNotice(invitee.status)].filter((n): n is string => n !== null);
      notices.push(...capacityNotices(sqlite, event).notices);
      return checkinResultOf(sqlite, event, invitee.id, invitee.status, notices);
    })
    .immediate();
}

/** Where an invitee checked in before this column existed stood: the furthest step their dates show. */
function statusToRestore(invitee: InviteeState): InviteeStatus {
  if (invitee.statusBeforeCheckIn) return invitee.statusBeforeCheckIn;
  if (invitee.confirmedAt) return 'confirmed';
  return 'accepted';
}

/**
 * A mistaken tap taken back: the invitee returns to the status they had; a walk-in, who was on no list,
 * leaves it again (a lead card created at the door stays: the person exists).
 */
export function undoCheckIn(ctx: AuthedContext, input: { inviteeId: number }): CheckinResult {
  const sqlite = ctx.db.$client;
  return sqlite
    .transaction(() => {
      const invitee = loadInvitee(sqlite, input.inviteeId);
      const event = loadDayEvent(sqlite, invitee.eventId);
      if (invitee.status !== 'checked_in') {
        throw new AppError('validation', `${invitee.name} 尚未签到，无需撤销`);
      }
      assertCheckInOpen(event, localDate(ctx.clock()));
      const walkIn =
        invitee.statusBeforeCheckIn === null &&
        (invitee.origin === 'walk_in' || invitee.origin === 'new_lead');
      const now = ctx.clock().toISOString();
      const restored = walkIn ? null : statusToRestore(invitee);
      postEventCheckin(
        sqlite,
        { ...checkinOf(invitee, localDate(ctx.clock())), checkedIn: false },
        postingStamp(ctx),
      );
      if (walkIn) {
        prepared(sqlite, 'delete from event_invitees where id = ?').run(invitee.id);
      } else {
        prepared(
          sqlite,
          `update event_invitees set status = ?, status_before_check_in = null, checked_in_at = null,
             checked_in_by = null, checked_in_cars = null, checked_in_people = null, updated_at = ?,
             version = version + 1
           where id = ?`,
        ).run(restored, now, invitee.id);
      }
      recordAudit(ctx, {
        action: 'event.check_in_undone',
        entity: 'event_invitee',
        entityId: invitee.id,
        customerId: invitee.customerId,
        detail: { eventId: event.id, to: restored, removedWalkIn: walkIn },
      });
      const counts = arrivalCounts(sqlite, event);
      if (walkIn) {
        return {
          inviteeId: invitee.id,
          eventId: event.id,
          status: null,
          previousStatus: 'checked_in' as const,
          checkedInAt: null,
          checkedInCars: null,
          checkedInPeople: null,
          notices: ['现场加入的记录已从名单移除（现场新建的客户卡片保留）'],
          counts,
          version: invitee.version + 1,
        };
      }
      return checkinResultOf(sqlite, event, invitee.id, 'checked_in', []);
    })
    .immediate();
}
