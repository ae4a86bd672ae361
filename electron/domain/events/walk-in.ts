import type Database from 'better-sqlite3';
import type { WalkInResult } from '../../contract/event-day';
import { customerFields } from '../../contract/customers';
import type { InviteeOrigin } from '../../contract/event-terms';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { createCustomer } from '../customers/customer-card';
import { requireCustomer } from '../customers/customer-exists';
import { prepared } from '../customers/sql-cache';
import { alreadyCheckedIn, capacityNotices, checkinResultOf, loadInvitee, markArrived } from './checkin';
import type { DayEvent } from './day-event';
import { assertCheckInOpen, loadDayEvent } from './day-event';

export interface WalkInInput {
  eventId: number;
  customerId?: number | null;
  newLead?: { name: string; mobile: string; referredById?: number | null } | null;
  cars: number;
  people: number;
}

/** A live customer already holding this mobile: the door checks them in rather than making a second card. */
function customerByMobile(sqlite: Database.Database, mobile: string): { id: number; name: string } | null {
  const row = prepared(
    sqlite,
    `select id, name from customers where (mobile = ? or mobile2 = ?) and merged_into_id is null
     order by id limit 1`,
  ).get(mobile, mobile) as { id: number; name: string } | undefined;
  return row ?? null;
}

function nextSignupNo(sqlite: Database.Database, eventId: number): number {
  const max = prepared(
    sqlite,
    'select max(signup_no) from event_invitees where event_id = ? and signup_no is not null',
  )
    .pluck()
    .get(eventId) as number | null;
  return (max ?? 0) + 1;
}

/**
 * Someone not on the list arrives: an existing customer joins it (origin walk_in), or a person who is not a
 * customer yet gets a lead card (source channel 活动, the referrer who brought them) through the customers'
 * own create service, so search keys, derived fields and call-backs are right. Checked in at once with the
 * next sign-up number. The capacity is not enforced at the door; going over it is reported.
 */
export function walkIn(ctx: AuthedContext, input: WalkInInput): WalkInResult {
  const sqlite = ctx.db.$client;
  return sqlite
    .transaction(() => {
      const event = loadDayEvent(sqlite, input.eventId);
      assertCheckInOpen(event, localDate(ctx.clock()));
      const notices: string[] = [];
      let customerId: number;
      let leadCreated = false;
      let origin: InviteeOrigin = 'walk_in';
      if (input.customerId) {
        customerId = requireCustomer(sqlite, input.customerId).id;
      } else {
        const lead = input.newLead!;
        const existing = customerByMobile(sqlite, lead.mobile);
        if (existing) {
          customerId = existing.id;
          notices.push(`手机号已属于客户 ${existing.name}，按已有客户签到，未新建客户卡片`);
        } else {
          if (lead.referredById) requireCustomer(sqlite, lead.referredById, '推荐人');
          const card = createCustomer(
            ctx,
            customerFields.parse({
              name: lead.name,
              mobile: lead.mobile,
              stage: 'lead',
              sourceChannel: 'event',
              referrerId: lead.referredById ?? null,
              notes: `${event.title}（${event.eventNo}）现场报名`,
            }),
          );
          customerId = card.id;
          leadCreated = true;
          origin = 'new_lead';
        }
      }
      const listed = prepared(sqlite, 'select id from event_invitees where event_id = ? and customer_id = ?')
        .pluck()
        .get(event.id, customerId) as number | undefined;
      if (listed !== undefined) return checkInListed(ctx, event, listed, input, notices);

      const now = ctx.clock().toISOString();
      const inviteeId = Number(
        prepared(
          sqlite,
          `insert into event_invitees (event_id, customer_id, origin, status, signup_no, cars, adults, children,
             referred_by_id, created_at, updated_at)
           values (?, ?, ?, 'pending', ?, ?, ?, 0, ?, ?, ?)`,
        ).run(
          event.id,
          customerId,
          origin,
          nextSignupNo(sqlite, event.id),
          input.cars,
          input.people,
          input.newLead?.referredById ?? null,
          now,
          now,
        ).lastInsertRowid,
      );
      // A walk-in had no status before: undoing it takes the row off the list again.
      markArrived(ctx, loadInvitee(sqlite, inviteeId), input, null);
      const capacity = capacityNotices(sqlite, event);
      const result = checkinResultOf(sqlite, event, inviteeId, null, [...notices, ...capacity.notices]);
      return {
        ...result,
        customerId,
        leadCreated,
        overCapacity: { cars: capacity.cars, people: capacity.people },
      };
    })
    .immediate();
}

/** The "walk-in" was on the list after all (found by name at the door): checked in as listed. */
function checkInListed(
  ctx: AuthedContext,
  event: DayEvent,
  inviteeId: number,
  input: WalkInInput,
  notices: string[],
): WalkInResult {
  const sqlite = ctx.db.$client;
  const invitee = loadInvitee(sqlite, inviteeId);
  if (invitee.status === 'checked_in') throw alreadyCheckedIn(invitee);
  markArrived(ctx, invitee, input, invitee.status);
  notices.push('该客户已在活动名单中，已按名单签到');
  const capacity = capacityNotices(sqlite, event);
  const result = checkinResultOf(sqlite, event, inviteeId, invitee.status, [...notices, ...capacity.notices]);
  return {
    ...result,
    customerId: invitee.customerId,
    leadCreated: false,
    overCapacity: { cars: capacity.cars, people: capacity.people },
  };
}
